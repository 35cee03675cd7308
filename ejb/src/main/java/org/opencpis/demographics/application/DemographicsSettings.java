package org.opencpis.demographics.application;

/**
 * The demographic store's settings: WildFly system properties (36-demographics.cli) read at each
 * use, so a change in the management console takes effect at once.
 */
public final class DemographicsSettings {

  /** {@code false}: the demographic service is unavailable, uploads are answered CPF05. */
  public static final String AVAILABLE = "cpis.demographics.available";

  /** Records of the development population seeded into an empty store; 0 seeds nothing. */
  public static final String SEED_SIZE = "cpis.demographics.seed-size";

  private DemographicsSettings() {}

  /** Whether the demographic service answers now (default true: anything but "false"). */
  public static boolean available() {
    String v = System.getProperty(AVAILABLE);
    return v == null || !v.trim().equalsIgnoreCase("false");
  }
}
