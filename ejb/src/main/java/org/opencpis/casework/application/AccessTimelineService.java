package org.opencpis.casework.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.opencpis.audit.Audited;
import org.opencpis.casework.domain.AccessNotice;
import org.opencpis.casework.domain.AccessPattern;
import org.opencpis.casework.domain.AccessTimeline;
import org.opencpis.casework.domain.Child;
import org.opencpis.casework.domain.WorkflowStep;
import org.opencpis.casework.infrastructure.CaseworkRepository;
import org.opencpis.shared.Roles;
import org.opencpis.shared.Settings;

/**
 * The attendance timeline (R25) of a child on the person summary and on a step: the accesses the
 * council was notified of over the last 12 months, flagged as the council's own thresholds flag
 * them. Council staff only; the child or step is found as {@link CaseworkService} finds it (the
 * caller's council, the caller's inboxes), so what it refuses this refuses too.
 */
@Stateless
@RolesAllowed(Roles.LA_STAFF)
public class AccessTimelineService {

  @EJB CaseworkService casework;
  @Inject CaseworkRepository repository;
  @Inject Settings settings;

  @Audited(value = "casework.childTimeline", subject = 1)
  public AccessTimeline ofChild(Caller caller, long childId) {
    Child c = casework.child(caller, childId);
    return timeline(c.laCode(), c.nhsNumber());
  }

  /** The timeline of the child the step is about: the notified NHS number, else the child's. */
  @Audited(value = "casework.stepTimeline", subject = 1)
  public AccessTimeline ofStep(Caller caller, long stepId) {
    WorkflowStep s = casework.step(caller, stepId);
    String nhs =
        s.notice() != null
            ? s.notice().nhsNumber()
            : s.child() != null ? s.child().nhsNumber() : null;
    return timeline(s.laCode(), nhs);
  }

  private AccessTimeline timeline(String laCode, String nhs) {
    List<AccessNotice> notices = nhs == null ? List.of() : repository.notices(laCode, nhs);
    return AccessTimeline.of(
        notices, settings.clock().instant(), settings.zone(), thresholds(laCode));
  }

  /** The council's own pattern thresholds, or the service's (R25), as intake decides them. */
  private AccessPattern.Thresholds thresholds(String laCode) {
    return PatternSettings.of(repository.council(laCode), settings);
  }
}
