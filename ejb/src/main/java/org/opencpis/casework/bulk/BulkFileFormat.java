package org.opencpis.casework.bulk;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The shape of a bulk NHS-number file: CSV with a header line naming the columns, LA person id and
 * NHS number required, given name, family name and date of birth optional, in any order. The header
 * is line 1; a data row's line number is its record number (blank lines count as lines but are not
 * rows).
 */
public final class BulkFileFormat {

  /** The columns a file may have. */
  public enum Column {
    PERSON_ID("la person id", "lapersonid", "personid", "lapersonid"),
    NHS_NUMBER("nhs number", "nhsnumber", "nhsno", "nhs"),
    GIVEN_NAME("given name", "givenname", "forename", "firstname"),
    FAMILY_NAME("family name", "familyname", "surname", "lastname"),
    BIRTH_DATE("date of birth", "dateofbirth", "birthdate", "dob");

    private final String label;
    private final List<String> names;

    Column(String label, String... names) {
      this.label = label;
      this.names = List.of(names);
    }

    public String label() {
      return label;
    }

    static Column named(String header) {
      String key = header.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
      for (Column c : values()) {
        if (c.names.contains(key)) {
          return c;
        }
      }
      return null;
    }
  }

  /** A file that cannot be read as a bulk load at all: refused before anything is stored. */
  public static final class InvalidFile extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidFile(String message) {
      super(message);
    }
  }

  static final String EXPECTED =
      "the first line must be a header: LA person id, NHS number"
          + " (optionally given name, family name, date of birth)";

  private static final CSVFormat CSV =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).get();

  private final Map<Column, Integer> index;
  private final int width;

  private BulkFileFormat(Map<Column, Integer> index, int width) {
    this.index = index;
    this.width = width;
  }

  /** The format a header line declares. */
  public static BulkFileFormat ofHeader(List<String> header) {
    Map<Column, Integer> index = new EnumMap<>(Column.class);
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i) == null ? "" : header.get(i).trim();
      Column c = Column.named(name);
      if (c == null) {
        throw new InvalidFile(
            "column " + (i + 1) + " of the header, '" + clip(name) + "', is unknown: " + EXPECTED);
      }
      if (index.put(c, i) != null) {
        throw new InvalidFile("the header names the " + c.label() + " column twice");
      }
    }
    if (!index.containsKey(Column.PERSON_ID) || !index.containsKey(Column.NHS_NUMBER)) {
      throw new InvalidFile(EXPECTED);
    }
    return new BulkFileFormat(index, header.size());
  }

  /** Columns in the file, the header's count. */
  public int width() {
    return width;
  }

  public boolean has(Column c) {
    return index.containsKey(c);
  }

  /** The value of column {@code c} in a row of the right width; null when absent or empty. */
  public String value(List<String> row, Column c) {
    Integer i = index.get(c);
    if (i == null || i >= row.size()) {
      return null;
    }
    String v = row.get(i);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** An open file: its format (from the header) and its records after the header. */
  public record Reading(BulkFileFormat format, CSVParser parser, Iterator<CSVRecord> records)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        parser.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Opens a file's content: reads and checks its header. */
  public static Reading open(String content) {
    if (content == null || content.isBlank()) {
      throw new InvalidFile("the file is empty: " + EXPECTED);
    }
    try {
      CSVParser parser = CSV.parse(new StringReader(withoutByteOrderMark(content)));
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) { // content that is not blank but holds no record (found by fuzzing)
        throw new InvalidFile("the file is empty: " + EXPECTED);
      }
      BulkFileFormat format = ofHeader(records.next().toList());
      return new Reading(format, parser, records);
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidFile("the file is not readable as CSV: " + rootMessage(e));
    }
  }

  /**
   * Checks a whole file before it is stored: the header, and that every record can be read as CSV
   * (an unclosed quote would swallow the rest of the file). Returns the number of data rows.
   */
  public static int countRows(String content) {
    try (Reading r = open(content)) {
      int rows = 0;
      while (r.records().hasNext()) {
        if (!isBlank(r.records().next())) {
          rows++;
        }
      }
      if (rows == 0) {
        throw new InvalidFile("the file has a header but no rows");
      }
      return rows;
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new InvalidFile("the file is not readable as CSV: " + rootMessage(e));
    }
  }

  /** A blank line: one empty value. Not a row. */
  public static boolean isBlank(CSVRecord r) {
    return r.size() == 1 && r.get(0).isBlank();
  }

  /** The values of a record. */
  public static List<String> values(CSVRecord r) {
    return new ArrayList<>(r.toList());
  }

  static String withoutByteOrderMark(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
