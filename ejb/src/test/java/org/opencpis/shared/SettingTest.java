package org.opencpis.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every setting is read one way, through MicroProfile Config, and a bad value is refused. */
class SettingTest {

  static final String NAME = "cpis.test.setting";

  @AfterEach
  void clear() {
    System.clearProperty(NAME);
  }

  @Test
  @DisplayName("absent or blank: the default; a value: that value, read again at each use")
  void defaultsAndChanges() {
    assertThat(Setting.integer(NAME, 12, 1)).isEqualTo(12);
    System.setProperty(NAME, "  ");
    assertThat(Setting.integer(NAME, 12, 1)).isEqualTo(12);
    System.setProperty(NAME, " 18 ");
    assertThat(Setting.integer(NAME, 12, 1)).isEqualTo(18);
    System.setProperty(NAME, "24");
    assertThat(Setting.integer(NAME, 12, 1)).as("a change is seen at once").isEqualTo(24);
    assertThat(Setting.text(NAME, "x")).isEqualTo("24");
  }

  @Test
  @DisplayName("a number that is not one, or out of its range, is refused naming the property")
  void badNumbers() {
    System.setProperty(NAME, "twelve");
    assertThatThrownBy(() -> Setting.integer(NAME, 12, 1))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("invalid setting cpis.test.setting='twelve': a whole number, at least 1")
        .extracting(e -> ((InvalidSettingException) e).property())
        .isEqualTo(NAME);
    System.setProperty(NAME, "0");
    assertThatThrownBy(() -> Setting.integer(NAME, 12, 1))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("'0'");
    System.setProperty(NAME, "70000");
    assertThatThrownBy(() -> Setting.integer(NAME, 2575, 1, 65535))
        .hasMessage("invalid setting cpis.test.setting='70000': a whole number from 1 to 65535");
  }

  @Test
  @DisplayName("a flag is true or false, in any case; anything else is refused")
  void flags() {
    assertThat(Setting.flag(NAME, true)).isTrue();
    System.setProperty(NAME, "FALSE");
    assertThat(Setting.flag(NAME, true)).isFalse();
    System.setProperty(NAME, "no");
    assertThatThrownBy(() -> Setting.flag(NAME, true))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("invalid setting cpis.test.setting='no': true or false");
  }

  @Test
  @DisplayName("a time zone and a character set are refused when unknown, never replaced")
  void zonesAndCharsets() {
    System.setProperty(NAME, "Europe/London");
    assertThat(Setting.zone(NAME, "UTC")).isEqualTo(ZoneId.of("Europe/London"));
    System.setProperty(NAME, "Europe/Atlantis");
    assertThatThrownBy(() -> Setting.zone(NAME, "UTC"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("Europe/Atlantis");
    System.setProperty(NAME, "NOT-A-CHARSET");
    assertThatThrownBy(() -> Setting.charset(NAME, "UTF-8"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("NOT-A-CHARSET");
  }

  @Test
  @DisplayName(
      "R10 R12: the retention period (cpis.retention.months) refuses a bad value too, never taking the default")
  void serviceSettings() {
    System.setProperty("cpis.retention.months", "a year");
    try {
      assertThatThrownBy(() -> new Settings().retentionMonths())
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("cpis.retention.months");
    } finally {
      System.clearProperty("cpis.retention.months");
    }
    assertThat(new Settings().retentionMonths()).isEqualTo(12);
  }
}
