package org.opencpis.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A notification on a worker's clipboard, sent from a CPIS Follow Up step to the child's key worker
 * ("CS Notification to Allocated Team – CPIS Follow up") or Early Help worker. The worker follows
 * up by telephone or visit and completes it with a "CP-IS Follow Up Contact" case note or a "CP /
 * CiC visit" (R23); it cannot be completed without one.
 */
@Entity
@Table(name = "cw_clipboard")
public class ClipboardNotification {

  public static final String TO_ALLOCATED_TEAM =
      "CS Notification to Allocated Team – CPIS Follow up";
  public static final String TO_EARLY_HELP = "CS Notification to Early Help – CPIS Follow up";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @Column(name = "la_code", nullable = false, length = 10)
  private String laCode;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  private Worker recipient;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  private Child child;

  @Column(name = "source_step_id", nullable = false)
  private Long sourceStepId;

  @Column(nullable = false, length = 120)
  private String subject;

  @Column(nullable = false, length = 1000)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @ManyToOne(fetch = FetchType.EAGER)
  private CaseNote caseNote;

  @ManyToOne(fetch = FetchType.EAGER)
  private WorkflowStep visit;

  protected ClipboardNotification() {}

  ClipboardNotification(
      Worker recipient, Child child, Long sourceStepId, String subject, String body, Instant at) {
    this.laCode = child.laCode();
    this.recipient = recipient;
    this.child = child;
    this.sourceStepId = sourceStepId;
    this.subject = subject;
    this.body = body;
    this.createdAt = at;
  }

  /** Completes the follow-up with the case note that records it. */
  public void completeWith(CaseNote note, Instant at) {
    requireOpen();
    if (note == null) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.CONFLICT,
          "caseNoteId",
          "a CPIS follow-up cannot be completed without a \""
              + CaseNote.FOLLOW_UP_CONTACT
              + "\" case note or a \"CP / CiC visit\": record one first");
    }
    requireSameChild(note.child());
    this.caseNote = note;
    this.completedAt = at;
  }

  /** Completes the follow-up with the CP / CiC visit that made it. */
  public void completeWith(WorkflowStep visitStep, Instant at) {
    requireOpen();
    if (visitStep == null || visitStep.type() != StepType.CP_CIC_VISIT) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.CONFLICT, "visitStepId", "that step is not a CP / CiC visit");
    }
    requireSameChild(visitStep.child());
    this.visit = visitStep;
    this.completedAt = at;
  }

  private void requireOpen() {
    if (completedAt != null) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.CONFLICT, null, "this follow-up was completed already");
    }
  }

  private void requireSameChild(Child other) {
    if (other == null || !other.id().equals(child.id())) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.CONFLICT, null, "the case note or visit is about another child");
    }
  }

  public boolean completed() {
    return completedAt != null;
  }

  public Long id() {
    return id;
  }

  public String laCode() {
    return laCode;
  }

  public Worker recipient() {
    return recipient;
  }

  public Child child() {
    return child;
  }

  public Long sourceStepId() {
    return sourceStepId;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public CaseNote caseNote() {
    return caseNote;
  }

  public WorkflowStep visit() {
    return visit;
  }
}
