package org.opencpis.casework.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R5: reading a bulk NHS-number file and checking each row on its own. */
class BulkRowTest {

  static final String GOOD = "9434765919";
  static final String GOOD2 = "9990001006";

  /** Reads a file as the job does: rows by line, duplicates marked, then each row checked. */
  static List<BulkRow> rows(String csv) {
    List<BulkRow> out = new ArrayList<>();
    Map<String, Long> first = new HashMap<>();
    try (BulkFileFormat.Reading r = BulkFileFormat.open(csv)) {
      while (r.records().hasNext()) {
        var rec = r.records().next();
        if (BulkFileFormat.isBlank(rec)) {
          continue;
        }
        var values = BulkFileFormat.values(rec);
        String pid =
            values.size() == r.format().width()
                ? r.format().value(values, BulkFileFormat.Column.PERSON_ID)
                : null;
        Long dup = pid == null ? null : first.putIfAbsent(pid, rec.getRecordNumber());
        out.add(BulkRow.of(new SourceRow(r.format(), rec.getRecordNumber(), values, dup)));
      }
    }
    return out;
  }

  @Test
  @DisplayName("R5 a good row is read with its line number, the NHS number without spaces")
  void goodRow() {
    List<BulkRow> rows = rows("LA person id,NHS number\nP1,943 476 5919\n");
    assertThat(rows).containsExactly(new BulkRow(2, "P1", GOOD, null, null, null, null));
  }

  @Test
  @DisplayName("R5 optional columns in any order: names and a date of birth (ISO or DD/MM/YYYY)")
  void optionalColumns() {
    List<BulkRow> rows =
        rows(
            "date_of_birth,family name,LA_PERSON_ID,nhs_number,Given Name\r\n"
                + "2015-03-09,Stone,P1,9434765919,Ruby\r\n"
                + "09/03/2015,,P2,9990001006,\r\n");
    assertThat(rows.get(0))
        .isEqualTo(new BulkRow(2, "P1", GOOD, "Ruby", "Stone", LocalDate.of(2015, 3, 9), null));
    assertThat(rows.get(1))
        .isEqualTo(new BulkRow(3, "P2", GOOD2, null, null, LocalDate.of(2015, 3, 9), null));
  }

  @Test
  @DisplayName(
      "R5 R1 each bad row is rejected with its reason, and never repeats the NHS number; the rest"
          + " are read")
  void rejections() {
    List<BulkRow> rows =
        rows(
            "person id,nhs number,given name,family name,dob\n"
                + "P1,9434765919,Ruby,Stone,2015-03-09\n"
                + "P2,9434765918,Ruby,Stone,\n"
                + "P3,94347659,,,\n"
                + "P4,9434765919\n"
                + ",9434765919,,,\n"
                + "P1,9990001006,,,\n"
                + "\n"
                + "P5,,,,\n"
                + "P6,9990001006,,,31/02/2015\n"
                + "P7,9990001006,,,\n");
    assertThat(rows)
        .extracting(BulkRow::line, BulkRow::personId, BulkRow::rejection)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "P1", null),
            org.assertj.core.groups.Tuple.tuple(
                3L, "P2", "NHS number fails the modulus 11 check digit"),
            org.assertj.core.groups.Tuple.tuple(4L, "P3", "NHS number is not 10 digits"),
            org.assertj.core.groups.Tuple.tuple(
                5L, "P4", "malformed row: 2 columns, the header has 5"),
            org.assertj.core.groups.Tuple.tuple(
                6L, null, "malformed row: the LA person id is empty"),
            org.assertj.core.groups.Tuple.tuple(
                7L, "P1", "duplicate person id: already on line 2 of this file"),
            org.assertj.core.groups.Tuple.tuple(9L, "P5", "NHS number is missing"),
            org.assertj.core.groups.Tuple.tuple(
                10L, "P6", "date of birth is not a date (write it as YYYY-MM-DD or DD/MM/YYYY)"),
            org.assertj.core.groups.Tuple.tuple(11L, "P7", null));
    assertThat(rows)
        .filteredOn(BulkRow::rejected)
        .allSatisfy(r -> assertThat(r.rejection()).doesNotContain("943476591"));
  }

  @Test
  @DisplayName("R1 a number whose check digit would be 10 is never valid")
  void checkDigitTen() {
    // 999000000: weights give a check digit of 10, so no ending makes it valid
    String nine = "999000000";
    assertThat(org.opencpis.shared.NhsNumber.checkDigit(nine)).isEqualTo(10);
    assertThat(BulkRow.nhsProblem(nine + "0"))
        .isEqualTo("NHS number fails the modulus 11 check digit");
  }

  @Test
  @DisplayName("R5 a file without a header, an unknown column or an empty file is refused whole")
  void refusedFiles() {
    assertThatThrownBy(() -> BulkFileFormat.countRows("P1,9434765919\nP2,9990001006\n"))
        .isInstanceOf(BulkFileFormat.InvalidFile.class)
        .hasMessageContaining("column 1 of the header")
        .hasMessageContaining("the first line must be a header");
    assertThatThrownBy(() -> BulkFileFormat.countRows("person id,nhs number,postcode\n"))
        .isInstanceOf(BulkFileFormat.InvalidFile.class)
        .hasMessageContaining("'postcode', is unknown");
    assertThatThrownBy(() -> BulkFileFormat.countRows("given name,nhs number\nRuby,9434765919\n"))
        .isInstanceOf(BulkFileFormat.InvalidFile.class)
        .hasMessageContaining("LA person id, NHS number");
    assertThatThrownBy(() -> BulkFileFormat.countRows("   \n"))
        .hasMessageContaining("the file is empty");
    assertThatThrownBy(() -> BulkFileFormat.countRows("person id,nhs number\n"))
        .hasMessageContaining("no rows");
    assertThatThrownBy(() -> BulkFileFormat.countRows("person id,nhs number\n\"P1,9434765919\n"))
        .hasMessageContaining("not readable as CSV");
  }

  @Test
  @DisplayName("R5 rows are counted without the header, blank lines or a byte-order mark")
  void counts() {
    assertThat(BulkFileFormat.countRows("\uFEFFperson id,nhs number\nP1,1\n\nP2,2\n")).isEqualTo(2);
  }

  @Test
  @DisplayName("R5 a rejected row's NHS number is kept masked but for its last three characters")
  void masked() {
    assertThat(BulkLoadRow.masked("9434765918")).isEqualTo("*******918");
    assertThat(BulkLoadRow.masked("12")).isEqualTo("**");
    assertThat(BulkLoadRow.masked(null)).isNull();
  }
}
