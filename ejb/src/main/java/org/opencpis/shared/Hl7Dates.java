package org.opencpis.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * HL7 date and time values: YYYYMMDD, YYYYMMDDhhmm (the national CP-IS TS.NHS.DateType1) and
 * YYYYMMDDhhmmss, local to the service's zone.
 */
public final class Hl7Dates {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DATE_MINUTE =
      DateTimeFormatter.ofPattern("uuuuMMddHHmm").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

  private Hl7Dates() {}

  /**
   * Parses a date; a date-time value is accepted and its date kept.
   *
   * @throws InvalidValueException naming {@code field}
   */
  public static LocalDate date(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidValueException(field, "is missing");
    }
    String v = raw.trim();
    try {
      if (v.length() == 8) {
        return LocalDate.parse(v, DATE);
      }
      if (v.length() == 14) {
        return LocalDateTime.parse(v, DATE_TIME).toLocalDate();
      }
      if (v.length() == 12) {
        return LocalDateTime.parse(v, DATE_MINUTE).toLocalDate();
      }
    } catch (DateTimeException e) {
      // answered below
    }
    throw new InvalidValueException(
        field, "'" + raw + "' is not a date (YYYYMMDD or YYYYMMDDhhmm)");
  }

  /**
   * Parses a point in time, YYYYMMDDhhmmss or YYYYMMDD (the start of that day), local to {@code
   * zone}.
   *
   * @throws InvalidValueException naming {@code field}
   */
  public static Instant instant(String field, String raw, ZoneId zone) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidValueException(field, "is missing");
    }
    String v = raw.trim();
    try {
      if (v.length() == 14) {
        return LocalDateTime.parse(v, DATE_TIME).atZone(zone).toInstant();
      }
      if (v.length() == 12) {
        return LocalDateTime.parse(v, DATE_MINUTE).atZone(zone).toInstant();
      }
      if (v.length() == 8) {
        return LocalDate.parse(v, DATE).atStartOfDay(zone).toInstant();
      }
    } catch (DateTimeException e) {
      // answered below
    }
    throw new InvalidValueException(field, "'" + raw + "' is not a time (YYYYMMDDhhmmss)");
  }

  /** As {@link #date}, but null for an absent value. */
  public static LocalDate optionalDate(String field, String raw) {
    return raw == null || raw.isBlank() ? null : date(field, raw);
  }

  public static String format(LocalDate date) {
    return date == null ? null : DATE.format(date);
  }

  /** A day as the national CP-IS dates write it (TS.NHS.DateType1): YYYYMMDD0000. */
  public static String formatNational(LocalDate date) {
    return date == null ? null : DATE.format(date) + "0000";
  }

  public static String format(Instant instant, ZoneId zone) {
    return instant == null ? null : DATE_TIME.format(instant.atZone(zone));
  }
}
