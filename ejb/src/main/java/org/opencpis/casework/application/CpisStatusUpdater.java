package org.opencpis.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.opencpis.casework.domain.Child;
import org.opencpis.casework.domain.ChildPlan;
import org.opencpis.casework.domain.HubRecords;
import org.opencpis.casework.domain.OutboxEntry;
import org.opencpis.casework.domain.WorkerRole;
import org.opencpis.casework.domain.WorkflowStep;
import org.opencpis.casework.infrastructure.CaseworkRepository;
import org.opencpis.casework.infrastructure.HubOutbox;
import org.opencpis.notification.LaNotification;
import org.opencpis.shared.Settings;

/**
 * Keeps each child's CP-IS status (R26) from the hub's answers, and turns each failure into a step
 * for the council's data-quality team naming the child, the record, the field and what to do (R27).
 * A later file for the same child, not yet answered, keeps the status pending.
 */
@ApplicationScoped
public class CpisStatusUpdater {

  private static final Logger LOG = Logger.getLogger(CpisStatusUpdater.class.getName());

  @Inject CaseworkRepository casework;
  @Inject HubOutbox outbox;
  @Inject WorkingTime workingTime;
  @Inject Settings settings;

  public void acknowledged(LaNotification n, Instant now) {
    LaNotification.Acknowledgement ack = n.acknowledgement();
    OutboxEntry entry = outbox.entry(n.laCode(), ack.fileSequenceId());
    if (entry == null) {
      throw new IllegalStateException(
          "an acknowledgement of file "
              + ack.fileSequenceId()
              + " that council "
              + n.laCode()
              + " never sent");
    }
    entry.answered(ack.fileCode(), now);
    Child child = casework.find(Child.class, entry.childId()).orElseThrow();
    if (outbox.newerUnanswered(entry)) {
      return;
    }
    List<LaNotification.RecordResult> failed =
        ack.records().stream().filter(r -> !"CPR06".equals(r.code())).toList();
    if (!"CPF02".equals(ack.fileCode()) && failed.isEmpty()) {
      failed =
          List.of(
              new LaNotification.RecordResult(
                  child.laPersonId(), null, ack.fileCode(), null, ack.detail()));
    }
    if (!failed.isEmpty()) {
      String what =
          failed.stream()
              .map(
                  r ->
                      r.code()
                          + (r.planType() == null ? "" : " on the " + r.planType() + " record")
                          + (r.field() == null ? "" : " (" + r.field() + ")")
                          + ": "
                          + r.detail())
              .collect(Collectors.joining("; "));
      fail(
          child,
          what + ". Correct the child's record; it is sent again when you save it.",
          "ack:" + entry.id(),
          now);
      return;
    }
    List<ChildPlan> live = HubRecords.stillShared(child, casework.plans(child));
    LocalDate until = HubRecords.visibleUntil(live, settings.retentionMonths());
    if (live.isEmpty()) {
      child.cpisRemoved(now, LocalDate.now(settings.clock()).minusDays(1));
    } else if (until != null) {
      child.cpisRemoved(now, until);
    } else {
      child.cpisShared(now);
    }
  }

  /** Marks the child failed and gives the data-quality team a step to fix it (R3, R14, R27). */
  public void fail(Child child, String whatToDo, String sourceKey, Instant now) {
    child.cpisFailed(now, whatToDo);
    var inbox = casework.virtualWorker(child.laCode(), WorkerRole.DATA_QUALITY_VIRTUAL_WORKER);
    if (inbox.isEmpty()) {
      LOG.warning(
          "council "
              + child.laCode()
              + " has no data-quality inbox: failure shown on the child only");
      return;
    }
    if (casework.stepBySource(sourceKey).isPresent()) {
      return;
    }
    String summary =
        "CP-IS could not share "
            + child.displayName()
            + " ("
            + child.laPersonId()
            + "): "
            + whatToDo;
    casework.add(
        WorkflowStep.failure(
            inbox.get(),
            child,
            sourceKey,
            summary,
            now,
            workingTime.due(now, Duration.ofHours(settings.followUpDueWorkingHours()))));
  }
}
