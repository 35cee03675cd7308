package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.xml.validation.Schema;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The national upload (REPC_MT000002GB01, {@code hl7:File}) written by hand as the national schema
 * defines it (docs/spine-national-shape.md §4.1), not by our generated client, sent raw over HTTP
 * with the sending ASID in the SOAP header; the answer ({@code hl7:FileResponse},
 * REPC_MT000003GB01) is validated against the national XSD (copied in src/test/resources/national/,
 * see its README) and read as a council's system would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NationalUploadIT {

  static final String LEICS = "855";
  static final LocalDate DOB = LocalDate.of(2019, 4, 12);
  static final String NS = "urn:hl7-org:v3";

  private static final Schema UPLOAD = NationalSchemas.schema("REPC_MT000002GB01.xsd");
  private static final Schema ACK = NationalSchemas.schema("REPC_MT000003GB01.xsd");

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R26a R1 R2 R13: a national file of a child's CPP, an unborn's UCP, a bad NHS number and an"
          + " end before its start is answered CPF03 with CPR06, CPR06, CPR04, CPR07 at their positions,"
          + " valid against the national XSD; the loaded plans are held with the file's telecoms,"
          + " the refused records leave nothing")
  void mixedFile() throws Exception {
    String child = TestData.nhsNumber();
    String mother = TestData.nhsNumber();
    String badCheck = TestData.nhsNumberWithBadCheckDigit();
    String badDate = TestData.nhsNumber();
    Demographics.register(child, "Mia", "Jones", DOB);
    Demographics.register(mother, "Lena", "Brown", LocalDate.of(1999, 6, 7));
    Demographics.register(badDate, "Ivy", "King", DOB);
    int seq = TestData.nextFileSequence(LEICS);
    String file =
        file(
            seq,
            4,
            childRecord(child, "NU-1", "Mia", "Jones", "202603010000", "202609010000"),
            unbornRecord(mother, "NU-2"),
            childRecord(badCheck, "NU-3", "Ben", "Jones", "202603010000", null),
            childRecord(badDate, "NU-4", "Ivy", "King", "202609010000", "202603010000"));
    NationalSchemas.validate(UPLOAD, Xml.parse(file).getDocumentElement());

    HttpResponse<String> r = post(file);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Element ack = fileResponse(r.body());
    NationalSchemas.validate(ACK, ack);

    assertThat(attr(ack, "id", "extension")).isEqualTo(String.format("%06d", seq));
    assertThat(attr(ack, "transmissionQuantity", "value")).isEqualTo("4");
    Element fileCode = Xml.elements(ack, "acknowledgementFileDetail").get(0);
    assertThat(Xml.child(fileCode, "code").getAttribute("code")).isEqualTo("CPF03");
    assertThat(Xml.child(fileCode, "code").getAttribute("displayName"))
        .isEqualTo("Partial File Upload");
    List<Element> records = Xml.elements(ack, "acknowledgementRecordDetail");
    assertThat(records)
        .extracting(
            d -> Xml.child(d, "code").getAttribute("code"),
            d -> Xml.child(d, "code").getAttribute("codeSystem"),
            d -> Xml.child(d, "location").getTextContent())
        .containsExactly(
            tuple("CPR06", "2.16.840.1.113883.2.1.3.2.4.17.473", "1"),
            tuple("CPR06", "2.16.840.1.113883.2.1.3.2.4.17.473", "2"),
            tuple("CPR04", "2.16.840.1.113883.2.1.3.2.4.17.473", "3"),
            tuple("CPR07", "2.16.840.1.113883.2.1.3.2.4.17.473", "4"));
    assertThat(Xml.child(records.get(2), "code").getAttribute("displayName"))
        .isEqualTo("PDS Error - NHS Number Format Incorrect");
    assertThat(Xml.child(records.get(3), "code").getAttribute("displayName"))
        .isEqualTo("Unsucessful Record Upload");
    // why, for the council's system: the field and the reason in the code's originalText
    assertThat(Xml.child(Xml.child(records.get(3), "code"), "originalText").getTextContent())
        .contains("information/effectiveTime/high")
        .contains("the end date 2026-03-01 is before the start date 2026-09-01");
    assertThat(Xml.child(Xml.child(records.get(2), "code"), "originalText").getTextContent())
        .contains("modulus 11");
    assertThat(attr(Xml.child(ack, "failedReturnedCP-ISRecords"), "value", "value")).isEqualTo("2");
    assertThat(attr(Xml.child(ack, "successfulReturnedCP-ISRecords"), "value", "value"))
        .isEqualTo("2");
    assertThat(Xml.elements(ack, "validCP-ISRecord")).hasSize(2);
    assertThat(Xml.elements(ack, "invalidCP-ISRecord")).hasSize(2);
    assertThat(
            Xml.elements(Xml.child(ack, "communicationFunctionRcv"), "id")
                .get(0)
                .getAttribute("extension"))
        .isEqualTo(LEICS);

    // the plans are held as sent
    var held = UploadIT.held(child);
    assertThat(held).hasSize(1);
    assertThat(held.getJsonObject(0).getString("planType")).isEqualTo("CPP");
    assertThat(held.getJsonObject(0).getString("localChildId")).isEqualTo("NU-1");
    assertThat(held.getJsonObject(0).getString("startDate")).isEqualTo("2026-03-01");
    assertThat(held.getJsonObject(0).getString("endDate")).isEqualTo("2026-09-01");
    // and a clinician's query shows the plan with the council's numbers from the file
    var clinician = Spine.query(Spine.CLINICIAN);
    Spine.RawAnswers raw = Spine.rawAnswers(clinician);
    clinician.query(QueryMessages.byPerson(child, QueryMessages.ED_NURSE));
    assertThat(raw.last()).contains("CPP").contains("01164960999").contains("01164960111");
    assertThat(UploadIT.held(mother)).hasSize(1);
    UploadIT.assertNotShared(badDate);
    assertThat(UploadIT.held(badDate)).isEmpty();
  }

  @Test
  @DisplayName(
      "R9: the same national file sent again is answered as the first time and changes nothing;"
          + " other content under its number is FILE_SEQUENCE_REUSED, a gap FILE_OUT_OF_SEQUENCE,"
          + " both SOAP faults with the code that load nothing")
  void sequence() throws Exception {
    String child = TestData.nhsNumber();
    String other = TestData.nhsNumber();
    Demographics.register(child, "Ola", "Birch", DOB);
    Demographics.register(other, "Pam", "Birch", DOB);
    int seq = TestData.nextFileSequence(LEICS);
    String first = file(seq, 1, childRecord(child, "NS-1", "Ola", "Birch", "202603010000", null));
    Element ack1 = fileResponse(post(first).body());
    NationalSchemas.validate(ACK, ack1);
    assertThat(code(ack1)).isEqualTo("CPF02");

    HttpResponse<String> again = post(first);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(code(fileResponse(again.body()))).isEqualTo("CPF02");
    assertThat(UploadIT.held(child)).hasSize(1);

    String reused = file(seq, 1, childRecord(other, "NS-2", "Pam", "Birch", "202603010000", null));
    HttpResponse<String> refused = post(reused);
    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(refused.body())
        .contains("<code>FILE_SEQUENCE_REUSED</code>")
        .contains("nothing of this file was loaded")
        .contains("send this content as file " + (seq + 1));
    assertThat(UploadIT.held(other)).isEmpty();

    String gap = file(seq + 5, 1, childRecord(other, "NS-2", "Pam", "Birch", "202603010000", null));
    HttpResponse<String> ahead = post(gap);
    assertThat(ahead.body()).contains("FILE_OUT_OF_SEQUENCE").contains("the next is " + (seq + 1));
    assertThat(UploadIT.held(other)).isEmpty();
  }

  @Test
  @DisplayName(
      "R26a: a national file whose transmissionQuantity is not its number of records is CPF01"
          + " (File Level Error), valid against the national XSD, and loads nothing")
  void recordCount() throws Exception {
    String child = TestData.nhsNumber();
    Demographics.register(child, "Rex", "Vale", DOB);
    int seq = TestData.nextFileSequence(LEICS);
    String f = file(seq, 2, childRecord(child, "NC-1", "Rex", "Vale", "202603010000", null));
    Element ack = fileResponse(post(f).body());
    NationalSchemas.validate(ACK, ack);
    assertThat(code(ack)).isEqualTo("CPF01");
    assertThat(
            Xml.child(Xml.elements(ack, "acknowledgementFileDetail").get(0), "code")
                .getAttribute("displayName"))
        .isEqualTo("File Level Error");
    // the national file code has no room for why; the hub keeps it with the file
    assertThat(Xml.elements(Xml.elements(ack, "acknowledgementFileDetail").get(0), "originalText"))
        .isEmpty();
    assertThat(Xml.elements(ack, "acknowledgementRecordDetail")).isEmpty();
    assertThat(UploadIT.held(child)).isEmpty();
  }

  @Test
  @DisplayName(
      "a File/id that is not a sequence number is the fault ErrorBase1712.INVALID_DATA|File/id;"
          + " an upload in the old (pre-national) shape is MESSAGE_NOT_READABLE; neither loads"
          + " anything")
  void notAFile() throws Exception {
    String child = TestData.nhsNumber();
    Demographics.register(child, "Zoe", "Hill", DOB);
    String named =
        file(1, 1, childRecord(child, "NF-1", "Zoe", "Hill", "202603010000", null))
            .replaceFirst("<id extension=\"[0-9]+\"/>", "<id extension=\"LCC-FILE-A\"/>");
    HttpResponse<String> r = post(named);
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body())
        .contains("<code>ErrorBase1712.INVALID_DATA|File/id</code>")
        .contains("is not a file sequence number");
    HttpResponse<String> old =
        post(
            "<REPC_MT000002GB01 xmlns=\"urn:hl7-org:v3\"><header><fileSequenceId value=\"1\"/>"
                + "</header></REPC_MT000002GB01>");
    assertThat(old.statusCode()).isEqualTo(500);
    assertThat(old.body())
        .contains("<faultcode>soap:Client</faultcode>")
        .contains("MESSAGE_NOT_READABLE");
    assertThat(UploadIT.held(child)).isEmpty();
  }

  @Test
  @DisplayName(
      "issue 10: the README's upload example (docs/examples/cpisupload-request.xml) is a national"
          + " File, answered CPF02 as docs/examples/cpisupload-answer.xml shows; both examples are"
          + " valid against the national XSD")
  void readmeExample() throws Exception {
    Path examples = Path.of("..", "docs", "examples");
    String request = Files.readString(examples.resolve("cpisupload-request.xml"));
    Element exampleFile = Xml.elements(Xml.parse(request), "File").get(0);
    NationalSchemas.validate(UPLOAD, exampleFile);
    Element exampleAnswer =
        fileResponse(Files.readString(examples.resolve("cpisupload-answer.xml")));
    NationalSchemas.validate(ACK, exampleAnswer);

    String nhs = TestData.nhsNumber();
    Demographics.register(nhs, "Amelia", "Hart", LocalDate.of(2019, 4, 2));
    int seq = TestData.nextFileSequence(LEICS);
    String body =
        request
            .substring(request.indexOf("<File "), request.indexOf("</File>") + 7)
            .replace("9990001006", nhs)
            .replace("<id extension=\"000001\"/>", "<id extension=\"%06d\"/>".formatted(seq));
    Element ack = fileResponse(post(body).body());
    NationalSchemas.validate(ACK, ack);
    assertThat(code(ack)).isEqualTo(code(exampleAnswer)).isEqualTo("CPF02");
    assertThat(Xml.elements(ack, "acknowledgementRecordDetail"))
        .extracting(d -> Xml.child(d, "code").getAttribute("code"))
        .containsExactly("CPR06");
    assertThat(Xml.elementNames(ack)).isEqualTo(Xml.elementNames(exampleAnswer));
    assertThat(UploadIT.held(nhs)).hasSize(1);
  }

  // ----- the messages, as a council's system writes them -----

  static String file(int seq, int declared, String... records) {
    return """
        <File xmlns="urn:hl7-org:v3" xmlns:npfitlc="NPFIT:HL7:Localisation">
          <creationTime value="20261124180000"/>
          <id extension="%s"/>
          <transmissionQuantity value="%d"/>
          <communicationFunctionSnd>
            <organisation>
              <id root="2.16.840.1.113883.2.1.3.2.4.19.1" extension="%s"/>
              <name>Leicestershire County Council</name>
              <telecom value="tel:01164960111" use="WP"/>
              <telecom value="tel:01164960999" use="EC"/>
            </organisation>
          </communicationFunctionSnd>
        %s
        </File>
        """
        .formatted(String.format("%06d", seq), declared, LEICS, String.join("\n", records));
  }

  static String childRecord(
      String nhs, String laId, String given, String family, String start, String end) {
    return """
          <record>
            <CP-ISRecord>
              <pertinentInformation>
                <npfitlc:contentId root="2.16.840.1.113883.2.1.3.2.4.18.16" extension="COCT_TP146101GB01#CPPInformation"/>
                <COCT_TP146101GB01.CPPInformation>
                  <component><cPPStartDate><value value="%s"/></cPPStartDate></component>
                  %s
                </COCT_TP146101GB01.CPPInformation>
              </pertinentInformation>
              <subject>
                <npfitlc:contentId root="2.16.840.1.113883.2.1.3.2.4.18.16" extension="COCT_TP145101GB01#Child"/>
                <COCT_TP145101GB01.Child>
                  <id root="2.16.840.1.113883.2.1.4.1" extension="%s"/>
                  <id root="2.16.840.1.113883.2.1.3.2.4.18.24" extension="%s"/>
                  <childPerson><birthTime value="20190412"/><name><given>%s</given><family>%s</family></name></childPerson>
                </COCT_TP145101GB01.Child>
              </subject>
            </CP-ISRecord>
          </record>
        """
        .formatted(
            start,
            end == null
                ? ""
                : "<component1><cPPEndDate><value value=\""
                    + end
                    + "\"/></cPPEndDate></component1>",
            nhs,
            laId,
            given,
            family);
  }

  static String unbornRecord(String motherNhs, String laId) {
    return """
          <record>
            <CP-ISRecord>
              <pertinentInformation>
                <npfitlc:contentId root="2.16.840.1.113883.2.1.3.2.4.18.16" extension="COCT_TP146102GB01#UCPInformation"/>
                <COCT_TP146102GB01.UCPInformation>
                  <component><uCPStartDate><value value="202610010000"/></uCPStartDate></component>
                  <component1><uCPEndDate><value value="202702010000"/></uCPEndDate></component1>
                </COCT_TP146102GB01.UCPInformation>
              </pertinentInformation>
              <subject>
                <npfitlc:contentId root="2.16.840.1.113883.2.1.3.2.4.18.16" extension="COCT_TP145100GB01#UnbornChild"/>
                <COCT_TP145100GB01.UnbornChild>
                  <parentMotherPerson>
                    <birthTime value="19990607"/>
                    <name><given>Lena</given><family>Brown</family></name>
                    <playedMother>
                      <id root="2.16.840.1.113883.2.1.4.1" extension="%s"/>
                      <id root="2.16.840.1.113883.2.1.3.2.4.18.24" extension="%s"/>
                    </playedMother>
                  </parentMotherPerson>
                </COCT_TP145100GB01.UnbornChild>
              </subject>
            </CP-ISRecord>
          </record>
        """
        .formatted(motherNhs, laId);
  }

  /** The file in a SOAP 1.1 envelope with 2004/08 WS-Addressing and the ASIDs in the header. */
  static HttpResponse<String> post(String file) throws Exception {
    String envelope =
        """
        <SOAP:Envelope xmlns:SOAP="http://schemas.xmlsoap.org/soap/envelope/"
                       xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing"
                       xmlns:hl7="urn:hl7-org:v3">
          <SOAP:Header>
            <wsa:MessageID>uuid:%s</wsa:MessageID>
            <wsa:Action>urn:nhs:names:services:cpisupload/REPC_MT000002GB01</wsa:Action>
            <wsa:To>%s/spine/cpisupload</wsa:To>
            <hl7:communicationFunctionRcv><hl7:device><hl7:id root="1.2.826.0.1285.0.2.0.107" extension="928942012545"/></hl7:device></hl7:communicationFunctionRcv>
            <hl7:communicationFunctionSnd><hl7:device><hl7:id root="1.2.826.0.1285.0.2.0.107" extension="200000000855"/></hl7:device></hl7:communicationFunctionSnd>
          </SOAP:Header>
          <SOAP:Body>
        %s
          </SOAP:Body>
        </SOAP:Envelope>
        """
            .formatted(UUID.randomUUID().toString().toUpperCase(), TestServer.baseUrl(), file);
    return Spine.soapPost(
        "/spine/cpisupload",
        HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8),
        Spine.LEICESTERSHIRE,
        "urn:nhs:names:services:cpisupload/REPC_MT000002GB01");
  }

  static Element fileResponse(String envelope) {
    Document d = Xml.parse(envelope);
    List<Element> found = Xml.elements(d, "FileResponse");
    assertThat(found).as(envelope).hasSize(1);
    assertThat(found.get(0).getNamespaceURI()).isEqualTo(NS);
    return found.get(0);
  }

  static String code(Element ack) {
    return Xml.child(Xml.elements(ack, "acknowledgementFileDetail").get(0), "code")
        .getAttribute("code");
  }

  private static String attr(Element parent, String child, String attribute) {
    return Xml.child(parent, child).getAttribute(attribute);
  }
}
