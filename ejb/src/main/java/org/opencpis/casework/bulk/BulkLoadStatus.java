package org.opencpis.casework.bulk;

/** Where a bulk load stands, after the batch status of its latest execution. */
public enum BulkLoadStatus {
  /** Stored, and its job is starting or running. */
  STARTED,
  COMPLETED,
  FAILED,
  /** Stopped by an administrator (console or CLI); can be restarted. */
  STOPPED;

  /** Failed and stopped loads are restarted from their last committed chunk. */
  public boolean restartable() {
    return this == FAILED || this == STOPPED;
  }
}
