package org.opencpis.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The routing rules of a CPIS Follow Up (R22) and completion rules (R23), on the entities. */
class WorkflowStepTest {

  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  Worker cpis;
  Worker screening;
  Worker keyWorker;
  Worker earlyHelp;
  Child child;
  AccessNotice notice;

  @BeforeEach
  void setUp() throws Exception {
    cpis =
        withId(
            new Worker(
                "855", "CP-IS Virtual Worker", null, WorkerRole.CPIS_VIRTUAL_WORKER, "Admin"),
            1L);
    screening =
        withId(
            new Worker(
                "855",
                "SC CSC Screening – Social Care",
                null,
                WorkerRole.SCREENING_VIRTUAL_WORKER,
                "Screening"),
            2L);
    keyWorker =
        withId(new Worker("855", "Sam Walker", "leics.sw", WorkerRole.SOCIAL_WORKER, "CP"), 3L);
    earlyHelp =
        withId(new Worker("855", "Erin Hale", "leics.eh", WorkerRole.EARLY_HELP_WORKER, "EH"), 4L);
    child =
        withId(
            new Child("855", "L-1", "9990001006", "Ruby", "Stone", LocalDate.of(2015, 3, 9)), 10L);
    notice =
        new AccessNotice(
            "ev:855",
            "855",
            "9990001006",
            "L-1",
            "Ruby",
            "Stone",
            LocalDate.of(2015, 3, 9),
            NOW,
            NOW,
            "Ada Okafor",
            "Nurse",
            "RWE",
            "University Hospitals of Leicester",
            "ED");
  }

  WorkflowStep step(Child c) throws Exception {
    var p =
        AccessPattern.of(
            List.of(new AccessPattern.Access(NOW, "RWE")), NOW, new AccessPattern.Thresholds(3, 2));
    return withId(WorkflowStep.followUp(cpis, c, notice, p, NOW, NOW.plusSeconds(3600)), 100L);
  }

  @Test
  @DisplayName("R22: open to social care -> clipboard to the key worker, next action, completed")
  void socialCare() throws Exception {
    child.changeInvolvement(Involvement.OPEN_SOCIAL_CARE, keyWorker, LocalDate.of(2026, 1, 1));
    WorkflowStep s = step(child);
    ClipboardNotification n = s.notifyAllocatedTeam("Priya Admin", NOW);
    assertThat(n.recipient()).isSameAs(keyWorker);
    assertThat(n.subject()).isEqualTo("CS Notification to Allocated Team – CPIS Follow up");
    assertThat(n.body())
        .contains("Ruby Stone (L-1)")
        .contains("on 25 November 2026 at 10:00")
        .contains("by Ada Okafor (Nurse)")
        .doesNotContain("2026-11-25T");
    assertThat(s.nextActions()).containsExactly("CPIS Follow Up – Allocated Team Informed");
    assertThat(s.status()).isEqualTo(StepStatus.COMPLETED);
    assertThatThrownBy(() -> s.notifyAllocatedTeam("Priya Admin", NOW))
        .hasMessageContaining("completed already");
  }

  @Test
  @DisplayName(
      "R22: not open -> screening step, next action; social-care route refused with advice")
  void closed() throws Exception {
    WorkflowStep s = step(child);
    assertThatThrownBy(() -> s.notifyAllocatedTeam("Priya", NOW))
        .isInstanceOf(CaseworkRefusal.class)
        .hasMessageContaining("refer it to Social Care Screening");
    WorkflowStep next = s.referToScreening(screening, "Priya", NOW, NOW.plusSeconds(7200));
    assertThat(next.type()).isEqualTo(StepType.SCREENING_REQUIRED);
    assertThat(next.inbox()).isSameAs(screening);
    assertThat(s.nextActions())
        .containsExactly("CPIS Notification Received – Social Care Screening required");
  }

  @Test
  @DisplayName("R12 R22: a child unknown to the council goes to screening")
  void unknownChild() throws Exception {
    WorkflowStep s = step(null);
    assertThat(s.routeAdvice()).isEqualTo("refer it to Social Care Screening");
    assertThatThrownBy(() -> s.notifyEarlyHelp("Priya", NOW)).isInstanceOf(CaseworkRefusal.class);
  }

  @Test
  @DisplayName("R22: open to Early Help -> the Early Help worker; screening refused")
  void earlyHelp() throws Exception {
    child.changeInvolvement(Involvement.OPEN_EARLY_HELP, earlyHelp, LocalDate.of(2026, 1, 1));
    WorkflowStep s = step(child);
    assertThatThrownBy(() -> s.referToScreening(screening, "Priya", NOW, NOW))
        .hasMessageContaining("Open to Early Help");
    assertThat(s.notifyEarlyHelp("Priya", NOW).recipient()).isSameAs(earlyHelp);
    assertThat(s.nextActions()).containsExactly("CPIS Follow Up – Early Help Informed");
  }

