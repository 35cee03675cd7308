package org.opencpis.casework.domain;

/** The kinds of workflow step, with the names council staff know from the seed's process. */
public enum StepType {
  CPIS_FOLLOW_UP("CPIS Follow Up"),
  SCREENING_REQUIRED("CPIS Notification Received – Social Care Screening required"),
  CP_CIC_VISIT("CP / CiC visit"),
  CPIS_FAILURE("CP-IS Failure Notification"),
  EDT_ESCALATION("CP-IS Out of Hours – Emergency Duty Team");

  private final String displayName;

  StepType(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
