package org.opencpis.worktime;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.opencpis.shared.InvalidSettingException;

/**
 * The working-hours settings (R24), parsed from the system properties an administrator edits. Every
 * value is checked; a wrong one is refused with an {@link InvalidSettingException} naming the
 * property, never replaced by a default. A property that is absent or blank takes its default.
 */
public record WorktimeSettings(
    LocalTime dayStart,
    LocalTime dayEnd,
    Set<DayOfWeek> days,
    ZoneId zone,
    BankHolidays.Region bankHolidays,
    Set<LocalDate> extraClosures,
    Set<LocalDate> workedHolidays) {

  public static final String DAY_START = "cpis.worktime.day-start";
  public static final String DAY_END = "cpis.worktime.day-end";
  public static final String DAYS = "cpis.worktime.days";
  public static final String BANK_HOLIDAYS = "cpis.worktime.bank-holidays";
  public static final String EXTRA_CLOSURES = "cpis.worktime.extra-closures";
  public static final String WORKED_HOLIDAYS = "cpis.worktime.worked-holidays";

  /** The application's zone, shared with the other contexts. */
  public static final String ZONE = "cpis.zone";

  /** Every property the settings are read from, in a fixed order. */
  public static final List<String> PROPERTIES =
      List.of(DAY_START, DAY_END, DAYS, ZONE, BANK_HOLIDAYS, EXTRA_CLOSURES, WORKED_HOLIDAYS);

  public WorktimeSettings {
    days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    extraClosures = Set.copyOf(extraClosures);
    workedHolidays = Set.copyOf(workedHolidays);
  }

  /**
   * Reads the settings through {@code property} (a property name to its value, or null when it is
   * not set): {@code System::getProperty} on the server.
   */
  public static WorktimeSettings read(UnaryOperator<String> property) {
    LocalTime start = time(DAY_START, property.apply(DAY_START), LocalTime.of(9, 0));
    LocalTime end = time(DAY_END, property.apply(DAY_END), LocalTime.of(17, 0));
    if (!start.isBefore(end)) {
      throw new InvalidSettingException(
          DAY_END, property.apply(DAY_END), "must be after " + DAY_START + " (" + start + ")");
    }
    Set<DayOfWeek> days = days(property.apply(DAYS));
    ZoneId zone = zone(property.apply(ZONE));
    BankHolidays.Region region = region(property.apply(BANK_HOLIDAYS));
    Set<LocalDate> extra = dates(EXTRA_CLOSURES, property.apply(EXTRA_CLOSURES));
    Set<LocalDate> worked = dates(WORKED_HOLIDAYS, property.apply(WORKED_HOLIDAYS));
    for (LocalDate d : extra) {
      if (worked.contains(d)) {
        throw new InvalidSettingException(
            WORKED_HOLIDAYS,
            property.apply(WORKED_HOLIDAYS),
            d + " is also listed in " + EXTRA_CLOSURES + ": a day is either closed or worked");
      }
    }
    return new WorktimeSettings(start, end, days, zone, region, extra, worked);
  }

  /** The calendar these settings describe, over the given bank holidays. */
  public WorkingCalendar calendar(ClosedDays bankHolidays) {
    return new WorkingCalendar(
        dayStart, dayEnd, days, zone, bankHolidays.minus(workedHolidays).plus(extraClosures));
  }

  private static boolean blank(String v) {
    return v == null || v.isBlank();
  }

  private static LocalTime time(String name, String v, LocalTime fallback) {
    if (blank(v)) {
      return fallback;
    }
    try {
      return LocalTime.parse(v.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidSettingException(name, v, "expected a time of day such as 09:00");
    }
  }

  private static Set<DayOfWeek> days(String v) {
    if (blank(v)) {
      return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String token : v.split(",")) {
      String t = token.trim().toUpperCase(Locale.ROOT);
      DayOfWeek day = null;
      for (DayOfWeek d : DayOfWeek.values()) {
        if (d.name().equals(t)
            || d.getDisplayName(TextStyle.SHORT, Locale.UK).toUpperCase(Locale.ROOT).equals(t)) {
          day = d;
        }
      }
      if (day == null) {
        throw new InvalidSettingException(
            DAYS, v, "expected days of the week separated by commas, such as MON,TUE,WED,THU,FRI");
      }
      days.add(day);
    }
    if (days.isEmpty()) {
      throw new InvalidSettingException(DAYS, v, "names no day: at least one day must be worked");
    }
    return days;
  }

  private static ZoneId zone(String v) {
    if (blank(v)) {
      return ZoneId.of("Europe/London");
    }
    try {
      return ZoneId.of(v.trim());
    } catch (DateTimeException e) {
      throw new InvalidSettingException(ZONE, v, "expected a time zone such as Europe/London");
    }
  }

  private static BankHolidays.Region region(String v) {
    if (blank(v)) {
      return BankHolidays.Region.ENGLAND_AND_WALES;
    }
    return BankHolidays.Region.bySettingName(v)
        .orElseThrow(
            () ->
                new InvalidSettingException(
                    BANK_HOLIDAYS, v, "expected one of " + BankHolidays.Region.settingNames()));
  }

  private static Set<LocalDate> dates(String name, String v) {
    if (blank(v)) {
      return Set.of();
    }
    Set<LocalDate> dates = new LinkedHashSet<>();
    for (String token : v.split(",")) {
      if (token.isBlank()) {
        continue;
      }
      try {
        dates.add(LocalDate.parse(token.trim()));
      } catch (DateTimeParseException e) {
        throw new InvalidSettingException(
            name,
            v,
            "'"
                + token.trim()
                + "' is not a date; expected ISO dates separated by commas, such as"
                + " 2026-12-29,2026-12-30");
      }
    }
    return dates;
  }
}
