package org.opencpis.casework.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.opencpis.casework.domain.AccessNotice;
import org.opencpis.casework.domain.AccessPattern;
import org.opencpis.casework.domain.Child;
import org.opencpis.casework.domain.WorkerRole;
import org.opencpis.casework.domain.WorkflowStep;
import org.opencpis.casework.infrastructure.CaseworkRepository;
import org.opencpis.notification.LaNotification;
import org.opencpis.shared.Settings;

/**
 * Turns each notification from the hub into council workflow (R21): an access notification becomes
 * a "CPIS Follow Up" step in the LA's CP-IS Virtual Worker inbox, with the child's involvement and
 * the access pattern (R25); a failure or inactive-number notification becomes a step for the
 * data-quality team (R3, R27). Out of hours, a follow-up may also go to the council's Emergency
 * Duty Team (R24, R25: {@link EdtEscalation}). A notification already received changes nothing.
 *
 * <p>A council whose workflow is not set up in this deployment (no worker at all, such as
 * Birmingham in the development data) works its notifications in its own system and pulls them from
 * the hub, which stores every notification it issues (cpisupload pullNotifications): its
 * notifications are acknowledged here without a step, never retried or parked. A council that is
 * set up but lacks the inbox a notification needs (no CP-IS Virtual Worker, no data-quality virtual
 * worker) is a real failure: the notification is rolled back, retried and in the end parked on
 * CpisLaNotificationsDLQ for an administrator to replay once the inbox exists (R28). Once a council
 * is set up, the administrator resends the notifications the hub stored for it over a window
 * ({@code POST /api/admin/messaging/notifications/resend}), and each becomes its step once.
 */
@Stateless
public class NotificationIntake {

  private static final Logger LOG = Logger.getLogger(NotificationIntake.class.getName());

  @Inject CaseworkRepository casework;
  @Inject WorkingTime workingTime;
  @Inject Settings settings;
  @Inject CpisStatusUpdater statuses;
  @Inject EdtEscalation escalation;

  /**
   * @return the step made, or null when the notification had been received already
   */
  public WorkflowStep receive(LaNotification n) {
    if (casework.stepBySource(n.notificationId()).isPresent()) {
      LOG.info(() -> "notification " + n.notificationId() + " received again: nothing to do");
      return null;
    }
    if (n.type() != LaNotification.Type.ACKNOWLEDGEMENT && !casework.worksHere(n.laCode())) {
      // not a failure: the council is not worked here; the hub keeps the notification for its pull
      LOG.info(
          () ->
              "notification "
                  + n.notificationId()
                  + ": council "
                  + n.laCode()
                  + " has no workflow here, no step made (the hub keeps it for the council's"
                  + " pull)");
      return null;
    }
    Instant now = settings.clock().instant();
    return switch (n.type()) {
      case ACCESS_TO_SERVICE -> followUp(n, now);
      case INACTIVE_NHS_NUMBER, RECORD_FAILURE -> failure(n, now);
      case ACKNOWLEDGEMENT -> acknowledged(n, now);
    };
  }

  private WorkflowStep followUp(LaNotification n, Instant now) {
    var inbox =
        casework
            .virtualWorker(n.laCode(), WorkerRole.CPIS_VIRTUAL_WORKER)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "local authority "
                            + n.laCode()
                            + " has no CP-IS Virtual Worker: the notification cannot be worked"));
    var a = n.access();
    var c = n.child();
    AccessNotice notice =
        new AccessNotice(
            n.notificationId(),
            n.laCode(),
            n.nhsNumber(),
            c == null ? null : c.localChildId(),
            c == null ? null : c.givenName(),
            c == null ? null : c.familyName(),
            c == null ? null : c.birthDate(),
            a.accessedAt(),
            now,
            a.viewerName(),
            a.jobRoleName() != null ? a.jobRoleName() : a.jobRoleCode(),
            a.organisationOds(),
            a.organisationName(),
            a.careSetting());
    casework.add(notice);
    Child child = findChild(n);
    AccessPattern pattern =
        AccessPattern.of(
            casework.accessesOf(n.laCode(), n.nhsNumber()), a.accessedAt(), thresholds(n.laCode()));
    Instant due = workingTime.due(now, Duration.ofHours(settings.followUpDueWorkingHours()));
    WorkflowStep step = WorkflowStep.followUp(inbox, child, notice, pattern, now, due);
    casework.add(step);
    escalation.consider(step, now);
    LOG.info(
        () ->
            "CPIS Follow Up step for LA "
                + n.laCode()
                + " from notification "
                + n.notificationId()
                + (pattern.flagged() ? " (pattern flagged)" : ""));
    return step;
  }

  /** The council's own pattern thresholds, or the service's (R25). */
  private AccessPattern.Thresholds thresholds(String laCode) {
    AccessPattern.Thresholds service =
        new AccessPattern.Thresholds(
            settings.patternAccessesIn30Days(), settings.patternOrganisationsIn7Days());
    return casework.council(laCode).map(c -> c.patternThresholds(service)).orElse(service);
  }

  /** The hub's answer to the council's own upload: updates the children's CP-IS status. */
  private WorkflowStep acknowledged(LaNotification n, Instant now) {
    statuses.acknowledged(n, now);
    return null;
  }

  private WorkflowStep failure(LaNotification n, Instant now) {
    var inbox =
        casework
            .virtualWorker(n.laCode(), WorkerRole.DATA_QUALITY_VIRTUAL_WORKER)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "local authority " + n.laCode() + " has no data-quality virtual worker"));
    Child child = findChild(n);
    String summary =
        switch (n.type()) {
          case INACTIVE_NHS_NUMBER ->
              "NHS number "
                  + n.inactive().oldNhsNumber()
                  + " has been replaced by "
                  + n.inactive().currentNhsNumber()
                  + ": update the child's record";
          default ->
              n.failure().code()
                  + (n.failure().field() == null ? "" : " (" + n.failure().field() + ")")
                  + ": "
                  + n.failure().detail();
        };
    Instant due = workingTime.due(now, Duration.ofHours(settings.followUpDueWorkingHours()));
    WorkflowStep step = WorkflowStep.failure(inbox, child, n.notificationId(), summary, now, due);
    casework.add(step);
    return step;
  }

  private Child findChild(LaNotification n) {
    if (n.child() != null && n.child().localChildId() != null) {
      var byId = casework.childByPersonId(n.laCode(), n.child().localChildId());
      if (byId.isPresent()) {
        return byId.get();
      }
    }
    return n.nhsNumber() == null
        ? null
        : casework.childByNhsNumber(n.laCode(), n.nhsNumber()).orElse(null);
  }
}
