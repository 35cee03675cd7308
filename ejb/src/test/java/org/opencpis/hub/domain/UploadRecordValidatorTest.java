package org.opencpis.hub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UploadRecordValidatorTest {

  static ReceivedRecord child(String nhs, String plan, String legal, String start, String end) {
    return new ReceivedRecord(
        "L-1",
        SubjectKind.CHILD,
        nhs,
        "Amelia",
        "Hart",
        "20190402",
        plan,
        legal,
        start,
        end,
        null,
        "0116 496 0100",
        "0116 496 0199");
  }

  static UploadRecordValidator.Checked check(ReceivedRecord r) {
    return UploadRecordValidator.check("855", 1, r);
  }

  @Test
  @DisplayName("R6: a valid CPP becomes an update with its dates")
  void validCpp() {
    var c = check(child("9990001006", "CPP", null, "20260901", "20261001"));
    assertThat(c.ok()).isTrue();
    assertThat(c.update().planType()).isEqualTo(PlanType.CPP);
    assertThat(c.update().startDate()).isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(c.update().endDate()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(c.update().emergencyDutyPhone()).isEqualTo("0116 496 0199");
  }

  @Test
  @DisplayName("R1 R26a: an invalid NHS number is CPR04, naming the field")
  void badNhsNumber() {
    var c = check(child("9990001007", "CPP", null, "20260901", null));
    assertThat(c.refusal().code()).isEqualTo(RecordCode.CPR04);
    assertThat(c.refusal().field()).isEqualTo("childSubject/id");
  }

  @Test
  @DisplayName(
      "R7 (relaxed for the national shape): a LAC record's legal status is optional; one it names"
          + " must be s31, s38 or s20, any other is refused and never shared")
  void lacLegalStatus() {
    assertThat(check(child("9990001006", "LAC", "s38", "20260901", null)).ok()).isTrue();
    assertThat(check(child("9990001006", "LAC", "S 20", "20260901", null)).ok()).isTrue();
    var placement = check(child("9990001006", "LAC", "placement order", "20260901", null));
    assertThat(placement.refusal().code()).isEqualTo(RecordCode.CPR07);
    assertThat(placement.refusal().field()).isEqualTo("information/legalStatus");
    assertThat(placement.refusal().detail()).contains("only s31, s38 and s20");
    // the national upload has no legal status at all: a LAC record without one loads
    assertThat(check(child("9990001006", "LAC", null, "20260901", null)).ok()).isTrue();
    assertThat(check(child("9990001006", "LAC", " ", "202609010000", null)).ok()).isTrue();
  }

  @Test
  @DisplayName(
      "a record the channel could not read is CPR07 naming the field, before any other check")
  void unreadable() {
    var r =
        new ReceivedRecord(
            "C-1",
            SubjectKind.CHILD,
            "9990001006",
            "Mia",
            "Jones",
            "20190412",
            "CPP",
            null,
            "20260901",
            null,
            null,
            null,
            "01164960999",
            "pertinentInformation",
            "the record carries 2 plans: send one plan per record");
    var checked = check(r);
    assertThat(checked.refusal().code()).isEqualTo(RecordCode.CPR07);
    assertThat(checked.refusal().field()).isEqualTo("pertinentInformation");
    assertThat(checked.refusal().detail()).contains("one plan per record");
  }

  @Test
  @DisplayName("R13: UCP only with an unborn subject (the mother), and an unborn takes only UCP")
  void unborn() {
    ReceivedRecord unborn =
        new ReceivedRecord(
            "U-1",
            SubjectKind.UNBORN,
            "9990001006",
            "Lily",
            "Shaw",
            "20100101",
            "UCP",
            null,
            "20261001",
            null,
            null,
            null,
            "0116 496 0199");
    var ok = check(unborn);
    assertThat(ok.ok()).isTrue();
    assertThat(ok.update().planType()).isEqualTo(PlanType.UCPP);
    assertThat(ok.update().subjectKind()).isEqualTo(SubjectKind.UNBORN);

    assertThat(check(child("9990001006", "UCP", null, "20261001", null)).refusal().detail())
        .contains("unbornChildSubject");
    ReceivedRecord unbornCpp =
        new ReceivedRecord(
            "U-1",
            SubjectKind.UNBORN,
            "9990001006",
            "Lily",
            "Shaw",
            "20100101",
            "CPP",
            null,
            "20261001",
            null,
            null,
            null,
            "0116 496 0199");
    assertThat(check(unbornCpp).refusal().code()).isEqualTo(RecordCode.CPR07);
  }

  @Test
  @DisplayName("R14: an unborn whose mother has no valid NHS number is refused, saying so")
  void unbornWithoutMotherNumber() {
    ReceivedRecord r =
        new ReceivedRecord(
            "U-2",
            SubjectKind.UNBORN,
            null,
            "Lily",
            "Shaw",
            "20100101",
            "UCP",
            null,
            "20261001",
            null,
            null,
            null,
            "0116 496 0199");
    var c = check(r);
    assertThat(c.refusal().code()).isEqualTo(RecordCode.CPR04);
    assertThat(c.refusal().field()).isEqualTo("unbornChildSubject/mother/id");
    assertThat(c.refusal().detail()).contains("mother's NHS number");
  }

  @Test
  @DisplayName("R26a: malformed and inconsistent dates are CPR07 naming the field")
  void dates() {
    assertThat(check(child("9990001006", "CPP", null, "2026-09-01", null)).refusal().field())
        .isEqualTo("information/effectiveTime/low");
    assertThat(check(child("9990001006", "CPP", null, "20260931", null)).refusal().detail())
        .contains("'20260931' is not a date");
    assertThat(check(child("9990001006", "CPP", null, "20260901", "20260801")).refusal().field())
        .isEqualTo("information/effectiveTime/high");
  }

  @Test
  @DisplayName("R26a: the emergency duty number is mandatory")
  void emergencyNumber() {
    ReceivedRecord r =
        new ReceivedRecord(
            "L-1",
            SubjectKind.CHILD,
            "9990001006",
            "Amelia",
            "Hart",
            "20190402",
            "CPP",
            null,
            "20260901",
            null,
            null,
            "0116 496 0100",
            null);
    assertThat(check(r).refusal().field()).isEqualTo("telecom[@use='EC']");
  }

  @Test
  @DisplayName("R26a: the file code follows from the record codes")
  void fileCodes() {
    assertThat(FileCode.forCounts(3, 0)).isEqualTo(FileCode.CPF02);
    assertThat(FileCode.forCounts(2, 1)).isEqualTo(FileCode.CPF03);
    assertThat(FileCode.forCounts(0, 3)).isEqualTo(FileCode.CPF04);
  }

  @Test
  @DisplayName(
      "R26a: a value longer than the register keeps is CPR07 naming the field, and the refusal can be kept")
  void tooLong() {
    ReceivedRecord ok = child("9990001006", "CPP", null, "20260901", null);
    String longId = "L".repeat(64);
    var id =
        check(
            new ReceivedRecord(
                longId,
                ok.subjectKind(),
                ok.nhsNumber(),
                ok.givenName(),
                ok.familyName(),
                ok.birthDate(),
                ok.planCode(),
                null,
                ok.startDate(),
                null,
                null,
                ok.officeHoursPhone(),
                ok.emergencyDutyPhone()));
    assertThat(id.refusal().code()).isEqualTo(RecordCode.CPR07);
    assertThat(id.refusal().field()).isEqualTo("localChildId");
    assertThat(id.refusal().detail()).contains("at most 40 characters");
    assertThat(id.refusal().localChildId()).as("not kept: longer than its column").isNull();

    var family =
        check(
            new ReceivedRecord(
                "L-1",
                ok.subjectKind(),
                ok.nhsNumber(),
                ok.givenName(),
                "H".repeat(10_000),
                ok.birthDate(),
                ok.planCode(),
                null,
                ok.startDate(),
                null,
                null,
                ok.officeHoursPhone(),
                ok.emergencyDutyPhone()));
    assertThat(family.refusal().field()).isEqualTo("childSubject/name/family");

    var plan = check(child("9990001006", "X".repeat(5_000), null, "20260901", null));
    assertThat(plan.refusal().field()).isEqualTo("information/code");
    assertThat(plan.refusal().detail()).hasSizeLessThanOrEqualTo(400);
  }
}
