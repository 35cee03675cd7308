package org.opencpis.hl7;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.opencpis.shared.Setting;

/**
 * The HL7 v2 settings, each a WildFly system property (ear/src/main/server/cli/60-hl7.cli and
 * 61-hl7-tls.cli) read at each use, so a change in the management console applies to the next
 * connection or message; the port and the bind address are read when the application starts.
 *
 * <ul>
 *   <li>{@code cpis.hl7.port}: the MLLP port (2575), shifted like every other port by the server's
 *       {@code jboss.socket.binding.port-offset}.
 *   <li>{@code cpis.hl7.bind-address}: the address listened on, by default WildFly's own ({@code
 *       jboss.bind.address}, else 127.0.0.1), never every interface unless set to 0.0.0.0.
 *   <li>{@code cpis.hl7.plain}: {@code true} accepts MLLP without TLS (development only; off unless
 *       set).
 *   <li>{@code cpis.hl7.tls.*}: the key store (the server's key and certificate) and the trust
 *       store (the CA certificates that issue the facilities' client certificates); see {@link
 *       Hl7Tls}.
 *   <li>{@code cpis.hl7.read-timeout-seconds} (30): how long a frame, once begun, or a TLS
 *       handshake may take; {@code cpis.hl7.idle-timeout-seconds} (300): how long a connection may
 *       wait between messages; {@code cpis.hl7.max-connections} (64); {@code
 *       cpis.hl7.max-frame-bytes} (1 MiB).
 *   <li>{@code cpis.hl7.charset}: the character set of a message whose MSH-18 is empty (UTF-8).
 *   <li>{@code cpis.hl7.facility.<ODS code>}: one per sending facility allowed, for example {@code
 *       care-setting=ED;name=University Hospitals of Leicester NHS Trust;client-cert=<SHA-256>;
 *       alert-destination=mllp.example.nhs.uk:2576} (see {@link Facility}). A facility without a
 *       property is refused.
 * </ul>
 */
@ApplicationScoped
public class Hl7Settings {

  public static final String FACILITY_PREFIX = "cpis.hl7.facility.";

  /**
   * How many days a received message and its answer are kept: a repeat within that time gets the
   * same answer; after it, the message (which holds personal data) is removed.
   */
  public int messageRetentionDays() {
    return Setting.integer("cpis.hl7.message-retention-days", 30, 1);
  }

  /** The port the listener binds: {@code cpis.hl7.port} plus the server's port offset. */
  public int listenerPort() {
    return Setting.integer("cpis.hl7.port", 2575, 1, 65535)
        + Setting.integer("jboss.socket.binding.port-offset", 0, 0, 65535);
  }

  /**
   * The address the listener binds: {@code cpis.hl7.bind-address}, else WildFly's {@code
   * jboss.bind.address} (set by {@code -b}), else 127.0.0.1 as WildFly's public interface.
   */
  public String bindAddress() {
    return Setting.text("cpis.hl7.bind-address")
        .or(() -> Setting.text("jboss.bind.address"))
        .orElse("127.0.0.1");
  }

  /** Whether MLLP without TLS is accepted (development only). */
  public boolean plainAllowed() {
    return Setting.flag("cpis.hl7.plain", false);
  }

  /** How long a frame, from its first byte to its last, or a TLS handshake may take. */
  public Duration readTimeout() {
    return Duration.ofSeconds(Setting.integer("cpis.hl7.read-timeout-seconds", 30, 1));
  }

  /** How long a connection may wait for the next message before it is closed. */
  public Duration idleTimeout() {
    return Duration.ofSeconds(Setting.integer("cpis.hl7.idle-timeout-seconds", 300, 1));
  }

  /** How many connections may be open at once; one more is closed as soon as it is accepted. */
  public int maxConnections() {
    return Setting.integer("cpis.hl7.max-connections", 64, 1);
  }

  /** The largest frame taken, in bytes; a larger one is answered AR and not processed. */
  public int maxFrameBytes() {
    return Setting.integer("cpis.hl7.max-frame-bytes", 1024 * 1024, 1024);
  }

  public Charset defaultCharset() {
    return Setting.charset("cpis.hl7.charset", "UTF-8");
  }

  /** The allowed sending facility with this ODS code (MSH-4), if it is configured. */
  public Optional<Facility> facility(String odsCode) {
    if (odsCode == null || odsCode.isBlank()) {
      return Optional.empty();
    }
    String ods = odsCode.trim().toUpperCase(Locale.ROOT);
    if (!ods.matches("[A-Z0-9]{1,10}")) {
      return Optional.empty();
    }
    return Setting.text(FACILITY_PREFIX + ods).map(value -> Facility.parse(ods, value));
  }
}
