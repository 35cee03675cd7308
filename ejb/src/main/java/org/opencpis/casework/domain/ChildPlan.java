package org.opencpis.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A child protection plan or a care episode on a child's file, with its dates. Ending it sets the
 * end date; removing it (recorded in error) marks it removed, and the hub is told to delete the
 * information. Every change is sent to the hub (R9).
 */
@Entity
@Table(name = "cw_plan")
public class ChildPlan {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  private Child child;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 24)
  private PlanKind kind;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "legal_status", length = 20)
  private CareLegalStatus legalStatus;

  @Column(name = "start_date", nullable = false)
  private LocalDate startDate;

  @Column(name = "end_date")
  private LocalDate endDate;

  @Column(name = "removed_on")
  private LocalDate removedOn;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  /** Recorded while the child was unborn: a pre-birth plan, shared as UCPP under the mother. */
  @Column(name = "pre_birth", nullable = false)
  private boolean preBirth;

  protected ChildPlan() {}

  public ChildPlan(
      Child child,
      PlanKind kind,
      CareLegalStatus legalStatus,
      LocalDate start,
      LocalDate end,
      Instant now) {
    if (kind == null) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID, "type", "say CHILD_PROTECTION_PLAN or CARE_EPISODE");
    }
    if (start == null) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID, "startDate", "the start date is required");
    }
    if (kind == PlanKind.CARE_EPISODE && legalStatus == null) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID, "legalStatus", "a care episode needs its legal status");
    }
    if (kind == PlanKind.CHILD_PROTECTION_PLAN && legalStatus != null) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          "legalStatus",
          "a child protection plan has no legal status");
    }
    if (child.unborn() && kind == PlanKind.CARE_EPISODE) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          "type",
          "an unborn baby has a pre-birth plan, not a care episode");
    }
    this.child = child;
    this.kind = kind;
    this.legalStatus = legalStatus;
    this.startDate = start;
    this.recordedAt = now;
    this.preBirth = child.unborn();
    end(end);
  }

  /** Ends the plan on {@code end} (or clears the end date with null). */
  public void end(LocalDate end) {
    if (end != null && end.isBefore(startDate)) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          "endDate",
          "the end date " + end + " is before the start " + startDate);
    }
    this.endDate = end;
  }

  /** The plan was recorded in error: the hub removes it. */
  public void remove(LocalDate today) {
    this.removedOn = today;
  }

  /** Whether CP-IS shares this plan at all (R7: care episodes only with s31, s38, s20). */
  public boolean shareable() {
    return kind == PlanKind.CHILD_PROTECTION_PLAN || legalStatus.shared();
  }

  /**
   * The plan as CP-IS names it, when it is shared and current on {@code day} (started, not ended
   * before, not removed); empty otherwise.
   */
  public java.util.Optional<OutOfHoursEscalation.PlanType> currentPlanType(LocalDate day) {
    if (!shareable()
        || removedOn != null
        || startDate.isAfter(day)
        || (endDate != null && endDate.isBefore(day))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        preBirth
            ? OutOfHoursEscalation.PlanType.UCPP
            : kind == PlanKind.CHILD_PROTECTION_PLAN
                ? OutOfHoursEscalation.PlanType.CPP
                : OutOfHoursEscalation.PlanType.LAC);
  }

  public Long id() {
    return id;
  }

  public Child child() {
    return child;
  }

  public PlanKind kind() {
    return kind;
  }

  public CareLegalStatus legalStatus() {
    return legalStatus;
  }

  public LocalDate startDate() {
    return startDate;
  }

  public LocalDate endDate() {
    return endDate;
  }

  public LocalDate removedOn() {
    return removedOn;
  }

  public boolean preBirth() {
    return preBirth;
  }

  public Instant recordedAt() {
    return recordedAt;
  }
}
