package org.opencpis.hl7.handler;

/**
 * The longest value of each field the HL7 channel stores, as its column holds it, and the check
 * that refuses a longer or malformed one (AR 102 naming the field) before anything is written: a
 * value is never cut short (a shortened SDS user id names someone else) and never reaches the
 * database to fail there. FieldCheckTest holds these limits to the columns.
 */
final class FieldCheck {

  /** MSH-3, recorded as the system that asked (Viewer.systemAsid, sds columns of 20). */
  static final int SENDING_APPLICATION = 20;

  /** MSH-10 (an ADT's query event id) and QPD-2: AccessEvent.queryEventId. */
  static final int QUERY_EVENT_ID = 80;

  /** An XCN id (QPD-4, PV1-7, EVN-5): Viewer.sdsUserId. */
  static final int PERSON_ID = 20;

  /** Given and family name together, as recorded: Viewer.name. */
  static final int PERSON_NAME = 200;

  /** QPD-5.1 and QPD-5.2: Viewer.jobRoleCode and jobRoleName. */
  static final int JOB_ROLE_CODE = 20;

  static final int JOB_ROLE_NAME = 120;

  /**
   * PV1-3.1, recorded after the facility's name in Viewer.organisationName (160); the facility's
   * name is the administrator's, so the place in it is held to a part of that.
   */
  static final int POINT_OF_CARE = 40;

  /** PV1-19: Attendance.visitNumber. */
  static final int VISIT_NUMBER = 200;

  /** The QPD as sent: it is echoed in the answer, which is kept. */
  static final int QPD = 2000;

  private FieldCheck() {}

  /**
   * The value, when it fits; else AR 102 at {@code segment-field} saying what is wrong (never the
   * value itself).
   */
  static String fit(String value, int max, String segment, int field, String what)
      throws Hl7Refusal {
    if (value == null) {
      return null;
    }
    if (value.length() > max) {
      throw Hl7Refusal.badValue(
          segment, field, "(" + what + ") is longer than " + max + " characters");
    }
    if (hasControlCharacter(value)) {
      throw Hl7Refusal.badValue(segment, field, "(" + what + ") contains a control character");
    }
    return value;
  }

  static boolean hasControlCharacter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** A health worker named in an XCN field: id and name, each as its column holds it. */
  static AttendanceMessage.Person person(AttendanceMessage.Person p, String segment, int field)
      throws Hl7Refusal {
    if (p == null) {
      return null;
    }
    fit(p.id(), PERSON_ID, segment, field, "person identifier");
    fit(p.family(), PERSON_NAME, segment, field, "family name");
    fit(p.given(), PERSON_NAME, segment, field, "given name");
    fit(p.middle(), PERSON_NAME, segment, field, "further given names");
    fit(p.suffix(), 40, segment, field, "suffix");
    fit(p.prefix(), 40, segment, field, "prefix");
    fit(p.displayName(), PERSON_NAME, segment, field, "name");
    return p;
  }
}
