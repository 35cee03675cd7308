package org.opencpis.casework.domain;

/** What a council records on a child's file that CP-IS may share. */
public enum PlanKind {
  /** A child protection plan (for an unborn: the pre-birth plan, shared as UCPP). */
  CHILD_PROTECTION_PLAN,
  /** A care episode with its legal status (shared as LAC when s31, s38 or s20). */
  CARE_EPISODE
}
