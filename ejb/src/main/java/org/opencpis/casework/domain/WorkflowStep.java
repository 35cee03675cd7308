package org.opencpis.casework.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A step of council workflow in a worker's inbox.
 *
 * <p>Life cycle of a "CPIS Follow Up" (R21, R22): created INCOMING in the LA's CP-IS Virtual Worker
 * inbox from one access notification (its source key is the notification id, so a redelivered
 * notification never makes a second step); the admin opens it (STARTED) and routes it by the
 * child's involvement at that moment:
 *
 * <ul>
 *   <li>open to a social-care team: a clipboard notification to the key worker, then the next
 *       action "CPIS Follow Up – Allocated Team Informed", which completes the step;
 *   <li>open to Early Help: a clipboard notification to the Early Help worker, next action "CPIS
 *       Follow Up – Early Help Informed", completed;
 *   <li>not open (closed, or unknown to the council, R12): the next action "CPIS Notification
 *       Received – Social Care Screening required", which completes this step and makes a screening
 *       step in the SC CSC Screening – Social Care inbox. The screening step completes only with a
 *       case note recording the decision (R23).
 * </ul>
 *
 * Any other route is refused with the reason. Due times are counted in working hours (R24).
 */
@Entity
@Table(
    name = "cw_step",
    uniqueConstraints = @UniqueConstraint(name = "uk_cw_step_source", columnNames = "source_key"),
    indexes = {
      @Index(name = "ix_cw_step_inbox", columnList = "inbox_id, status"),
      // an inbox's page, in its order (flagged first, then by due time)
      @Index(name = "ix_cw_step_inbox_order", columnList = "inbox_id, pattern_flagged, due_at, id"),
      // an inbox's page by arrival (newest or oldest first)
      @Index(name = "ix_cw_step_inbox_arrival", columnList = "inbox_id, created_at, id")
    })
public class WorkflowStep {

  public static final String ALLOCATED_TEAM_INFORMED = "CPIS Follow Up – Allocated Team Informed";
  public static final String EARLY_HELP_INFORMED = "CPIS Follow Up – Early Help Informed";
  public static final String SCREENING_REQUIRED =
      "CPIS Notification Received – Social Care Screening required";

  /** How a time reads in a message to council staff (CP-IS serves England: UK time). */
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
          .withZone(ZoneId.of("Europe/London"));

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @Version private long version;

