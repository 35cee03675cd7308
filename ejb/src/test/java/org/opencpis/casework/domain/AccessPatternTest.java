package org.opencpis.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccessPatternTest {

  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final AccessPattern.Thresholds DEFAULTS = new AccessPattern.Thresholds(3, 2);

  static AccessPattern.Access at(long daysAgo, String org) {
    return new AccessPattern.Access(NOW.minus(Duration.ofDays(daysAgo)), org);
  }

  @Test
  @DisplayName("R25: counts in the last 7, 30 and 90 days, and distinct organisations")
  void counts() {
    var p =
        AccessPattern.of(
            List.of(at(0, "RWE"), at(3, "RWE"), at(10, "RBK"), at(45, "RX1"), at(100, "RX2")),
            NOW,
            DEFAULTS);
    assertThat(p.accesses7d()).isEqualTo(2);
    assertThat(p.accesses30d()).isEqualTo(3);
    assertThat(p.accesses90d()).isEqualTo(4);
    assertThat(p.organisations7d()).isEqualTo(1);
    assertThat(p.organisations30d()).isEqualTo(2);
    assertThat(p.organisations90d()).isEqualTo(3);
  }

  @Test
  @DisplayName("R25: 2 accesses in 30 days from one place is not flagged; the 3rd is")
  void accessThreshold() {
    var two = AccessPattern.of(List.of(at(0, "RWE"), at(20, "RWE")), NOW, DEFAULTS);
    assertThat(two.flagged()).isFalse();
    assertThat(two.reason()).isNull();
    var three =
        AccessPattern.of(List.of(at(0, "RWE"), at(20, "RWE"), at(29, "RWE")), NOW, DEFAULTS);
    assertThat(three.flagged()).isTrue();
    assertThat(three.reason()).isEqualTo("3 accesses in 30 days");
    var old = AccessPattern.of(List.of(at(0, "RWE"), at(20, "RWE"), at(31, "RWE")), NOW, DEFAULTS);
    assertThat(old.flagged()).as("the third is outside 30 days").isFalse();
  }

  @Test
  @DisplayName("R25: 2 organisations within 7 days is flagged; 8 days apart is not")
  void placesThreshold() {
    var twoPlaces = AccessPattern.of(List.of(at(0, "RWE"), at(6, "RBK")), NOW, DEFAULTS);
    assertThat(twoPlaces.flagged()).isTrue();
    assertThat(twoPlaces.reason()).isEqualTo("2 different organisations in 7 days");
    var apart = AccessPattern.of(List.of(at(0, "RWE"), at(8, "RBK")), NOW, DEFAULTS);
    assertThat(apart.flagged()).isFalse();
  }

  @Test
  @DisplayName("R25: the thresholds are settings")
  void otherThresholds() {
    var strict = new AccessPattern.Thresholds(2, 5);
    assertThat(AccessPattern.of(List.of(at(0, "RWE"), at(1, "RWE")), NOW, strict).flagged())
        .isTrue();
  }
}
