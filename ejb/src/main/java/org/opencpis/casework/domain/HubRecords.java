package org.opencpis.casework.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opencpis.notification.CouncilUpload;
import org.opencpis.shared.NhsNumber;

/**
 * What the hub is to hold for one child, from the plans on the child's file (R6, R7, R9, R13, R15,
 * R16): per kind the most recent plan, as the national record types. Care episodes other than s31,
 * s38 and s20 never leave the council. A pre-birth plan is shared as UCPP under the mother's NHS
 * number with the mother's details; nothing about the unborn itself is sent.
 */
public final class HubRecords {

  private static final DateTimeFormatter HL7 = DateTimeFormatter.BASIC_ISO_DATE;

  /** The records to send, or why the child cannot be shared yet (R3, R14). */
  public record Built(List<CouncilUpload.Record> records, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  private HubRecords() {}

  public static Built of(Child child, List<ChildPlan> plans, Council council) {
    List<ChildPlan> shareable = plans.stream().filter(ChildPlan::shareable).toList();
    if (shareable.isEmpty()) {
      return new Built(List.of(), null);
    }
    List<CouncilUpload.Record> out = new ArrayList<>();
    Optional<ChildPlan> preBirth = latest(shareable, p -> p.preBirth());
    if (preBirth.isPresent()) {
      Child mother = child.mother();
      if (mother == null || !NhsNumber.isValid(mother.nhsNumber())) {
        return new Built(
            List.of(),
            "the mother's NHS number is "
                + (mother == null || mother.nhsNumber() == null ? "not recorded" : "not valid")
                + ": the pre-birth plan cannot be shared until it is recorded on the mother's file (R14)");
      }
      ChildPlan p = preBirth.get();
      // after the birth the information moves to the baby: removed from under the mother
      LocalDate delete = !child.unborn() ? child.birthDate() : p.removedOn();
      out.add(record(child.laPersonId(), true, mother, "UCP", null, p, delete, council));
    }
    Optional<ChildPlan> cpp =
        latest(shareable, p -> !p.preBirth() && p.kind() == PlanKind.CHILD_PROTECTION_PLAN);
    Optional<ChildPlan> lac = latest(shareable, p -> p.kind() == PlanKind.CARE_EPISODE);
    if (cpp.isPresent() || lac.isPresent()) {
      if (!NhsNumber.isValid(child.nhsNumber())) {
        return new Built(
            List.of(),
            "the child's NHS number is "
                + (child.nhsNumber() == null ? "not recorded" : "not valid")
                + ": record it on the child's file (R3)");
      }
      cpp.ifPresent(
          p ->
              out.add(
                  record(
                      child.laPersonId(), false, child, "CPP", null, p, p.removedOn(), council)));
      lac.ifPresent(
          p ->
              out.add(
                  record(
                      child.laPersonId(),
                      false,
                      child,
                      "LAC",
                      p.legalStatus().hubCode(),
                      p,
                      p.removedOn(),
                      council)));
    }
    return new Built(out, null);
  }

  /**
   * The plans whose information the hub still holds for health: shareable, not removed, and not a
   * pre-birth plan of a baby since born (that moved to the baby's own plan).
   */
  public static List<ChildPlan> stillShared(Child child, List<ChildPlan> plans) {
    return plans.stream()
        .filter(ChildPlan::shareable)
        .filter(p -> p.removedOn() == null)
        .filter(p -> child.unborn() || !p.preBirth())
        .toList();
  }

  /** The last day health sees these plans' information, or null while any is open. */
  public static LocalDate visibleUntil(List<ChildPlan> plans, int retentionMonths) {
    LocalDate last = null;
    for (ChildPlan p : plans) {
      if (p.endDate() == null) {
        return null;
      }
      LocalDate until = p.endDate().plusMonths(retentionMonths);
      last = last == null || until.isAfter(last) ? until : last;
    }
    return last;
  }

  private static Optional<ChildPlan> latest(
      List<ChildPlan> plans, java.util.function.Predicate<ChildPlan> which) {
    return plans.stream()
        .filter(which)
        .max(Comparator.comparing(ChildPlan::startDate).thenComparing(ChildPlan::recordedAt));
  }

  private static CouncilUpload.Record record(
      String localChildId,
      boolean unborn,
      Child subject,
      String planCode,
      String legalStatus,
      ChildPlan p,
      LocalDate delete,
      Council council) {
    return new CouncilUpload.Record(
        localChildId,
        unborn,
        subject.nhsNumber(),
        subject.givenName(),
        subject.familyName(),
        subject.birthDate() == null ? null : subject.birthDate().format(HL7),
        planCode,
        legalStatus,
        p.startDate().format(HL7),
        p.endDate() == null ? null : p.endDate().format(HL7),
        delete == null ? null : delete.format(HL7),
        council.officeHoursPhone(),
        council.emergencyDutyPhone());
  }
}
