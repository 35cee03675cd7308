package org.opencpis.worktime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The working-hours calendar of the council's CP-IS admin inbox (R24): a daily window (09:00-17:00
 * by default) on the working days of the week (Monday to Friday), in a zone (Europe/London), except
 * on closed days (bank holidays and the closures an administrator adds).
 *
 * <p>Due times are counted in working time only: a step that arrives out of hours starts to count
 * at the next working morning, and time runs only inside the daily window. The window is read on
 * the local clock, so 09:00 is 09:00 in GMT and in BST; durations are real elapsed time, so a
 * window that the clock change cuts short (only when a Sunday is worked) holds less working time.
 *
 * <p>The window is half-open: 09:00 is working time, 17:00 is not. Immutable and thread-safe; a
 * changed setting makes a new calendar.
 */
public final class WorkingCalendar {

  /** How far ahead to look for a working day before deciding there is none. */
  private static final int MAX_DAYS_AHEAD = 3 * 366;

  private final LocalTime dayStart;
  private final LocalTime dayEnd;
  private final Set<DayOfWeek> workingDays;
  private final ZoneId zone;
  private final ClosedDays closedDays;

  /**
   * @param dayStart when the working day starts (inclusive), local time
   * @param dayEnd when it ends (exclusive), after {@code dayStart} on the same day
   * @param workingDays the days of the week that are worked, at least one
   * @param zone the zone of the local times and dates
   * @param closedDays the working days of the week that are not worked all the same
   */
  public WorkingCalendar(
      LocalTime dayStart,
      LocalTime dayEnd,
      Set<DayOfWeek> workingDays,
      ZoneId zone,
      ClosedDays closedDays) {
    this.dayStart = Objects.requireNonNull(dayStart, "dayStart");
    this.dayEnd = Objects.requireNonNull(dayEnd, "dayEnd");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.closedDays = Objects.requireNonNull(closedDays, "closedDays");
    if (!dayStart.isBefore(dayEnd)) {
      throw new IllegalArgumentException(
          "the working day must end after it starts: " + dayStart + "-" + dayEnd);
    }
    if (Objects.requireNonNull(workingDays, "workingDays").isEmpty()) {
      throw new IllegalArgumentException("at least one day of the week must be worked");
    }
    this.workingDays = Collections.unmodifiableSet(EnumSet.copyOf(workingDays));
  }

  /** 09:00-17:00, Monday to Friday, Europe/London, with these closed days. */
  public static WorkingCalendar standard(ClosedDays closedDays) {
    return new WorkingCalendar(
        LocalTime.of(9, 0),
        LocalTime.of(17, 0),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        ZoneId.of("Europe/London"),
        closedDays);
  }

  public LocalTime dayStart() {
    return dayStart;
  }

  public LocalTime dayEnd() {
    return dayEnd;
  }

  public Set<DayOfWeek> workingDays() {
    return workingDays;
  }

  public ZoneId zone() {
    return zone;
  }

  /** Whether the day is worked at all: a working day of the week and not closed. */
  public boolean isWorkingDay(LocalDate day) {
    return workingDays.contains(day.getDayOfWeek()) && !closedDays.isClosed(day);
  }

  /** Whether {@code t} falls inside the working window of a working day. */
  public boolean isWorkingTime(Instant t) {
    ZonedDateTime local = t.atZone(zone);
    LocalDate day = local.toLocalDate();
    return isWorkingDay(day) && !t.isBefore(start(day)) && t.isBefore(end(day));
  }

  /** {@code t} itself when it is working time, else the start of the next working window. */
  public Instant nextWorkingStart(Instant t) {
    if (isWorkingTime(t)) {
      return t;
    }
    LocalDate day = t.atZone(zone).toLocalDate();
    if (isWorkingDay(day) && t.isBefore(start(day))) {
      return start(day);
    }
    return start(nextWorkingDayAfter(day));
  }

  /**
   * The due time of a step that arrives at {@code from} and is given {@code workingTime} of working
   * time: the instant at which that much working time has passed, counting from the next working
   * start. Zero gives the next working start. A due time that uses up a day's window exactly is the
   * end of that window (17:00), not the next morning.
   */
  public Instant addWorkingTime(Instant from, Duration workingTime) {
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("working time cannot be negative: " + workingTime);
    }
    Instant cursor = nextWorkingStart(from);
    Duration remaining = workingTime;
    while (true) {
      Instant windowEnd = end(cursor.atZone(zone).toLocalDate());
      Duration left = Duration.between(cursor, windowEnd);
      if (remaining.compareTo(left) <= 0) {
        return cursor.plus(remaining);
      }
      remaining = remaining.minus(left);
      cursor = nextWorkingStart(windowEnd);
    }
  }

  /**
   * The working time between two instants: the part of [a, b) that falls inside working windows;
   * negative when {@code b} is before {@code a}.
   */
  public Duration workingTimeBetween(Instant a, Instant b) {
    if (b.isBefore(a)) {
      return workingTimeBetween(b, a).negated();
    }
    Duration total = Duration.ZERO;
    LocalDate last = b.atZone(zone).toLocalDate();
    for (LocalDate day = a.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      Instant from = later(a, start(day));
      Instant to = earlier(b, end(day));
      if (from.isBefore(to)) {
        total = total.plus(Duration.between(from, to));
      }
    }
    return total;
  }

  /** Whether a step due at {@code due} is overdue at {@code now}: strictly after the due time. */
  public boolean isOverdue(Instant due, Instant now) {
    return now.isAfter(due);
  }

  /** How much working time has passed since the due time; zero when not overdue. */
  public Duration overdueBy(Instant due, Instant now) {
    return isOverdue(due, now) ? workingTimeBetween(due, now) : Duration.ZERO;
  }

  private Instant start(LocalDate day) {
    return ZonedDateTime.of(day, dayStart, zone).toInstant();
  }

  private Instant end(LocalDate day) {
    return ZonedDateTime.of(day, dayEnd, zone).toInstant();
  }

  private LocalDate nextWorkingDayAfter(LocalDate day) {
    LocalDate d = day.plusDays(1);
    for (int i = 0; i < MAX_DAYS_AHEAD; i++, d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        return d;
      }
    }
    throw new IllegalStateException(
        "no working day in the " + MAX_DAYS_AHEAD + " days after " + day + ": all are closed");
  }

  private static Instant later(Instant x, Instant y) {
    return x.isAfter(y) ? x : y;
  }

  private static Instant earlier(Instant x, Instant y) {
    return x.isBefore(y) ? x : y;
  }

  @Override
  public String toString() {
    return "WorkingCalendar[" + dayStart + "-" + dayEnd + " " + workingDays + " " + zone + "]";
  }
}
