package org.opencpis.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A child on a council's file: the council's own person id, the NHS number, legal name, date of
 * birth, and how the council is involved now: open to a social-care team with a key worker, open to
 * Early Help with a worker, or closed (with the date). Routing of a CP-IS notification follows the
 * involvement at the time the admin works the step (R22).
 */
@Entity
@Table(
    name = "cw_child",
    uniqueConstraints =
        @UniqueConstraint(
            name = "uk_cw_child_person",
            columnNames = {"la_code", "la_person_id"}),
    indexes = @Index(name = "ix_cw_child_nhs", columnList = "la_code, nhs_number"))
public class Child {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @Column(name = "la_code", nullable = false, length = 10)
  private String laCode;

  @Column(name = "la_person_id", nullable = false, length = 40)
  private String laPersonId;

  @Column(name = "nhs_number", length = 10)
  private String nhsNumber;

  @Column(name = "given_name", nullable = false, length = 100)
  private String givenName;

  @Column(name = "family_name", nullable = false, length = 100)
  private String familyName;

  @Column(name = "birth_date")
  private LocalDate birthDate;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private Involvement involvement = Involvement.CLOSED;

  /** The key worker (social care) or the Early Help worker, by involvement. */
  @ManyToOne(fetch = FetchType.EAGER)
  private Worker allocatedWorker;

  @Column(name = "involvement_since")
  private LocalDate involvementSince;

  /** An unborn baby: known by its expected date of delivery, linked to its mother (R13). */
  @Column(name = "unborn", nullable = false)
  private boolean unborn;

  @Column(name = "expected_delivery")
  private LocalDate expectedDeliveryDate;

  @ManyToOne(fetch = FetchType.LAZY)
  private Child mother;

  @Embedded private CpisStatus cpisStatus = new CpisStatus();

  protected Child() {}

  /** An unborn baby of {@code mother}, recorded on the same council's file. */
  public static Child unborn(Child mother, String laPersonId, LocalDate expectedDelivery) {
    if (expectedDelivery == null) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          "expectedDeliveryDate",
          "an unborn baby needs its expected date of delivery");
    }
    if (mother.unborn) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID, "motherId", "the mother cannot be an unborn baby");
    }
    Child c = new Child(mother.laCode, laPersonId, null, "Unborn", mother.familyName, null);
    c.unborn = true;
    c.expectedDeliveryDate = expectedDelivery;
    c.mother = mother;
    return c;
  }

  /** R16: the baby is born: its own date of birth, NHS number and (optionally) names. */
  public void born(LocalDate birthDate, String nhs, String given, String family) {
    if (!unborn) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.CONFLICT, null, "this child is not an unborn baby");
    }
    if (birthDate == null) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID, "birthDate", "the date of birth is required");
    }
    this.unborn = false;
    this.birthDate = birthDate;
    this.nhsNumber = nhs;
    if (given != null && !given.isBlank()) {
      this.givenName = given.trim();
    }
    if (family != null && !family.isBlank()) {
      this.familyName = family.trim();
    }
  }

  public void cpisPending(Instant now) {
    this.cpisStatus = new CpisStatus(CpisStatus.State.PENDING, now, null, null);
  }

  public void cpisShared(Instant now) {
    this.cpisStatus = new CpisStatus(CpisStatus.State.SHARED, now, null, null);
  }

  public void cpisFailed(Instant now, String failureAndWhatToDo) {
    this.cpisStatus = new CpisStatus(CpisStatus.State.FAILED, now, failureAndWhatToDo, null);
  }

  public void cpisRemoved(Instant now, LocalDate visibleUntil) {
    this.cpisStatus = new CpisStatus(CpisStatus.State.REMOVED, now, null, visibleUntil);
  }

  public Child(
      String laCode,
      String laPersonId,
      String nhsNumber,
      String givenName,
      String familyName,
      LocalDate birthDate) {
    this.laCode = laCode;
    this.laPersonId = laPersonId;
    this.nhsNumber = nhsNumber;
    this.givenName = givenName;
    this.familyName = familyName;
    this.birthDate = birthDate;
  }

  /**
   * Changes the council's involvement. Open involvements need an allocated worker of the right kind
   * from the same council; closing clears the allocation.
   */
  public void changeInvolvement(Involvement to, Worker worker, LocalDate since) {
    switch (to) {
      case OPEN_SOCIAL_CARE -> requireWorker(worker, WorkerRole.SOCIAL_WORKER, "a key worker");
      case OPEN_EARLY_HELP ->
          requireWorker(worker, WorkerRole.EARLY_HELP_WORKER, "an Early Help worker");
      case CLOSED -> worker = null;
    }
    this.involvement = to;
    this.allocatedWorker = worker;
    this.involvementSince = since;
  }

  private void requireWorker(Worker w, WorkerRole role, String what) {
    if (w == null) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID, "allocatedWorkerId", "an open involvement needs " + what);
    }
    if (!w.belongsTo(laCode) || w.role() != role) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          "allocatedWorkerId",
          w.name() + " cannot be " + what + " of this child");
    }
  }

  public void recordNhsNumber(String nhs) {
    this.nhsNumber = nhs;
  }

  /** Corrects the identifiers the hub matches on (R2): NHS number, legal name, date of birth. */
  public void correctIdentity(String nhs, String given, String family, LocalDate dob) {
    if (nhs != null) {
      this.nhsNumber = nhs;
    }
    if (given != null && !given.isBlank()) {
      this.givenName = given.trim();
    }
    if (family != null && !family.isBlank()) {
      this.familyName = family.trim();
    }
    if (dob != null) {
      this.birthDate = dob;
    }
  }

  public String displayName() {
    return givenName + " " + familyName;
  }

  public Long id() {
    return id;
  }

  public String laCode() {
    return laCode;
  }

  public String laPersonId() {
    return laPersonId;
  }

  public String nhsNumber() {
    return nhsNumber;
  }

  public String givenName() {
    return givenName;
  }

  public String familyName() {
    return familyName;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  public Involvement involvement() {
    return involvement;
  }

  public Worker allocatedWorker() {
    return allocatedWorker;
  }

  public LocalDate involvementSince() {
    return involvementSince;
  }

  public boolean unborn() {
    return unborn;
  }

  public LocalDate expectedDeliveryDate() {
    return expectedDeliveryDate;
  }

  public Child mother() {
    return mother;
  }

  public CpisStatus cpisStatus() {
    return cpisStatus == null ? new CpisStatus() : cpisStatus;
  }
}
