package org.opencpis.worktime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The working-hours calendar (R24) with England and Wales bank holidays from jollyday. */
class WorkingCalendarTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static BankHolidays englandAndWales;
  static WorkingCalendar calendar;

  @BeforeAll
  static void standardCalendar() {
    englandAndWales = BankHolidays.of(BankHolidays.Region.ENGLAND_AND_WALES);
    calendar = WorkingCalendar.standard(englandAndWales);
  }

  /** A London wall-clock time, e.g. "2026-11-20T16:30". */
  static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
  }

  static Duration hours(long h) {
    return Duration.ofHours(h);
  }

  @Nested
  class Weekends {

    @Test
    @DisplayName("R24: Friday 16:30 + 2 working hours is due Monday 10:30")
    void fridayAfternoon() {
      assertThat(calendar.addWorkingTime(london("2026-11-20T16:30"), hours(2)))
          .isEqualTo(london("2026-11-23T10:30"));
    }

    @Test
    @DisplayName("R24: arrival on a Saturday + 1 working hour is due Monday 10:00")
    void saturday() {
      Instant saturday = london("2026-11-21T11:15");
      assertThat(calendar.isWorkingTime(saturday)).isFalse();
      assertThat(calendar.nextWorkingStart(saturday)).isEqualTo(london("2026-11-23T09:00"));
      assertThat(calendar.addWorkingTime(saturday, hours(1))).isEqualTo(london("2026-11-23T10:00"));
    }

    @Test
    @DisplayName("R24: a week of working time (40 h) from Monday 09:00 ends Friday 17:00")
    void aWorkingWeek() {
      assertThat(calendar.addWorkingTime(london("2026-11-16T09:00"), hours(40)))
          .isEqualTo(london("2026-11-20T17:00"));
      assertThat(calendar.addWorkingTime(london("2026-11-16T09:00"), hours(41)))
          .isEqualTo(london("2026-11-23T10:00"));
    }
  }

  @Nested
  class OutOfHours {

    @Test
    @DisplayName("R24: arrival on a weekday evening is due from the next working morning")
    void evening() {
      Instant tuesdayEvening = london("2026-11-17T19:40");
      assertThat(calendar.nextWorkingStart(tuesdayEvening)).isEqualTo(london("2026-11-18T09:00"));
      assertThat(calendar.addWorkingTime(tuesdayEvening, Duration.ZERO))
          .isEqualTo(london("2026-11-18T09:00"));
      assertThat(calendar.addWorkingTime(tuesdayEvening, hours(1)))
          .isEqualTo(london("2026-11-18T10:00"));
    }

    @Test
    @DisplayName("R24: arrival early on a working morning is due from 09:00 the same day")
    void earlyMorning() {
      Instant early = london("2026-11-18T06:05");
      assertThat(calendar.nextWorkingStart(early)).isEqualTo(london("2026-11-18T09:00"));
      assertThat(calendar.addWorkingTime(early, hours(3))).isEqualTo(london("2026-11-18T12:00"));
    }

    @Test
    @DisplayName("R24: inside working time, the clock starts at once")
    void inside() {
      Instant t = london("2026-11-18T11:20");
      assertThat(calendar.nextWorkingStart(t)).isEqualTo(t);
      assertThat(calendar.addWorkingTime(t, Duration.ofMinutes(90)))
          .isEqualTo(london("2026-11-18T12:50"));
    }
  }

  @Nested
  class Boundaries {

    @Test
    @DisplayName("R24: exactly 09:00 is working time; 08:59:59 is not")
    void nineOClock() {
      assertThat(calendar.isWorkingTime(london("2026-11-18T09:00"))).isTrue();
      assertThat(calendar.isWorkingTime(london("2026-11-18T08:59:59"))).isFalse();
      assertThat(calendar.nextWorkingStart(london("2026-11-18T09:00")))
          .isEqualTo(london("2026-11-18T09:00"));
    }

    @Test
    @DisplayName("R24: exactly 17:00 is out of hours: what arrives then is due from 09:00 next day")
    void fivePm() {
      assertThat(calendar.isWorkingTime(london("2026-11-18T16:59:59"))).isTrue();
      assertThat(calendar.isWorkingTime(london("2026-11-18T17:00"))).isFalse();
      assertThat(calendar.nextWorkingStart(london("2026-11-18T17:00")))
          .isEqualTo(london("2026-11-19T09:00"));
      assertThat(calendar.addWorkingTime(london("2026-11-18T17:00"), hours(1)))
          .isEqualTo(london("2026-11-19T10:00"));
    }

    @Test
    @DisplayName(
        "R24: a due time that uses up the day exactly is 17:00 that day, one minute more"
            + " is 09:01 next working day")
    void exactDay() {
      assertThat(calendar.addWorkingTime(london("2026-11-18T09:00"), hours(8)))
          .isEqualTo(london("2026-11-18T17:00"));
      assertThat(calendar.addWorkingTime(london("2026-11-20T09:00"), hours(8).plusMinutes(1)))
          .isEqualTo(london("2026-11-23T09:01"));
    }

    @Test
    @DisplayName("R24: overdue only strictly after the due time")
    void overdue() {
      Instant due = london("2026-11-20T16:00");
      assertThat(calendar.isOverdue(due, due)).isFalse();
      assertThat(calendar.isOverdue(due, due.minusSeconds(1))).isFalse();
      assertThat(calendar.isOverdue(due, due.plusSeconds(1))).isTrue();
      assertThat(calendar.overdueBy(due, due.minusSeconds(60))).isZero();
      assertThat(calendar.overdueBy(due, london("2026-11-23T10:00"))).isEqualTo(hours(2));
    }
  }

  @Nested
  class BankHolidaysOfEnglandAndWales {

    @Test
    @DisplayName("R24: across a bank holiday Monday (Spring, 25 May 2026) the step is due Tuesday")
    void springBankHoliday() {
      assertThat(calendar.isWorkingTime(london("2026-05-25T10:00"))).isFalse();
      assertThat(calendar.addWorkingTime(london("2026-05-22T16:00"), hours(2)))
          .isEqualTo(london("2026-05-26T10:00"));
    }

    @Test
    @DisplayName("R24: across Easter (Good Friday 3 Apr, Easter Monday 6 Apr 2026)")
    void easter() {
      assertThat(calendar.addWorkingTime(london("2026-04-02T16:00"), hours(2)))
          .isEqualTo(london("2026-04-07T10:00"));
      assertThat(calendar.nextWorkingStart(london("2026-04-03T10:00")))
          .isEqualTo(london("2026-04-07T09:00"));
    }

    @Test
    @DisplayName(
        "R24: across Christmas 2026 (Fri 25 Dec, Boxing Day substitute Mon 28 Dec) and New Year"
            + " (Fri 1 Jan 2027)")
    void christmasAndNewYear2026() {
      assertThat(calendar.addWorkingTime(london("2026-12-24T16:00"), hours(2)))
          .isEqualTo(london("2026-12-29T10:00"));
      assertThat(calendar.addWorkingTime(london("2026-12-31T16:30"), hours(1)))
          .isEqualTo(london("2027-01-04T09:30"));
    }

    @Test
    @DisplayName(
        "R24: substitute days: Christmas 2027 on a Saturday and Boxing Day on a Sunday close"
            + " Mon 27 and Tue 28 Dec")
    void christmas2027() {
      assertThat(calendar.addWorkingTime(london("2027-12-24T16:00"), hours(2)))
          .isEqualTo(london("2027-12-29T10:00"));
      assertThat(calendar.isWorkingDay(LocalDate.of(2027, 12, 28))).isFalse();
    }

    @Test
    @DisplayName("R24: substitute day for New Year 2028 (a Saturday) is Monday 3 January")
    void newYear2028() {
      assertThat(calendar.nextWorkingStart(london("2027-12-31T17:30")))
          .isEqualTo(london("2028-01-04T09:00"));
    }
  }

  @Nested
  class ClockChanges {

    @Test
    @DisplayName(
        "R24: across the clocks going forward (Sun 29 Mar 2026): Fri 16:00 GMT + 2 h is Mon"
            + " 10:00 BST")
    void springForward() {
      Instant friday = Instant.parse("2026-03-27T16:00:00Z"); // 16:00 GMT
      Instant due = calendar.addWorkingTime(friday, hours(2));
      assertThat(due).isEqualTo(Instant.parse("2026-03-30T09:00:00Z")); // 10:00 BST
      assertThat(due).isEqualTo(london("2026-03-30T10:00"));
      assertThat(calendar.workingTimeBetween(friday, due)).isEqualTo(hours(2));
      assertThat(calendar.isWorkingTime(Instant.parse("2026-03-30T08:00:00Z"))).isTrue();
      assertThat(calendar.isWorkingTime(Instant.parse("2026-03-30T16:30:00Z"))).isFalse();
    }

    @Test
    @DisplayName(
        "R24: across the clocks going back (Sun 25 Oct 2026): Fri 16:00 BST + 2 h is Mon 10:00"
            + " GMT")
    void fallBack() {
      Instant friday = Instant.parse("2026-10-23T15:00:00Z"); // 16:00 BST
      Instant due = calendar.addWorkingTime(friday, hours(2));
      assertThat(due).isEqualTo(Instant.parse("2026-10-26T10:00:00Z")); // 10:00 GMT
      assertThat(calendar.workingTimeBetween(friday, due)).isEqualTo(hours(2));
      assertThat(calendar.isWorkingTime(Instant.parse("2026-10-26T08:30:00Z"))).isFalse();
      assertThat(calendar.isWorkingTime(Instant.parse("2026-10-23T08:30:00Z"))).isTrue();
    }

    @Test
    @DisplayName(
        "R24: a worked Sunday whose window spans the clock change holds real time (00:30-02:30"
            + " is 1 h when the clocks go forward, 3 h when they go back)")
    void windowAcrossTheChange() {
      WorkingCalendar nights =
          new WorkingCalendar(
              LocalTime.of(0, 30),
              LocalTime.of(2, 30),
              EnumSet.allOf(DayOfWeek.class),
              LONDON,
              ClosedDays.none());
      assertThat(nights.workingTimeBetween(london("2026-03-29T00:00"), london("2026-03-29T12:00")))
          .isEqualTo(hours(1));
      assertThat(
              nights.workingTimeBetween(
                  Instant.parse("2026-10-24T12:00:00Z"), Instant.parse("2026-10-25T12:00:00Z")))
          .isEqualTo(hours(3));
      assertThat(nights.addWorkingTime(london("2026-03-29T00:30"), hours(1)))
          .isEqualTo(Instant.parse("2026-03-29T01:30:00Z")); // 02:30 BST
    }
  }

  @Nested
  class AdministratorSettings {

    @Test
    @DisplayName(
        "R24: extra closure days (29-31 Dec 2026) count as closed: Christmas Eve 16:00 + 2 h is"
            + " due Mon 4 Jan 2027 10:00")
    void extraClosures() {
      WorkingCalendar closedForChristmas =
          WorkingCalendar.standard(
              englandAndWales.plus(
                  Set.of(
                      LocalDate.of(2026, 12, 29),
                      LocalDate.of(2026, 12, 30),
                      LocalDate.of(2026, 12, 31))));
      assertThat(closedForChristmas.addWorkingTime(london("2026-12-24T16:00"), hours(2)))
          .isEqualTo(london("2027-01-04T10:00"));
    }

    @Test
    @DisplayName("R24: a bank holiday the council works (31 Aug 2026) is a working day again")
    void workedHoliday() {
      WorkingCalendar worksAugust =
          WorkingCalendar.standard(englandAndWales.minus(Set.of(LocalDate.of(2026, 8, 31))));
      assertThat(worksAugust.addWorkingTime(london("2026-08-28T16:00"), hours(2)))
          .isEqualTo(london("2026-08-31T10:00"));
      assertThat(calendar.addWorkingTime(london("2026-08-28T16:00"), hours(2)))
          .isEqualTo(london("2026-09-01T10:00"));
    }

    @Test
    @DisplayName(
        "R24: a 08:30-16:30 window, Monday to Thursday: Thursday 16:00 + 1 h is Monday 09:00")
    void otherWindowAndDays() {
      WorkingCalendar fourDays =
          new WorkingCalendar(
              LocalTime.of(8, 30),
              LocalTime.of(16, 30),
              EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
              LONDON,
              englandAndWales);
      assertThat(fourDays.addWorkingTime(london("2026-11-19T16:00"), hours(1)))
          .isEqualTo(london("2026-11-23T09:00"));
      assertThat(fourDays.isWorkingTime(london("2026-11-20T10:00"))).as("Friday").isFalse();
      assertThat(fourDays.isWorkingTime(london("2026-11-19T08:30"))).isTrue();
      assertThat(fourDays.isWorkingTime(london("2026-11-19T16:30"))).isFalse();
      assertThat(
              fourDays.workingTimeBetween(london("2026-11-16T00:00"), london("2026-11-23T00:00")))
          .isEqualTo(hours(32));
    }

    @Test
    @DisplayName("R24: a working window must end after it starts, and some day must be worked")
    void invalid() {
      assertThatThrownBy(
              () ->
                  new WorkingCalendar(
                      LocalTime.of(17, 0),
                      LocalTime.of(9, 0),
                      EnumSet.of(DayOfWeek.MONDAY),
                      LONDON,
                      ClosedDays.none()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("end after it starts");
      assertThatThrownBy(
              () ->
                  new WorkingCalendar(
                      LocalTime.of(9, 0),
                      LocalTime.of(17, 0),
                      EnumSet.noneOf(DayOfWeek.class),
                      LONDON,
                      ClosedDays.none()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> calendar.addWorkingTime(Instant.EPOCH, hours(-1)))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R24: a calendar where every day is closed says so instead of looping")
    void everythingClosed() {
      WorkingCalendar shut = WorkingCalendar.standard(day -> true);
      assertThatThrownBy(() -> shut.nextWorkingStart(london("2026-11-18T10:00")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no working day");
    }
  }

  @Nested
  class WorkingTimeBetween {

    @Test
    @DisplayName("R24: working time between two instants counts only working windows")
    void counts() {
      assertThat(
              calendar.workingTimeBetween(london("2026-11-20T16:00"), london("2026-11-23T10:00")))
          .isEqualTo(hours(2));
      assertThat(
              calendar.workingTimeBetween(london("2026-11-23T10:00"), london("2026-11-20T16:00")))
          .isEqualTo(hours(-2));
      assertThat(
              calendar.workingTimeBetween(london("2026-11-21T10:00"), london("2026-11-22T10:00")))
          .as("a weekend")
          .isZero();
      assertThat(
              calendar.workingTimeBetween(london("2026-12-24T00:00"), london("2027-01-05T00:00")))
          .as("24 Dec, 29-31 Dec, 4 Jan")
          .isEqualTo(hours(5 * 8));
    }

    @Test
    @DisplayName(
        "R24: for arrivals every 97 minutes through 2026 and 2027, due time minus working start"
            + " is the working time given, and the due time is never out of hours")
    void roundTrip() {
      Duration[] budgets = {Duration.ZERO, Duration.ofMinutes(30), hours(2), hours(8), hours(37)};
      int checked = 0;
      for (Instant t = london("2026-01-01T00:00");
          t.isBefore(london("2028-01-01T00:00"));
          t = t.plus(Duration.ofMinutes(97))) {
        for (Duration budget : budgets) {
          Instant due = calendar.addWorkingTime(t, budget);
          assertThat(calendar.workingTimeBetween(t, due)).isEqualTo(budget);
          boolean endOfWindow = due.atZone(LONDON).toLocalTime().equals(LocalTime.of(17, 0));
          assertThat(calendar.isWorkingTime(due) || endOfWindow).as("due %s", due).isTrue();
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(50_000);
    }
  }
}
