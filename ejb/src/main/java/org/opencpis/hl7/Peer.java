package org.opencpis.hl7;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.security.auth.x500.X500Principal;

/**
 * Who is at the other end of an MLLP connection: over TLS, the client certificate the handshake
 * verified against the trust store; over plain MLLP (development only), nothing but its address. A
 * facility admits a peer by its certificate's SHA-256 fingerprint or subject, or (plain only) by
 * its address: see {@link Facility#admits(Peer)}.
 *
 * @param certificate null on a plain connection
 */
public record Peer(InetAddress address, X509Certificate certificate, String fingerprint) {

  public static Peer plain(InetAddress address) {
    return new Peer(address, null, null);
  }

  public static Peer tls(InetAddress address, X509Certificate certificate) {
    return new Peer(address, certificate, fingerprint(certificate));
  }

  public boolean tls() {
    return certificate != null;
  }

  public X500Principal subject() {
    return certificate == null ? null : certificate.getSubjectX500Principal();
  }

  /**
   * For a log line: the address, and the start of the certificate's fingerprint (never the subject,
   * which may name a person).
   */
  public String describe() {
    String a = address == null ? "?" : address.getHostAddress();
    return tls() ? a + " (certificate sha256:" + fingerprint.substring(0, 16) + "...)" : a;
  }

  /**
   * For the audit trail (never the log): the certificate's subject, or over plain MLLP the address.
   */
  public String auditName() {
    String a = address == null ? "?" : address.getHostAddress();
    return tls() ? "certificate " + subject().getName() + " at " + a : "address " + a;
  }

  /** The SHA-256 of the certificate's DER encoding, lower-case hex without separators. */
  public static String fingerprint(X509Certificate c) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
