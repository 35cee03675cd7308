package org.opencpis.worktime;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BankHolidaysTest {

  static BankHolidays englandAndWales;

  @BeforeAll
  static void load() {
    englandAndWales = BankHolidays.of(BankHolidays.Region.ENGLAND_AND_WALES);
  }

  @Test
  @DisplayName(
      "R24: England and Wales 2026 from jollyday: New Year, Good Friday, Easter Monday, the two May"
          + " Mondays, August, Christmas and Boxing Day's substitute")
  void englandAndWales2026() {
    assertThat(englandAndWales.inYear(2026))
        .contains(
            of(2026, 1, 1),
            of(2026, 4, 3),
            of(2026, 4, 6),
            of(2026, 5, 4),
            of(2026, 5, 25),
            of(2026, 8, 31),
            of(2026, 12, 25),
            of(2026, 12, 28))
        // Boxing Day itself is a Saturday: closed anyway; no other weekday is a holiday
        .containsOnly(
            of(2026, 1, 1),
            of(2026, 4, 3),
            of(2026, 4, 6),
            of(2026, 5, 4),
            of(2026, 5, 25),
            of(2026, 8, 31),
            of(2026, 12, 25),
            of(2026, 12, 26),
            of(2026, 12, 28));
  }

  @Test
  @DisplayName(
      "R24: substitute days: 2027 Christmas (Sat) and Boxing Day (Sun) close Mon 27 and Tue 28"
          + " Dec; New Year 2028 (Sat) closes Mon 3 Jan")
  void substitutes() {
    assertThat(englandAndWales.isClosed(of(2027, 12, 27))).isTrue();
    assertThat(englandAndWales.isClosed(of(2027, 12, 28))).isTrue();
    assertThat(englandAndWales.isClosed(of(2027, 12, 29))).isFalse();
    assertThat(englandAndWales.isClosed(of(2028, 1, 3))).isTrue();
    assertThat(englandAndWales.isClosed(of(2028, 1, 4))).isFalse();
  }

  @Test
  @DisplayName("R24: one-off bank holidays are known (King's coronation, 8 May 2023)")
  void oneOffs() {
    assertThat(englandAndWales.isClosed(of(2023, 5, 8))).isTrue();
    assertThat(englandAndWales.isClosed(of(2022, 9, 19))).isTrue();
  }

  @Test
  @DisplayName(
      "R24: the region matters: Easter Monday is not a Scottish bank holiday, 2 January is; 'none'"
          + " closes nothing")
  void regions() {
    BankHolidays scotland = BankHolidays.of(BankHolidays.Region.SCOTLAND);
    assertThat(scotland.isClosed(of(2026, 4, 6))).isFalse();
    assertThat(scotland.isClosed(of(2026, 1, 2))).isTrue();
    assertThat(englandAndWales.isClosed(of(2026, 1, 2))).isFalse();
    assertThat(BankHolidays.of(BankHolidays.Region.NONE).isClosed(of(2026, 12, 25))).isFalse();
  }
}
