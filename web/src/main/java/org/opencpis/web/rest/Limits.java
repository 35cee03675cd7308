package org.opencpis.web.rest;

/**
 * The lengths the REST API takes, matching the columns that keep the values (README "Limits"). A
 * longer value is refused with 400 INVALID naming the field, before anything is kept.
 */
final class Limits {

  /** A council's person id (Child.la_person_id). */
  static final int PERSON_ID = 40;

  /**
   * An NHS number as people write it, with spaces (the number itself is checked by the service).
   */
  static final int NHS_NUMBER = 16;

  /** A given or family name (Child.given_name, family_name). */
  static final int NAME = 100;

  /** A code the API reads as one of a list (involvement, plan type, role, ...). */
  static final int CODE = 40;

  /** A case note's reason, a visit's summary (CaseNote.reason, WorkflowStep.summary). */
  static final int TEXT = 2000;

  /** A council's ODS code in a path. */
  static final String LA_CODE = "[A-Z0-9]{3,10}";

  private Limits() {}
}
