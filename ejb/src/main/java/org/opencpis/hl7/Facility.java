package org.opencpis.hl7;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * A sending facility allowed to use the HL7 channel: its ODS code (MSH-4), the care setting its
 * attendances are recorded under (R17; PV1 decides when none is configured), a name for the access
 * history, where CP-IS alerts (ORU^R01) go, if anywhere, and who may speak for it: the client
 * certificates (SHA-256 fingerprints, or a subject) of its engine over TLS, and, for development
 * only, the addresses it may send from over plain MLLP.
 *
 * @param alertHost null when the facility takes no alerts
 * @param alertTls alerts go over TLS even while plain MLLP is allowed (they always do when it is
 *     not)
 * @param clientCertificates SHA-256 fingerprints, lower-case hex without separators
 * @param clientSubject null when the facility is not known by a certificate subject
 * @param peers addresses admitted over plain MLLP (only when {@code cpis.hl7.plain} is on)
 */
public record Facility(
    String odsCode,
    String careSetting,
    String name,
    String alertHost,
    int alertPort,
    boolean alertTls,
    Set<String> clientCertificates,
    X500Principal clientSubject,
    Set<InetAddress> peers) {

  public Facility {
    clientCertificates = Set.copyOf(clientCertificates);
    peers = Set.copyOf(peers);
  }

  public boolean takesAlerts() {
    return alertHost != null;
  }

  /**
   * Whether the peer may send for this facility: over TLS, when its certificate (already verified
   * against the trust store) is one of the facility's, by fingerprint or subject; over plain MLLP,
   * when its address is one of the facility's peers.
   */
  public boolean admits(Peer peer) {
    if (peer == null) {
      return false;
    }
    if (peer.tls()) {
      return clientCertificates.contains(peer.fingerprint())
          || (clientSubject != null && clientSubject.equals(peer.subject()));
    }
    return peer.address() != null && peers.contains(peer.address());
  }

  /**
   * Reads a property value: {@code key=value} pairs separated by {@code ;}, keys {@code
   * care-setting}, {@code name}, {@code alert-destination} (host:port), {@code alert-tls} (true:
   * alerts over TLS in development too), {@code client-cert} (SHA-256 fingerprints of the engine's
   * certificates, hex with or without colons, separated by commas: more than one while a
   * certificate is renewed), {@code client-dn} (the certificate's subject, as {@code keytool
   * -printcert} shows it), {@code peers} (IP addresses separated by commas; host names are not
   * looked up). Unknown keys and values that cannot be read are ignored.
   */
  public static Facility parse(String odsCode, String value) {
    String careSetting = null;
    String name = null;
    String host = null;
    int port = 0;
    boolean alertTls = false;
    Set<String> certs = new LinkedHashSet<>();
    X500Principal subject = null;
    Set<InetAddress> peers = new LinkedHashSet<>();
    for (String pair : value.split(";")) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String v = pair.substring(eq + 1).trim();
      if (v.isEmpty()) {
        continue;
      }
      switch (key) {
        case "care-setting" -> careSetting = v.toUpperCase(Locale.ROOT);
        case "name" -> name = v;
        case "alert-destination" -> {
          int colon = v.lastIndexOf(':');
          if (colon > 0) {
            try {
              port = Integer.parseInt(v.substring(colon + 1).trim());
              host = v.substring(0, colon).trim();
            } catch (NumberFormatException e) {
              host = null;
            }
          }
        }
        case "alert-tls" -> alertTls = Boolean.parseBoolean(v);
        case "client-cert" -> {
          for (String f : v.split(",")) {
            String hex = f.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
            if (hex.matches("[0-9a-f]{64}")) {
              certs.add(hex);
            }
          }
        }
        case "client-dn" -> {
          try {
            subject = new X500Principal(v);
          } catch (IllegalArgumentException e) {
            subject = null;
          }
        }
        case "peers" -> {
          for (String a : v.split(",")) {
            InetAddress address = literal(a.trim());
            if (address != null) {
              peers.add(address);
            }
          }
        }
        default -> {
          // ignored
        }
      }
    }
    return new Facility(odsCode, careSetting, name, host, port, alertTls, certs, subject, peers);
  }

  /** An IPv4 or IPv6 literal as an address (no name lookup), or null. */
  static InetAddress literal(String s) {
    if (!(s.matches("\\d{1,3}(\\.\\d{1,3}){3}")
        || (s.contains(":") && s.matches("[0-9A-Fa-f:.]+")))) {
      return null;
    }
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
