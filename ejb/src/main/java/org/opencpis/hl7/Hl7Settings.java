package org.opencpis.hl7;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The HL7 v2 settings, each a WildFly system property (ear/src/main/server/cli/60-hl7.cli) read at
 * each use, so a change in the management console applies to the next message:
 *
 * <ul>
 *   <li>{@code cpis.hl7.port}: the MLLP port (2575), shifted like every other port by the server's
 *       {@code jboss.socket.binding.port-offset}; read when the application starts.
 *   <li>{@code cpis.hl7.charset}: the character set of a message whose MSH-18 is empty (UTF-8).
 *   <li>{@code cpis.hl7.facility.<ODS code>}: one per sending facility allowed, for example {@code
 *       care-setting=ED;name=University Hospitals of Leicester NHS Trust;alert-destination=
 *       mllp.example.nhs.uk:2576}. A facility without a property is refused.
 * </ul>
 */
@ApplicationScoped
public class Hl7Settings {

  private static final Logger LOG = Logger.getLogger(Hl7Settings.class.getName());

  public static final String FACILITY_PREFIX = "cpis.hl7.facility.";

  /** The port the listener binds: {@code cpis.hl7.port} plus the server's port offset. */
  /**
   * How many days a received message and its answer are kept: a repeat within that time gets the
   * same answer; after it, the message (which holds personal data) is removed.
   */
  public int messageRetentionDays() {
    return intValue("cpis.hl7.message-retention-days", 30);
  }

  public int listenerPort() {
    return intValue("cpis.hl7.port", 2575) + intValue("jboss.socket.binding.port-offset", 0);
  }

  public Charset defaultCharset() {
    String name = System.getProperty("cpis.hl7.charset", "UTF-8").trim();
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      LOG.warning("cpis.hl7.charset '" + name + "' is not a charset; using UTF-8");
      return Charset.forName("UTF-8");
    }
  }

  /** The allowed sending facility with this ODS code (MSH-4), if it is configured. */
  public Optional<Facility> facility(String odsCode) {
    if (odsCode == null || odsCode.isBlank()) {
      return Optional.empty();
    }
    String ods = odsCode.trim().toUpperCase(Locale.ROOT);
    String value = System.getProperty(FACILITY_PREFIX + ods);
    return value == null ? Optional.empty() : Optional.of(Facility.parse(ods, value));
  }

  static int intValue(String name, int fallback) {
    String v = System.getProperty(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
