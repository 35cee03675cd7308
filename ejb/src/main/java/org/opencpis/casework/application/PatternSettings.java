package org.opencpis.casework.application;

import java.util.Optional;
import org.opencpis.casework.domain.AccessPattern;
import org.opencpis.casework.domain.Council;
import org.opencpis.shared.Settings;

/**
 * The thresholds of the access pattern flag (R25) that apply to a council: its own, if its
 * administrator set them, else the service's ({@code cpis.pattern.*}). One place, so the intake
 * that flags a step, the timeline that shades the flagged periods and the set-up that shows them
 * always agree.
 */
final class PatternSettings {

  private PatternSettings() {}

  static AccessPattern.Thresholds service(Settings settings) {
    return new AccessPattern.Thresholds(
        settings.patternAccessesIn30Days(), settings.patternOrganisationsIn7Days());
  }

  static AccessPattern.Thresholds of(Optional<Council> council, Settings settings) {
    AccessPattern.Thresholds service = service(settings);
    return council.map(c -> c.patternThresholds(service)).orElse(service);
  }
}
