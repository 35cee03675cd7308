package org.opencpis.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.opencpis.casework.domain.Child;
import org.opencpis.casework.domain.ChildPlan;
import org.opencpis.casework.domain.OutOfHoursEscalation;
import org.opencpis.casework.domain.OutOfHoursEscalation.PlanType;
import org.opencpis.casework.domain.WorkerRole;
import org.opencpis.casework.domain.WorkflowStep;
import org.opencpis.casework.infrastructure.CaseworkRepository;
import org.opencpis.shared.Settings;

/**
 * Out of hours (R24), a CPIS Follow Up whose pattern is flagged (R25), or whose access is in a care
 * setting the council chose for a plan the child is on, also goes to the council's Emergency Duty
 * Team inbox. Part of the notification's own transaction: a redelivered notification makes neither
 * step twice.
 */
@ApplicationScoped
public class EdtEscalation {

  private static final Logger LOG = Logger.getLogger(EdtEscalation.class.getName());

  @Inject CaseworkRepository casework;
  @Inject WorkingTime workingTime;
  @Inject Settings settings;

  /**
   * @return the Emergency Duty Team's step, or empty when the follow-up does not escalate
   */
  public Optional<WorkflowStep> consider(WorkflowStep followUp, Instant now) {
    var policy =
        casework
            .council(followUp.laCode())
            .map(c -> c.escalationPolicy())
            .orElse(OutOfHoursEscalation.Policy.OFF);
    if (!policy.enabled()) {
      return Optional.empty();
    }
    var access =
        new OutOfHoursEscalation.Access(
            now,
            followUp.notice() == null ? null : followUp.notice().careSetting(),
            followUp.pattern(),
            plansOf(followUp.child(), LocalDate.ofInstant(now, settings.zone())));
    return OutOfHoursEscalation.decide(policy, workingTime::isWorkingTime, access)
        .map(reason -> escalate(followUp, reason.text(), now));
  }

  private WorkflowStep escalate(WorkflowStep followUp, String reason, Instant now) {
    var edt =
        casework
            .virtualWorker(followUp.laCode(), WorkerRole.EDT_VIRTUAL_WORKER)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "local authority "
                            + followUp.laCode()
                            + " escalates out of hours but has no Emergency Duty Team inbox"));
    WorkflowStep step =
        WorkflowStep.escalation(
            edt, followUp, reason, now, now.plus(Duration.ofHours(settings.edtDueHours())));
    casework.add(step);
    LOG.info(
        () ->
            "CPIS Follow Up "
                + followUp.id()
                + " of LA "
                + followUp.laCode()
                + " escalated to the Emergency Duty Team: "
                + reason);
    return step;
  }

  /** The CP-IS plans the child is on today, by the council's own file. */
  private Set<PlanType> plansOf(Child child, LocalDate today) {
    Set<PlanType> plans = EnumSet.noneOf(PlanType.class);
    if (child != null) {
      for (ChildPlan p : casework.plans(child)) {
        p.currentPlanType(today).ifPresent(plans::add);
      }
    }
    return plans;
  }
}
