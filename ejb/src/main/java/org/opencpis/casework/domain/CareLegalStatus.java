package org.opencpis.casework.domain;

/**
 * The legal status of a care episode as a council records it. Only three are shared with CP-IS
 * (R7), as "LAC": a full care order (s31), an interim care order (s38) and voluntary accommodation
 * (s20). Every other status stays on the council's file.
 */
public enum CareLegalStatus {
  S31("Full Care Order (s31)", "s31"),
  S38("Interim Care Order (s38)", "s38"),
  S20("Voluntary Care Agreement (s20)", "s20"),
  PLACEMENT_ORDER("Placement Order (s21 ACA 2002)", null),
  REMAND("Remanded to local authority accommodation", null),
  POLICE_PROTECTION("Police protection (s46)", null),
  SHORT_BREAKS("Short breaks (s20(4))", null);

  private final String displayName;
  private final String hubCode;

  CareLegalStatus(String displayName, String hubCode) {
    this.displayName = displayName;
    this.hubCode = hubCode;
  }

  public String displayName() {
    return displayName;
  }

  /** Whether an episode with this status is shared with CP-IS (R7). */
  public boolean shared() {
    return hubCode != null;
  }

  /** The code sent to the hub, for a shared status only. */
  public String hubCode() {
    return hubCode;
  }
}
