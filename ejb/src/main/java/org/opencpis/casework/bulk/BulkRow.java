package org.opencpis.casework.bulk;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.opencpis.casework.bulk.BulkFileFormat.Column;
import org.opencpis.shared.NhsNumber;

/**
 * One row of a bulk NHS-number file after its own checks (R5): either well formed, with the NHS
 * number normalised (spaces dropped) and the optional name and date of birth, or rejected with the
 * reason. Whether it matches a child on file is decided later ({@link ChildMatch}). Reasons never
 * repeat the NHS number, a name or a date of birth.
 */
public record BulkRow(
    long line,
    String personId,
    String nhsNumber,
    String givenName,
    String familyName,
    LocalDate birthDate,
    String rejection) {

  private static final DateTimeFormatter UK_DATE =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

  public boolean rejected() {
    return rejection != null;
  }

  /** Checks one row read from the file. */
  public static BulkRow of(SourceRow source) {
    BulkFileFormat f = source.format();
    long line = source.line();
    var values = source.values();
    String personId = values.size() == f.width() ? f.value(values, Column.PERSON_ID) : null;
    String rawNhs = f.value(values, Column.NHS_NUMBER);
    if (values.size() != f.width()) {
      return rejected(
          line,
          f.value(values, Column.PERSON_ID),
          rawNhs,
          "malformed row: "
              + values.size()
              + (values.size() == 1 ? " column" : " columns")
              + ", the header has "
              + f.width());
    }
    if (personId == null) {
      return rejected(line, null, rawNhs, "malformed row: the LA person id is empty");
    }
    if (source.duplicateOfLine() != null) {
      return rejected(
          line,
          personId,
          rawNhs,
          "duplicate person id: already on line " + source.duplicateOfLine() + " of this file");
    }
    String nhsProblem = nhsProblem(rawNhs);
    if (nhsProblem != null) {
      return rejected(line, personId, rawNhs, nhsProblem);
    }
    LocalDate dob = null;
    String rawDob = f.value(values, Column.BIRTH_DATE);
    if (rawDob != null) {
      dob = date(rawDob);
      if (dob == null) {
        return rejected(
            line,
            personId,
            rawNhs,
            "date of birth is not a date (write it as YYYY-MM-DD or DD/MM/YYYY)");
      }
    }
    return new BulkRow(
        line,
        personId,
        NhsNumber.of(rawNhs).value(),
        f.value(values, Column.GIVEN_NAME),
        f.value(values, Column.FAMILY_NAME),
        dob,
        null);
  }

  /** Why {@code raw} cannot be recorded as an NHS number (R1), without repeating it; or null. */
  static String nhsProblem(String raw) {
    if (raw == null) {
      return "NHS number is missing";
    }
    if (NhsNumber.isValid(raw)) {
      return null;
    }
    return raw.replace(" ", "").matches("[0-9]{10}")
        ? "NHS number fails the modulus 11 check digit"
        : "NHS number is not 10 digits";
  }

  static LocalDate date(String raw) {
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(raw, UK_DATE);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static BulkRow rejected(long line, String personId, String rawNhs, String reason) {
    return new BulkRow(line, personId, rawNhs, null, null, null, reason);
  }
}
