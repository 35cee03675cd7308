package org.opencpis.casework.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.opencpis.audit.Audited;
import org.opencpis.casework.domain.AccessPattern;
import org.opencpis.casework.domain.CaseworkRefusal;
import org.opencpis.casework.domain.CaseworkRefusal.Kind;
import org.opencpis.casework.domain.Council;
import org.opencpis.casework.domain.OutOfHoursEscalation;
import org.opencpis.casework.domain.Worker;
import org.opencpis.casework.domain.WorkerRole;
import org.opencpis.casework.infrastructure.CaseworkRepository;
import org.opencpis.shared.Roles;
import org.opencpis.shared.Settings;

/** An administrator sets up a council's workers and virtual workers. */
@Stateless
@RolesAllowed(Roles.CPIS_ADMIN)
public class CouncilSetupService {

  @Inject CaseworkRepository casework;
  @Inject Settings settings;

  public Worker addWorker(
      String laCode, String name, String username, WorkerRole role, String team) {
    if (laCode == null || !laCode.matches("[A-Z0-9]{3,10}")) {
      throw new CaseworkRefusal(Kind.INVALID, "laCode", "'" + laCode + "' is not a council code");
    }
    if (name == null || name.isBlank() || role == null) {
      throw new CaseworkRefusal(Kind.INVALID, "name", "a worker needs a name and a role");
    }
    if (role.isVirtual() && username != null) {
      throw new CaseworkRefusal(Kind.INVALID, "username", "a virtual worker does not sign in");
    }
    if (!role.isVirtual() && (username == null || username.isBlank())) {
      throw new CaseworkRefusal(
          Kind.INVALID, "username", "a person needs the username they sign in with");
    }
    if (username != null && casework.workerByUsername(username).isPresent()) {
      throw new CaseworkRefusal(
          Kind.CONFLICT, "username", "'" + username + "' is a worker already");
    }
    if (role.isVirtual() && casework.virtualWorker(laCode, role).isPresent()) {
      throw new CaseworkRefusal(
          Kind.CONFLICT, "role", "council " + laCode + " has its " + role + " already");
    }
    Worker w = new Worker(laCode, name.trim(), username, role, team);
    casework.add(w);
    return w;
  }

  public List<Worker> workers(String laCode) {
    return casework.workers(laCode);
  }

  /** A council's pattern thresholds (R25) and whether they are its own or the service's. */
  public record PatternThresholds(int accessesIn30Days, int organisationsIn7Days, boolean own) {}

  @Audited(value = "admin.councils.pattern", subject = 0)
  public PatternThresholds patternThresholds(String laCode) {
    Council c = council(laCode);
    AccessPattern.Thresholds t = c.patternThresholds(serviceThresholds());
    return new PatternThresholds(
        t.accessesIn30Days(), t.organisationsIn7Days(), c.hasOwnPatternThresholds());
  }

  /**
   * Sets the council's own thresholds (both null: the service's again); from the next access on,
   * its steps are flagged by them.
   */
  @Audited(value = "admin.councils.pattern.set", subject = 0, change = true)
  public PatternThresholds setPatternThresholds(
      String laCode, Integer accessesIn30Days, Integer organisationsIn7Days) {
    council(laCode).setPatternThresholds(accessesIn30Days, organisationsIn7Days);
    return patternThresholds(laCode);
  }

  /**
   * A council's out-of-hours escalation to its Emergency Duty Team (R24, R25), and that team's
   * inbox (null until the virtual worker is added).
   */
  public record Escalation(OutOfHoursEscalation.Policy policy, Worker inbox) {}

  @Audited(value = "admin.councils.edt", subject = 0)
  public Escalation escalation(String laCode) {
    Council c = council(laCode);
    return new Escalation(
        c.escalationPolicy(),
        casework.virtualWorker(laCode, WorkerRole.EDT_VIRTUAL_WORKER).orElse(null));
  }

  /**
   * Sets what escalates out of hours; from the next access on. Escalation is turned on only for a
   * council that has its Emergency Duty Team inbox.
   */
  @Audited(value = "admin.councils.edt.set", subject = 0, change = true)
  public Escalation setEscalation(String laCode, OutOfHoursEscalation.Policy policy) {
    Council c = council(laCode);
    if (policy.enabled()
        && casework.virtualWorker(laCode, WorkerRole.EDT_VIRTUAL_WORKER).isEmpty()) {
      throw new CaseworkRefusal(
          Kind.CONFLICT,
          "enabled",
          "council "
              + laCode
              + " has no Emergency Duty Team inbox: add its virtual worker (role"
              + " EDT_VIRTUAL_WORKER) first");
    }
    c.setEscalationPolicy(policy);
    return escalation(laCode);
  }

  private Council council(String laCode) {
    return casework
        .council(laCode)
        .orElseThrow(
            () ->
                new CaseworkRefusal(
                    Kind.NOT_FOUND, "la", "no council " + laCode + " uses the workflow here"));
  }

  private AccessPattern.Thresholds serviceThresholds() {
    return new AccessPattern.Thresholds(
        settings.patternAccessesIn30Days(), settings.patternOrganisationsIn7Days());
  }
}
