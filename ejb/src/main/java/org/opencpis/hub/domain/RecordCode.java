package org.opencpis.hub.domain;

/** The national answer codes for one record of an upload file (R26a). */
public enum RecordCode {
  CPR01("No demographic match"),
  CPR02("Sensitive record"),
  CPR03("NHS number not verified"),
  CPR04("Old-style or invalid NHS number"),
  CPR05("Superseded NHS number"),
  CPR06("Success"),
  CPR07("Failure");

  private final String meaning;

  RecordCode(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
