package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.opencpis.it.Mllp.adt;
import static org.opencpis.it.Mllp.get;
import static org.opencpis.it.Mllp.qbp;

import ca.uhn.hl7v2.llp.MinLLPReader;
import ca.uhn.hl7v2.llp.MinLLPWriter;
import ca.uhn.hl7v2.model.Message;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MLLP over TLS with client certificates, per facility, through real HAPI clients. The test makes
 * its own CA and certificates with keytool (as the README does), points the server's key and trust
 * stores at them and adds two facilities, RX3 known by its certificate's fingerprint and RX4 by its
 * certificate's subject, through the management interface as an administrator would; all of it is
 * put back afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Hl7TlsIT {

  static final String RX4_SUBJECT = "CN=RX4 integration engine,O=RX4 test trust,C=GB";

  static TestPki pki;
  static SSLContext rx3;
  static SSLContext rx4;
  static SSLContext intruder;
  static SSLContext untrusted;
  static SSLContext anonymous;
  static Path rx5Store;
  static final Map<String, String> before = new LinkedHashMap<>();

  @BeforeAll
  static void certificates() throws Exception {
    TestServer.awaitDeployed();
    pki = TestPki.create(Path.of("target", "hl7-tls"));
    // keytool is a JVM each time: the four engines' certificates are made side by side
    ExecutorService keytools = Executors.newFixedThreadPool(4);
    Future<Path> rx3Made =
        keytools.submit(
            () ->
                pki.issue("rx3", "CN=RX3 integration engine,O=RX3 test trust,C=GB", "clientAuth"));
    Future<Path> rx4Made = keytools.submit(() -> pki.issue("rx4", RX4_SUBJECT, "clientAuth"));
    Future<Path> intruderMade =
        keytools.submit(
            () -> pki.issue("intruder", "CN=Some other engine,O=Elsewhere,C=GB", "clientAuth"));
    // a trust's engine that also receives CP-IS alerts: a server certificate for its host name
    Future<Path> rx5Made =
        keytools.submit(
            () ->
                pki.issue(
                    "rx5",
                    "CN=RX5 integration engine,O=RX5 test trust,C=GB",
                    "serverAuth,clientAuth",
                    "SAN=dns:localhost"));
    Future<Path> selfSignedMade =
        keytools.submit(
            () -> pki.selfSigned("untrusted", "CN=RX3 integration engine,O=RX3 test trust,C=GB"));
    keytools.shutdown();
    Path rx3Store = rx3Made.get();
    Path rx4Store = rx4Made.get();
    Path intruderStore = intruderMade.get();
    Path selfSigned = selfSignedMade.get();
    rx5Store = rx5Made.get();
    rx3 = pki.client(rx3Store);
    rx4 = pki.client(rx4Store);
    intruder = pki.client(intruderStore);
    untrusted = pki.client(selfSigned);
    anonymous = pki.client(null);

    set("cpis.hl7.tls.key-store", pki.keyStore("server").toString());
    set("cpis.hl7.tls.key-store-password", TestPki.PASSWORD);
    set("cpis.hl7.tls.trust-store", pki.trustStore().toString());
    set("cpis.hl7.tls.trust-store-password", TestPki.PASSWORD);
    set(
        "cpis.hl7.facility.RX3",
        "care-setting=ED;name=RX3 test trust;client-cert=" + TestPki.fingerprint(rx3Store));
    // the subject written differently from the certificate: compared as a name, not as text
    set(
        "cpis.hl7.facility.RX4",
        "care-setting=MIU;client-dn=cn=RX4 integration engine, o=RX4 test trust, c=GB");
  }

  @AfterAll
  static void putBack() throws Exception {
    for (Map.Entry<String, String> e : before.entrySet()) {
      ServerConfig.restore(e.getKey(), e.getValue());
    }
  }

  static void set(String name, String value) throws Exception {
    String was = ServerConfig.setSystemProperty(name, value);
    before.putIfAbsent(name, was);
  }

  @Test
  @DisplayName(
      "R18 R20: the facility's engine with its certificate (fingerprint): QBP^Q11 answered OK with the CP-IS record, one access")
  void withTheFacilitysCertificate() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String id = Mllp.controlId();

    Message rsp = Mllp.sendTls(qbp("RX3", nhs, "Q-" + id, id), rx3);

    assertThat(get(rsp, "/MSA-1")).isEqualTo("AA");
    assertThat(get(rsp, "/QAK-2")).isEqualTo("OK");
    assertThat(Mllp.observation(rsp, "1", "CPIS-LA"))
        .isEqualTo("Leicestershire County Council^^^^^^^^^855");
    assertThat(Mllp.observation(rsp, "A1", "CPIS-ACCESS-ORG"))
        .isEqualTo("RX3 test trust^^^^^^^^^RX3");
    assertThat(Children.accesses(nhs)).isEqualTo(1);
    // issue 9: the audit names the facility and the certificate its peer presented
    assertThat(AuditIT.rows("?subject=" + nhs + "&channel=HL7"))
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.getString("principal"))
                    .startsWith(
                        "hl7 facility RX3, certificate CN=RX3 integration engine,O=RX3 test trust,C=GB at "));
  }

  @Test
  @DisplayName(
      "R20: a facility known by its certificate's subject: an ADT^A04 over TLS is AA and records the access")
  void bySubject() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String id = Mllp.controlId();

    Message ack =
        Mllp.sendTls(adt("A04", "RX4", nhs, "V" + id, id, "2.5", "UNICODE UTF-8", "Noah"), rx4);

    assertThat(get(ack, "/MSA-1")).isEqualTo("AA");
    assertThat(Children.accesses(nhs)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "A certificate from the trusted CA that is not the facility's: AR 103, no CP-IS data, nothing recorded")
  void anotherEnginesCertificate() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String id = Mllp.controlId();

    Message rsp = Mllp.sendTls(qbp("RX3", nhs, "Q-" + id, id), intruder);

    assertThat(get(rsp, "/MSA-1")).isEqualTo("AR");
    assertThat(get(rsp, "/ERR-3-1")).isEqualTo("103");
    assertThat(get(rsp, "/ERR-2-1")).isEqualTo("MSH");
    assertThat(get(rsp, "/ERR-2-3")).isEqualTo("4");
    assertThat(get(rsp, "/QAK-2")).isEqualTo("AR");
    assertThat(Mllp.segments(rsp, "OBX")).isEmpty();
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName(
      "A facility's certificate sending as another facility (RX3 as RWE, RX4): AR 103, nothing recorded")
  void sendingAsAnotherFacility() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String id = Mllp.controlId();

    Message asRwe = Mllp.sendTls(qbp("RWE", nhs, "Q-" + id, id), rx3);
    Message asRx4 =
        Mllp.sendTls(adt("A04", "RX4", nhs, "V" + id, Mllp.controlId(), "2.5", null, "Noah"), rx3);

    assertThat(get(asRwe, "/MSA-1")).isEqualTo("AR");
    assertThat(get(asRwe, "/ERR-3-1")).isEqualTo("103");
    assertThat(Mllp.segments(asRwe, "OBX")).isEmpty();
    assertThat(get(asRx4, "/MSA-1")).isEqualTo("AR");
    assertThat(get(asRx4, "/ERR-3-1")).isEqualTo("103");
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName("A peer without a client certificate gets nothing: the handshake is refused")
  void withoutCertificate() throws Exception {
    String nhs = Children.sharedByLeicestershire();

    assertThat(answerOverTls(anonymous, qbp("RX3", nhs, "Q1", Mllp.controlId()))).isNull();
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName(
      "A self-signed certificate with the facility's subject, not from the trusted CA: refused in the handshake")
  void untrustedCertificate() throws Exception {
    String nhs = Children.sharedByLeicestershire();

    assertThat(answerOverTls(untrusted, qbp("RX3", nhs, "Q1", Mllp.controlId()))).isNull();
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName(
      "Over plain MLLP, a facility known only by its certificate is refused AR 103, even from this machine")
  void plainForACertificateFacility() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String id = Mllp.controlId();

    Message rsp = Mllp.send(qbp("RX3", nhs, "Q-" + id, id));

    assertThat(get(rsp, "/MSA-1")).isEqualTo("AR");
    assertThat(get(rsp, "/ERR-3-1")).isEqualTo("103");
    assertThat(Mllp.segments(rsp, "OBX")).isEmpty();
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName(
      "With cpis.hl7.plain off, a plain MLLP connection is closed unanswered; TLS keeps working")
  void plainOff() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String was = ServerConfig.setSystemProperty("cpis.hl7.plain", "false");
    try {
      assertThatThrownBy(
              () -> Mllp.sendRaw(java.util.List.of(qbp("RWE", nhs, "Q1", Mllp.controlId()))))
          .isInstanceOf(Exception.class);
      String id = Mllp.controlId();
      assertThat(get(Mllp.sendTls(qbp("RX3", nhs, "Q-" + id, id), rx3), "/QAK-2")).isEqualTo("OK");
    } finally {
      ServerConfig.restore("cpis.hl7.plain", was);
    }
    assertThat(Children.accesses(nhs)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "The key and trust stores are Elytron resources, and the SSL context needs a client certificate")
  void elytronResources() throws Exception {
    ModelNode ssl =
        ServerConfig.execute(
            "read-resource",
            new String[] {"subsystem", "elytron", "server-ssl-context", "cpis-hl7-ssl"});
    ModelNode keys =
        ServerConfig.execute(
            "read-resource",
            new String[] {"subsystem", "elytron", "key-store", "cpis-hl7-key-store"});
    ModelNode trust =
        ServerConfig.execute(
            "read-resource",
            new String[] {"subsystem", "elytron", "key-store", "cpis-hl7-trust-store"});

    assertThat(ssl.get("need-client-auth").asBoolean()).isTrue();
    assertThat(ssl.get("key-manager").asString()).isEqualTo("cpis-hl7-key-manager");
    assertThat(ssl.get("trust-manager").asString()).isEqualTo("cpis-hl7-trust-manager");
    assertThat(keys.get("path").asString()).isEqualTo("${cpis.hl7.tls.key-store}");
    assertThat(trust.get("path").asString()).isEqualTo("${cpis.hl7.tls.trust-store}");
  }

  @Test
  @DisplayName(
      "R18 R20: a CP-IS alert reaches the facility's receiver over TLS, which checks the server's certificate")
  void alertOverTls() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (TlsReceiver receiver = new TlsReceiver(port, pki.client(rx5Store))) {
      set(
          "cpis.hl7.facility.RX5",
          "care-setting=ED;client-cert="
              + TestPki.fingerprint(rx5Store)
              + ";alert-destination=localhost:"
              + port
              + ";alert-tls=true");
      String nhs = Children.sharedByLeicestershire();
      String id = Mllp.controlId();

      Message ack =
          Mllp.sendTls(
              adt("A04", "RX5", nhs, "V" + id, id, "2.5", "UNICODE UTF-8", "Noah"),
              pki.client(rx5Store));

      assertThat(get(ack, "/MSA-1")).isEqualTo("AA");
      String oru =
          await()
              .atMost(Duration.ofSeconds(90))
              .until(() -> receiver.alertFor(nhs), a -> a != null);
      assertThat(get(Mllp.parse(oru), "/MSH-9-1")).isEqualTo("ORU");
      assertThat(Mllp.observation(Mllp.parse(oru), "1", "CPIS-LA"))
          .isEqualTo("Leicestershire County Council^^^^^^^^^855");
      // the server offered its own certificate, which the receiver's trust store vouched for
      assertThat(receiver.clients)
          .contains(
              TestPki.certificate(pki.keyStore("server")).getSubjectX500Principal().getName());
    }
  }

  /**
   * A trust engine's MLLP receiver over TLS (client certificate required): keeps what it receives
   * and who sent it, acknowledges AA.
   */
  static final class TlsReceiver implements AutoCloseable {
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> clients = new CopyOnWriteArrayList<>();
    private final SSLServerSocket server;
    private final Thread thread;

    TlsReceiver(int port, SSLContext tls) throws IOException {
      server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(port);
      server.setNeedClientAuth(true);
      thread = new Thread(this::serve, "tls-receiver");
      thread.start();
    }

    String alertFor(String nhs) {
      return received.stream().filter(m -> m.contains(nhs + "^^^NHS^NH")).findFirst().orElse(null);
    }

    private void serve() {
      while (!server.isClosed()) {
        try (SSLSocket s = (SSLSocket) server.accept()) {
          s.setSoTimeout(30_000);
          s.startHandshake();
          clients.add(
              ((java.security.cert.X509Certificate) s.getSession().getPeerCertificates()[0])
                  .getSubjectX500Principal()
                  .getName());
          MinLLPReader in = new MinLLPReader(s.getInputStream(), StandardCharsets.UTF_8);
          MinLLPWriter out = new MinLLPWriter(s.getOutputStream(), StandardCharsets.UTF_8);
          for (String m = in.getMessage(); m != null; m = in.getMessage()) {
            received.add(m);
            out.writeMessage(Mllp.encode(Mllp.parse(m).generateACK()));
          }
        } catch (Exception e) {
          // the next connection
        }
      }
    }

    @Override
    public void close() throws Exception {
      server.close();
      thread.join(10_000);
    }
  }

  /**
   * Sends one message over TLS on a socket of its own; the answer, or null when the server ends the
   * connection (in the handshake, or without answering).
   */
  private static String answerOverTls(SSLContext tls, String message) throws Exception {
    try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket("localhost", Mllp.port())) {
      s.setSoTimeout(30_000);
      try {
        s.startHandshake();
        // TLS 1.3: the server's verdict on the client's certificate arrives with the first read
        new MinLLPWriter(s.getOutputStream(), StandardCharsets.UTF_8).writeMessage(message);
        return new MinLLPReader(s.getInputStream(), StandardCharsets.UTF_8).getMessage();
      } catch (IOException e) {
        return null;
      }
    }
  }
}
