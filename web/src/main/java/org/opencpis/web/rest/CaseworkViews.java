package org.opencpis.web.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opencpis.casework.domain.AccessNotice;
import org.opencpis.casework.domain.AccessPattern;
import org.opencpis.casework.domain.AccessTimeline;
import org.opencpis.casework.domain.CaseNote;
import org.opencpis.casework.domain.Child;
import org.opencpis.casework.domain.ChildPlan;
import org.opencpis.casework.domain.ClipboardNotification;
import org.opencpis.casework.domain.CpisStatus;
import org.opencpis.casework.domain.StepEvent;
import org.opencpis.casework.domain.Worker;
import org.opencpis.casework.domain.WorkflowStep;

/** The JSON shapes of the council API, and their making from the casework entities. */
public final class CaseworkViews {

  private CaseworkViews() {}

  public record WorkerView(Long id, String name, String role, String team, boolean virtual) {
    static WorkerView of(Worker w) {
      return w == null
          ? null
          : new WorkerView(w.id(), w.name(), w.role().name(), w.teamName(), w.role().isVirtual());
    }
  }

  public record InboxView(Long id, String name, String role, String team, long openSteps) {}

  public record ChildView(
      Long id,
      String laPersonId,
      String nhsNumber,
      String givenName,
      String familyName,
      LocalDate birthDate,
      String involvement,
      String involvementText,
      LocalDate involvementSince,
      WorkerView allocatedWorker,
      boolean unborn,
      LocalDate expectedDeliveryDate,
      CpisStatusView cpisStatus) {
    static ChildView of(Child c) {
      return c == null
          ? null
          : new ChildView(
              c.id(),
              c.laPersonId(),
              c.nhsNumber(),
              c.givenName(),
              c.familyName(),
              c.birthDate(),
              c.involvement().name(),
              c.involvement().displayName(),
              c.involvementSince(),
              WorkerView.of(c.allocatedWorker()),
              c.unborn(),
              c.expectedDeliveryDate(),
              CpisStatusView.of(c.cpisStatus()));
    }
  }

  /** The CP-IS status banner (R26). */
  public record CpisStatusView(String state, Instant since, String detail, LocalDate visibleUntil) {
    static CpisStatusView of(CpisStatus s) {
      return new CpisStatusView(s.state().name(), s.since(), s.detail(), s.visibleUntil());
    }
  }

  public record PlanView(
      Long id,
      String type,
      String legalStatus,
      String legalStatusText,
      boolean sharedWithCpis,
      boolean preBirth,
      LocalDate startDate,
      LocalDate endDate,
      LocalDate removedOn) {
    static PlanView of(ChildPlan p) {
      return new PlanView(
          p.id(),
          p.kind().name(),
          p.legalStatus() == null ? null : p.legalStatus().name(),
          p.legalStatus() == null ? null : p.legalStatus().displayName(),
          p.shareable(),
          p.preBirth(),
          p.startDate(),
          p.endDate(),
          p.removedOn());
    }
  }

  public record AccessView(
      String notificationId,
      Instant accessedAt,
      String viewerName,
      String jobRole,
      String organisationOds,
      String organisationName,
      String careSetting) {
    static AccessView of(AccessNotice n) {
      return n == null
          ? null
          : new AccessView(
              n.notificationId(),
              n.accessedAt(),
              n.viewerName(),
              n.jobRole(),
              n.organisationOds(),
              n.organisationName(),
              n.careSetting());
    }
  }

  /** The child as the notification named it (the council may not know the child). */
  public record NotifiedChild(
      String nhsNumber,
      String localChildId,
      String givenName,
      String familyName,
      LocalDate birthDate) {
    static NotifiedChild of(AccessNotice n) {
      return n == null
          ? null
          : new NotifiedChild(
              n.nhsNumber(), n.localChildId(), n.givenName(), n.familyName(), n.birthDate());
    }
  }

  public record PatternView(
      int accesses7d,
      int accesses30d,
      int accesses90d,
      int organisations7d,
      int organisations30d,
      int organisations90d,
      boolean flagged,
      String reason) {
    static PatternView of(AccessPattern p) {
      return p == null
          ? null
          : new PatternView(
              p.accesses7d(),
              p.accesses30d(),
              p.accesses90d(),
              p.organisations7d(),
              p.organisations30d(),
              p.organisations90d(),
              p.flagged(),
              p.reason());
    }
  }

