package org.opencpis.hub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The boundary days of R10/R11 on fixed dates (the clock is the day passed in). */
class RetentionPolicyTest {

  final RetentionPolicy twelveMonths = new RetentionPolicy(12);

  @Test
  @DisplayName("R10: ended 28 Feb 2018, visible until 28 Feb 2019 inclusive, gone on 1 Mar 2019")
  void seedExample() {
    LocalDate end = LocalDate.of(2018, 2, 28);
    assertThat(twelveMonths.visibleOn(end, null, LocalDate.of(2018, 2, 28))).isTrue();
    assertThat(twelveMonths.visibleOn(end, null, LocalDate.of(2019, 2, 28))).isTrue();
    assertThat(twelveMonths.visibleOn(end, null, LocalDate.of(2019, 3, 1))).isFalse();
  }

  @Test
  @DisplayName("R10: an end date on 29 Feb stays visible until 28 Feb of the next year")
  void leapDay() {
    LocalDate end = LocalDate.of(2024, 2, 29);
    assertThat(twelveMonths.lastVisibleDay(end)).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(twelveMonths.visibleOn(end, null, LocalDate.of(2025, 2, 28))).isTrue();
    assertThat(twelveMonths.visibleOn(end, null, LocalDate.of(2025, 3, 1))).isFalse();
  }

  @Test
  @DisplayName("R10: ended 31 Jan, visible until 31 Jan next year, gone on 1 Feb")
  void monthEnd() {
    LocalDate end = LocalDate.of(2025, 1, 31);
    assertThat(twelveMonths.visibleOn(end, null, LocalDate.of(2026, 1, 31))).isTrue();
    assertThat(twelveMonths.visibleOn(end, null, LocalDate.of(2026, 2, 1))).isFalse();
  }

  @Test
  @DisplayName("R11: information with no end date stays available indefinitely")
  void noEndDate() {
    assertThat(twelveMonths.visibleOn(null, null, LocalDate.of(2099, 12, 31))).isTrue();
  }

  @Test
  @DisplayName("R10: a delete date removes the information from that day, whatever the end date")
  void deleteDate() {
    LocalDate delete = LocalDate.of(2026, 11, 25);
    assertThat(twelveMonths.visibleOn(null, delete, LocalDate.of(2026, 11, 24))).isTrue();
    assertThat(twelveMonths.visibleOn(null, delete, LocalDate.of(2026, 11, 25))).isFalse();
    assertThat(
            twelveMonths.visibleOn(LocalDate.of(2026, 11, 1), delete, LocalDate.of(2026, 11, 25)))
        .isFalse();
  }

  @Test
  @DisplayName("R10: the retention period is a setting (here 6 months)")
  void otherPeriod() {
    RetentionPolicy six = new RetentionPolicy(6);
    LocalDate end = LocalDate.of(2026, 1, 15);
    assertThat(six.visibleOn(end, null, LocalDate.of(2026, 7, 15))).isTrue();
    assertThat(six.visibleOn(end, null, LocalDate.of(2026, 7, 16))).isFalse();
  }
}
