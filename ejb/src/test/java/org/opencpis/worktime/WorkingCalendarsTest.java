package org.opencpis.worktime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.shared.InvalidSettingException;

class WorkingCalendarsTest {

  final Map<String, String> properties = new HashMap<>();
  final WorkingCalendars calendars = new WorkingCalendars(properties::get);

  @Test
  @DisplayName(
      "R24: the calendar is kept while the settings are unchanged, rebuilt when they change")
  void followsTheSettings() {
    WorkingCalendar first = calendars.current();
    assertThat(calendars.current()).isSameAs(first);
    assertThat(first.dayStart()).isEqualTo(LocalTime.of(9, 0));

    properties.put(WorktimeSettings.DAY_START, "08:00");
    WorkingCalendar changed = calendars.current();
    assertThat(changed).isNotSameAs(first);
    assertThat(changed.dayStart()).isEqualTo(LocalTime.of(8, 0));
    assertThat(calendars.current()).isSameAs(changed);
  }

  @Test
  @DisplayName(
      "R24: a wrong setting fails every call with the property's name until it is fixed; no"
          + " fallback")
  void failsLoudly() {
    calendars.current();
    properties.put(WorktimeSettings.DAYS, "MON,TUE,WEN");
    assertThatThrownBy(calendars::current)
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(WorktimeSettings.DAYS);
    assertThatThrownBy(calendars::current).isInstanceOf(InvalidSettingException.class);

    properties.put(WorktimeSettings.DAYS, "MON,TUE,WED");
    assertThat(calendars.current().workingDays()).hasSize(3);
  }

  @Test
  @DisplayName("R24: extra closures set at run time close the day at once")
  void extraClosureAtRunTime() {
    var monday = WorkingCalendarTest.london("2026-11-23T09:00");
    var friday = WorkingCalendarTest.london("2026-11-20T16:00");
    assertThat(calendars.current().addWorkingTime(friday, Duration.ofHours(2)))
        .isEqualTo(monday.plus(Duration.ofHours(1)));
    properties.put(WorktimeSettings.EXTRA_CLOSURES, "2026-11-23");
    assertThat(calendars.current().addWorkingTime(friday, Duration.ofHours(2)))
        .isEqualTo(monday.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));
  }
}