  @Test
  @DisplayName("R23: a follow-up cannot be completed without a case note, nor a screening step")
  void caseNoteRequired() throws Exception {
    child.changeInvolvement(Involvement.OPEN_SOCIAL_CARE, keyWorker, LocalDate.of(2026, 1, 1));
    ClipboardNotification n = step(child).notifyAllocatedTeam("Priya", NOW);
    assertThatThrownBy(() -> n.completeWith((CaseNote) null, NOW))
        .hasMessageContaining("cannot be completed without");
    CaseNote note =
        new CaseNote(
            child,
            CaseNote.ContactMethod.TELEPHONE,
            CaseNote.Decision.ACT,
            "Referred to duty",
            keyWorker,
            NOW);
    n.completeWith(note, NOW);
    assertThat(n.completed()).isTrue();

    Child other = withId(new Child("855", "L-2", null, "A", "B", null), 11L);
    WorkflowStep screeningStep = step(other).referToScreening(screening, "Priya", NOW, NOW);
    assertThatThrownBy(() -> screeningStep.completeWith(null, "Sol", NOW))
        .hasMessageContaining("without");
  }

  @Test
  @DisplayName("R24: a step past its due time is overdue until completed")
  void overdue() throws Exception {
    WorkflowStep s = step(null);
    assertThat(s.overdue(NOW.plusSeconds(3600))).isFalse();
    assertThat(s.overdue(NOW.plusSeconds(3601))).isTrue();
    s.referToScreening(screening, "Priya", NOW, NOW);
    assertThat(s.overdue(NOW.plusSeconds(7200))).as("completed steps are never overdue").isFalse();
  }

  @Test
  @DisplayName("R23: a case note needs the contact method, the decision and why")
  void caseNoteContent() {
    assertThatThrownBy(() -> new CaseNote(child, null, CaseNote.Decision.ACT, "x", keyWorker, NOW))
        .hasMessageContaining("TELEPHONE or VISIT");
    assertThatThrownBy(
            () -> new CaseNote(child, CaseNote.ContactMethod.VISIT, null, "x", keyWorker, NOW))
        .hasMessageContaining("decision");
    assertThatThrownBy(
            () ->
                new CaseNote(
                    child,
                    CaseNote.ContactMethod.VISIT,
                    CaseNote.Decision.ACT,
                    " ",
                    keyWorker,
                    NOW))
        .hasMessageContaining("why");
  }

  @Test
  @DisplayName("R22: an open involvement needs a worker of the right kind from the same council")
  void involvementNeedsWorker() throws Exception {
    assertThatThrownBy(() -> child.changeInvolvement(Involvement.OPEN_SOCIAL_CARE, null, null))
        .hasMessageContaining("key worker");
    assertThatThrownBy(() -> child.changeInvolvement(Involvement.OPEN_SOCIAL_CARE, earlyHelp, null))
        .hasMessageContaining("cannot be");
    Worker manchester =
        withId(new Worker("352", "Lee Grant", "manc.sw", WorkerRole.SOCIAL_WORKER, "x"), 9L);
    assertThatThrownBy(
            () -> child.changeInvolvement(Involvement.OPEN_SOCIAL_CARE, manchester, null))
        .hasMessageContaining("cannot be");
  }

  static <T> T withId(T entity, Long id) throws Exception {
    Field f = entity.getClass().getDeclaredField("id");
    f.setAccessible(true);
    f.set(entity, id);
    return entity;
  }

  @Test
  @DisplayName(
      "R24 R25: an escalated follow-up stays in the CP-IS Virtual Worker inbox; the Emergency Duty"
          + " Team's step carries the same access, the reason and the link, and completes without"
          + " routing")
  void escalation() throws Exception {
    Worker edt =
        withId(
            new Worker("855", "Emergency Duty Team", null, WorkerRole.EDT_VIRTUAL_WORKER, "EDT"),
            5L);
    WorkflowStep followUp = step(child);
    String why = "Arrived out of hours, Saturday 5 December 2026 at 11:00: pattern flagged";
    WorkflowStep e = WorkflowStep.escalation(edt, followUp, why, NOW, NOW.plusSeconds(7200));
    assertThat(e.type()).isEqualTo(StepType.EDT_ESCALATION);
    assertThat(e.inbox()).isSameAs(edt);
    assertThat(e.notice()).isSameAs(notice);
    assertThat(e.child()).isSameAs(child);
    assertThat(e.sourceKey()).isEqualTo("edt:ev:855");
    assertThat(e.escalationReason()).isEqualTo(why);
    assertThat(e.escalatedFromStepId()).isEqualTo(100L);
    assertThat(followUp.inbox()).isSameAs(cpis);
    assertThat(followUp.escalationReason()).isEqualTo(why);
    assertThat(followUp.history())
        .extracting(StepEvent::what)
        .contains("Also sent to Emergency Duty Team (out of hours)");
    assertThat(e.routeAdvice()).startsWith("review it now");
    e.completeWith(null, "Duty Worker", NOW);
    assertThat(e.status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(followUp.status()).as("still the admin team's").isEqualTo(StepStatus.INCOMING);
    assertThatThrownBy(() -> WorkflowStep.escalation(cpis, followUp, why, NOW, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
