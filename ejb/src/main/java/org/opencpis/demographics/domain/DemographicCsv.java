package org.opencpis.demographics.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencpis.shared.NhsNumber;

/**
 * Reads one line of a demographic file: {@code
 * nhsNumber,givenName,familyName,birthDate,supersededBy,sensitive}. The date is ISO (2019-04-02);
 * supersededBy may be empty; sensitive is true/false (also yes/no, y/n, 1/0; empty is false).
 * Fields may be quoted ("Smith, Jr"), a doubled quote standing for one.
 */
public final class DemographicCsv {

  /** The header line a file may start with. */
  public static final String HEADER =
      "nhsNumber,givenName,familyName,birthDate,supersededBy,sensitive";

  private DemographicCsv() {}

  /** A line read: the record, or why it was refused (naming the column). */
  public record Row(DemographicRecord record, String nhsNumber, String problem) {
    public boolean ok() {
      return problem == null;
    }

    static Row refused(String nhsNumber, String problem) {
      return new Row(null, nhsNumber, problem);
    }
  }

  /** Whether a line is the header (its first field is {@code nhsNumber}). */
  public static boolean isHeader(String line) {
    List<String> f = fields(line);
    return !f.isEmpty() && f.get(0).trim().equalsIgnoreCase("nhsNumber");
  }

  public static Row parse(String line, LocalDate today) {
    List<String> f;
    try {
      f = fields(line);
    } catch (IllegalArgumentException e) {
      return Row.refused(null, e.getMessage());
    }
    if (f.size() != 6) {
      return Row.refused(
          f.isEmpty() ? null : f.get(0).trim(),
          "expected 6 columns (" + HEADER + ") but found " + f.size());
    }
    String nhs = f.get(0).trim().replace(" ", "");
    String nhsProblem = NhsNumber.problemWith(nhs);
    if (nhsProblem != null) {
      return Row.refused(nhs, "nhsNumber " + nhsProblem);
    }
    String given = f.get(1).trim();
    String family = f.get(2).trim();
    if (given.isEmpty()) {
      return Row.refused(nhs, "givenName is missing");
    }
    if (family.isEmpty()) {
      return Row.refused(nhs, "familyName is missing");
    }
    if (given.length() > 100 || family.length() > 100) {
      return Row.refused(nhs, "a name is longer than 100 characters");
    }
    LocalDate birth;
    try {
      birth = LocalDate.parse(f.get(3).trim());
    } catch (DateTimeParseException e) {
      return Row.refused(nhs, "birthDate '" + f.get(3).trim() + "' is not a date (yyyy-MM-dd)");
    }
    if (birth.isAfter(today)) {
      return Row.refused(nhs, "birthDate " + birth + " is in the future");
    }
    String superseded = f.get(4).trim().replace(" ", "");
    if (superseded.isEmpty()) {
      superseded = null;
    } else {
      String p = NhsNumber.problemWith(superseded);
      if (p != null) {
        return Row.refused(nhs, "supersededBy " + p);
      }
      if (superseded.equals(nhs)) {
        return Row.refused(nhs, "supersededBy is the row's own NHS number");
      }
    }
    Boolean sensitive = flag(f.get(5));
    if (sensitive == null) {
      return Row.refused(nhs, "sensitive '" + f.get(5).trim() + "' is not true or false");
    }
    return new Row(
        new DemographicRecord(nhs, given, family, birth, superseded, sensitive), nhs, null);
  }

  private static Boolean flag(String raw) {
    return switch (raw.trim().toLowerCase(Locale.ROOT)) {
      case "", "false", "no", "n", "0" -> Boolean.FALSE;
      case "true", "yes", "y", "1" -> Boolean.TRUE;
      default -> null;
    };
  }

  /** The fields of one line, quotes removed. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted field is not closed");
    }
    out.add(cur.toString());
    return out;
  }
}
