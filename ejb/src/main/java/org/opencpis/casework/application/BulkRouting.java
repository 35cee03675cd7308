package org.opencpis.casework.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.logging.Logger;
import org.opencpis.audit.Audited;
import org.opencpis.audit.AuditedOutcome;
import org.opencpis.casework.domain.CaseworkRefusal;
import org.opencpis.casework.domain.CaseworkRefusal.Kind;
import org.opencpis.casework.domain.StepEvent;
import org.opencpis.shared.Roles;

/**
 * Routing many CPIS Follow Ups at once where the route is unambiguous (R22): the admin names one
 * route and the steps; each step is routed by the very call that routes one step ({@link
 * CaseworkService}), so by the same domain rules, in the caller's council and inboxes only.
 *
 * <p>Per step, not all-or-nothing: each step is routed in its own transaction (this method runs in
 * none, each call to {@link CaseworkService} begins and commits its own). A step the route does not
 * fit (the child's involvement asks for another route), not open, not a follow-up, not found or in
 * a colleague's own inbox is refused with the domain's reason and rolled back alone; nothing of it
 * is written. The steps that fit are routed and recorded (who, when) as a single route records
 * them.
 */
@Stateless
@RolesAllowed(Roles.LA_STAFF)
public class BulkRouting {

  private static final Logger LOG = Logger.getLogger(BulkRouting.class.getName());

  /** The most steps one request routes. */
  public static final int MAX_STEPS = 500;

  /** The R22 routes, named as the single-step API names them ({@code POST /steps/{id}/<name>}). */
  public enum Route {
    NOTIFY_ALLOCATED_TEAM("notify-allocated-team"),
    NOTIFY_EARLY_HELP("notify-early-help"),
    REFER_TO_SCREENING("refer-to-screening");

    private final String apiName;

    Route(String apiName) {
      this.apiName = apiName;
    }

    public String apiName() {
      return apiName;
    }

    static Route of(String name) {
      return Arrays.stream(values())
          .filter(r -> r.apiName.equals(name))
          .findFirst()
          .orElseThrow(
              () ->
                  new CaseworkRefusal(
                      Kind.INVALID,
                      "route",
                      "say notify-allocated-team, notify-early-help or refer-to-screening"));
    }
  }

  /** A step routed: by whom and when, as its history records it. */
  public record Routed(long stepId, String route, String by, Instant at) {}

  /** A step not routed, with why (nothing of it was written). */
  public record Refused(long stepId, String code, String reason) {}

  /** What a request did, step by step. */
  public record Outcome(List<Routed> routed, List<Refused> refused) implements AuditedOutcome {
    @Override
    public String auditOutcome() {
      return "DONE " + routed.size() + " ROUTED " + refused.size() + " REFUSED";
    }
  }

  @EJB CaseworkService casework;

  /**
   * Routes each step (each once, in the order given) by {@code route}: 1 to {@value #MAX_STEPS}
   * step ids, else 400 before anything is routed.
   */
  @Audited(
      value = "casework.bulkRoute",
      subject = {1, 2},
      change = true)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Outcome route(Caller caller, String route, List<Long> stepIds) {
    casework.worker(caller);
    Route r = Route.of(route);
    if (stepIds == null || stepIds.isEmpty() || stepIds.size() > MAX_STEPS) {
      throw new CaseworkRefusal(
          Kind.INVALID, "stepIds", "name 1 to " + MAX_STEPS + " steps to route at once");
    }
    if (stepIds.contains(null)) {
      throw new CaseworkRefusal(Kind.INVALID, "stepIds", "a step id is a number, not null");
    }
    List<Routed> routed = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    for (long id : new LinkedHashSet<>(stepIds)) {
      try {
        routeOne(caller, r, id);
        routed.add(recorded(caller, r, id));
      } catch (CaseworkRefusal e) {
        refused.add(new Refused(id, e.kind().name(), e.getMessage()));
      } catch (EJBException e) {
        if (!changedMeanwhile(e)) {
          throw e;
        }
        LOG.info("bulk route: step " + id + " changed by another request meanwhile; not routed");
        refused.add(
            new Refused(
                id,
                Kind.CONFLICT.name(),
                "the step changed while it was being routed (someone else routed it): open it to"
                    + " see where it is"));
      }
    }
    return new Outcome(List.copyOf(routed), List.copyOf(refused));
  }

  /** Routes one step in its own transaction, by the single-step call. */
  private void routeOne(Caller caller, Route r, long id) {
    switch (r) {
      case NOTIFY_ALLOCATED_TEAM -> casework.notifyAllocatedTeam(caller, id);
      case NOTIFY_EARLY_HELP -> casework.notifyEarlyHelp(caller, id);
      case REFER_TO_SCREENING -> casework.referToScreening(caller, id);
    }
  }

  /** Who routed the step and when, read back from its history as stored (its last event). */
  private Routed recorded(Caller caller, Route r, long id) {
    List<StepEvent> history = casework.step(caller, id).history();
    StepEvent last = history.get(history.size() - 1);
    return new Routed(id, r.apiName(), last.actor(), last.at());
  }

  /** A commit that lost a race: the step's version, or its screening step, already written. */
  private static boolean changedMeanwhile(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof jakarta.persistence.OptimisticLockException
          || t instanceof org.hibernate.StaleStateException
          || t instanceof org.hibernate.exception.ConstraintViolationException) {
        return true;
      }
    }
    return false;
  }
}
