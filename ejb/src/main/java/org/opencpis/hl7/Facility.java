package org.opencpis.hl7;

import java.util.Locale;

/**
 * A sending facility allowed to use the HL7 channel: its ODS code (MSH-4), the care setting its
 * attendances are recorded under (R17; PV1 decides when none is configured), a name for the access
 * history, and where CP-IS alerts (ORU^R01) go, if anywhere.
 *
 * @param alertHost null when the facility takes no alerts
 */
public record Facility(
    String odsCode, String careSetting, String name, String alertHost, int alertPort) {

  public boolean takesAlerts() {
    return alertHost != null;
  }

  /**
   * Reads a property value: {@code key=value} pairs separated by {@code ;}, keys {@code
   * care-setting}, {@code name}, {@code alert-destination} (host:port). Unknown keys are ignored.
   */
  public static Facility parse(String odsCode, String value) {
    String careSetting = null;
    String name = null;
    String host = null;
    int port = 0;
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
        default -> {
          // ignored
        }
      }
    }
    return new Facility(odsCode, careSetting, name, host, port);
  }
}
