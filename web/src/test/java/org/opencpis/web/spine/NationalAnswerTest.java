package org.opencpis.web.spine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.File;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.contract.hl7.CPISNHSQueryAnswer;
import org.opencpis.contract.hl7.ObjectFactory;
import org.opencpis.hub.application.QueryAnswer;
import org.opencpis.hub.domain.PlanType;
import org.opencpis.hub.domain.SubjectKind;
import org.opencpis.shared.PersonName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The national answer (docs/spine-national-shape.md §3): what a clinician reads in it, and, when
 * the national schemas are at hand ({@code -Dnational.schemas=<dir holding Schemas/, dt/, voc/ …>}
 * of github:nhsdigitalmait/SPINE_schema's CPIS/, see integration-tests/src/test/resources/national/
 * README.md), that REPC_IN000007GB01 and QUQI_IN010000UK14 validate against them.
 */
class NationalAnswerTest {

  static final String NHS = "9990001006";

  /** A number the child (here a young mother, R15) had before: what an LA shared under it. */
  static final String OLD_NUMBER = "9990002002";

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Instant NOW = Instant.parse("2026-11-25T10:30:01Z");
  static final JAXBContext JAXB = context();

  static QueryAnswer.Entry cpp() {
    return new QueryAnswer.Entry(
        "E10000018",
        "Leicestershire County Council",
        "0116 305 0005",
        "0116 255 1606",
        PlanType.CPP,
        LocalDate.of(2026, 3, 1),
        null,
        NHS,
        SubjectKind.CHILD,
        "LCC-000123",
        "Mia",
        "Jones",
        LocalDate.of(2019, 4, 12));
  }

  static QueryAnswer.Entry lac() {
    return new QueryAnswer.Entry(
        "E10000018",
        "Leicestershire County Council",
        "0116 305 0005",
        "0116 255 1606",
        PlanType.LAC,
        LocalDate.of(2026, 1, 5),
        LocalDate.of(2026, 9, 1),
        NHS,
        SubjectKind.CHILD,
        "LCC-000123",
        "Mia",
        "Jones",
        LocalDate.of(2019, 4, 12));
  }

  static QueryAnswer.Entry unborn() {
    return new QueryAnswer.Entry(
        "E06000016",
        "Leicester City Council",
        null,
        "(0116) 255-1606",
        PlanType.UCPP,
        LocalDate.of(2026, 10, 1),
        LocalDate.of(2027, 2, 1),
        OLD_NUMBER,
        SubjectKind.UNBORN,
        "LC-UB-0009",
        "Lena",
        "Brown",
        LocalDate.of(1999, 6, 7));
  }

  static QueryAnswer.PreviousAccess byPerson() {
    return new QueryAnswer.PreviousAccess(
        Instant.parse("2026-11-25T10:30:00Z"),
        "0D3E5C1A-2B7F-4A55-8E0B-9F1C2D3E4F50",
        new PersonName("Dr", List.of("Ada", "Grace"), "Okafor", "MBE"),
        true,
        "555000111222",
        "555000333444",
        "200000000999",
        "R8001",
        "Nurse Access Role",
        "RWE",
        "University Hospitals of Leicester NHS Trust",
        null);
  }

  static QueryAnswer.PreviousAccess bySystem() {
    return new QueryAnswer.PreviousAccess(
        Instant.parse("2026-11-02T22:15:00Z"),
        "hl7-msg-000017",
        new PersonName(null, List.of("Sam"), "Patel", null),
        false,
        null,
        null,
        "200000000888",
        "R8000",
        "Clinical Practitioner Access Role",
        "RX1",
        "Nottingham University Hospitals NHS Trust",
        "ED");
  }

  static CPISNHSQueryAnswer found() {
    return new NationalAnswer("200000000999", "928942012545", NOW, LONDON)
        .found(
            new QueryAnswer(
                NHS, List.of(cpp(), lac(), unborn()), List.of(byPerson(), bySystem()), "a-1"));
  }

