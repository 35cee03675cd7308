package org.opencpis.casework.domain;

import jakarta.persistence.Column;
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
import java.time.LocalDate;

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
  @Column(nullable = false, length = 20)
  private Involvement involvement = Involvement.CLOSED;

  /** The key worker (social care) or the Early Help worker, by involvement. */
  @ManyToOne(fetch = FetchType.EAGER)
  private Worker allocatedWorker;

  @Column(name = "involvement_since")
  private LocalDate involvementSince;

  protected Child() {}

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
}
