package org.opencpis.demographics.application;

import java.util.List;

/** What a demographic file load did: counts per outcome, and each refused line with its reason. */
public record LoadReport(int added, int updated, int unchanged, int rejected, List<Rejected> rows) {

  public LoadReport {
    rows = List.copyOf(rows);
  }

  /** A refused line: its number in the file, the NHS number when it could be read, and why. */
  public record Rejected(int line, String nhsNumber, String reason) {}
}
