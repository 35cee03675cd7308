package org.opencpis.casework.bulk;

/** The outcome of one row, as it is recorded in the load's report. */
public record RowVerdict(
    long line, String personId, String nhsNumber, RowOutcome outcome, String reason) {

  static RowVerdict rejected(BulkRow row, String reason) {
    return new RowVerdict(row.line(), row.personId(), row.nhsNumber(), RowOutcome.REJECTED, reason);
  }
}
