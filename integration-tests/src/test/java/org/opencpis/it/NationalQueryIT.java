package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.QueryMessages.MIU_DOCTOR;
import static org.opencpis.it.QueryMessages.byPerson;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issue 10: a QUPC_IN000006GB01 written by hand to the national CP-IS schema, by someone who has
 * never seen our WSDL (docs/spine-national-shape.md §1.4, §1.5), sent raw over HTTP, is answered
 * with the child's records; each of Spine's own checks on it (§2.1) is its national fault code, and
 * a faulted query is recorded nowhere; WS-Addressing 2004/08 (as Spine uses it) and W3C 2005/08 are
 * both answered, each in its own namespace.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NationalQueryIT {

  private static final Pattern CODE = Pattern.compile("<(?:\\w+:)?code>([^<]*)</(?:\\w+:)?code>");

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "issue 10 R18: the national person query (§1.4) is answered with the child's records and"
          + " recorded with the viewer's name read from its parts")
  void personAuthor() throws Exception {
    String nhs = Children.sharedByLeicestershire();

    HttpResponse<String> r = NationalQuery.byPerson(nhs).send(Spine.CLINICIAN);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body())
        .contains("REPC_IN000007GB01")
        .contains("Leicestershire County Council")
        .contains("CPP");
    assertThat(Children.accesses(nhs)).isEqualTo(1);
    SpineAnswer.Access first = history(nhs).get(1);
    assertThat(first.viewerName()).isEqualTo("Dr Ada Grace Okafor MBE");
    assertThat(first.jobRoleCode()).isEqualTo("R8001");
    assertThat(first.jobRoleName()).isEqualTo("Nurse Access Role");
    assertThat(first.organisationOds()).isEqualTo("RWE");
    assertThat(first.organisationName()).isEqualTo("University Hospitals of Leicester NHS Trust");
    // a national query has no care setting (our extension): recorded as not known
    assertThat(SpineAnswer.careSettings(nhs).get(1)).isNull();
  }

  private static final String ANSWER =
      "/soap:Envelope/soap:Body/hl7:CP-ISNHSQueryResponse/hl7:REPC_IN000007GB01";
  private static final String RESPONSE =
      ANSWER + "/hl7:ControlActEvent/hl7:subject/hl7:CP-ISNHSQueryResponse";

  @Test
  @DisplayName(
      "issue 10 R18 R19: the answer is REPC_IN000007GB01 as Spine builds it: the council with its"
          + " office-hours and emergency numbers, the plan and its start, the child as uploaded,"
          + " and the history with the viewer's name in its parts, job role and organisation")
  void nationalAnswer() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    NationalQuery.bySystem(nhs).send(Spine.CLINICIAN); // an earlier view, by a system
    NationalQuery q = NationalQuery.byPerson(nhs);

    HttpResponse<String> r = q.send(Spine.CLINICIAN);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Document d = Xml.parse(r.body());
    assertThat(xpath(d, ANSWER + "/hl7:interactionId/@extension")).isEqualTo("REPC_IN000007GB01");
    assertThat(xpath(d, ANSWER + "/hl7:communicationFunctionRcv/hl7:device/hl7:id/@extension"))
        .as("the requester")
        .isEqualTo("200000000999");
    assertThat(xpath(d, ANSWER + "/hl7:ControlActEvent/hl7:queryAck/hl7:queryResponseCode/@code"))
        .isEqualTo("OK");
    assertThat(
            xpath(d, RESPONSE + "/hl7:pertinentInformation12//hl7:value/@value")
                + "/"
                + xpath(d, RESPONSE + "/hl7:pertinentInformation11//hl7:value/@value"))
        .as("child records / access records")
        .isEqualTo("1/2");
    String record =
        RESPONSE + "/hl7:pertinentInformation14/hl7:pertinentCP-ISRecordControlAct/hl7:record";
    String la = record + "/hl7:communicationFunctionSnd/hl7:organisation";
    assertThat(xpath(d, la + "/hl7:id/@root")).isEqualTo("2.16.840.1.113883.2.1.3.2.4.19.1");
    assertThat(xpath(d, la + "/hl7:id/@extension")).isEqualTo("855");
    assertThat(xpath(d, la + "/hl7:name")).isEqualTo("Leicestershire County Council");
    assertThat(xpath(d, la + "/hl7:telecom[@use='WP']/@value")).isEqualTo("tel:01164960111");
    assertThat(xpath(d, la + "/hl7:telecom[@use='EC']/@value")).isEqualTo("tel:01164960999");
    String plan = record + "/hl7:CP-ISRecord/hl7:pertinentInformation15";
    assertThat(count(d, plan)).isEqualTo(1);
    assertThat(
            xpath(
                d,
                plan
                    + "/hl7:COCT_TP146105GB01.CPPInformation/hl7:component/hl7:cPPStartDate/hl7:value/@value"))
        .as("the plan's start, YYYYMMDDHHMM")
        .isEqualTo(TestData.hl7(Children.PLAN_START) + "0000");
    assertThat(count(d, plan + "//hl7:cPPEndDate")).as("no end yet").isZero();
    String child = record + "/hl7:CP-ISRecord/hl7:subject/hl7:COCT_TP145101GB01.Child";
    assertThat(xpath(d, child + "/hl7:id[@root='2.16.840.1.113883.2.1.4.1']/@extension"))
        .isEqualTo(nhs);
    assertThat(xpath(d, child + "/hl7:id[@root='2.16.840.1.113883.2.1.3.2.4.18.24']/@extension"))
        .isEqualTo("L-HL7-" + nhs);
    assertThat(xpath(d, child + "/hl7:childPerson/hl7:name/hl7:given")).isEqualTo("Noah");
    assertThat(xpath(d, child + "/hl7:childPerson/hl7:name/hl7:family")).isEqualTo("Patel");
    assertThat(xpath(d, child + "/hl7:childPerson/hl7:birthTime/@value"))
        .isEqualTo(TestData.hl7(Children.DOB));

    // the history, newest first: this query, by a person ...
    String now = RESPONSE + "/hl7:pertinentInformation13[1]/hl7:pertinentCP-ISNHSQuery";
    assertThat(xpath(d, now + "/hl7:id/@root")).isEqualTo(q.eventId);
    String person = now + "/hl7:author/hl7:COCT_TP145102GB01.AssignedAuthor";
    String name = person + "/hl7:assignedAuthorPerson/hl7:name";
    assertThat(xpath(d, name + "/hl7:prefix")).isEqualTo("Dr");
    assertThat(xpath(d, name + "/hl7:given[1]") + " " + xpath(d, name + "/hl7:given[2]"))
        .isEqualTo("Ada Grace");
    assertThat(xpath(d, name + "/hl7:family")).isEqualTo("Okafor");
    assertThat(xpath(d, name + "/hl7:suffix")).isEqualTo("MBE");
    assertThat(xpath(d, person + "/hl7:code/@code")).isEqualTo("R8001");
    assertThat(xpath(d, person + "/hl7:code/@displayName")).isEqualTo("Nurse Access Role");
    assertThat(xpath(d, person + "/hl7:id[@root='1.2.826.0.1285.0.2.0.65']/@extension"))
        .isEqualTo("555000111222");
    assertThat(xpath(d, person + "/hl7:id[@root='1.2.826.0.1285.0.2.0.67']/@extension"))
        .isEqualTo("555000333444");
    assertThat(xpath(d, person + "/hl7:representedOrganization/hl7:id/@extension"))
        .isEqualTo("RWE");
    assertThat(xpath(d, person + "/hl7:representedOrganization/hl7:name"))
        .isEqualTo("University Hospitals of Leicester NHS Trust");
    assertThat(xpath(d, now + "/hl7:queryByParameter/hl7:person.NHSnumber/hl7:value/@extension"))
        .isEqualTo(nhs);
    // ... and the earlier one, by a system acting for a named person
    String system =
        RESPONSE
            + "/hl7:pertinentInformation13[2]/hl7:pertinentCP-ISNHSQuery/hl7:author/hl7:COCT_TP145104GB01.System";
    assertThat(xpath(d, system + "/hl7:id/@extension")).isEqualTo("200000000777");
    String nominated = system + "/hl7:indirectAuthority/hl7:superiorAssignedEntity";
    assertThat(xpath(d, nominated + "/hl7:assignedPerson/hl7:name/hl7:given")).isEqualTo("Sam");
    assertThat(xpath(d, nominated + "/hl7:assignedPerson/hl7:name/hl7:family")).isEqualTo("Patel");
    assertThat(xpath(d, nominated + "/hl7:code/@displayName"))
        .isEqualTo("Clinical Practitioner Access Role");
    assertThat(xpath(d, system + "/hl7:maintainingOrganization/hl7:id/@extension"))
        .isEqualTo("RWE");
    // no care setting (ours, not national) in the national answer
    assertThat(count(d, "//hl7:careSetting")).isZero();
  }

  @Test
  @DisplayName(
      "issue 10: the answer's SOAP header is Spine's: RelatesTo the request's MessageID, the"
          + " requester's and our ASIDs as communicationFunctionRcv/Snd, and wsa:From")
  void nationalHeader() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    NationalQuery q = NationalQuery.byPerson(nhs);

    HttpResponse<String> r = q.send(Spine.CLINICIAN);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Document d = Xml.parse(r.body());
    String header = "/soap:Envelope/soap:Header";
    assertThat(xpath(d, header + "/*[local-name()='RelatesTo']")).isEqualTo("uuid:" + q.messageId);
    assertThat(xpath(d, header + "/hl7:communicationFunctionRcv/hl7:device/hl7:id/@extension"))
        .isEqualTo("200000000999");
    assertThat(xpath(d, header + "/hl7:communicationFunctionSnd/hl7:device/hl7:id/@extension"))
        .isEqualTo(xpath(d, ANSWER + "/hl7:communicationFunctionSnd/hl7:device/hl7:id/@extension"))
        .isNotBlank();
    Element from = NationalAnswers.element(d, header + "/*[local-name()='From']");
    assertThat(from.getNamespaceURI()).isEqualTo(NationalQuery.WSA_2004);
    assertThat(from.getTextContent().trim()).endsWith("/spine/cpisquery");
  }

  @Test
  @DisplayName(
      "issue 10 R18: nothing held is QUQI_IN010000UK14 as Spine sends it: HTTP 200, the body's own"
          + " element, queryResponseCode NF, acknowledging the request's id, Action QUQI")
  void notFound() throws Exception {
    NationalQuery q = NationalQuery.byPerson(TestData.nhsNumber());

    HttpResponse<String> r = q.send(Spine.CLINICIAN);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Document d = Xml.parse(r.body());
    String quqi = "/soap:Envelope/soap:Body/hl7:QUQI_IN010000UK14";
    assertThat(count(d, quqi)).as(r.body()).isEqualTo(1);
    assertThat(count(d, "//soap:Fault")).isZero();
    assertThat(xpath(d, quqi + "/hl7:interactionId/@extension")).isEqualTo("QUQI_IN010000UK14");
    assertThat(xpath(d, quqi + "/hl7:acknowledgement/@typeCode")).isEqualTo("AE");
    assertThat(xpath(d, quqi + "/hl7:acknowledgement/hl7:messageRef/hl7:id/@root"))
        .isEqualTo(q.messageId);
    assertThat(xpath(d, quqi + "/hl7:ControlActEvent/hl7:queryAck/hl7:queryResponseCode/@code"))
        .isEqualTo("NF");
    assertThat(
            xpath(
                d,
                quqi
                    + "/hl7:ControlActEvent/hl7:reason/hl7:justifyingDetectedIssueEvent/hl7:code/@displayName"))
        .isEqualTo("No records found");
    String header = "/soap:Envelope/soap:Header";
    assertThat(xpath(d, header + "/*[local-name()='Action']"))
        .isEqualTo("urn:nhs:names:services:cpisquery/QUQI_IN010000UK14");
    assertThat(xpath(d, header + "/*[local-name()='RelatesTo']")).isEqualTo("uuid:" + q.messageId);
    assertThat(xpath(d, header + "/hl7:communicationFunctionRcv/hl7:device/hl7:id/@extension"))
        .isEqualTo("200000000999");
  }

  @Test
  @DisplayName(
      "issue 10: the answer's REPC_IN000007GB01 and the not-found QUQI_IN010000UK14 validate"
          + " against the national XSDs (-Dnational.schemas)")
  void validAgainstTheNationalSchemas() throws Exception {
    NationalAnswers.schemas();
    String nhs = Children.sharedByLeicestershire();
    NationalQuery.bySystem(nhs).send(Spine.CLINICIAN);
    Document found = Xml.parse(NationalQuery.byPerson(nhs).send(Spine.CLINICIAN).body());
    Document none =
        Xml.parse(NationalQuery.byPerson(TestData.nhsNumber()).send(Spine.CLINICIAN).body());

    NationalAnswers.validate(NationalAnswers.element(found, ANSWER));
    NationalAnswers.validate(
        NationalAnswers.element(none, "/soap:Envelope/soap:Body/hl7:QUQI_IN010000UK14"));
  }

  @Test
  @DisplayName(
      "issue 10: the README's query example (docs/examples/cpisquery-request.xml) is answered,"
          + " for a child shared first")
  void readmeExample() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String example =
        Files.readString(Path.of("..", "docs", "examples", "cpisquery-request.xml"))
            .replace("9990001006", nhs)
            .replace(
                "8E4C2D10-5B7A-4F61-9C3E-2A1B0C9D8E7F", UUID.randomUUID().toString().toUpperCase())
            .replace(
                "0D3E5C1A-2B7F-4A55-8E0B-9F1C2D3E4F50", UUID.randomUUID().toString().toUpperCase());

    HttpResponse<String> r = NationalQuery.post(Spine.CLINICIAN, example);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("Leicestershire County Council");
    assertThat(Children.accesses(nhs)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "issue 10 R18: the national system query (§1.5) is answered and recorded as the person the"
          + " system acts for")
  void systemAuthor() throws Exception {
    String nhs = Children.sharedByLeicestershire();

    HttpResponse<String> r = NationalQuery.bySystem(nhs).send(Spine.CLINICIAN);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("REPC_IN000007GB01").contains("Leicestershire County Council");
    SpineAnswer.Access first = history(nhs).get(1);
    assertThat(first.viewerName()).isEqualTo("Sam Patel");
    assertThat(first.jobRoleName()).isEqualTo("Clinical Practitioner Access Role");
    assertThat(first.organisationOds()).isEqualTo("RWE");
  }

  @Test
  @DisplayName(
      "issue 10: the largest name Spine reads (prefix, five given names, family, suffix), its parts"
          + " in any order, is read whole")
  void largestName() throws Exception {
    String nhs = Children.sharedByLeicestershire();

    HttpResponse<String> r =
        NationalQuery.byPerson(nhs)
            .replace(
                NationalQuery.PERSON_NAME,
                "<name use=\"L\"><family>Okafor-Reyes</family><prefix>Dr</prefix>"
                    + "<given>Ada</given><given>Grace</given><given>Maria</given>"
                    + "<given>Jo</given><given>Lee</given><suffix>MBE</suffix></name>")
            .send(Spine.CLINICIAN);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(history(nhs).get(1).viewerName())
        .isEqualTo("Dr Ada Grace Maria Jo Lee Okafor-Reyes MBE");
  }

  @Test
  @DisplayName(
      "issue 10 R20: a national query by a B0170 user, and one marked accessEventType=false, are"
          + " answered and recorded nowhere")
  void silentRead() throws Exception {
    String nhs = Children.sharedByLeicestershire();

    HttpResponse<String> b0170 = NationalQuery.byPerson(nhs).send(Spine.SILENT_VIEWER);
    HttpResponse<String> notAnAccess =
        NationalQuery.byPerson(nhs)
            .extensions("<accessEventType value=\"false\"/>")
            .send(Spine.CLINICIAN);

    assertThat(b0170.statusCode()).as(b0170.body()).isEqualTo(200);
    assertThat(b0170.body()).contains("Leicestershire County Council");
    assertThat(notAnAccess.statusCode()).as(notAnAccess.body()).isEqualTo(200);
    assertThat(notAnAccess.body()).contains("Leicestershire County Council");
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName(
      "issue 10 R18: OpenCPIS's care setting, after queryByParameter, is kept with the access")
  void careSettingExtension() throws Exception {
    String nhs = Children.sharedByLeicestershire();

    HttpResponse<String> r =
        NationalQuery.byPerson(nhs).extensions("<careSetting code=\"ed\"/>").send(Spine.CLINICIAN);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(SpineAnswer.careSettings(nhs).get(0)).isEqualTo("ED");
  }

  /** A Spine check: the code it raises, and how a query breaks it. */
  record Check(String code, boolean system, UnaryOperator<NationalQuery> breaking) {}

  private static final String ASID_ID =
      "<id root=\"1.2.826.0.1285.0.2.0.107\" extension=\"200000000999\"/>";
  private static final String MISSING = "ErrorBase1712.MANDATORY_DATA_MISSING|";

  private static final List<Check> CHECKS =
      List.of(
          new Check(
              "ErrorBase1732.INVALID_ID",
              false,
              q -> q.replace("<id root=\"" + q.messageId + "\"/>", "<id/>")),
          new Check(
              "ErrorBase1732.INVALID_CREATION_TIME",
              false,
              q -> q.replace("<creationTime value=\"20261125103000\"/>", "<creationTime/>")),
          new Check(
              "ErrorBase1732.INVALID_VERSION_CODE",
              false,
              q -> q.replace("<versionCode code=\"V3NPfIT3.0\"/>", "<versionCode/>")),
          new Check(
              "ErrorBase1732.INCONSISTENT_HL7_INTERACTION_ID",
              false,
              q -> q.replace("extension=\"QUPC_IN000006GB01\"", "extension=\"QUPC_IN000005GB01\"")),
          new Check(
              "ErrorBase1732.INCONSISTENT_HL7_INTERACTION_ID",
              false,
              q ->
                  q.replace(
                      "<interactionId root=\"2.16.840.1.113883.2.1.3.2.4.12\"",
                      "<interactionId root=\"2.16.840.1.113883.2.1.3.2.4.99\"")),
          new Check(
              "ErrorBase1732.INVALID_COMM_FUNC_RCV",
              false,
              q ->
                  q.replace(
                      "<id root=\"1.2.826.0.1285.0.2.0.107\" extension=\"928942012545\"/>",
                      "<id root=\"1.2.3\" extension=\"928942012545\"/>")),
          // the national schema allows several receivers; Spine wants exactly one ASID among them
          new Check(
              "ErrorBase1732.INVALID_COMM_FUNC_RCV",
              false,
              q ->
                  q.replace(
                      "</communicationFunctionRcv>",
                      "</communicationFunctionRcv><communicationFunctionRcv><device>"
                          + "<id root=\"1.2.826.0.1285.0.2.0.107\" extension=\"928942012546\"/>"
                          + "</device></communicationFunctionRcv>")),
          new Check(
              "ErrorBase1732.INVALID_COMM_FUNC_SND",
              false,
              q ->
                  q.replaceElement(
                      "<communicationFunctionSnd",
                      "</communicationFunctionSnd>",
                      "<communicationFunctionSnd><device>"
                          + "<id root=\"1.2.826.0.1285.0.2.0.107\" extension=\"\"/>"
                          + "</device></communicationFunctionSnd>")),
          new Check(
              "ErrorBase1732.INVALID_CONTROL_ACT",
              false,
              q -> q.replaceElement("<ControlActEvent", "</ControlActEvent>", "")),
          new Check(
              MISSING + "author1", false, q -> q.replaceElement("<author1", "</author1>", "")),
          new Check(
              MISSING + "author1",
              false,
              q ->
                  q.replace(
                      "</author1>",
                      "</author1><author1><AgentSystemSDS><agentSystemSDS>"
                          + "<id root=\"1.2.826.0.1285.0.2.0.107\" extension=\"200000000998\"/>"
                          + "</agentSystemSDS></AgentSystemSDS></author1>")),
          new Check(
              MISSING + "author1",
              false,
              q ->
                  q.replaceElement(
                      "<agentSystemSDS",
                      "</agentSystemSDS>",
                      "<agentSystemSDS><id root=\"1.2.826.0.1285.0.2.0.999\""
                          + " extension=\"200000000999\"/></agentSystemSDS>")),
          new Check(
              MISSING + "Event ID",
              false,
              q -> q.replace("<id root=\"" + q.eventId + "\"/>", "<id/>")),
          new Check(
              MISSING + "NHS Number", false, q -> q.replaceElement("<value", "/>", "<value/>")),
          new Check(
              MISSING + "[authorPerson or authorDevice]",
              false,
              q -> q.replaceElement("<author>", "</author>", "")),
          new Check(MISSING + "Job Role Code", false, q -> q.replace("code=\"R8001\" ", "")),
          new Check(
              MISSING + "Job Role Name",
              false,
              q -> q.replace(" displayName=\"Nurse Access Role\"", "")),
          new Check(
              MISSING + "Organisation Code",
              false,
              q -> q.replace("extension=\"RWE\"/>", "extension=\"\"/>")),
          new Check(
              MISSING + "Organisation Name",
              false,
              q ->
                  q.replace("<name>University Hospitals of Leicester NHS Trust</name>", "<name/>")),
          new Check(
              MISSING + "authorID",
              false,
              q ->
                  q.replace(
                      "<id root=\"1.2.826.0.1285.0.2.0.65\" extension=\"555000111222\"/>", "")),
          new Check(
              MISSING + "authorDevice.systemID",
              true,
              q ->
                  q.replace(
                      "<id root=\"1.2.826.0.1285.0.2.0.107\" extension=\"200000000777\"/>",
                      "<id root=\"1.2.826.0.1285.0.2.0.107\"/>")),
          new Check(
              MISSING + "authorDevice.orgCode", true, q -> q.replace("extension=\"RWE\"/>", "/>")),
          new Check(
              MISSING + "authorDevice.orgName",
              true,
              q -> q.replace("<name>University Hospitals of Leicester NHS Trust</name>", "")),
          new Check(
              MISSING + "authorDevice.jobRoleCode", true, q -> q.replace("code=\"R8000\" ", "")),
          new Check(
              MISSING + "authorDevice.jobRoleName",
              true,
              q -> q.replace(" displayName=\"Clinical Practitioner Access Role\"", "")),
          new Check(
              MISSING + "authorDevice.assignedPersonName",
              true,
              q -> q.replace("<name><given>Sam</given><family>Patel</family></name>", "")));

  @Test
  @DisplayName(
      "issue 10 R20: each of Spine's checks (CPIS_Query.xsl) is its national fault code, from a"
          + " national query breaking exactly that; none of them is recorded")
  void spineChecks() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    for (Check check : CHECKS) {
      NationalQuery q =
          check
              .breaking()
              .apply(check.system() ? NationalQuery.bySystem(nhs) : NationalQuery.byPerson(nhs));

      HttpResponse<String> r = q.send(Spine.CLINICIAN);

      assertThat(r.statusCode()).as(check.code() + ": " + r.body()).isEqualTo(500);
      assertThat(faultCode(r.body())).as(r.body()).isEqualTo(check.code());
      // as Spine writes a fault: the sender's (soap:Client), nasp:errorList with the code
      Document f = Xml.parse(r.body());
      assertThat(xpath(f, "//soap:Fault/faultcode")).as(r.body()).endsWith(":Client");
      int bar = check.code().indexOf('|');
      String error = "//soap:Fault/detail/nasp:errorList/nasp:error";
      assertThat(xpath(f, error + "/nasp:errorCode"))
          .isEqualTo(bar < 0 ? check.code() : check.code().substring(0, bar));
      if (bar >= 0) {
        assertThat(xpath(f, error + "/nasp:location")).isEqualTo(check.code().substring(bar + 1));
      }
      assertThat(r.body()).doesNotContain(nhs).doesNotContain("Leicestershire");
    }
    assertThat(Children.accesses(nhs)).as("accesses recorded for faulted queries").isZero();
    // the same child, asked properly, is answered: the faults were the messages'
    assertThat(NationalQuery.byPerson(nhs).send(Spine.CLINICIAN).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "issue 10: an HL7 v3 interaction cpisquery does not take is INCONSISTENT_HL7_INTERACTION_ID;"
          + " a body that is no HL7 v3 at all is MESSAGE_NOT_READABLE; both the sender's fault")
  void notAQuery() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    HttpResponse<String> other =
        NationalQuery.byPerson(nhs)
            .replace("<QUPC_IN000006GB01 ", "<FOO_IN000006GB01 ")
            .replace("</QUPC_IN000006GB01>", "</FOO_IN000006GB01>")
            .send(Spine.CLINICIAN);
    HttpResponse<String> notHl7 =
        NationalQuery.byPerson(nhs)
            .replace("xmlns=\"urn:hl7-org:v3\"", "xmlns=\"urn:example:not-hl7\"")
            .send(Spine.CLINICIAN);

    assertThat(other.statusCode()).isEqualTo(500);
    assertThat(other.body()).contains("<faultcode>soap:Client</faultcode>");
    assertThat(faultCode(other.body())).isEqualTo("ErrorBase1732.INCONSISTENT_HL7_INTERACTION_ID");
    assertThat(other.body()).contains("FOO_IN000006GB01").doesNotContain(nhs);
    assertThat(notHl7.statusCode()).isEqualTo(500);
    assertThat(notHl7.body()).contains("<faultcode>soap:Client</faultcode>");
    assertThat(faultCode(notHl7.body())).isEqualTo("MESSAGE_NOT_READABLE");
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName(
      "issue 10: a query in WS-Addressing 2004/08 (as Spine's stylesheets write it) is answered in"
          + " 2004/08, relating to its MessageID")
  void addressing2004() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    NationalQuery q = NationalQuery.byPerson(nhs);

    HttpResponse<String> r = q.send(Spine.CLINICIAN);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertAnswerAddressing(r.body(), NationalQuery.WSA_2004, q.messageId);
  }

  @Test
  @DisplayName(
      "issue 10: the same query in W3C WS-Addressing 2005/08 is answered in 2005/08, relating to"
          + " its MessageID")
  void addressing2005() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    NationalQuery q = NationalQuery.byPerson(nhs).w3cAddressing();

    HttpResponse<String> r = q.send(Spine.CLINICIAN);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertAnswerAddressing(r.body(), NationalQuery.WSA_2005, q.messageId);
  }

  @Test
  @DisplayName(
      "issue 10 W3: a non-anonymous ReplyTo is refused before anything is recorded, with"
          + " wsa:OnlyAnonymousAddressSupported in the request's own WS-Addressing namespace")
  void replyElsewhereRefusedInKind() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String elsewhere =
        "<wsa:ReplyTo><wsa:Address>https://elsewhere.example/cb</wsa:Address></wsa:ReplyTo>";

    HttpResponse<String> in2004 =
        NationalQuery.byPerson(nhs).headers(elsewhere).send(Spine.CLINICIAN);
    HttpResponse<String> in2005 =
        NationalQuery.byPerson(nhs).w3cAddressing().headers(elsewhere).send(Spine.CLINICIAN);

    for (var c :
        List.of(List.of(in2004, NationalQuery.WSA_2004), List.of(in2005, NationalQuery.WSA_2005))) {
      HttpResponse<?> r = (HttpResponse<?>) c.get(0);
      String body = (String) r.body();
      assertThat(r.statusCode()).as(body).isEqualTo(500);
      Element code = NationalAnswers.element(Xml.parse(body), "//soap:Fault/faultcode");
      assertThat(code.getTextContent()).isEqualTo("wsa:OnlyAnonymousAddressSupported");
      assertThat(code.lookupNamespaceURI("wsa")).isEqualTo(c.get(1));
      assertThat(xpath(Xml.parse(body), "//nasp:error/nasp:location")).isEqualTo("wsa:ReplyTo");
    }
    assertThat(Children.accesses(nhs)).isZero();
  }

  private static void assertAnswerAddressing(String answer, String namespace, String messageId) {
    Document d = Xml.parse(answer);
    List<Element> relatesTo = Xml.elements(d, "RelatesTo");
    assertThat(relatesTo).as(answer).hasSize(1);
    assertThat(relatesTo.get(0).getNamespaceURI()).isEqualTo(namespace);
    assertThat(relatesTo.get(0).getTextContent().trim()).isEqualTo("uuid:" + messageId);
    List<Element> action = Xml.elements(d, "Action");
    assertThat(action).hasSize(1);
    assertThat(action.get(0).getNamespaceURI()).isEqualTo(namespace);
    assertThat(action.get(0).getTextContent().trim())
        .isEqualTo("urn:nhs:names:services:cpisquery/REPC_IN000007GB01");
  }

  private static String xpath(Document d, String path) {
    return NationalAnswers.xpath(d, path);
  }

  private static int count(Document d, String path) {
    return NationalAnswers.count(d, path);
  }

  /** The cpisError code of a fault answer. */
  private static String faultCode(String body) {
    Matcher m = CODE.matcher(body);
    return m.find() ? m.group(1) : null;
  }

  /**
   * The child's access history, newest first, as our own client reads the next answer (by another
   * person, so that the 24-hour repeat rule keeps both).
   */
  private static List<SpineAnswer.Access> history(String nhs) throws Exception {
    SpineAnswer result =
        SpineAnswer.of(Spine.query(Spine.CLINICIAN).query(byPerson(nhs, MIU_DOCTOR)));
    return result.history();
  }
}
