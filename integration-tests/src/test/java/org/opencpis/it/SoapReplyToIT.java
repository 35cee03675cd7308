package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpis.contract.hl7.CPISResult;

/**
 * A spine client that asks for the answer somewhere else (a non-anonymous wsa:ReplyTo or FaultTo):
 * refused on its own connection before anything is recorded, and the server never connects out.
 * Sent as raw SOAP over HTTP, as a hostile or careless client would, not through our own client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SoapReplyToIT {

  static final LocalDate DOB = LocalDate.of(2017, 9, 3);
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R18 R20: a query whose ReplyTo is not anonymous is refused on the same connection, records no"
          + " access and makes the server open no connection")
  void nonAnonymousReplyTo() throws Exception {
    String nhs = sharedChild();
    try (ServerSocket thief = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Boolean> connected = connections(thief);
      String to = "http://127.0.0.1:" + thief.getLocalPort() + "/answers";

      HttpResponse<String> r = post("/spine/cpisquery", Spine.CLINICIAN, query(nhs, to, null));

      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body()).contains("Fault").contains("OnlyAnonymousAddressSupported");
      assertThat(r.body()).doesNotContain(nhs).doesNotContain("Leicestershire");
      assertThat(connected.get()).as("the server connected to the ReplyTo address").isFalse();
    }
    // the refused query left no access: the next one is the child's first
    CPISResult now =
        Spine.query(Spine.CLINICIAN)
            .query(byPerson(nhs, ED_NURSE))
            .getControlActEvent()
            .getSubject()
            .getCpisResult();
    assertThat(now.getAccessRecord()).hasSize(1);
  }

  @Test
  @DisplayName(
      "R20: a non-anonymous FaultTo is refused the same way, and the query is not answered")
  void nonAnonymousFaultTo() throws Exception {
    String nhs = sharedChild();
    try (ServerSocket thief = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Boolean> connected = connections(thief);
      String to = "http://127.0.0.1:" + thief.getLocalPort() + "/faults";

      HttpResponse<String> r = post("/spine/cpisquery", Spine.CLINICIAN, query(nhs, null, to));

      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body()).contains("OnlyAnonymousAddressSupported").doesNotContain(nhs);
      assertThat(connected.get()).isFalse();
    }
  }

  @Test
  @DisplayName("the same query with an anonymous ReplyTo is answered on the connection (control)")
  void anonymousReplyToIsAnswered() throws Exception {
    String nhs = sharedChild();
    HttpResponse<String> r =
        post(
            "/spine/cpisquery",
            Spine.CLINICIAN,
            query(nhs, "http://www.w3.org/2005/08/addressing/anonymous", null));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("REPC_IN000007GB01").contains("Leicestershire County Council");
  }

  private static String sharedChild() throws Exception {
    String nhs = TestData.nhsNumber();
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(
            file(
                "855",
                child(
                    "L-RT" + nhs,
                    nhs,
                    "Isla",
                    "Rowe",
                    DOB,
                    "CPP",
                    TestData.today().minusMonths(2),
                    null)));
    return nhs;
  }

  /** Whether anything connects to the socket within three seconds. */
  private static CompletableFuture<Boolean> connections(ServerSocket s) throws IOException {
    s.setSoTimeout(3000);
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket ignored = s.accept()) {
            return true;
          } catch (SocketTimeoutException e) {
            return false;
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static HttpResponse<String> post(String path, Spine.User user, String envelope)
      throws Exception {
    String token =
        Base64.getEncoder()
            .encodeToString((user.name() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + path))
            .header("Content-Type", "text/xml; charset=utf-8")
            .header("SOAPAction", "\"urn:nhs:names:services:cpisquery/QUPC_IN000006GB01\"")
            .header("Authorization", "Basic " + token)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
            .build();
    return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
  }

  private static String query(String nhs, String replyTo, String faultTo) {
    String id = UUID.randomUUID().toString().toUpperCase();
    String headers =
        (replyTo == null
                ? ""
                : "<wsa:ReplyTo><wsa:Address>" + replyTo + "</wsa:Address></wsa:ReplyTo>")
            + (faultTo == null
                ? ""
                : "<wsa:FaultTo><wsa:Address>" + faultTo + "</wsa:Address></wsa:FaultTo>");
    return """
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
                       xmlns:wsa="http://www.w3.org/2005/08/addressing" xmlns:hl7="urn:hl7-org:v3">
          <soap:Header>
            <wsa:MessageID>uuid:%1$s</wsa:MessageID>
            <wsa:Action>urn:nhs:names:services:cpisquery/QUPC_IN000006GB01</wsa:Action>
            <wsa:To>%2$s/spine/cpisquery</wsa:To>
            %3$s
          </soap:Header>
          <soap:Body>
            <hl7:QUPC_IN000006GB01>
              <hl7:id root="%1$s"/>
              <hl7:creationTime value="20261125103000"/>
              <hl7:versionCode code="V3NPfIT3.0"/>
              <hl7:interactionId root="2.16.840.1.113883.2.1.3.2.4.12" extension="QUPC_IN000006GB01"/>
              <hl7:processingCode code="P"/>
              <hl7:processingModeCode code="T"/>
              <hl7:acceptAckCode code="NE"/>
              <hl7:communicationFunctionRcv><hl7:device><hl7:id root="1.2.826.0.1285.0.2.0.107" extension="928942012545"/></hl7:device></hl7:communicationFunctionRcv>
              <hl7:communicationFunctionSnd><hl7:device><hl7:id root="1.2.826.0.1285.0.2.0.107" extension="200000000999"/></hl7:device></hl7:communicationFunctionSnd>
              <hl7:ControlActEvent>
                <hl7:author>
                  <hl7:COCT_TP145102GB01.AssignedAuthor>
                    <hl7:code code="R8001" displayName="Nurse Access Role"/>
                    <hl7:id root="1.2.826.0.1285.0.2.0.65" extension="555000111222"/>
                    <hl7:assignedAuthorPerson><hl7:name><hl7:given>Ada</hl7:given><hl7:family>Okafor</hl7:family></hl7:name></hl7:assignedAuthorPerson>
                    <hl7:representedOrganization><hl7:id extension="RWE"/><hl7:name>University Hospitals of Leicester NHS Trust</hl7:name></hl7:representedOrganization>
                  </hl7:COCT_TP145102GB01.AssignedAuthor>
                </hl7:author>
                <hl7:subject>
                  <hl7:CP-ISQueryStub>
                    <hl7:cP-ISNHSQuery>
                      <hl7:id root="%4$s"/>
                      <hl7:careSetting code="ED"/>
                      <hl7:queryByParameter>
                        <hl7:person.NHSnumber><hl7:value root="2.16.840.1.113883.2.1.4.1" extension="%5$s"/></hl7:person.NHSnumber>
                      </hl7:queryByParameter>
                    </hl7:cP-ISNHSQuery>
                  </hl7:CP-ISQueryStub>
                </hl7:subject>
              </hl7:ControlActEvent>
            </hl7:QUPC_IN000006GB01>
          </soap:Body>
        </soap:Envelope>
        """
        .formatted(
            id, TestServer.baseUrl(), headers, UUID.randomUUID().toString().toUpperCase(), nhs);
  }
}
