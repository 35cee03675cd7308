package org.opencpis.casework.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opencpis.audit.Audited;
import org.opencpis.casework.domain.CareLegalStatus;
import org.opencpis.casework.domain.CaseworkRefusal;
import org.opencpis.casework.domain.CaseworkRefusal.Kind;
import org.opencpis.casework.domain.Child;
import org.opencpis.casework.domain.ChildPlan;
import org.opencpis.casework.domain.Council;
import org.opencpis.casework.domain.HubRecords;
import org.opencpis.casework.domain.PlanKind;
import org.opencpis.casework.infrastructure.CaseworkRepository;
import org.opencpis.casework.infrastructure.HubOutbox;
import org.opencpis.shared.InvalidValueException;
import org.opencpis.shared.NhsNumber;
import org.opencpis.shared.Roles;
import org.opencpis.shared.Settings;

/**
 * The plan life cycle on the council side: child protection plans, care episodes, unborn babies and
 * their pre-birth plans, births, corrections of a child's identifiers. Every change that touches
 * what CP-IS shares sends the child's records to the hub in the same transaction (R9): nothing
 * saved is left unsent, and nothing is sent that was not saved.
 */
@Stateless
@RolesAllowed(Roles.LA_STAFF)
public class PlanService {

  @Inject CaseworkService casework;
  @Inject CaseworkRepository repository;
  @Inject HubOutbox outbox;
  @Inject CpisStatusUpdater statuses;
  @Inject Settings settings;

  @Audited(value = "casework.addPlan", subject = 1, change = true)
  public ChildPlan addPlan(
      Caller caller,
      long childId,
      PlanKind kind,
      CareLegalStatus status,
      LocalDate start,
      LocalDate end) {
    Child child = casework.child(caller, childId);
    ChildPlan plan = new ChildPlan(child, kind, status, start, end, now());
    repository.add(plan);
    share(child);
    return plan;
  }

  @Audited(value = "casework.endPlan", subject = 1, change = true)
  public ChildPlan endPlan(Caller caller, long childId, long planId, LocalDate end) {
    ChildPlan plan = plan(caller, childId, planId);
    if (end == null) {
      throw new CaseworkRefusal(Kind.INVALID, "endDate", "the end date is required");
    }
    plan.end(end);
    share(plan.child());
    return plan;
  }

  /** The plan was recorded in error: the hub is told to remove the information. */
  @Audited(value = "casework.removePlan", subject = 1, change = true)
  public ChildPlan removePlan(Caller caller, long childId, long planId) {
    ChildPlan plan = plan(caller, childId, planId);
    plan.remove(LocalDate.now(settings.clock()));
    share(plan.child());
    return plan;
  }

  @Audited(value = "casework.plans", subject = 1)
  public List<ChildPlan> plans(Caller caller, long childId) {
    return repository.plans(casework.child(caller, childId));
  }

  /** Records an unborn baby of a mother on the council's file (R13). */
  @Audited(value = "casework.addUnborn", subject = 1, change = true)
  public Child addUnborn(
      Caller caller, long motherId, String laPersonId, LocalDate expectedDelivery) {
    Child mother = casework.child(caller, motherId);
    if (laPersonId == null || laPersonId.isBlank()) {
      throw new CaseworkRefusal(Kind.INVALID, "laPersonId", "the council's person id is required");
    }
    if (repository.childByPersonId(mother.laCode(), laPersonId.trim()).isPresent()) {
      throw new CaseworkRefusal(
          Kind.CONFLICT, "laPersonId", "a person with id " + laPersonId + " is already recorded");
    }
    Child unborn = Child.unborn(mother, laPersonId.trim(), expectedDelivery);
    repository.add(unborn);
    return unborn;
  }

  /**
   * R16: the birth. The pre-birth plan ends on the day of birth and leaves the mother's NHS number;
   * the baby gets its own child protection plan under its own NHS number, from the day of birth.
   * The mother's own plan is untouched.
   */
  public Child recordBirth(
      Caller caller,
      long childId,
      LocalDate birthDate,
      String nhsNumber,
      String given,
      String family) {
    Child child = casework.child(caller, childId);
    String nhs = nhs(nhsNumber, true);
    List<ChildPlan> preBirth =
        repository.plans(child).stream()
            .filter(p -> p.preBirth() && p.removedOn() == null)
            .toList();
    child.born(birthDate, nhs, given, family);
    for (ChildPlan p : preBirth) {
      if (p.endDate() == null || p.endDate().isAfter(birthDate)) {
        p.end(birthDate.isBefore(p.startDate()) ? p.startDate() : birthDate);
      }
    }
    if (preBirth.stream().anyMatch(p -> !p.endDate().isBefore(birthDate))) {
      repository.add(
          new ChildPlan(child, PlanKind.CHILD_PROTECTION_PLAN, null, birthDate, null, now()));
    }
    share(child);
    return child;
  }

  /** Corrects a child's NHS number, legal name or date of birth, and sends again (R2, R27). */
  public Child correctIdentity(
      Caller caller, long childId, String nhsNumber, String given, String family, LocalDate dob) {
    Child child = casework.child(caller, childId);
    child.correctIdentity(nhs(nhsNumber, false), given, family, dob);
    share(child);
    // an unborn waiting for its mother's NHS number can be shared now (R14)
    for (Child unborn : repository.unbornOf(child)) {
      share(unborn);
    }
    return child;
  }

  /**
   * A child's NHS number was recorded by other means (the weekly bulk load, R5): whatever the child
   * (or an unborn waiting for its mother's number, R14) has to share is sent now (R9). Called by
   * the bulk load's job (its batch thread has no caller of its own), for a child of the load's
   * council.
   */
  @PermitAll
  public void nhsNumberRecorded(Child child) {
    share(child);
    for (Child unborn : repository.unbornOf(child)) {
      share(unborn);
    }
  }

  /** Sends the child's records to the hub, or marks why it cannot be shared yet. */
  void share(Child child) {
    Instant now = now();
    List<ChildPlan> plans = repository.plans(child);
    if (plans.stream().noneMatch(ChildPlan::shareable)) {
      return;
    }
    Council council =
        repository
            .council(child.laCode())
            .orElseThrow(
                () ->
                    new CaseworkRefusal(
                        Kind.CONFLICT,
                        null,
                        "your council's CP-IS details (telephone numbers) are not set up"));
    HubRecords.Built built = HubRecords.of(child, plans, council);
    if (!built.ok()) {
      statuses.fail(child, built.problem(), "local:" + child.id() + ":" + now.toEpochMilli(), now);
      return;
    }
    outbox.send(child.laCode(), child.id(), built.records(), now);
    child.cpisPending(now);
  }

  private ChildPlan plan(Caller caller, long childId, long planId) {
    Child child = casework.child(caller, childId);
    return repository
        .find(ChildPlan.class, planId)
        .filter(p -> p.child().id().equals(child.id()))
        .orElseThrow(
            () ->
                new CaseworkRefusal(
                    Kind.NOT_FOUND, null, "no plan " + planId + " on this child's file"));
  }

  private static String nhs(String raw, boolean required) {
    if (raw == null || raw.isBlank()) {
      if (required) {
        throw new CaseworkRefusal(Kind.INVALID, "nhsNumber", "the baby's NHS number is required");
      }
      return null;
    }
    try {
      return NhsNumber.of(raw).value();
    } catch (InvalidValueException e) {
      throw new CaseworkRefusal(Kind.INVALID, "nhsNumber", e.getMessage());
    }
  }

  private Instant now() {
    return settings.clock().instant();
  }
}
