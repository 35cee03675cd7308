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
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A spine client that asks for the answer somewhere else (a non-anonymous wsa:ReplyTo or FaultTo):
 * refused on its own connection before anything is recorded, and the server never connects out.
 * Sent as raw SOAP over HTTP, as a hostile or careless client would, not through our own client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SoapReplyToIT {

  static final LocalDate DOB = LocalDate.of(2017, 9, 3);

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

      HttpResponse<String> r = NationalQuery.post(Spine.CLINICIAN, query(nhs, to, null));

      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body()).contains("Fault").contains("OnlyAnonymousAddressSupported");
      assertThat(r.body()).doesNotContain(nhs).doesNotContain("Leicestershire");
      assertThat(connected.get()).as("the server connected to the ReplyTo address").isFalse();
    }
    // the refused query left no access: the next one is the child's first
    SpineAnswer now = SpineAnswer.of(Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE)));
    assertThat(now.history()).hasSize(1);
  }

  @Test
  @DisplayName(
      "R20: a non-anonymous FaultTo is refused the same way, and the query is not answered")
  void nonAnonymousFaultTo() throws Exception {
    String nhs = sharedChild();
    try (ServerSocket thief = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Boolean> connected = connections(thief);
      String to = "http://127.0.0.1:" + thief.getLocalPort() + "/faults";

      HttpResponse<String> r = NationalQuery.post(Spine.CLINICIAN, query(nhs, null, to));

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
        NationalQuery.post(
            Spine.CLINICIAN, query(nhs, "http://www.w3.org/2005/08/addressing/anonymous", null));
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

  private static String query(String nhs, String replyTo, String faultTo) {
    return NationalQuery.byPerson(nhs)
        .w3cAddressing()
        .headers(
            (replyTo == null
                    ? ""
                    : "<wsa:ReplyTo><wsa:Address>" + replyTo + "</wsa:Address></wsa:ReplyTo>")
                + (faultTo == null
                    ? ""
                    : "<wsa:FaultTo><wsa:Address>" + faultTo + "</wsa:Address></wsa:FaultTo>"))
        .xml();
  }
}
