package org.opencpis.casework.bulk;

/** What became of one row of a bulk NHS-number load (R5). */
public enum RowOutcome {
  /** The NHS number is now recorded on the child. */
  APPLIED,
  /** The child already had that NHS number. */
  UNCHANGED,
  /** Nothing changed; the reason says why. */
  REJECTED
}
