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
