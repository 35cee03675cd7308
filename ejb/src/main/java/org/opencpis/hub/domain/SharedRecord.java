package org.opencpis.hub.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One plan of one child as one local authority shared it: the national register's row.
 *
 * <p>Life cycle: created by the first upload that mentions it; each later upload with the same key
 * (LA, NHS number, plan type, the LA's child id) replaces its values, and an identical one changes
 * nothing (uploads are idempotent). An end date starts the 12-month retention (R10); a delete date
 * removes it from view on that day. Once no longer visible, the retention timer deletes the row for
 * good. Each LA's rows are separate (R8): two LAs sharing the same child make two rows, both shown.
 */
@Entity
@Table(
    name = "hub_shared_record",
    uniqueConstraints =
        @UniqueConstraint(
            name = "uk_hub_record_key",
            columnNames = {"la_code", "nhs_number", "plan_type", "local_child_id"}),
    indexes = @Index(name = "ix_hub_record_nhs", columnList = "nhs_number"))
public class SharedRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @Version private long version;

  @Column(name = "la_code", nullable = false, length = 10)
  private String laCode;

  @Column(name = "nhs_number", nullable = false, length = 10)
  private String nhsNumber;

  @Enumerated(EnumType.STRING)
  // Enums are VARCHAR columns on every database. Hibernate's default on H2 is H2's own ENUM type,
  // which after a kill -9 and a restart was read back as ordinals ("No enum constant PlanType.1",
  // "CHARACTER VARYING to DECFLOAT") until the server was restarted once more.
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "plan_type", nullable = false, length = 8)
  private PlanType planType;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "subject_kind", nullable = false, length = 8)
  private SubjectKind subjectKind;

  @Column(name = "local_child_id", nullable = false, length = 40)
  private String localChildId;

  @Column(name = "given_name", length = 100)
  private String givenName;

  @Column(name = "family_name", length = 100)
  private String familyName;

  @Column(name = "birth_date")
  private LocalDate birthDate;

  @Column(name = "start_date", nullable = false)
  private LocalDate startDate;

  @Column(name = "end_date")
  private LocalDate endDate;

  @Column(name = "delete_date")
  private LocalDate deleteDate;

  @Column(name = "office_hours_phone", length = 40)
  private String officeHoursPhone;

  @Column(name = "emergency_duty_phone", length = 40)
  private String emergencyDutyPhone;

  @Column(name = "file_sequence")
  private Integer fileSequence;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected SharedRecord() {}

  public static SharedRecord from(RecordUpdate u, int fileSequence, Instant now) {
    SharedRecord r = new SharedRecord();
    r.laCode = u.laCode();
    r.nhsNumber = u.nhsNumber().value();
    r.planType = u.planType();
    r.subjectKind = u.subjectKind();
    r.localChildId = u.localChildId();
    r.copy(u);
    r.fileSequence = fileSequence;
    r.updatedAt = now;
    return r;
  }

  /**
   * Applies a later upload of the same record.
   *
   * @return whether anything changed (false for a repeat of what is held)
   */
  public boolean apply(RecordUpdate u, int fileSequence, Instant now) {
    if (sameValues(u)) {
      return false;
    }
    copy(u);
    this.fileSequence = fileSequence;
    this.updatedAt = now;
    return true;
  }

  public boolean visibleOn(LocalDate day, RetentionPolicy policy) {
    return policy.visibleOn(endDate, deleteDate, day);
  }

  private boolean sameValues(RecordUpdate u) {
    return subjectKind == u.subjectKind()
        && Objects.equals(givenName, u.givenName())
        && Objects.equals(familyName, u.familyName())
        && Objects.equals(birthDate, u.birthDate())
        && Objects.equals(startDate, u.startDate())
        && Objects.equals(endDate, u.endDate())
        && Objects.equals(deleteDate, u.deleteDate())
        && Objects.equals(officeHoursPhone, u.officeHoursPhone())
        && Objects.equals(emergencyDutyPhone, u.emergencyDutyPhone());
  }

  private void copy(RecordUpdate u) {
    subjectKind = u.subjectKind();
    givenName = u.givenName();
    familyName = u.familyName();
    birthDate = u.birthDate();
    startDate = u.startDate();
    endDate = u.endDate();
    deleteDate = u.deleteDate();
    officeHoursPhone = u.officeHoursPhone();
    emergencyDutyPhone = u.emergencyDutyPhone();
  }

  public Long id() {
    return id;
  }

  public String laCode() {
    return laCode;
  }

  public String nhsNumber() {
    return nhsNumber;
  }

  public PlanType planType() {
    return planType;
  }

  public SubjectKind subjectKind() {
    return subjectKind;
  }

  public String localChildId() {
    return localChildId;
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

  public LocalDate startDate() {
    return startDate;
  }

  public LocalDate endDate() {
    return endDate;
  }

  public LocalDate deleteDate() {
    return deleteDate;
  }

  public String officeHoursPhone() {
    return officeHoursPhone;
  }

  public String emergencyDutyPhone() {
    return emergencyDutyPhone;
  }

  public Integer fileSequence() {
    return fileSequence;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
