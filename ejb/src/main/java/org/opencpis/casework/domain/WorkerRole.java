package org.opencpis.casework.domain;

/** What a worker (a person, or a virtual worker whose inbox a team works) is. */
public enum WorkerRole {
  /** The "CP-IS Virtual Worker": its inbox is worked by the Safeguarding Admin Team (R21). */
  CPIS_VIRTUAL_WORKER,
  /** The "SC CSC Screening - Social Care" virtual worker of the screening team (R22). */
  SCREENING_VIRTUAL_WORKER,
  /** The data-quality (MDAS) virtual worker that fixes NHS numbers and failures (R3, R27). */
  DATA_QUALITY_VIRTUAL_WORKER,
  /**
   * The council's Emergency Duty Team: out of hours, a flagged pattern or a setting the council
   * chose also goes to its inbox (R24, R25).
   */
  EDT_VIRTUAL_WORKER,
  /** A social worker who may be a child's key worker. */
  SOCIAL_WORKER,
  /** An Early Help worker or manager. */
  EARLY_HELP_WORKER,
  /** A member of the Safeguarding Admin Team, who works the CP-IS Virtual Worker inbox. */
  ADMIN_OFFICER,
  /** A member of the performance team, who runs the weekly bulk NHS-number load (R5). */
  PERFORMANCE_OFFICER;

  public boolean isVirtual() {
    return this == CPIS_VIRTUAL_WORKER
        || this == SCREENING_VIRTUAL_WORKER
        || this == DATA_QUALITY_VIRTUAL_WORKER
        || this == EDT_VIRTUAL_WORKER;
  }
}
