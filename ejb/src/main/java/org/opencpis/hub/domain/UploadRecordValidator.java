package org.opencpis.hub.domain;

import java.time.LocalDate;
import org.opencpis.shared.Hl7Dates;
import org.opencpis.shared.InvalidValueException;
import org.opencpis.shared.NhsNumber;

/**
 * Checks one received record and turns it into a {@link RecordUpdate}, or says which field is at
 * fault and what to do, with the national record code: CPR04 for an NHS number that is not a valid
 * new-style one (R1), CPR07 with a detail for everything else, a value longer than the register
 * keeps among them.
 */
public final class UploadRecordValidator {

  /** The register's columns: names of 100 characters, telephone numbers of 40. */
  static final int NAME_MAX = 100;

  static final int PHONE_MAX = 40;

  private UploadRecordValidator() {}

  /** Either the update to apply or the outcome that refuses it. */
  public record Checked(RecordUpdate update, RecordOutcome refusal) {
    public boolean ok() {
      return refusal == null;
    }
  }

  public static Checked check(String laCode, int sequence, ReceivedRecord r) {
    String childId = blankToNull(r.localChildId());
    try {
      if (r.unreadable() != null) {
        throw new Refusal(RecordCode.CPR07, r.unreadableField(), r.unreadable());
      }
      if (childId == null) {
        throw new Refusal(RecordCode.CPR07, "localChildId", "the LA's child id is missing");
      }
      tooLong("localChildId", childId, RecordOutcome.LOCAL_CHILD_ID_MAX, "the LA's child id");
      if (r.subjectKind() == null) {
        throw new Refusal(
            RecordCode.CPR07,
            "childSubject",
            "the record has neither a childSubject nor an unbornChildSubject");
      }
      String subject =
          r.subjectKind() == SubjectKind.UNBORN ? "unbornChildSubject/mother" : "childSubject";
      String nhsProblem = NhsNumber.problemWith(r.nhsNumber());
      if (nhsProblem != null) {
        throw new Refusal(
            RecordCode.CPR04,
            subject + "/id",
            "NHS number "
                + nhsProblem
                + (r.subjectKind() == SubjectKind.UNBORN
                    ? ": an unborn child is shared under the mother's NHS number; record it and resend"
                    : ": correct the child's NHS number and resend"));
      }
      NhsNumber nhs = NhsNumber.of(r.nhsNumber());
      PlanType plan =
          PlanType.fromCode(r.planCode())
              .orElseThrow(
                  () ->
                      new Refusal(
                          RecordCode.CPR07,
                          "information/code",
                          "plan type '"
                              + r.planCode()
                              + "' is not one CP-IS shares: use CPP, LAC or UCP"));
      if (plan == PlanType.UCPP && r.subjectKind() != SubjectKind.UNBORN) {
        throw new Refusal(
            RecordCode.CPR07,
            "information/code",
            "UCP is for an unborn child: send it with an unbornChildSubject (the mother)");
      }
      if (plan != PlanType.UCPP && r.subjectKind() == SubjectKind.UNBORN) {
        throw new Refusal(
            RecordCode.CPR07,
            "information/code",
            plan.wireCode() + " is for a child: an unbornChildSubject takes only UCP");
      }
      // R7, as relaxed for the national shape (which has no legal status): a LAC record may leave
      // the legal status out; one it names must be s31, s38 or s20
      String legalStatus = blankToNull(r.legalStatus());
      if (plan == PlanType.LAC
          && legalStatus != null
          && LegalStatus.fromCode(legalStatus).isEmpty()) {
        throw new Refusal(
            RecordCode.CPR07,
            "information/legalStatus",
            "legal status '"
                + legalStatus
                + "' is not shared with CP-IS: only s31, s38 and s20 are; a child looked after"
                + " on another basis is not sent to CP-IS");
      }
      String given = blankToNull(r.givenName());
      String family = blankToNull(r.familyName());
      if (given == null || family == null) {
        throw new Refusal(
            RecordCode.CPR07, subject + "/name", "the legal given and family names are required");
      }
      tooLong(subject + "/name/given", given, NAME_MAX, "a given name");
      tooLong(subject + "/name/family", family, NAME_MAX, "the family name");
      LocalDate birth = date(subject + "/birthTime", r.birthDate(), true);
      LocalDate start = date("information/effectiveTime/low", r.startDate(), true);
      LocalDate end = date("information/effectiveTime/high", r.endDate(), false);
      LocalDate delete = date("information/deleteDate", r.deleteDate(), false);
      if (end != null && end.isBefore(start)) {
        throw new Refusal(
            RecordCode.CPR07,
            "information/effectiveTime/high",
            "the end date " + end + " is before the start date " + start);
      }
      String emergency = blankToNull(r.emergencyDutyPhone());
      if (emergency == null) {
        throw new Refusal(
            RecordCode.CPR07,
            "telecom[@use='EC']",
            "the emergency duty (out of hours) telephone number is mandatory");
      }
      tooLong("telecom[@use='EC']", emergency, PHONE_MAX, "a telephone number");
      tooLong(
          "telecom[@use='WP']", blankToNull(r.officeHoursPhone()), PHONE_MAX, "a telephone number");
      RecordUpdate update =
          new RecordUpdate(
              laCode,
              nhs,
              r.subjectKind(),
              plan,
              childId,
              given,
              family,
              birth,
              start,
              end,
              delete,
              blankToNull(r.officeHoursPhone()),
              emergency);
      return new Checked(update, null);
    } catch (Refusal e) {
      return new Checked(
          null, new RecordOutcome(sequence, childId, e.code, e.field, e.getMessage()));
    }
  }

  private static void tooLong(String field, String value, int max, String what) {
    if (value != null && value.length() > max) {
      throw new Refusal(
          RecordCode.CPR07,
          field,
          what + " is at most " + max + " characters, this one " + value.length());
    }
  }

  private static LocalDate date(String field, String raw, boolean required) {
    try {
      return required ? Hl7Dates.date(field, raw) : Hl7Dates.optionalDate(field, raw);
    } catch (InvalidValueException e) {
      throw new Refusal(RecordCode.CPR07, field, field + " " + e.reason());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final RecordCode code;
    final String field;

    Refusal(RecordCode code, String field, String message) {
      super(message, null, false, false);
      this.code = code;
      this.field = field;
    }
  }
}
