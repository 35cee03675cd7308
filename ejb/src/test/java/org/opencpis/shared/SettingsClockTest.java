package org.opencpis.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The controllable clock that rehearses a weekend or a bank holiday (R24). */
class SettingsClockTest {

  final Settings settings = new Settings();

  @AfterEach
  void clear() {
    System.clearProperty("cpis.clock.fixed");
  }

  @Test
  @DisplayName(
      "R24: cpis.clock.fixed stands the clock at that instant; removed, the system's again")
  void fixed() {
    System.setProperty("cpis.clock.fixed", "2026-12-05T11:00:00Z");
    assertThat(settings.clock().instant()).isEqualTo(Instant.parse("2026-12-05T11:00:00Z"));
    assertThat(settings.clock().getZone()).isEqualTo(settings.zone());
    System.clearProperty("cpis.clock.fixed");
    assertThat(Duration.between(settings.clock().instant(), Instant.now()).abs())
        .isLessThan(Duration.ofSeconds(5));
  }

  @Test
  @DisplayName(
      "R24: a cpis.clock.fixed that is not an instant is refused, naming it, never taken for the system clock")
  void notAnInstant() {
    System.setProperty("cpis.clock.fixed", "next saturday");
    assertThatThrownBy(() -> settings.clock())
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("cpis.clock.fixed")
        .hasMessageContaining("next saturday");
  }
}
