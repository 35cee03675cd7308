package org.opencpis.casework.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opencpis.audit.Audited;
import org.opencpis.audit.AuditedOutcome;
import org.opencpis.casework.domain.AccessNotice;
import org.opencpis.casework.domain.CaseNote;
import org.opencpis.casework.domain.CaseworkRefusal;
import org.opencpis.casework.domain.CaseworkRefusal.Kind;
import org.opencpis.casework.domain.Child;
import org.opencpis.casework.domain.ClipboardNotification;
import org.opencpis.casework.domain.Involvement;
import org.opencpis.casework.domain.Worker;
import org.opencpis.casework.domain.WorkerRole;
import org.opencpis.casework.domain.WorkflowStep;
import org.opencpis.casework.infrastructure.CaseworkRepository;
import org.opencpis.shared.InvalidValueException;
import org.opencpis.shared.NhsNumber;
import org.opencpis.shared.Roles;
import org.opencpis.shared.Settings;

/**
 * What council staff do with CP-IS workflow: read inboxes and steps, route a CPIS Follow Up (R22),
 * complete follow-ups with a case note or a visit (R23), keep children and their involvement. Every
 * request is confined to the caller's own council: another council's records are "not found", never
 * shown. The council is the signed-in user's worker record, and the user must hold that council's
 * role ({@code la-<code>}) too; nothing a request says can widen it.
 */
@Stateless
@RolesAllowed(Roles.LA_STAFF)
public class CaseworkService {

  @Resource SessionContext session;
  @Inject CaseworkRepository casework;
  @Inject WorkingTime workingTime;
  @Inject Settings settings;

  /**
   * The worker the caller signs in as (council staff, and the performance team for its loads): the
   * signed-in user's worker record, whose council the user must also hold the role of.
   */
  @RolesAllowed({Roles.LA_STAFF, Roles.LA_PERFORMANCE})
  public Worker worker(Caller caller) {
    String signedIn = session.getCallerPrincipal().getName();
    if (!signedIn.equals(caller.username())) {
      throw new CaseworkRefusal(
          Kind.FORBIDDEN, null, "a request acts only for the signed-in user '" + signedIn + "'");
    }
    Worker me =
        casework
            .workerByUsername(signedIn)
            .orElseThrow(
                () ->
                    new CaseworkRefusal(
                        Kind.FORBIDDEN,
                        null,
                        "user '" + signedIn + "' is not a worker of any council in OpenCPIS"));
    if (!session.isCallerInRole(Roles.council(me.laCode()))) {
      throw new CaseworkRefusal(
          Kind.FORBIDDEN,
          null,
          "user '" + signedIn + "' does not hold the role of council " + me.laCode());
    }
    return me;
  }

  /** The inboxes the caller works: the council's virtual workers', and the caller's own. */
  public List<Worker> inboxes(Caller caller) {
    Worker me = worker(caller);
    return casework.workers(me.laCode()).stream().filter(w -> worksInbox(me, w)).toList();
  }

  private static boolean worksInbox(Worker me, Worker inbox) {
    return inbox.role().isVirtual() || inbox.id().equals(me.id());
  }

  public long openSteps(Worker inbox) {
    return casework.openSteps(inbox);
  }

  /**
   * One of the caller's inboxes: a virtual worker's of the council, or the caller's own; a
   * colleague's own inbox is theirs alone (403), another council's is not found.
   */
  public Worker inbox(Caller caller, long workerId) {
    Worker me = worker(caller);
    Worker inbox = colleague(me, workerId, "inbox");
    if (!worksInbox(me, inbox)) {
      throw new CaseworkRefusal(
          Kind.FORBIDDEN, null, "a worker's own inbox is read by that worker only");
    }
    return inbox;
  }

  /** A worker of the caller's council (e.g. to allocate as key worker); another's is not found. */
  private Worker colleague(Worker me, long workerId, String what) {
    return casework
        .find(Worker.class, workerId)
        .filter(w -> w.belongsTo(me.laCode()))
        .orElseThrow(() -> notFound(what, workerId));
  }

  /** A page of an inbox's steps and how many the filter keeps in all. */
  public record StepPage(List<WorkflowStep> steps, long total) implements AuditedOutcome {
    @Override
    public String auditOutcome() {
      return steps.isEmpty() ? "NOT_FOUND" : "FOUND " + steps.size() + " of " + total;
    }
  }

  /** The most steps one page gives. */
  public static final int MAX_PAGE = 500;

