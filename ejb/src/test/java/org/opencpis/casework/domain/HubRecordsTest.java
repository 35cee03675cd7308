package org.opencpis.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.notification.CouncilUpload;

/** What the council sends to the hub for a child, from the plans on its file. */
class HubRecordsTest {

  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  static final Council LEICS =
      new Council("855", "Leicestershire County Council", "0116 496 0100", "0116 496 0199");

  static Child child(String nhs) throws Exception {
    Child c = new Child("855", "L-1", nhs, "Ruby", "Stone", LocalDate.of(2015, 3, 9));
    setId(c, 1L);
    return c;
  }

  @Test
  @DisplayName("R6 R7: a CPP and an s31 episode make CPP and LAC; a placement order is never sent")
  void cppAndLac() throws Exception {
    Child c = child("9990001006");
    var built =
        HubRecords.of(
            c,
            List.of(
                new ChildPlan(
                    c, PlanKind.CHILD_PROTECTION_PLAN, null, LocalDate.of(2026, 1, 5), null, NOW),
                new ChildPlan(
                    c,
                    PlanKind.CARE_EPISODE,
                    CareLegalStatus.PLACEMENT_ORDER,
                    LocalDate.of(2026, 6, 1),
                    null,
                    NOW),
                new ChildPlan(
                    c,
                    PlanKind.CARE_EPISODE,
                    CareLegalStatus.S31,
                    LocalDate.of(2026, 3, 1),
                    null,
                    NOW)),
            LEICS);
    assertThat(built.ok()).isTrue();
    assertThat(built.records())
        .extracting(
            CouncilUpload.Record::planCode,
            CouncilUpload.Record::legalStatus,
            CouncilUpload.Record::startDate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CPP", null, "20260105"),
            org.assertj.core.groups.Tuple.tuple("LAC", "s31", "20260301"));
    assertThat(built.records().get(0).emergencyDutyPhone()).isEqualTo("0116 496 0199");
  }

  @Test
  @DisplayName("R7: a child with only non-shared care episodes sends nothing")
  void nothingShared() throws Exception {
    Child c = child("9990001006");
    var built =
        HubRecords.of(
            c,
            List.of(
                new ChildPlan(
                    c,
                    PlanKind.CARE_EPISODE,
                    CareLegalStatus.REMAND,
                    LocalDate.of(2026, 6, 1),
                    null,
                    NOW)),
            LEICS);
    assertThat(built.ok()).isTrue();
    assertThat(built.records()).isEmpty();
  }

  @Test
  @DisplayName(
      "R13: a pre-birth plan is sent as UCP under the mother's NHS number and details, nothing of the unborn")
  void unborn() throws Exception {
    Child mother = child("9990001006");
    Child unborn = Child.unborn(mother, "U-1", LocalDate.of(2027, 1, 10));
    setId(unborn, 2L);
    var built =
        HubRecords.of(
            unborn,
            List.of(
                new ChildPlan(
                    unborn,
                    PlanKind.CHILD_PROTECTION_PLAN,
                    null,
                    LocalDate.of(2026, 10, 1),
                    null,
                    NOW)),
            LEICS);
    CouncilUpload.Record r = built.records().get(0);
    assertThat(r.planCode()).isEqualTo("UCP");
    assertThat(r.unborn()).isTrue();
    assertThat(r.nhsNumber()).isEqualTo("9990001006");
    assertThat(r.givenName()).isEqualTo("Ruby");
    assertThat(r.birthDate()).isEqualTo("20150309");
    assertThat(r.localChildId()).isEqualTo("U-1");
  }

  @Test
  @DisplayName(
      "R14: no pre-birth plan is sent while the mother has no valid NHS number, and the problem says so")
  void motherWithoutNumber() throws Exception {
    Child mother = child(null);
    Child unborn = Child.unborn(mother, "U-2", LocalDate.of(2027, 1, 10));
    var built =
        HubRecords.of(
            unborn,
            List.of(
                new ChildPlan(
                    unborn,
                    PlanKind.CHILD_PROTECTION_PLAN,
                    null,
                    LocalDate.of(2026, 10, 1),
                    null,
                    NOW)),
            LEICS);
    assertThat(built.ok()).isFalse();
    assertThat(built.problem()).contains("mother's NHS number is not recorded");
  }

  @Test
  @DisplayName(
      "R3: a child whose own NHS number is absent or invalid sends nothing, and the problem names the NHS number for the data team")
  void childWithoutValidNumber() throws Exception {
    for (String nhs : new String[] {null, "9990001007", "12345"}) {
      Child c = child(nhs);
      var built =
          HubRecords.of(
              c,
              List.of(
                  new ChildPlan(
                      c, PlanKind.CHILD_PROTECTION_PLAN, null, LocalDate.of(2026, 1, 5), null, NOW),
                  new ChildPlan(
                      c,
                      PlanKind.CARE_EPISODE,
                      CareLegalStatus.S31,
                      LocalDate.of(2026, 3, 1),
                      null,
                      NOW)),
              LEICS);
      assertThat(built.ok()).as("NHS number %s", nhs).isFalse();
      assertThat(built.records()).isEmpty();
      assertThat(built.problem())
          .contains("the child's NHS number is " + (nhs == null ? "not recorded" : "not valid"))
          .contains("record it on the child's file");
    }
  }

  @Test
  @DisplayName(
      "R16: after the birth the UCP leaves the mother (delete date = birth) and the baby's CPP is sent under its own number")
  void birth() throws Exception {
    Child mother = child("9990001006");
    Child baby = Child.unborn(mother, "U-3", LocalDate.of(2026, 11, 30));
    setId(baby, 3L);
    ChildPlan preBirth =
        new ChildPlan(
            baby, PlanKind.CHILD_PROTECTION_PLAN, null, LocalDate.of(2026, 9, 1), null, NOW);
    LocalDate born = LocalDate.of(2026, 11, 20);
    baby.born(born, "9990000018", "Noa", null);
    preBirth.end(born);
    ChildPlan own = new ChildPlan(baby, PlanKind.CHILD_PROTECTION_PLAN, null, born, null, NOW);
    var built = HubRecords.of(baby, List.of(preBirth, own), LEICS);
    assertThat(built.records())
        .extracting(
            CouncilUpload.Record::planCode,
            CouncilUpload.Record::nhsNumber,
            CouncilUpload.Record::deleteDate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("UCP", "9990001006", "20261120"),
            org.assertj.core.groups.Tuple.tuple("CPP", "9990000018", null));
    assertThat(HubRecords.stillShared(baby, List.of(preBirth, own))).containsExactly(own);
  }

  @Test
  @DisplayName(
      "R10 R26: the information stays visible 12 months after the last plan ended; open plans keep it indefinitely")
  void visibleUntil() throws Exception {
    Child c = child("9990001006");
    ChildPlan ended =
        new ChildPlan(
            c,
            PlanKind.CHILD_PROTECTION_PLAN,
            null,
            LocalDate.of(2025, 1, 1),
            LocalDate.of(2026, 2, 28),
            NOW);
    assertThat(HubRecords.visibleUntil(List.of(ended), 12)).isEqualTo(LocalDate.of(2027, 2, 28));
    ChildPlan open =
        new ChildPlan(
            c, PlanKind.CARE_EPISODE, CareLegalStatus.S20, LocalDate.of(2026, 1, 1), null, NOW);
    assertThat(HubRecords.visibleUntil(List.of(ended, open), 12)).isNull();
  }

  static void setId(Object entity, Long id) throws Exception {
    Field f = entity.getClass().getDeclaredField("id");
    f.setAccessible(true);
    f.set(entity, id);
  }
}
