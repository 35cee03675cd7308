package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;

import jakarta.xml.ws.WebServiceException;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse;
import org.opencpis.contract.query.CpisError;
import org.opencpis.contract.upload.CpisUploadPortType;

/**
 * Issue 9: cpisquery over HTTPS with client certificates, through a real CXF client. The test makes
 * its own CA and certificates with keytool (as the README does, {@link TestPki}) and, as an
 * administrator would through the management interface, imports the CA into the HTTPS trust store
 * and registers two systems in CpisCertificateRealm (one without a role, one a council's uploading
 * system); all of it is put back afterwards. The server keeps its own self-signed development key
 * pair, which the client trusts as read from the key store's resource. The system ed-system-rwe
 * (B0107) is the development configuration's own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SoapClientCertIT {

  static final String CA_ALIAS = "soap-client-cert-it-ca";
  static final String NO_ROLE_SYSTEM = "it-no-role-system";
  static final String LEICS_UPLOAD_SYSTEM = "it-leics-upload-system";
  static final String[] TRUST_STORE = {
    "subsystem", "elytron", "key-store", "cpis-https-trust-store"
  };
  static final String[] TRUST_MANAGER = {
    "subsystem", "elytron", "trust-manager", "cpis-https-trust-manager"
  };
  static final String[] CERTIFICATE_REALM = {
    "subsystem", "elytron", "filesystem-realm", "CpisCertificateRealm"
  };

  static final LocalDate START = TestData.monthsAgo(9);

  static TestPki pki;
  static SSLContext edSystem;
  static SSLContext unregistered;
  static SSLContext noRole;
  static SSLContext leicsUploadSystem;
  static SSLContext untrusted;
  static SSLContext withoutCertificate;

  @BeforeAll
  static void certificates() throws Exception {
    TestServer.awaitDeployed();
    pki = TestPki.create(Path.of("target", "soap-tls"));
    ExecutorService keytools = Executors.newFixedThreadPool(4);
    Future<Path> ed =
        keytools.submit(
            () ->
                pki.issue(
                    "ed-system-rwe",
                    "CN=ed-system-rwe,O=University Hospitals of Leicester NHS Trust,C=GB",
                    "clientAuth"));
    Future<Path> stranger =
        keytools.submit(
            () ->
                pki.issue("unregistered", "CN=unregistered-system,O=Elsewhere,C=GB", "clientAuth"));
    Future<Path> roleless =
        keytools.submit(
            () -> pki.issue("no-role", "CN=" + NO_ROLE_SYSTEM + ",O=Elsewhere,C=GB", "clientAuth"));
    Future<Path> uploader =
        keytools.submit(
            () ->
                pki.issue(
                    "leics-upload",
                    "CN=" + LEICS_UPLOAD_SYSTEM + ",O=Leicestershire County Council,C=GB",
                    "clientAuth"));
    // the registered system's name, but not from a CA the server trusts
    Future<Path> selfSigned =
        keytools.submit(
            () ->
                pki.selfSigned(
                    "untrusted",
                    "CN=ed-system-rwe,O=University Hospitals of Leicester NHS Trust,C=GB"));
    keytools.shutdown();

    KeyStore server = serverCertificate();
    edSystem = pki.client(ed.get(), server);
    unregistered = pki.client(stranger.get(), server);
    noRole = pki.client(roleless.get(), server);
    leicsUploadSystem = pki.client(uploader.get(), server);
    untrusted = pki.client(selfSigned.get(), server);
    withoutCertificate = pki.client(null, server);

    // the administrator trusts the CA that issues the systems' certificates ...
    ModelNode imp = ServerConfig.operation("import-certificate", TRUST_STORE);
    imp.get("alias").set(CA_ALIAS);
    imp.get("path").set(pki.dir.resolve("ca.pem").toString());
    imp.get("validate").set(false);
    ServerConfig.execute(imp);
    ServerConfig.execute(ServerConfig.operation("store", TRUST_STORE));
    ServerConfig.execute(ServerConfig.operation("init", TRUST_MANAGER));
    // ... and registers a system that holds no role, and a council's uploading system
    register(NO_ROLE_SYSTEM);
    register(LEICS_UPLOAD_SYSTEM, "la-uploader", "la-855");
  }

  /** Adds a system to CpisCertificateRealm with these roles, as the README tells. */
  static void register(String system, String... roles) throws Exception {
    ModelNode add = ServerConfig.operation("add-identity", CERTIFICATE_REALM);
    add.get("identity").set(system);
    ServerConfig.execute(add);
    if (roles.length > 0) {
      ModelNode groups = ServerConfig.operation("add-identity-attribute", CERTIFICATE_REALM);
      groups.get("identity").set(system);
      groups.get("name").set("groups");
      for (String role : roles) {
        groups.get("value").add(role);
      }
      ServerConfig.execute(groups);
    }
  }

  @AfterAll
  static void putBack() throws Exception {
    for (String system : List.of(NO_ROLE_SYSTEM, LEICS_UPLOAD_SYSTEM)) {
      ModelNode remove = ServerConfig.operation("remove-identity", CERTIFICATE_REALM);
      remove.get("identity").set(system);
      ServerConfig.execute(remove);
    }
    ModelNode alias = ServerConfig.operation("remove-alias", TRUST_STORE);
    alias.get("alias").set(CA_ALIAS);
    ServerConfig.execute(alias);
    ServerConfig.execute(ServerConfig.operation("store", TRUST_STORE));
    ServerConfig.execute(ServerConfig.operation("init", TRUST_MANAGER));
  }

  @Test
  @DisplayName(
      "Issue 9, R18 R20: a system with its certificate (CN=ed-system-rwe, B0107) is answered over"
          + " HTTPS without a password, and the view is recorded")
  void registeredCertificate() throws Exception {
    String nhs = Children.sharedByLeicestershire();

    SpineAnswer result = overHttps(edSystem, null, nhs);

    assertThat(result.plans())
        .extracting(r -> r.nhsNumber(), r -> r.laName())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(nhs, "Leicestershire County Council"));
    // recorded (and its council notified): the certificate's identity holds B0107, whose views
    // are recorded, not B0170, whose are not
    assertThat(Children.accesses(nhs)).isEqualTo(1);
    // the audit trail names the caller the certificate authenticated, not what the message claims
    assertThat(AuditIT.rows("?subject=" + nhs))
        .filteredOn(row -> "cpis.query".equals(row.getString("operation")))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.getString("channel")).isEqualTo("SOAP");
              assertThat(row.getString("principal")).isEqualTo("ed-system-rwe");
            });
  }

  @Test
  @DisplayName(
      "Issue 9: a certificate with the registered system's name, not from a trusted CA, is refused"
          + " in the handshake; nothing is recorded")
  void untrustedCertificate() throws Exception {
    String nhs = Children.sharedByLeicestershire();

    Throwable refused = catchThrowable(() -> overHttps(untrusted, null, nhs));

    assertThat(refused).isInstanceOf(WebServiceException.class);
    assertThat(causes(refused)).anyMatch(c -> c instanceof SSLException);
    assertThat(refused).hasStackTraceContaining("certificate").doesNotHaveToString("401");
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName(
      "Issue 9: a certificate from the trusted CA whose CN is no registered system gets 401;"
          + " nothing is recorded")
  void unregisteredCertificate() throws Exception {
    String nhs = Children.sharedByLeicestershire();

    WebServiceException refused =
        catchThrowableOfType(WebServiceException.class, () -> overHttps(unregistered, null, nhs));

    assertThat(refused).isNotNull().hasStackTraceContaining("401");
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName(
      "Issue 9, R18: a registered system without a health role is authenticated by its"
          + " certificate and refused ACCESS_DENIED by name; nothing is recorded")
  void registeredWithoutRole() throws Exception {
    String nhs = Children.sharedByLeicestershire();

    CpisError denied = catchThrowableOfType(CpisError.class, () -> overHttps(noRole, null, nhs));

    assertThat(denied).isNotNull();
    assertThat(denied.getFaultInfo().getCode()).isEqualTo("ACCESS_DENIED");
    // the caller is the certificate's CN, as the realm knows it
    assertThat(denied.getFaultInfo().getMessage()).contains("'" + NO_ROLE_SYSTEM + "'", "B0107");
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName(
      "Issue 9, R1 R6: a council's system with its certificate (la-uploader, la-855) uploads for"
          + " its council over HTTPS; for another council it is refused by name, nothing loaded")
  void councilSystem() throws Exception {
    String nhs = TestData.nhsNumber();
    String other = TestData.nhsNumber();
    CpisUploadPortType upload = Spine.upload(null, TestServer.httpsBaseUrl(), leicsUploadSystem);

    REPCMT000003GB01FileResponse ack =
        upload.upload(
            file(
                "855",
                child("L-TLS-" + nhs, nhs, "Noah", "Patel", Children.DOB, "CPP", START, null)));
    // refused before its number is looked at: the file's number is Manchester's first
    org.opencpis.contract.upload.CpisError notYours =
        catchThrowableOfType(
            org.opencpis.contract.upload.CpisError.class,
            () ->
                upload.upload(
                    file(
                        "352",
                        1,
                        child(
                            "M-TLS-" + other,
                            other,
                            "Ola",
                            "Reed",
                            Children.DOB,
                            "CPP",
                            START,
                            null))));

    assertThat(UploadFiles.fileCode(ack).getCode()).isEqualTo("CPF02");
    assertThat(overHttps(edSystem, null, nhs).plans())
        .extracting(r -> r.laName())
        .containsExactly("Leicestershire County Council");
    assertThat(notYours).isNotNull();
    assertThat(notYours.getFaultInfo().getCode()).isEqualTo("ACCESS_DENIED");
    assertThat(notYours.getFaultInfo().getMessage())
        .contains("'" + LEICS_UPLOAD_SYSTEM + "'", "352");
    assertThat(overHttps(edSystem, null, other).found())
        .as("nothing of the refused file was loaded")
        .isFalse();
  }

  @Test
  @DisplayName(
      "Issue 9, R18: over HTTPS without a certificate, Basic still signs a user in; with neither,"
          + " 401")
  void basicOverHttps() throws Exception {
    String nhs = Children.sharedByLeicestershire();

    SpineAnswer result = overHttps(withoutCertificate, Spine.CLINICIAN, nhs);
    WebServiceException anonymous =
        catchThrowableOfType(
            WebServiceException.class, () -> overHttps(withoutCertificate, null, nhs));

    assertThat(result.plans()).hasSize(1);
    assertThat(anonymous).isNotNull().hasStackTraceContaining("401");
    assertThat(Children.accesses(nhs)).isEqualTo(1);
  }

  @Test
  @DisplayName("Issue 9: Basic over plain HTTP stays for development")
  void basicOverPlainHttp() throws Exception {
    String nhs = Children.sharedByLeicestershire();

    SpineAnswer result =
        SpineAnswer.of(Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE)));

    assertThat(TestServer.baseUrl()).startsWith("http://");
    assertThat(result.plans()).hasSize(1);
    assertThat(Children.accesses(nhs)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "Issue 9: the HTTPS stores, the SSL context and the certificate realm are Elytron resources;"
          + " the application offers CLIENT_CERT and BASIC")
  void elytronResources() throws Exception {
    ModelNode ssl =
        ServerConfig.execute(
            "read-resource",
            new String[] {"subsystem", "elytron", "server-ssl-context", "cpis-https-ssl"});
    ModelNode listener =
        ServerConfig.execute(
            "read-resource",
            new String[] {
              "subsystem", "undertow", "server", "default-server", "https-listener", "https"
            });
    ModelNode factory =
        ServerConfig.execute(
            "read-resource",
            new String[] {
              "subsystem", "elytron", "http-authentication-factory", "cpis-http-authentication"
            });
    ModelNode realm = ServerConfig.execute("read-resource", CERTIFICATE_REALM);

    assertThat(ssl.get("want-client-auth").asBoolean()).isTrue();
    assertThat(ssl.get("key-manager").asString()).isEqualTo("cpis-https-key-manager");
    assertThat(ssl.get("trust-manager").asString()).isEqualTo("cpis-https-trust-manager");
    assertThat(listener.get("ssl-context").asString()).isEqualTo("cpis-https-ssl");
    assertThat(factory.get("mechanism-configurations").asList())
        .extracting(m -> m.get("mechanism-name").asString())
        .containsExactly("CLIENT_CERT", "BASIC");
    assertThat(realm.get("path").asString()).isEqualTo("cpis-certificate-identities");
  }

  /**
   * The server's HTTPS certificate as the administrator reads it from the key store's resource
   * (read-alias), in a trust store of its own.
   */
  private static KeyStore serverCertificate() throws Exception {
    ModelNode read =
        ServerConfig.operation(
            "read-alias", "subsystem", "elytron", "key-store", "cpis-https-key-store");
    read.get("alias").set("server");
    String encoded =
        ServerConfig.execute(read).get("certificate-chain").get(0).get("encoded").asString();
    byte[] der = HexFormat.ofDelimiter(":").parseHex(encoded);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry(
        "server",
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)));
    return trust;
  }

  /** An ED nurse's query for this child over HTTPS, with this TLS context and Basic user. */
  private static SpineAnswer overHttps(SSLContext tls, Spine.User user, String nhs)
      throws Exception {
    return SpineAnswer.of(
        Spine.query(user, TestServer.httpsBaseUrl(), tls).query(byPerson(nhs, ED_NURSE)));
  }

  private static List<Throwable> causes(Throwable t) {
    List<Throwable> all = new ArrayList<>();
    for (Throwable c = t; c != null && !all.contains(c); c = c.getCause()) {
      all.add(c);
    }
    return all;
  }
}