  /**
   * A page of the caller's inbox: open steps ({@code all} adds completed ones), flagged first, then
   * by due time; {@code flaggedOnly}, {@code overdueOnly} narrow it. Sorted, filtered and paged by
   * the database, so an inbox of 100,000 steps costs a page.
   */
  @Audited(value = "casework.steps", subject = 1)
  public StepPage steps(
      Caller caller,
      long inboxId,
      boolean all,
      boolean flaggedOnly,
      boolean overdueOnly,
      int offset,
      int limit) {
    if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          "limit",
          "a page is 1 to " + MAX_PAGE + " steps from an offset of 0 or more");
    }
    Worker inbox = inbox(caller, inboxId);
    CaseworkRepository.StepFilter f =
        new CaseworkRepository.StepFilter(all, flaggedOnly, overdueOnly, now());
    return new StepPage(casework.steps(inbox, f, offset, limit), casework.countSteps(inbox, f));
  }

  /**
   * A step of the caller's council in one of the caller's inboxes; a step in a colleague's own
   * inbox is theirs alone (403), as their inbox is; another council's is not found.
   */
  @Audited(value = "casework.step", subject = 1)
  public WorkflowStep step(Caller caller, long stepId) {
    Worker me = worker(caller);
    WorkflowStep step =
        casework
            .find(WorkflowStep.class, stepId)
            .filter(s -> s.laCode().equals(me.laCode()))
            .orElseThrow(() -> notFound("step", stepId));
    if (!worksInbox(me, step.inbox())) {
      throw new CaseworkRefusal(
          Kind.FORBIDDEN, null, "a step in a worker's own inbox is read by that worker only");
    }
    return step;
  }

  @Audited(value = "casework.start", subject = 1, change = true)
  public WorkflowStep start(Caller caller, long stepId) {
    WorkflowStep s = step(caller, stepId);
    s.start(worker(caller).name(), now());
    return s;
  }

  /** R22, open to social care: clipboard notification to the key worker; the step completes. */
  @Audited(value = "casework.notifyAllocatedTeam", subject = 1, change = true)
  public ClipboardNotification notifyAllocatedTeam(Caller caller, long stepId) {
    WorkflowStep s = step(caller, stepId);
    ClipboardNotification n = s.notifyAllocatedTeam(worker(caller).name(), now());
    casework.add(n);
    return n;
  }

  /** R22, open to Early Help: notification to the Early Help worker; the step completes. */
  @Audited(value = "casework.notifyEarlyHelp", subject = 1, change = true)
  public ClipboardNotification notifyEarlyHelp(Caller caller, long stepId) {
    WorkflowStep s = step(caller, stepId);
    ClipboardNotification n = s.notifyEarlyHelp(worker(caller).name(), now());
    casework.add(n);
    return n;
  }

  /** R22, not open: next action to SC CSC Screening; returns the screening step. */
  @Audited(value = "casework.referToScreening", subject = 1, change = true)
  public WorkflowStep referToScreening(Caller caller, long stepId) {
    WorkflowStep s = step(caller, stepId);
    Worker screening =
        casework
            .virtualWorker(s.laCode(), WorkerRole.SCREENING_VIRTUAL_WORKER)
            .orElseThrow(
                () ->
                    new CaseworkRefusal(
                        Kind.CONFLICT, null, "your council has no SC CSC Screening inbox set up"));
    Instant now = now();
    WorkflowStep next =
        s.referToScreening(
            screening,
            worker(caller).name(),
            now,
            workingTime.due(now, Duration.ofHours(settings.screeningDueWorkingHours())));
    casework.add(next);
    return next;
  }

  /** Completes a screening or failure step; screening needs its case note (R23). */
  @Audited(value = "casework.complete", subject = 1, change = true)
  public WorkflowStep complete(Caller caller, long stepId, Long caseNoteId) {
    WorkflowStep s = step(caller, stepId);
    CaseNote note = caseNoteId == null ? null : caseNote(caller, caseNoteId);
    s.completeWith(note, worker(caller).name(), now());
    return s;
  }

  @Audited(value = "casework.clipboard", subject = 1)
  public List<ClipboardNotification> clipboard(Caller caller, long workerId, boolean all) {
    Worker me = worker(caller);
    if (!colleague(me, workerId, "worker").id().equals(me.id())) {
      throw new CaseworkRefusal(Kind.FORBIDDEN, null, "a clipboard is read by its own worker only");
    }
    return casework.clipboard(me, all);
  }

  /** R23: the key worker completes a follow-up with a case note or a CP / CiC visit. */
  @Audited(value = "casework.completeFollowUp", subject = 1, change = true)
  public ClipboardNotification completeFollowUp(
      Caller caller, long clipboardId, Long caseNoteId, Long visitStepId) {
    Worker me = worker(caller);
    ClipboardNotification n =
        casework
            .find(ClipboardNotification.class, clipboardId)
            .filter(c -> c.laCode().equals(me.laCode()))
            .orElseThrow(() -> notFound("clipboard notification", clipboardId));
    if (!n.recipient().id().equals(me.id())) {
      throw new CaseworkRefusal(
          Kind.FORBIDDEN, null, "only " + n.recipient().name() + " can complete this follow-up");
    }
    if (visitStepId != null) {
      n.completeWith(step(caller, visitStepId), now());
    } else {
      n.completeWith(caseNoteId == null ? null : caseNote(caller, caseNoteId), now());
    }
    return n;
  }

  @Audited(value = "casework.addCaseNote", subject = 1, change = true)
  public CaseNote addCaseNote(
      Caller caller,
      long childId,
      CaseNote.ContactMethod method,
      CaseNote.Decision decision,
      String reason) {
    CaseNote note =
        new CaseNote(child(caller, childId), method, decision, reason, worker(caller), now());
    casework.add(note);
    return note;
  }

  @Audited(value = "casework.recordVisit", subject = 1, change = true)
  public WorkflowStep recordVisit(Caller caller, long childId, String summary) {
    WorkflowStep visit = WorkflowStep.visit(worker(caller), child(caller, childId), summary, now());
    casework.add(visit);
    return visit;
  }

  @Audited(value = "casework.caseNotes", subject = 1)
  public List<CaseNote> caseNotes(Caller caller, long childId) {
    return casework.caseNotes(child(caller, childId));
  }

  @Audited(value = "casework.caseNote", subject = 1)
  public CaseNote caseNote(Caller caller, long id) {
    Worker me = worker(caller);
    return casework
        .find(CaseNote.class, id)
        .filter(n -> n.laCode().equals(me.laCode()))
        .orElseThrow(() -> notFound("case note", id));
  }

  @Audited(value = "casework.child", subject = 1)
  public Child child(Caller caller, long childId) {
    Worker me = worker(caller);
    return casework
        .find(Child.class, childId)
        .filter(c -> c.laCode().equals(me.laCode()))
        .orElseThrow(() -> notFound("child", childId));
  }

  @Audited(
      value = "casework.children",
      subject = {1, 2})
  public List<Child> children(Caller caller, String nhsNumber, String familyName) {
    return casework.children(
        worker(caller).laCode(), blankToNull(nhsNumber), blankToNull(familyName));
  }

  /** Records a child on the council's file. */
  @Audited(
      value = "casework.addChild",
      subject = {1, 2},
      change = true)
  public Child addChild(
      Caller caller,
      String laPersonId,
      String nhsNumber,
      String givenName,
      String familyName,
      LocalDate birthDate) {
    Worker me = worker(caller);
    if (blankToNull(laPersonId) == null) {
      throw new CaseworkRefusal(Kind.INVALID, "laPersonId", "the council's person id is required");
    }
    if (blankToNull(givenName) == null || blankToNull(familyName) == null) {
      throw new CaseworkRefusal(
          Kind.INVALID, "familyName", "the legal given and family names are required");
    }
    String nhs = null;
    if (blankToNull(nhsNumber) != null) {
      try {
        nhs = NhsNumber.of(nhsNumber).value();
      } catch (InvalidValueException e) {
        throw new CaseworkRefusal(Kind.INVALID, "nhsNumber", e.getMessage());
      }
    }
    if (casework.childByPersonId(me.laCode(), laPersonId.trim()).isPresent()) {
      throw new CaseworkRefusal(
          Kind.CONFLICT,
          "laPersonId",
          "a child with person id " + laPersonId + " is already recorded");
    }
    Child c =
        new Child(
            me.laCode(), laPersonId.trim(), nhs, givenName.trim(), familyName.trim(), birthDate);
    casework.add(c);
    return c;
  }

  @Audited(value = "casework.changeInvolvement", subject = 1, change = true)
  public Child changeInvolvement(Caller caller, long childId, Involvement to, Long workerId) {
    Child c = child(caller, childId);
    if (to == null) {
      throw new CaseworkRefusal(
          Kind.INVALID, "involvement", "say OPEN_SOCIAL_CARE, OPEN_EARLY_HELP or CLOSED");
    }
    Worker w = workerId == null ? null : colleague(worker(caller), workerId, "worker");
    c.changeInvolvement(to, w, LocalDate.now(settings.clock()));
    return c;
  }

  /** R25: the child's accesses as this council was notified of them, newest first. */
  @Audited(value = "casework.accessHistory", subject = 1)
  public List<AccessNotice> accessHistory(Caller caller, long childId) {
    Child c = child(caller, childId);
    return c.nhsNumber() == null ? List.of() : casework.notices(c.laCode(), c.nhsNumber());
  }

  @Audited(value = "casework.stepsOfChild", subject = 1)
  public List<WorkflowStep> stepsOfChild(Caller caller, long childId) {
    return casework.stepsOfChild(child(caller, childId));
  }

  public Instant now() {
    return settings.clock().instant();
  }

  private static CaseworkRefusal notFound(String what, Object id) {
    return new CaseworkRefusal(
        Kind.NOT_FOUND, null, "no " + what + " " + id + " in your council's records");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
