package org.opencpis.casework.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import org.apache.commons.csv.CSVRecord;
import org.opencpis.demographics.domain.DemographicCsv;

/**
 * Coverage-guided fuzzing of the two CSV readers of files from outside (Jazzer): the weekly bulk
 * NHS-number file (R5) and the administrator's demographic file. Whatever the content, a file is
 * either refused as a whole with a reason ({@link BulkFileFormat.InvalidFile}) or read row by row,
 * each row applied or rejected with a reason that never repeats the NHS number; nothing else is
 * thrown. Replayed as a regression test by {@code ./mvnw test}; fuzzed with {@code JAZZER_FUZZ=1}
 * (README, "Fuzzing").
 */
class BulkFileFuzzTest {

  static final String HEADER = "LA person id,NHS number,Given name,Family name,Date of birth\n";

  @FuzzTest(maxDuration = "30s")
  void bulkFile(FuzzedDataProvider data) {
    String content =
        (data.consumeBoolean() ? HEADER : data.consumeString(80)) + data.consumeRemainingAsString();
    int rows;
    try {
      rows = BulkFileFormat.countRows(content);
    } catch (BulkFileFormat.InvalidFile refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    int read = 0;
    try (BulkFileFormat.Reading r = BulkFileFormat.open(content)) {
      while (r.records().hasNext()) {
        CSVRecord rec = r.records().next();
        if (BulkFileFormat.isBlank(rec)) {
          continue;
        }
        read++;
        BulkRow row =
            BulkRow.of(
                new SourceRow(r.format(), rec.getRecordNumber(), BulkFileFormat.values(rec), null));
        if (row.rejected()) {
          assertThat(row.rejection()).isNotBlank();
          String nhs =
              r.format().value(BulkFileFormat.values(rec), BulkFileFormat.Column.NHS_NUMBER);
          if (nhs != null && nhs.strip().length() >= 6) {
            assertThat(row.rejection()).doesNotContain(nhs.strip());
          }
        } else {
          assertThat(row.nhsNumber()).matches("[0-9]{10}");
          assertThat(row.personId()).isNotBlank();
        }
      }
    }
    assertThat(read).isEqualTo(rows);
  }

  @FuzzTest(maxDuration = "30s")
  void demographicLine(FuzzedDataProvider data) {
    String line = data.consumeRemainingAsString();
    DemographicCsv.Row row = DemographicCsv.parse(line, LocalDate.of(2026, 12, 2));
    if (row.ok()) {
      assertThat(row.record()).isNotNull();
    } else {
      assertThat(row.problem()).isNotBlank();
    }
  }
}
