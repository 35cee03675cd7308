package org.opencpis.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * A test certificate authority and the certificates it issues, made with the JDK's keytool the way
 * the README tells an administrator to (PKCS#12 stores, EC P-256 keys, two days' validity): the
 * server's key store, a trust store with the CA, and client key stores for engines.
 */
final class TestPki {

  static final String PASSWORD = "it-store-secret";

  final Path dir;

  private TestPki(Path dir) {
    this.dir = dir;
  }

  /** A fresh CA in {@code dir} (emptied first), its trust store, and the server's key store. */
  static TestPki create(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
    TestPki pki = new TestPki(dir.toAbsolutePath());
    pki.keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=OpenCPIS test CA,O=OpenCPIS integration tests",
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-keystore",
        "ca.p12",
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD);
    pki.keytool(
        "-exportcert",
        "-alias",
        "ca",
        "-keystore",
        "ca.p12",
        "-storepass",
        PASSWORD,
        "-rfc",
        "-file",
        "ca.pem");
    pki.keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "ca",
        "-file",
        "ca.pem",
        "-keystore",
        "trust.p12",
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD);
    // serverAuth for the listener, clientAuth for the alerts it sends
    pki.issue(
        "server",
        "CN=localhost,O=OpenCPIS",
        "serverAuth,clientAuth",
        "SAN=dns:localhost,ip:127.0.0.1");
    return pki;
  }

  Path trustStore() {
    return dir.resolve("trust.p12");
  }

  Path keyStore(String name) {
    return dir.resolve(name + ".p12");
  }

  /** A key pair and a certificate for it signed by the CA, in {@code <name>.p12}. */
  Path issue(String name, String subject, String extendedKeyUsage, String... moreExtensions)
      throws Exception {
    String store = name + ".p12";
    keytool(
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        subject,
        "-validity",
        "2",
        "-keystore",
        store,
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD);
    keytool(
        "-certreq",
        "-alias",
        name,
        "-keystore",
        store,
        "-storepass",
        PASSWORD,
        "-file",
        name + ".csr");
    List<String> gencert =
        new ArrayList<>(
            List.of(
                "-gencert",
                "-alias",
                "ca",
                "-keystore",
                "ca.p12",
                "-storepass",
                PASSWORD,
                "-infile",
                name + ".csr",
                "-outfile",
                name + ".pem",
                "-rfc",
                "-validity",
                "2",
                "-ext",
                "ku:c=digitalSignature",
                "-ext",
                "eku=" + extendedKeyUsage));
    for (String e : moreExtensions) {
      gencert.add("-ext");
      gencert.add(e);
    }
    keytool(gencert.toArray(String[]::new));
    // the reply with the CA after it: keytool establishes the chain from the file
    Files.writeString(
        dir.resolve(name + "-chain.pem"),
        Files.readString(dir.resolve(name + ".pem")) + Files.readString(dir.resolve("ca.pem")));
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        name,
        "-file",
        name + "-chain.pem",
        "-keystore",
        store,
        "-storepass",
        PASSWORD);
    return keyStore(name);
  }

  /** A key pair with a self-signed certificate no trust store holds. */
  Path selfSigned(String name, String subject) throws Exception {
    keytool(
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        subject,
        "-validity",
        "2",
        "-keystore",
        name + ".p12",
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD);
    return keyStore(name);
  }

  /** The SHA-256 fingerprint of the certificate in a store, as keytool prints it (AB:CD:...). */
  static String fingerprint(Path store) throws Exception {
    X509Certificate c = certificate(store);
    String hex =
        HexFormat.of()
            .withUpperCase()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    return String.join(":", hex.split("(?<=\\G..)"));
  }

  static X509Certificate certificate(Path store) throws Exception {
    KeyStore ks = load(store);
    String alias = ks.aliases().nextElement();
    return (X509Certificate) ks.getCertificate(alias);
  }

  /** A client TLS context: this key store (null: no client certificate), trusting the test CA. */
  SSLContext client(Path keyStore) throws Exception {
    return client(keyStore, load(trustStore()));
  }

  /**
   * A client TLS context: this key store (null: no client certificate), trusting the certificates
   * in {@code trusted} (e.g. a server's own self-signed certificate).
   */
  SSLContext client(Path keyStore, KeyStore trusted) throws Exception {
    KeyManager[] keys = null;
    if (keyStore != null) {
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(load(keyStore), PASSWORD.toCharArray());
      keys = new KeyManager[] {new Insistent((X509KeyManager) kmf.getKeyManagers()[0])};
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trusted);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(keys, tmf.getTrustManagers(), null);
    return ctx;
  }

  /**
   * Offers its certificate whatever CAs the server says it trusts (a JDK client otherwise sends
   * none when its certificate is not from one of them), so the server's own check is what is
   * tested. An extended key manager, so that clients on an SSLEngine (the JDK's HttpClient, which
   * CXF uses for HTTPS) offer it too.
   */
  private static final class Insistent extends X509ExtendedKeyManager {
    private final X509KeyManager keys;

    Insistent(X509KeyManager keys) {
      this.keys = keys;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      for (String type : keyType) {
        String[] aliases = keys.getClientAliases(type, null);
        if (aliases != null && aliases.length > 0) {
          return aliases[0];
        }
      }
      return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
      return chooseClientAlias(keyType, issuers, (Socket) null);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return keys.getClientAliases(keyType, null);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return keys.getServerAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return keys.chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return keys.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return keys.getPrivateKey(alias);
    }
  }

  private static KeyStore load(Path store) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    return ks;
  }

  private void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("keytool " + String.join(" ", args) + " failed:\n" + out);
    }
  }
}
