package org.opencpis.casework.bulk;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a stored bulk-load file, row by row. Its checkpoint is the number of records after the
 * header consumed so far: a restart re-reads the file up to there (rebuilding which person ids it
 * has seen, for the duplicate check) and carries on with the first row not yet committed.
 */
@Named
@Dependent
public class BulkLoadReader extends AbstractItemReader {

  @Inject
  @BatchProperty(name = "loadId")
  String loadId;

  @Inject BulkLoadRepository loads;

  private BulkFileFormat.Reading reading;
  private int consumed;

  /** The first line of each person id, for "duplicate person id: already on line n". */
  private final Map<String, Long> firstLine = new HashMap<>();

  @Override
  public void open(Serializable checkpoint) {
    reading = BulkFileFormat.open(loads.content(Long.parseLong(loadId)));
    int resumeAfter = checkpoint == null ? 0 : (Integer) checkpoint;
    while (consumed < resumeAfter && reading.records().hasNext()) {
      CSVRecord r = reading.records().next();
      consumed++;
      if (!BulkFileFormat.isBlank(r)) {
        track(r);
      }
    }
  }

  @Override
  public Object readItem() {
    while (reading.records().hasNext()) {
      CSVRecord r = reading.records().next();
      consumed++;
      if (BulkFileFormat.isBlank(r)) {
        continue;
      }
      Long earlier = track(r);
      return new SourceRow(
          reading.format(), r.getRecordNumber(), BulkFileFormat.values(r), earlier);
    }
    return null;
  }

  /** Notes the row's person id; returns the line that named it first, if another did. */
  private Long track(CSVRecord r) {
    var values = BulkFileFormat.values(r);
    String personId =
        values.size() == reading.format().width()
            ? reading.format().value(values, BulkFileFormat.Column.PERSON_ID)
            : null;
    if (personId == null) {
      return null;
    }
    return firstLine.putIfAbsent(personId, r.getRecordNumber());
  }

  @Override
  public Serializable checkpointInfo() {
    return consumed;
  }

  @Override
  public void close() {
    if (reading != null) {
      reading.close();
    }
  }
}