  @Column(name = "la_code", nullable = false, length = 10)
  private String laCode;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 24)
  private StepType type;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 12)
  private StepStatus status = StepStatus.INCOMING;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "inbox_id")
  private Worker inbox;

  @ManyToOne(fetch = FetchType.EAGER)
  private Child child;

  @ManyToOne(fetch = FetchType.EAGER)
  private AccessNotice notice;

  /** What made this step, unique: a notification id, or a step id and what it led to. */
  @Column(name = "source_key", length = 90)
  private String sourceKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Embedded private AccessPattern pattern;

  @Column(name = "summary", length = 2000)
  private String summary;

  @ManyToOne(fetch = FetchType.EAGER)
  private CaseNote caseNote;

  /** Why the step also went to the Emergency Duty Team out of hours (R24, R25), or null. */
  @Column(name = "escalation_reason", length = 400)
  private String escalationReason;

  /** An Emergency Duty Team step: the CPIS Follow Up it was escalated from. */
  @Column(name = "escalated_from_step_id")
  private Long escalatedFromStepId;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "cw_step_next_action", joinColumns = @JoinColumn(name = "step_id"))
  @OrderColumn(name = "position")
  @Column(name = "action", length = 120)
  private List<String> nextActions = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "cw_step_event", joinColumns = @JoinColumn(name = "step_id"))
  @OrderColumn(name = "position")
  private List<StepEvent> history = new ArrayList<>();

  protected WorkflowStep() {}

  private WorkflowStep(
      StepType type, Worker inbox, Child child, String sourceKey, Instant now, Instant dueAt) {
    this.laCode = inbox.laCode();
    this.type = type;
    this.inbox = inbox;
    this.child = child;
    this.sourceKey = sourceKey;
    this.createdAt = now;
    this.dueAt = dueAt;
  }

  /** A CPIS Follow Up for one access notification, in the LA's CP-IS Virtual Worker inbox. */
  public static WorkflowStep followUp(
      Worker cpisVirtualWorker,
      Child child,
      AccessNotice notice,
      AccessPattern pattern,
      Instant now,
      Instant dueAt) {
    if (cpisVirtualWorker.role() != WorkerRole.CPIS_VIRTUAL_WORKER) {
      throw new IllegalArgumentException("a CPIS Follow Up goes to the CP-IS Virtual Worker");
    }
    WorkflowStep s =
        new WorkflowStep(
            StepType.CPIS_FOLLOW_UP, cpisVirtualWorker, child, notice.notificationId(), now, dueAt);
    s.notice = notice;
    s.pattern = pattern;
    s.summary =
        "Health accessed CP-IS information"
            + (notice.organisationName() == null ? "" : " at " + notice.organisationName())
            + (notice.careSetting() == null ? "" : " (" + notice.careSetting() + ")");
    s.history.add(new StepEvent(now, "CP-IS", "Access to service notification received"));
    return s;
  }

  /**
   * The Emergency Duty Team's step for a CPIS Follow Up that arrived out of hours (R24, R25): the
   * same access, child and pattern, with the reason; the follow-up stays in the CP-IS Virtual
   * Worker inbox for the next working morning, and its history says it was escalated. One per
   * follow-up (its source key is the follow-up's).
   */
  public static WorkflowStep escalation(
      Worker edt, WorkflowStep followUp, String reason, Instant now, Instant due) {
    if (edt.role() != WorkerRole.EDT_VIRTUAL_WORKER) {
      throw new IllegalArgumentException("an escalation goes to the Emergency Duty Team");
    }
    if (followUp.type != StepType.CPIS_FOLLOW_UP || followUp.id == null) {
      throw new IllegalArgumentException("an escalation is of a CPIS Follow Up already recorded");
    }
    WorkflowStep s =
        new WorkflowStep(
            StepType.EDT_ESCALATION, edt, followUp.child, "edt:" + followUp.sourceKey, now, due);
    s.notice = followUp.notice;
    s.pattern = followUp.pattern;
    s.summary = followUp.summary;
    s.escalationReason = reason;
    s.escalatedFromStepId = followUp.id;
    s.history.add(new StepEvent(now, "CP-IS", "Escalated out of hours: " + reason));
    followUp.escalationReason = reason;
    followUp.history.add(
        new StepEvent(now, "CP-IS", "Also sent to " + edt.name() + " (out of hours)"));
    return s;
  }

  /** A failure notification for the LA's data-quality team (R3, R27). */
  public static WorkflowStep failure(
      Worker dataQuality, Child child, String sourceKey, String summary, Instant now, Instant due) {
    WorkflowStep s =
        new WorkflowStep(StepType.CPIS_FAILURE, dataQuality, child, sourceKey, now, due);
    s.summary = summary;
    s.history.add(new StepEvent(now, "CP-IS", "Failure notification received"));
    return s;
  }

  /** A CP / CiC visit the worker made, recorded as a completed step in the worker's own inbox. */
  public static WorkflowStep visit(Worker worker, Child child, String summary, Instant now) {
    if (summary == null || summary.isBlank()) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID, "summary", "say what the visit found");
    }
    WorkflowStep s = new WorkflowStep(StepType.CP_CIC_VISIT, worker, child, null, now, now);
    s.summary = summary.trim();
    s.status = StepStatus.COMPLETED;
    s.completedAt = now;
    s.history.add(new StepEvent(now, worker.name(), "Visit recorded"));
    return s;
  }

  /** The admin opens the step. */
  public void start(String actor, Instant now) {
    requireOpen();
    if (status == StepStatus.INCOMING) {
      status = StepStatus.STARTED;
      history.add(new StepEvent(now, actor, "Step started"));
    }
  }

  /** Open to social care: the clipboard notification to the key worker, and completion. */
  public ClipboardNotification notifyAllocatedTeam(String actor, Instant now) {
    requireFollowUp();
    if (child == null || child.involvement() != Involvement.OPEN_SOCIAL_CARE) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.CONFLICT,
          null,
          "the child is not open to a social-care team ("
              + involvementText()
              + "): "
              + routeAdvice());
    }
    ClipboardNotification n =
        new ClipboardNotification(
            child.allocatedWorker(),
            child,
            id,
            ClipboardNotification.TO_ALLOCATED_TEAM,
            clipboardBody(),
            now);
    start(actor, now);
    history.add(
        new StepEvent(
            now,
            actor,
            "Clipboard notification sent to " + child.allocatedWorker().name() + " (key worker)"));
    completeWithNextAction(ALLOCATED_TEAM_INFORMED, actor, now);
    return n;
  }

  /** Open to Early Help: the notification to the Early Help worker, and completion. */
  public ClipboardNotification notifyEarlyHelp(String actor, Instant now) {
    requireFollowUp();
    if (child == null || child.involvement() != Involvement.OPEN_EARLY_HELP) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.CONFLICT,
          null,
          "the child is not open to Early Help (" + involvementText() + "): " + routeAdvice());
    }
    ClipboardNotification n =
        new ClipboardNotification(
            child.allocatedWorker(),
            child,
            id,
            ClipboardNotification.TO_EARLY_HELP,
            clipboardBody(),
            now);
    start(actor, now);
    history.add(
        new StepEvent(
            now,
            actor,
            "Notification sent to " + child.allocatedWorker().name() + " (Early Help)"));
    completeWithNextAction(EARLY_HELP_INFORMED, actor, now);
    return n;
  }

  /**
   * Not open to social care or Early Help: the next action to the screening team, which completes
   * this step; returns the screening step.
   */
  public WorkflowStep referToScreening(
      Worker screeningInbox, String actor, Instant now, Instant screeningDue) {
    requireFollowUp();
    if (child != null && child.involvement() != Involvement.CLOSED) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.CONFLICT,
          null,
          "the child is " + child.involvement().displayName() + ": " + routeAdvice());
    }
    if (screeningInbox.role() != WorkerRole.SCREENING_VIRTUAL_WORKER) {
      throw new IllegalArgumentException("screening goes to the SC CSC Screening inbox");
    }
    WorkflowStep screening =
        new WorkflowStep(
            StepType.SCREENING_REQUIRED,
            screeningInbox,
            child,
            "screening:" + sourceKey,
            now,
            screeningDue);
    screening.notice = notice;
    screening.pattern = pattern;
    screening.summary = summary;
    screening.history.add(
        new StepEvent(now, actor, "Next action from CPIS Follow Up: " + SCREENING_REQUIRED));
    start(actor, now);
    completeWithNextAction(SCREENING_REQUIRED, actor, now);
    return screening;
  }

  /** Completes a step that needs a recorded decision (screening, failure), with its case note. */
  public void completeWith(CaseNote note, String actor, Instant now) {
    requireOpen();
    if (type == StepType.CPIS_FOLLOW_UP) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.CONFLICT,
          null,
          "a CPIS Follow Up is completed by routing it: " + routeAdvice());
    }
    if (note == null && type == StepType.SCREENING_REQUIRED) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.CONFLICT,
          "caseNoteId",
          "screening cannot be completed without a \""
              + CaseNote.FOLLOW_UP_CONTACT
              + "\" case note recording the decision: record one first");
    }
    this.caseNote = note;
    status = StepStatus.COMPLETED;
    completedAt = now;
    history.add(
        new StepEvent(now, actor, "Step completed" + (note == null ? "" : " with case note")));
  }

  public boolean overdue(Instant now) {
    return status != StepStatus.COMPLETED && now.isAfter(dueAt);
  }

  private void completeWithNextAction(String action, String actor, Instant now) {
    nextActions.add(action);
    history.add(new StepEvent(now, actor, "Next action: " + action));
    status = StepStatus.COMPLETED;
    completedAt = now;
    history.add(new StepEvent(now, actor, "Step completed"));
  }

  private void requireFollowUp() {
    if (type != StepType.CPIS_FOLLOW_UP) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.CONFLICT, null, "only a CPIS Follow Up step is routed this way");
    }
    requireOpen();
  }

  private void requireOpen() {
    if (status == StepStatus.COMPLETED) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.CONFLICT, null, "this step is completed already");
    }
  }

  private String involvementText() {
    return child == null ? "not known to the council" : child.involvement().displayName();
  }

  /** What the admin should do with this step, by the child's involvement now. */
  public String routeAdvice() {
    if (type == StepType.EDT_ESCALATION) {
      return "review it now; the CPIS Follow Up is routed by the Safeguarding Admin Team in"
          + " working hours";
    }
    if (child == null || child.involvement() == Involvement.CLOSED) {
      return "refer it to Social Care Screening";
    }
    return child.involvement() == Involvement.OPEN_SOCIAL_CARE
        ? "notify the allocated team (key worker " + child.allocatedWorker().name() + ")"
        : "notify the Early Help worker " + child.allocatedWorker().name();
  }

  private String clipboardBody() {
    StringBuilder b = new StringBuilder();
    b.append(child.displayName())
        .append(" (")
        .append(child.laPersonId())
        .append("): health accessed their CP-IS information");
    if (notice != null) {
      b.append(" on ").append(WHEN.format(notice.accessedAt()));
      if (notice.organisationName() != null) {
        b.append(", ").append(notice.organisationName());
      }
      if (notice.viewerName() != null) {
        b.append(", by ").append(notice.viewerName());
        if (notice.jobRole() != null) {
          b.append(" (").append(notice.jobRole()).append(')');
        }
      }
    }
    if (pattern != null && pattern.flagged()) {
      b.append(". Pattern: ").append(pattern.reason());
    }
    b.append(
        ". Please follow up by telephone or visit and record a CP-IS Follow Up Contact case note.");
    return b.toString();
  }

  public Long id() {
    return id;
  }

  public String laCode() {
    return laCode;
  }

  public StepType type() {
    return type;
  }

  public StepStatus status() {
    return status;
  }

  public Worker inbox() {
    return inbox;
  }

  public Child child() {
    return child;
  }

  public AccessNotice notice() {
    return notice;
  }

  public String sourceKey() {
    return sourceKey;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public AccessPattern pattern() {
    return pattern;
  }

  public String summary() {
    return summary;
  }

  public CaseNote caseNote() {
    return caseNote;
  }

  public String escalationReason() {
    return escalationReason;
  }

  public Long escalatedFromStepId() {
    return escalatedFromStepId;
  }

  public List<String> nextActions() {
    return List.copyOf(nextActions);
  }

  public List<StepEvent> history() {
    return List.copyOf(history);
  }
}
