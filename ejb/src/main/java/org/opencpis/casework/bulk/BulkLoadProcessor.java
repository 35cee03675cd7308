package org.opencpis.casework.bulk;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/**
 * Checks a row on its own (columns, person id, duplicate, NHS number, date of birth). A bad row
 * becomes a rejected row, never an exception: one bad row never stops the rest (R5).
 */
@Named
@Dependent
public class BulkLoadProcessor implements ItemProcessor {

  @Override
  public Object processItem(Object item) {
    SourceRow source = (SourceRow) item;
    try {
      return BulkRow.of(source);
    } catch (RuntimeException e) {
      return new BulkRow(
          source.line(), null, null, null, null, null, "malformed row: it cannot be read");
    }
  }
}