  @Test
  @DisplayName(
      "R18 R5 R4 R15: one record per LA record, its plans under it, the council's office-hours and"
          + " emergency numbers as tel: digits, plan dates as YYYYMMDDHHMM, the child as uploaded")
  void records() throws Exception {
    Document d = parse(marshal(found()));

    assertThat(count(d, "//hl7:pertinentInformation14")).isEqualTo(2);
    assertThat(xpath(d, "//hl7:pertinentTotalReturnedChildRecords/hl7:value/@value"))
        .isEqualTo("2");
    assertThat(xpath(d, "//hl7:pertinentTotalReturnedAccessRecords/hl7:value/@value"))
        .isEqualTo("2");
    String leics = "//hl7:record[hl7:communicationFunctionSnd/hl7:organisation/hl7:id";
    String la = leics + "/@extension='E10000018']";
    assertThat(xpath(d, la + "/hl7:communicationFunctionSnd/hl7:organisation/hl7:name"))
        .isEqualTo("Leicestershire County Council");
    assertThat(xpath(d, la + "//hl7:telecom[@use='WP']/@value")).isEqualTo("tel:01163050005");
    assertThat(xpath(d, la + "//hl7:telecom[@use='EC']/@value")).isEqualTo("tel:01162551606");
    assertThat(count(d, la + "//hl7:pertinentInformation15")).isEqualTo(2);
    assertThat(xpath(d, la + "//hl7:cPPStartDate/hl7:value/@value")).isEqualTo("202603010000");
    assertThat(xpath(d, la + "//hl7:lACEndDate/hl7:value/@value")).isEqualTo("202609010000");
    assertThat(
            xpath(
                d,
                la
                    + "//hl7:COCT_TP145101GB01.Child/hl7:id[@root='2.16.840.1.113883.2.1.4.1']/@extension"))
        .isEqualTo(NHS);
    assertThat(xpath(d, la + "//hl7:childPerson/hl7:name/hl7:given")).isEqualTo("Mia");
    assertThat(xpath(d, la + "//hl7:childPerson/hl7:birthTime/@value")).isEqualTo("20190412");
    String city = leics + "/@extension='E06000016']";
    assertThat(xpath(d, city + "//hl7:telecom[@use='EC']/@value")).isEqualTo("tel:01162551606");
    assertThat(count(d, city + "//hl7:telecom[@use='WP']")).isZero();
    assertThat(xpath(d, city + "//hl7:uCPEndDate/hl7:value/@value")).isEqualTo("202702010000");
    // R4: shared under a number since superseded, answered under the current one
    assertThat(xpath(d, city + "//hl7:parentMotherPerson/hl7:playedMother/hl7:id[1]/@extension"))
        .isEqualTo(NHS);
    assertThat(xpath(d, city + "//hl7:parentMotherPerson/hl7:name/hl7:given")).isEqualTo("Lena");
    assertThat(xpath(d, "//hl7:queryAck/hl7:queryResponseCode/@code")).isEqualTo("OK");
  }

  @Test
  @DisplayName(
      "R19 J3: each earlier view as its query: when, its event id, the viewer's name in its parts,"
          + " job role, organisation and SDS ids; a system's view as the system and its person")
  void history() throws Exception {
    Document d = parse(marshal(found()));
    String person = "//hl7:pertinentInformation13[1]/hl7:pertinentCP-ISNHSQuery";
    assertThat(xpath(d, person + "/hl7:id/@root"))
        .isEqualTo("0D3E5C1A-2B7F-4A55-8E0B-9F1C2D3E4F50");
    assertThat(xpath(d, person + "/hl7:effectiveTime/@value")).isEqualTo("20261125103000");
    String author = person + "/hl7:author/hl7:COCT_TP145102GB01.AssignedAuthor";
    String name = author + "/hl7:assignedAuthorPerson/hl7:name";
    assertThat(xpath(d, name + "/hl7:prefix")).isEqualTo("Dr");
    assertThat(xpath(d, name + "/hl7:given[2]")).isEqualTo("Grace");
    assertThat(xpath(d, name + "/hl7:family")).isEqualTo("Okafor");
    assertThat(xpath(d, name + "/hl7:suffix")).isEqualTo("MBE");
    assertThat(xpath(d, author + "/hl7:code/@displayName")).isEqualTo("Nurse Access Role");
    assertThat(xpath(d, author + "/hl7:id[@root='1.2.826.0.1285.0.2.0.65']/@extension"))
        .isEqualTo("555000111222");
    assertThat(xpath(d, author + "/hl7:representedOrganization/hl7:name"))
        .isEqualTo("University Hospitals of Leicester NHS Trust");
    String system = "//hl7:pertinentInformation13[2]//hl7:COCT_TP145104GB01.System";
    assertThat(xpath(d, system + "/hl7:id/@extension")).isEqualTo("200000000888");
    assertThat(xpath(d, system + "//hl7:assignedPerson/hl7:name/hl7:family")).isEqualTo("Patel");
    assertThat(xpath(d, system + "/hl7:maintainingOrganization/hl7:id/@extension"))
        .isEqualTo("RX1");
    // an HL7 channel's id is no UUID: the answer gives one made from it, the same every time
    assertThat(xpath(d, "//hl7:pertinentInformation13[2]/hl7:pertinentCP-ISNHSQuery/hl7:id/@root"))
        .matches("[0-9A-F-]{36}")
        .isEqualTo(NationalAnswer.eventUuid(bySystem()));
    // the care setting is ours, not national: not in the national answer
    assertThat(count(d, "//hl7:careSetting")).isZero();
  }

