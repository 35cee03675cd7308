package org.opencpis.hub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.demographics.domain.Verification;
import org.opencpis.shared.NhsNumber;

class IdentityCheckTest {

  static RecordUpdate update(SubjectKind kind) {
    LocalDate d = LocalDate.of(2019, 4, 2);
    return new RecordUpdate(
        "855",
        NhsNumber.of("9990001006"),
        kind,
        kind == SubjectKind.UNBORN ? PlanType.UCPP : PlanType.CPP,
        "L-1",
        "Amelia",
        "Hart",
        d,
        d,
        null,
        null,
        null,
        "0116 496 0999");
  }

  static Verification v(Verification.Outcome o, String current, Verification.Field... f) {
    return new Verification(o, current, List.of(f));
  }

  @Test
  @DisplayName("R2: a verified record is applied (no refusal)")
  void verified() {
    assertThat(
            IdentityCheck.refusal(
                1, update(SubjectKind.CHILD), v(Verification.Outcome.VERIFIED, "9990001006")))
        .isNull();
  }

  @Test
  @DisplayName("R2 R26a R27: each failure has its national code, the field at fault and what to do")
  void codes() {
    RecordOutcome unknown =
        IdentityCheck.refusal(
            1, update(SubjectKind.CHILD), v(Verification.Outcome.UNKNOWN, "9990001006"));
    assertThat(unknown.code()).isEqualTo(RecordCode.CPR01);
    assertThat(unknown.field()).isEqualTo("childSubject/id");
    assertThat(unknown.detail()).contains("no demographic record").contains("resend");

    RecordOutcome sensitive =
        IdentityCheck.refusal(
            2, update(SubjectKind.CHILD), v(Verification.Outcome.SENSITIVE, "9990001006"));
    assertThat(sensitive.code()).isEqualTo(RecordCode.CPR02);
    assertThat(sensitive.localChildId()).isEqualTo("L-1");

    RecordOutcome superseded =
        IdentityCheck.refusal(
            3, update(SubjectKind.CHILD), v(Verification.Outcome.SUPERSEDED, "9990000018"));
    assertThat(superseded.code()).isEqualTo(RecordCode.CPR05);
    assertThat(superseded.detail()).contains("superseded by 9990000018");

    RecordOutcome mismatch =
        IdentityCheck.refusal(
            4,
            update(SubjectKind.CHILD),
            v(
                Verification.Outcome.MISMATCH,
                "9990001006",
                Verification.Field.FAMILY_NAME,
                Verification.Field.BIRTH_DATE));
    assertThat(mismatch.code()).isEqualTo(RecordCode.CPR03);
    assertThat(mismatch.field()).isEqualTo("childSubject/name/family");
    assertThat(mismatch.detail())
        .contains("the child's family name and date of birth do not match")
        .doesNotContain("Hart");
  }

  @Test
  @DisplayName("R2 R13: an unborn's record is checked against the mother, and the fields say so")
  void unborn() {
    RecordOutcome mismatch =
        IdentityCheck.refusal(
            1,
            update(SubjectKind.UNBORN),
            v(Verification.Outcome.MISMATCH, "9990001006", Verification.Field.BIRTH_DATE));
    assertThat(mismatch.field()).isEqualTo("unbornChildSubject/mother/birthTime");
    assertThat(mismatch.detail()).contains("the mother's date of birth does not match");
    assertThat(IdentityCheck.subjectOf(update(SubjectKind.UNBORN)).nhsNumber())
        .isEqualTo("9990001006");
  }
}
