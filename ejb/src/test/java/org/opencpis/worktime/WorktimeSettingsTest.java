package org.opencpis.worktime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.shared.InvalidSettingException;

class WorktimeSettingsTest {

  static WorktimeSettings read(Map<String, String> props) {
    return WorktimeSettings.read(props::get);
  }

  static Map<String, String> with(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  @DisplayName("R24: with nothing set: 09:00-17:00, Monday to Friday, Europe/London, E&W holidays")
  void defaults() {
    WorktimeSettings s = read(Map.of());
    assertThat(s.dayStart()).isEqualTo(LocalTime.of(9, 0));
    assertThat(s.dayEnd()).isEqualTo(LocalTime.of(17, 0));
    assertThat(s.days())
        .containsExactlyElementsOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    assertThat(s.zone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(s.bankHolidays()).isEqualTo(BankHolidays.Region.ENGLAND_AND_WALES);
    assertThat(s.extraClosures()).isEmpty();
    assertThat(s.workedHolidays()).isEmpty();
    assertThat(read(with(WorktimeSettings.EXTRA_CLOSURES, "  ")).extraClosures()).isEmpty();
  }

  @Test
  @DisplayName("R24: an administrator's settings are read as written")
  void custom() {
    WorktimeSettings s =
        read(
            with(
                WorktimeSettings.DAY_START, "08:30",
                WorktimeSettings.DAY_END, "16:30",
                WorktimeSettings.DAYS, "mon, Tue,WEDNESDAY,THU",
                WorktimeSettings.BANK_HOLIDAYS, "Scotland",
                WorktimeSettings.EXTRA_CLOSURES, "2026-12-29, 2026-12-30,",
                WorktimeSettings.WORKED_HOLIDAYS, "2026-08-31"));
    assertThat(s.dayStart()).isEqualTo(LocalTime.of(8, 30));
    assertThat(s.dayEnd()).isEqualTo(LocalTime.of(16, 30));
    assertThat(s.days())
        .containsExactly(
            DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
    assertThat(s.bankHolidays()).isEqualTo(BankHolidays.Region.SCOTLAND);
    assertThat(s.extraClosures())
        .containsExactlyInAnyOrder(LocalDate.of(2026, 12, 29), LocalDate.of(2026, 12, 30));
    assertThat(s.workedHolidays()).containsExactly(LocalDate.of(2026, 8, 31));
  }

  @Test
  @DisplayName(
      "R24: the calendar applies worked holidays and extra closures over the bank holidays")
  void calendar() {
    WorkingCalendar c =
        read(with(
                WorktimeSettings.EXTRA_CLOSURES, "2026-11-18",
                WorktimeSettings.WORKED_HOLIDAYS, "2026-12-28"))
            .calendar(
                ClosedDays.of(Set.of(LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 25))));
    assertThat(c.isWorkingDay(LocalDate.of(2026, 11, 18))).isFalse();
    assertThat(c.isWorkingDay(LocalDate.of(2026, 12, 28))).isTrue();
    assertThat(c.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
    assertThat(c.isWorkingDay(LocalDate.of(2026, 11, 19))).isTrue();
  }

  @Test
  @DisplayName("R24: a wrong setting fails loudly, naming the property and what it should hold")
  void invalid() {
    assertInvalid(with(WorktimeSettings.DAY_START, "9am"), WorktimeSettings.DAY_START, "09:00");
    assertInvalid(with(WorktimeSettings.DAY_END, "25:00"), WorktimeSettings.DAY_END, "time of day");
    assertInvalid(
        with(WorktimeSettings.DAY_START, "17:00", WorktimeSettings.DAY_END, "09:00"),
        WorktimeSettings.DAY_END,
        "must be after");
    assertInvalid(with(WorktimeSettings.DAYS, "MON,FUNDAY"), WorktimeSettings.DAYS, "MON,TUE");
    assertInvalid(with(WorktimeSettings.DAYS, ","), WorktimeSettings.DAYS, "at least one day");
    assertInvalid(with(WorktimeSettings.ZONE, "Mars/Olympus"), WorktimeSettings.ZONE, "zone");
    assertInvalid(
        with(WorktimeSettings.BANK_HOLIDAYS, "wales"),
        WorktimeSettings.BANK_HOLIDAYS,
        "england-and-wales");
    assertInvalid(
        with(WorktimeSettings.EXTRA_CLOSURES, "2026-12-29,29/12/2026"),
        WorktimeSettings.EXTRA_CLOSURES,
        "'29/12/2026' is not a date");
    assertInvalid(
        with(
            WorktimeSettings.EXTRA_CLOSURES, "2026-12-29",
            WorktimeSettings.WORKED_HOLIDAYS, "2026-12-29"),
        WorktimeSettings.WORKED_HOLIDAYS,
        "either closed or worked");
  }

  static void assertInvalid(Map<String, String> props, String property, String hint) {
    assertThatThrownBy(() -> read(props))
        .isInstanceOfSatisfying(
            InvalidSettingException.class, e -> assertThat(e.property()).isEqualTo(property))
        .hasMessageContaining(property)
        .hasMessageContaining(hint);
  }
}
