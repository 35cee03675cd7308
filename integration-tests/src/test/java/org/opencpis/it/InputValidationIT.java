package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse.AcknowledgementRecord.AcknowledgementRecordDetail;
import org.opencpis.contract.query.CpisError;

/**
 * Bad input is refused as the caller's own mistake, naming what was wrong: a REST 400, a SOAP fault
 * with a code, a record's CPR07; never a 500 or INTERNAL_ERROR, and nothing kept.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InputValidationIT {

  static final LocalDate DOB = LocalDate.of(2017, 1, 12);

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName("REST: a body that is not JSON is 400 INVALID_JSON, saying why")
  void notJson() {
    Rest.Reply r = Rest.post(Spine.LEICS_ADMIN, "/children", "{\"laPersonId\": \"X-1\", ");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    JsonObject e = (JsonObject) r.json();
    assertThat(e.getString("code")).isEqualTo("INVALID_JSON");
    assertThat(e.getString("message")).startsWith("the body is not the JSON");
  }

  @Test
  @DisplayName("REST: a value of the wrong JSON type is 400 INVALID_JSON naming the field")
  void wrongTypes() {
    Rest.Reply date =
        Rest.post(
            Spine.LEICS_ADMIN,
            "/children",
            "{\"laPersonId\":\"WT-"
                + TestData.nhsNumber()
                + "\",\"givenName\":\"Ann\","
                + "\"familyName\":\"Lee\",\"birthDate\":5}");
    assertThat(date.status()).as(date.body()).isEqualTo(400);
    assertThat(((JsonObject) date.json()).getString("code")).isEqualTo("INVALID_JSON");
    assertThat(((JsonObject) date.json()).getString("field")).isEqualTo("birthDate");

    long child =
        Council.addChildWithoutNhs(
            Spine.LEICS_ADMIN, "WT-" + TestData.nhsNumber(), "Ann", "Lee", DOB);
    Rest.Reply worker =
        Rest.put(
            Spine.LEICS_ADMIN,
            "/children/" + child + "/involvement",
            "{\"involvement\":\"OPEN_SOCIAL_CARE\",\"allocatedWorkerId\":\"Sam\"}");
    assertThat(worker.status()).as(worker.body()).isEqualTo(400);
    assertThat(((JsonObject) worker.json()).getString("field")).isEqualTo("allocatedWorkerId");

    Rest.Reply array = Rest.post(Spine.LEICS_ADMIN, "/children", "[1,2,3]");
    assertThat(array.status()).as(array.body()).isEqualTo(400);
  }

  @Test
  @DisplayName(
      "REST: a 10,000-character family name and a 5,000-character case-note reason are 400 INVALID naming the field; nothing is kept")
  void tooLong() {
    String personId = "TL-" + TestData.nhsNumber();
    Rest.Reply name =
        Rest.post(
            Spine.LEICS_ADMIN,
            "/children",
            "{\"laPersonId\":\""
                + personId
                + "\",\"givenName\":\"Ann\",\"familyName\":\""
                + "L".repeat(10_000)
                + "\"}");
    assertThat(name.status()).as(name.body()).isEqualTo(400);
    JsonObject e = (JsonObject) name.json();
    assertThat(e.getString("code")).isEqualTo("INVALID");
    assertThat(e.getString("field")).isEqualTo("familyName");
    assertThat(e.getString("message")).contains("at most 100 characters");
    assertThat(Rest.get(Spine.LEICS_ADMIN, "/children?familyName=" + "L".repeat(100)).body())
        .isEqualTo("[]");

    long child = Council.addChildWithoutNhs(Spine.LEICS_ADMIN, personId, "Ann", "Lee", DOB);
    Rest.Reply reason =
        Rest.post(
            Spine.LEICS_ADMIN,
            "/children/" + child + "/case-notes",
            "{\"contactMethod\":\"TELEPHONE\",\"decision\":\"NO_FURTHER_ACTION\",\"reason\":\""
                + "r".repeat(5_000)
                + "\"}");
    assertThat(reason.status()).as(reason.body()).isEqualTo(400);
    assertThat(((JsonObject) reason.json()).getString("field")).isEqualTo("reason");
    assertThat(Rest.get(Spine.LEICS_ADMIN, "/children/" + child + "/case-notes").body())
        .isEqualTo("[]");

    Rest.Reply viewer =
        Rest.post(
            Spine.CLINICIAN,
            "/health/cpis",
            "{\"nhsNumber\":\""
                + TestData.nhsNumber()
                + "\",\"viewerName\":\""
                + "V".repeat(300)
                + "\",\"organisationOds\":\"RWE\"}");
    assertThat(viewer.status()).as(viewer.body()).isEqualTo(400);
    assertThat(((JsonObject) viewer.json()).getString("field")).isEqualTo("viewerName");
  }

  @Test
  @DisplayName(
      "SOAP: a 40-digit SDS user id is the fault ErrorBase1712.INVALID_DATA naming the field, and no access is recorded")
  void longSdsUserId() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    QueryMessages.Clinician forty =
        new QueryMessages.Clinician(
            "1234567890".repeat(4),
            "Ada",
            "Okafor",
            "R8001",
            "Nurse Access Role",
            "RWE",
            "University Hospitals of Leicester NHS Trust",
            "ED");
    CpisError e =
        catchThrowableOfType(
            CpisError.class, () -> Spine.query(Spine.CLINICIAN).query(byPerson(nhs, forty)));
    assertThat(e).isNotNull();
    assertThat(e.getFaultInfo().getCode()).isEqualTo("ErrorBase1712.INVALID_DATA|viewer.sdsUserId");
    assertThat(e.getFaultInfo().getField()).isEqualTo("viewer.sdsUserId");
    assertThat(e.getFaultInfo().getMessage()).contains("at most 20 characters");
    assertThat(Children.accesses(nhs)).isZero();
    // the same query with a real SDS user id is answered
    assertThat(Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE))).isNotNull();
  }

  @Test
  @DisplayName(
      "SOAP: a 64-character local child id is refused CPR07 naming localChildId; the file's other records load")
  void longLocalChildId() throws Exception {
    String nhs = TestData.nhsNumber();
    String other = TestData.nhsNumber();
    REPCMT000003GB01FileResponse ack =
        Spine.upload(Spine.LEICESTERSHIRE)
            .upload(
                file(
                    "855",
                    child("C".repeat(64), nhs, "Ann", "Lee", DOB, "CPP", Children.PLAN_START, null),
                    child(
                        "OK-" + other, other, "Bo", "Lee", DOB, "CPP", Children.PLAN_START, null)));
    assertThat(UploadFiles.fileCode(ack).getCode()).isEqualTo("CPF03");
    AcknowledgementRecordDetail refused = UploadFiles.records(ack).get(0);
    assertThat(refused.getCode().getCode()).isEqualTo("CPR07");
    assertThat(UploadFiles.field(refused)).isEqualTo("localChildId");
    assertThat(UploadFiles.detail(refused)).contains("at most 40 characters");
    assertThat(UploadFiles.records(ack).get(1).getCode().getCode()).isEqualTo("CPR06");
  }

  @Test
  @DisplayName(
      "SOAP: a 20 MB query body is refused 413 before it is parsed, declared or chunked; a query of normal size is answered")
  void querySizeLimit() throws Exception {
    String envelope =
        "<?xml version=\"1.0\"?><soap:Envelope"
            + " xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><!-- ";
    byte[] big =
        (envelope + " ".repeat(20 * 1024 * 1024) + "--></soap:Body></soap:Envelope>")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> declared =
        soapPost(HttpRequest.BodyPublishers.ofByteArray(big), Spine.CLINICIAN);
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.body()).contains("at most 65536 bytes");

    byte[] chunkedBody =
        (envelope + " ".repeat(1024 * 1024) + "-->").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> chunked =
        soapPost(
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunkedBody)),
            Spine.CLINICIAN);
    assertThat(chunked.statusCode()).isEqualTo(413);

    assertThat(
            Spine.query(Spine.CLINICIAN)
                .query(byPerson(Children.sharedByLeicestershire(), ED_NURSE)))
        .isNotNull();
  }

  @Test
  @DisplayName(
      "SOAP: an upload whose transmissionQuantity is not a number (found by SpineMessageFuzzTest) is a SOAP client fault naming it; nothing is loaded")
  void unreadableUploadValue() throws Exception {
    String nhs = TestData.nhsNumber();
    String file =
        "<File xmlns=\"urn:hl7-org:v3\"><creationTime value=\"20261125120000\"/>"
            + "<id extension=\"000001\"/><transmissionQuantity value=\"seven\"/>"
            + "<communicationFunctionSnd><organisation><id root=\"2.16.840.1.113883.2.1.3.2.4.19.1\" extension=\"855\"/>"
            + "<name>Leicestershire County Council</name><telecom value=\"tel:01164960999\" use=\"EC\"/></organisation></communicationFunctionSnd>"
            + "<record><CP-ISRecord><pertinentInformation><COCT_TP146101GB01.CPPInformation><component><cPPStartDate><value value=\"202606010000\"/></cPPStartDate></component></COCT_TP146101GB01.CPPInformation></pertinentInformation>"
            + "<subject><COCT_TP145101GB01.Child><id root=\"2.16.840.1.113883.2.1.4.1\" extension=\""
            + nhs
            + "\"/><id root=\"2.16.840.1.113883.2.1.3.2.4.18.24\" extension=\"NAN-1\"/>"
            + "<childPerson><birthTime value=\"20150304\"/><name><given>Ann</given><family>Lee</family></name></childPerson></COCT_TP145101GB01.Child></subject></CP-ISRecord></record>"
            + "</File>";
    HttpResponse<String> r =
        soapPost(
            "/spine/cpisupload",
            HttpRequest.BodyPublishers.ofString(
                "<?xml version=\"1.0\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                    + file
                    + "</soap:Body></soap:Envelope>"),
            Spine.LEICESTERSHIRE);
    // SOAP 1.1: a fault is HTTP 500; the fault code says it is the sender's mistake
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body())
        .contains("<faultcode>soap:Client</faultcode>")
        .contains("MESSAGE_NOT_READABLE")
        .contains("seven");
    assertThat(r.body()).doesNotContain(nhs);
    Rest.Reply held = Rest.get(Spine.ADMIN, "/admin/register/" + nhs);
    assertThat(held.status()).isEqualTo(200);
    assertThat(held.body()).isEqualTo("[]");
  }

  private static HttpResponse<String> soapPost(HttpRequest.BodyPublisher body, Spine.User user)
      throws Exception {
    return soapPost("/spine/cpisquery", body, user);
  }

  private static HttpResponse<String> soapPost(
      String path, HttpRequest.BodyPublisher body, Spine.User user) throws Exception {
    return Spine.soapPost(path, body, user, null);
  }
}
