package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a page of another site can make a signed-in browser send (a form: no custom header, a body
 * of text/plain, urlencoded or multipart) changes nothing; and every answer tells the browser to
 * run only this site's scripts, never to frame or sniff it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CsrfIT {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "CSRF: a state-changing call without X-Requested-With is 403 and changes nothing; with it, it is done")
  void headerRequired() throws Exception {
    String personId = "CSRF-" + TestData.nhsNumber();
    String child =
        "{\"laPersonId\":\"" + personId + "\",\"givenName\":\"Ann\",\"familyName\":\"Forge\"}";
    HttpResponse<String> forged =
        send("POST", "/api/children", "application/json", child, Spine.LEICS_ADMIN, false);
    assertThat(forged.statusCode()).isEqualTo(403);
    JsonObject e = json(forged.body());
    assertThat(e.getString("code")).isEqualTo("CSRF");
    assertThat(e.getString("field")).isEqualTo("X-Requested-With");
    assertThat(found(personId)).isZero();

    HttpResponse<String> put =
        send(
            "PUT",
            "/api/children/1/involvement",
            "application/json",
            "{}",
            Spine.LEICS_ADMIN,
            false);
    assertThat(put.statusCode()).isEqualTo(403);
    HttpResponse<String> delete =
        send("DELETE", "/api/children/1/plans/1", null, null, Spine.LEICS_ADMIN, false);
    assertThat(delete.statusCode()).isEqualTo(403);

    // a read needs no header
    assertThat(send("GET", "/api/inboxes", null, null, Spine.LEICS_ADMIN, false).statusCode())
        .isEqualTo(200);
    // the same POST as the pages send it
    HttpResponse<String> page =
        send("POST", "/api/children", "application/json", child, Spine.LEICS_ADMIN, true);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(201);
    assertThat(found(personId)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "CSRF: a body a cross-site form can send (text/plain, urlencoded, multipart) is 415, the header notwithstanding; a bulk load must be text/csv")
  void formBodiesRefused() throws Exception {
    Spine.User performance = new Spine.User("leics.performance", "leics-performance-pass");
    String file = BulkLoadIT.HEADER + "CSRF-NOBODY," + TestData.nhsNumber() + ",,,\n";
    int before = loads(performance);
    for (String type :
        new String[] {
          "text/plain",
          "text/plain; charset=UTF-8",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x"
        }) {
      HttpResponse<String> r = send("POST", "/api/bulk-loads", type, file, performance, true);
      assertThat(r.statusCode()).as(type + ": " + r.body()).isEqualTo(415);
      assertThat(json(r.body()).getString("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }
    HttpResponse<String> plainAdmin =
        send("POST", "/api/admin/retention/run", "text/plain", "x", Spine.ADMIN, true);
    assertThat(plainAdmin.statusCode()).isEqualTo(415);
    assertThat(loads(performance)).as("no load was stored").isEqualTo(before);

    HttpResponse<String> csv = send("POST", "/api/bulk-loads", "text/csv", file, performance, true);
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(202);
  }

  @Test
  @DisplayName(
      "CSRF: a query a page of another site could post to the SOAP services as a form (text/plain, urlencoded, multipart) is 415 and records nothing")
  void soapFormsRefused() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String envelope =
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + marshal(QueryMessages.byPerson(nhs, QueryMessages.ED_NURSE))
            + "</soap:Body></soap:Envelope>";
    for (String type :
        new String[] {
          "text/plain",
          "text/plain; charset=UTF-8",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x"
        }) {
      for (String service : new String[] {"/spine/cpisquery", "/spine/cpisupload"}) {
        HttpResponse<String> r = send("POST", service, type, envelope, Spine.CLINICIAN, false);
        assertThat(r.statusCode()).as(service + " " + type + ": " + r.body()).isEqualTo(415);
        assertThat(r.body()).contains("text/xml");
      }
    }
    assertThat(Children.accesses(nhs)).as("no view was recorded").isZero();
  }

  static String marshal(org.opencpis.contract.hl7.QUPCIN000006GB01 query) throws Exception {
    var factory = new org.opencpis.contract.hl7.ObjectFactory();
    var marshaller =
        jakarta.xml.bind.JAXBContext.newInstance(org.opencpis.contract.hl7.ObjectFactory.class)
            .createMarshaller();
    marshaller.setProperty(jakarta.xml.bind.Marshaller.JAXB_FRAGMENT, true);
    var out = new java.io.StringWriter();
    marshaller.marshal(factory.createQUPCIN000006GB01(query), out);
    return out.toString();
  }

  @Test
  @DisplayName(
      "Pages and API answers carry Content-Security-Policy (this site's scripts only), X-Frame-Options DENY, nosniff, no-referrer")
  void securityHeaders() throws Exception {
    for (String path : new String[] {"/app/inboxes.html", "/api/inboxes", "/index.html"}) {
      HttpResponse<String> r = send("GET", path, null, null, Spine.LEICS_ADMIN, false);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      var h = r.headers();
      assertThat(h.firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("default-src 'self'")
                      .contains("script-src 'self'")
                      .contains("frame-ancestors 'none'")
                      .doesNotContain("unsafe-inline"));
      assertThat(h.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(h.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(h.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
    }
    HttpResponse<String> shell =
        send("GET", "/app/inboxes.html", null, null, Spine.LEICS_ADMIN, false);
    assertThat(shell.body())
        .as("no inline script: the policy would block it")
        .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
  }

  private static long found(String personId) {
    JsonArray all = (JsonArray) Rest.get(Spine.LEICS_ADMIN, "/children?familyName=Forge").json();
    return all.getValuesAs(JsonObject.class).stream()
        .filter(c -> personId.equals(c.getString("laPersonId", null)))
        .count();
  }

  private static int loads(Spine.User user) {
    return ((JsonArray) Rest.get(user, "/bulk-loads").json()).size();
  }

  private static JsonObject json(String body) {
    return jakarta.json.Json.createReader(new StringReader(body)).readObject();
  }

  static HttpResponse<String> send(
      String method, String path, String type, String body, Spine.User user, boolean header)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (type != null) {
      b.header("Content-Type", type);
    }
    if (header) {
      b.header("X-Requested-With", "OpenCPIS");
    }
    b.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (user.name() + ":" + user.password()).getBytes(StandardCharsets.UTF_8)));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