  /**
   * The attendance timeline (R25): the accesses of the last 12 months oldest first, the
   * organisations in the order they first appear (the key), the windows that raised a pattern flag.
   */
  public record TimelineView(
      Instant from,
      Instant to,
      List<TimelineAccessView> accesses,
      List<TimelineOrganisationView> organisations,
      List<FlaggedWindowView> flaggedWindows) {
    static TimelineView of(AccessTimeline t) {
      return t == null
          ? null
          : new TimelineView(
              t.from(),
              t.to(),
              t.accesses().stream()
                  .map(
                      e ->
                          new TimelineAccessView(
                              e.notificationId(),
                              e.at(),
                              e.organisationOds(),
                              e.organisationName(),
                              e.careSetting(),
                              e.viewerName(),
                              e.jobRole(),
                              e.flagged(),
                              e.reason()))
                  .toList(),
              t.organisations().stream()
                  .map(o -> new TimelineOrganisationView(o.ods(), o.name(), o.accesses()))
                  .toList(),
              t.flaggedWindows().stream()
                  .map(w -> new FlaggedWindowView(w.from(), w.to(), w.accesses(), w.reason()))
                  .toList());
    }
  }

  /** An access on the timeline; {@code flagged}: it raised a pattern flag ({@code reason}: why). */
  public record TimelineAccessView(
      String notificationId,
      Instant accessedAt,
      String organisationOds,
      String organisationName,
      String careSetting,
      String viewerName,
      String jobRole,
      boolean flagged,
      String reason) {}

  public record TimelineOrganisationView(String ods, String name, int accesses) {}

  public record FlaggedWindowView(Instant from, Instant to, int accesses, String reason) {}

  public record EventView(Instant at, String actor, String what) {
    static EventView of(StepEvent e) {
      return new EventView(e.at(), e.actor(), e.what());
    }
  }

  public record StepView(
      Long id,
      String type,
      String typeName,
      String status,
      WorkerView inbox,
      Instant createdAt,
      Instant dueAt,
      boolean overdue,
      Instant completedAt,
      String summary,
      boolean flagged,
      PatternView pattern,
      NotifiedChild notifiedChild,
      ChildView child,
      AccessView access,
      String routeAdvice,
      List<String> nextActions,
      Long caseNoteId,
      List<EventView> history,
      TimelineView timeline,
      String escalationReason,
      Long escalatedFromStepId) {
    static StepView of(WorkflowStep s, Instant now) {
      return of(s, now, null);
    }

    /** The step with the child's attendance timeline (the step page's; lists leave it out). */
    static StepView of(WorkflowStep s, Instant now, AccessTimeline timeline) {
      return new StepView(
          s.id(),
          s.type().name(),
          s.type().displayName(),
          s.status().name(),
          WorkerView.of(s.inbox()),
          s.createdAt(),
          s.dueAt(),
          s.overdue(now),
          s.completedAt(),
          s.summary(),
          s.pattern() != null && s.pattern().flagged(),
          PatternView.of(s.pattern()),
          NotifiedChild.of(s.notice()),
          ChildView.of(s.child()),
          AccessView.of(s.notice()),
          s.status().name().equals("COMPLETED") ? null : s.routeAdvice(),
          s.nextActions(),
          s.caseNote() == null ? null : s.caseNote().id(),
          s.history().stream().map(EventView::of).toList(),
          TimelineView.of(timeline),
          s.escalationReason(),
          s.escalatedFromStepId());
    }
  }

  public record ClipboardView(
      Long id,
      String subject,
      String body,
      WorkerView recipient,
      ChildView child,
      Long sourceStepId,
      Instant createdAt,
      Instant completedAt,
      Long caseNoteId,
      Long visitStepId) {
    static ClipboardView of(ClipboardNotification c) {
      return new ClipboardView(
          c.id(),
          c.subject(),
          c.body(),
          WorkerView.of(c.recipient()),
          ChildView.of(c.child()),
          c.sourceStepId(),
          c.createdAt(),
          c.completedAt(),
          c.caseNote() == null ? null : c.caseNote().id(),
          c.visit() == null ? null : c.visit().id());
    }
  }

  public record CaseNoteView(
      Long id,
      Long childId,
      String type,
      String contactMethod,
      String decision,
      String reason,
      WorkerView author,
      Instant createdAt) {
    static CaseNoteView of(CaseNote n) {
      return new CaseNoteView(
          n.id(),
          n.child().id(),
          n.type(),
          n.contactMethod().name(),
          n.decision().name(),
          n.reason(),
          WorkerView.of(n.author()),
          n.createdAt());
    }
  }
}
