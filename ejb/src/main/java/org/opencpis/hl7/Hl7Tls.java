package org.opencpis.hl7;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.opencpis.shared.Setting;

/**
 * The MLLP listener's TLS: the server's key and certificate (the key store) and the CA certificates
 * that issue the facilities' client certificates (the trust store).
 *
 * <p>Both stores are Elytron resources ({@code /subsystem=elytron/key-store=cpis-hl7-key-store},
 * {@code cpis-hl7-trust-store}, with {@code key-manager}, {@code trust-manager} and the {@code
 * server-ssl-context=cpis-hl7-ssl} that needs client authentication; 61-hl7-tls.cli), so an
 * administrator sees and manages them in the console. A deployment cannot reach an Elytron SSL
 * context (it is an MSC service of the server, not a JNDI resource), so the Elytron resources and
 * this class read the same files through the same system properties:
 *
 * <ul>
 *   <li>{@code cpis.hl7.tls.key-store}, {@code cpis.hl7.tls.key-store-password} (also the key's
 *       password, as in PKCS#12), {@code cpis.hl7.tls.key-store-type} (PKCS12)
 *   <li>{@code cpis.hl7.tls.trust-store}, {@code cpis.hl7.tls.trust-store-password}, {@code
 *       cpis.hl7.tls.trust-store-type} (PKCS12)
 *   <li>{@code cpis.hl7.tls.protocols} (TLSv1.3,TLSv1.2)
 * </ul>
 *
 * The context is built again when a property changes or a file is rewritten (a renewed
 * certificate), at the next connection; no restart is needed.
 */
@ApplicationScoped
public class Hl7Tls {

  private static final Logger LOG = Logger.getLogger(Hl7Tls.class.getName());

  private record Source(
      String keyStore,
      String keyStorePassword,
      String keyStoreType,
      long keyStoreModified,
      String trustStore,
      String trustStorePassword,
      String trustStoreType,
      long trustStoreModified) {}

  private record Built(Source source, SSLContext context) {}

  private volatile Built built;

  /**
   * The TLS context, or empty (logged once) while the stores cannot be read. The listener serves
   * with it; CP-IS alerts are sent with it too, the key store's certificate as the client
   * certificate and the trust store vouching for the facility's receiver.
   */
  public Optional<SSLContext> context() {
    Source s = source();
    Built b = built;
    if (b != null && b.source().equals(s)) {
      return Optional.ofNullable(b.context());
    }
    synchronized (this) {
      b = built;
      if (b != null && b.source().equals(s)) {
        return Optional.ofNullable(b.context());
      }
      SSLContext context = null;
      try {
        context = build(s);
        LOG.info("HL7 MLLP TLS: key store " + s.keyStore() + ", trust store " + s.trustStore());
      } catch (IOException | GeneralSecurityException | RuntimeException e) {
        LOG.warning(
            "HL7 MLLP over TLS is unavailable: the key store ("
                + s.keyStore()
                + ") or trust store ("
                + s.trustStore()
                + ") cannot be used: "
                + e.getMessage()
                + " (see cpis.hl7.tls.*)");
      }
      built = new Built(s, context);
      return Optional.ofNullable(context);
    }
  }

  /** The protocols offered: {@code cpis.hl7.tls.protocols}, TLSv1.3 and TLSv1.2 by default. */
  public String[] protocols() {
    String v = Setting.text("cpis.hl7.tls.protocols", "TLSv1.3,TLSv1.2");
    return Arrays.stream(v.split(","))
        .map(String::trim)
        .filter(p -> !p.isEmpty())
        .toArray(String[]::new);
  }

  private static Source source() {
    String ks = prop("cpis.hl7.tls.key-store", null);
    String ts = prop("cpis.hl7.tls.trust-store", null);
    return new Source(
        ks,
        prop("cpis.hl7.tls.key-store-password", ""),
        prop("cpis.hl7.tls.key-store-type", "PKCS12"),
        modified(ks),
        ts,
        prop("cpis.hl7.tls.trust-store-password", ""),
        prop("cpis.hl7.tls.trust-store-type", "PKCS12"),
        modified(ts));
  }

  private static SSLContext build(Source s) throws IOException, GeneralSecurityException {
    if (s.keyStore() == null || s.trustStore() == null) {
      throw new GeneralSecurityException("cpis.hl7.tls.key-store and trust-store are required");
    }
    KeyStore keys = load(s.keyStore(), s.keyStoreType(), s.keyStorePassword());
    if (Collections.list(keys.aliases()).stream().noneMatch(a -> isKey(keys, a))) {
      throw new GeneralSecurityException("the key store holds no private key");
    }
    KeyStore trusted = load(s.trustStore(), s.trustStoreType(), s.trustStorePassword());
    List<String> anchors = Collections.list(trusted.aliases());
    if (anchors.isEmpty()) {
      throw new GeneralSecurityException("the trust store holds no certificate");
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, s.keyStorePassword().toCharArray());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }

  private static boolean isKey(KeyStore ks, String alias) {
    try {
      return ks.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static KeyStore load(String path, String type, String password)
      throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      ks.load(in, password.toCharArray());
    }
    return ks;
  }

  private static long modified(String path) {
    if (path == null) {
      return 0;
    }
    try {
      return Files.getLastModifiedTime(Path.of(path)).toMillis() ^ Files.size(Path.of(path));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static String prop(String name, String fallback) {
    return Setting.text(name, fallback);
  }
}