  @Test
  @DisplayName("F2: no records found is QUQI_IN010000UK14 NF, acknowledging the request's id")
  void notFound() throws Exception {
    Document d =
        parse(
            marshal(
                new NationalAnswer("200000000999", "928942012545", NOW, LONDON)
                    .notFound("8E4C2D10-5B7A-4F61-9C3E-2A1B0C9D8E7F")));
    String q = "/hl7:CP-ISNHSQueryResponse/hl7:QUQI_IN010000UK14";
    assertThat(xpath(d, q + "/hl7:acknowledgement/@typeCode")).isEqualTo("AE");
    assertThat(xpath(d, q + "/hl7:acknowledgement/hl7:messageRef/hl7:id/@root"))
        .isEqualTo("8E4C2D10-5B7A-4F61-9C3E-2A1B0C9D8E7F");
    assertThat(xpath(d, q + "//hl7:queryResponseCode/@code")).isEqualTo("NF");
    assertThat(xpath(d, q + "//hl7:justifyingDetectedIssueEvent/hl7:code/@displayName"))
        .isEqualTo("No records found");
  }

  @Test
  @DisplayName("the answer and the not-found answer validate against the national XSDs")
  void validAgainstTheNationalSchema() throws Exception {
    String dir = System.getProperty("national.schemas");
    Assumptions.assumeTrue(dir != null, "-Dnational.schemas not given");
    Document answer = parse(marshal(found()));
    validate(new File(dir, "Schemas/REPC_IN000007GB01.xsd"), inner(answer));
    Document failed =
        parse(
            marshal(
                new NationalAnswer("200000000999", "928942012545", NOW, LONDON)
                    .notFound("8E4C2D10-5B7A-4F61-9C3E-2A1B0C9D8E7F")));
    validate(new File(dir, "Schemas/QUQI_IN010000UK14.xsd"), inner(failed));
  }

  @Test
  @DisplayName(
      "the README's answer examples (docs/examples/cpisquery-answer.xml, cpisquery-not-found.xml)"
          + " validate against the national XSDs")
  void examplesAreNational() throws Exception {
    String dir = System.getProperty("national.schemas");
    Assumptions.assumeTrue(dir != null, "-Dnational.schemas not given");
    for (String[] example :
        new String[][] {
          {"cpisquery-answer.xml", "REPC_IN000007GB01"},
          {"cpisquery-not-found.xml", "QUQI_IN010000UK14"}
        }) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      Document d = f.newDocumentBuilder().parse(new File("../docs/examples/" + example[0]));
      Element interaction =
          (Element) d.getElementsByTagNameNS("urn:hl7-org:v3", example[1]).item(0);
      assertThat(interaction).as(example[0]).isNotNull();
      validate(new File(dir, "Schemas/" + example[1] + ".xsd"), interaction);
    }
  }

  /** Validates an element against a national schema, failing with the schema's errors. */
  static void validate(File xsd, Element e) throws Exception {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.newSchema(xsd).newValidator().validate(new DOMSource(e));
  }

  static Element inner(Document d) {
    for (var n = d.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        return e;
      }
    }
    throw new AssertionError("empty answer");
  }

  static String marshal(CPISNHSQueryAnswer a) throws JAXBException {
    Marshaller m = JAXB.createMarshaller();
    m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
    StringWriter w = new StringWriter();
    JAXBElement<CPISNHSQueryAnswer> e = new ObjectFactory().createCPISNHSQueryResponse(a);
    m.marshal(e, w);
    return w.toString();
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  static String xpath(Document d, String path) throws Exception {
    var x = XPathFactory.newInstance().newXPath();
    x.setNamespaceContext(Hl7Namespace.INSTANCE);
    return x.evaluate(path, d);
  }

  static int count(Document d, String path) throws Exception {
    var x = XPathFactory.newInstance().newXPath();
    x.setNamespaceContext(Hl7Namespace.INSTANCE);
    return ((NodeList) x.evaluate(path, d, XPathConstants.NODESET)).getLength();
  }

  enum Hl7Namespace implements javax.xml.namespace.NamespaceContext {
    INSTANCE;

    @Override
    public String getNamespaceURI(String prefix) {
      return "hl7".equals(prefix) ? "urn:hl7-org:v3" : XMLConstants.NULL_NS_URI;
    }

    @Override
    public String getPrefix(String uri) {
      return null;
    }

    @Override
    public java.util.Iterator<String> getPrefixes(String uri) {
      return null;
    }
  }

  private static JAXBContext context() {
    try {
      return JAXBContext.newInstance(ObjectFactory.class);
    } catch (JAXBException e) {
      throw new IllegalStateException(e);
    }
  }
}
