package org.opencpis.hub.domain;

import org.opencpis.demographics.domain.Subject;
import org.opencpis.demographics.domain.Verification;

/**
 * Turns the demographic check of a record (R2, R4) into the record's answer: CPR01 when the NHS
 * number is unknown, CPR05 with the current number when it was superseded, CPR02 when the record is
 * sensitive, CPR03 naming what did not match. A record of an unborn child is checked against its
 * mother's details (R13), and the fields named are the mother's.
 */
public final class IdentityCheck {

  private IdentityCheck() {}

  /** Whom the demographic service is asked about for this record. */
  public static Subject subjectOf(RecordUpdate u) {
    return new Subject(u.nhsNumber().value(), u.givenName(), u.familyName(), u.birthDate());
  }

  /**
   * @return the refusal, or null when the record is verified and may be applied
   */
  public static RecordOutcome refusal(int sequence, RecordUpdate u, Verification v) {
    String subject =
        u.subjectKind() == SubjectKind.UNBORN ? "unbornChildSubject/mother" : "childSubject";
    String whose = u.subjectKind() == SubjectKind.UNBORN ? "the mother's" : "the child's";
    return switch (v.outcome()) {
      case VERIFIED -> null;
      case UNKNOWN ->
          new RecordOutcome(
              sequence,
              u.localChildId(),
              RecordCode.CPR01,
              subject + "/id",
              "no demographic record for NHS number "
                  + u.nhsNumber().value()
                  + ": check "
                  + whose
                  + " NHS number (trace it on PDS) and resend");
      case SUPERSEDED ->
          new RecordOutcome(
              sequence,
              u.localChildId(),
              RecordCode.CPR05,
              subject + "/id",
              "NHS number "
                  + u.nhsNumber().value()
                  + " is superseded by "
                  + v.currentNhsNumber()
                  + ": update "
                  + whose
                  + " record to the current number and resend; nothing was shared");
      case SENSITIVE ->
          new RecordOutcome(
              sequence,
              u.localChildId(),
              RecordCode.CPR02,
              subject + "/id",
              "the demographic record of this NHS number is sensitive: it is not shared with"
                  + " CP-IS");
      case MISMATCH ->
          new RecordOutcome(
              sequence,
              u.localChildId(),
              RecordCode.CPR03,
              fieldOf(subject, v.mismatches().get(0)),
              "NHS number not verified: "
                  + whose
                  + " "
                  + labels(v)
                  + (v.mismatches().size() == 1 ? " does" : " do")
                  + " not match the demographic record for this NHS number; correct the record"
                  + " and resend");
    };
  }

  private static String labels(Verification v) {
    var labels = v.mismatches().stream().map(Verification.Field::label).toList();
    return labels.size() == 1
        ? labels.get(0)
        : String.join(", ", labels.subList(0, labels.size() - 1))
            + " and "
            + labels.get(labels.size() - 1);
  }

  private static String fieldOf(String subject, Verification.Field f) {
    return switch (f) {
      case GIVEN_NAME -> subject + "/name/given";
      case FAMILY_NAME -> subject + "/name/family";
      case BIRTH_DATE -> subject + "/birthTime";
    };
  }
}
