package org.opencpis.demographics.application;

import org.opencpis.shared.Setting;

/**
 * The demographic store's settings: WildFly system properties (36-demographics.cli) read at each
 * use through {@link Setting}, so a change in the management console takes effect at once.
 */
public final class DemographicsSettings {

  /** {@code false}: the demographic service is unavailable, uploads are answered CPF05. */
  public static final String AVAILABLE = "cpis.demographics.available";

  /** Records of the development population seeded into an empty store; 0 seeds nothing. */
  public static final String SEED_SIZE = "cpis.demographics.seed-size";

  private DemographicsSettings() {}

  /** Whether the demographic service answers now (default true; true or false, else refused). */
  public static boolean available() {
    return Setting.flag(AVAILABLE, true);
  }
}
