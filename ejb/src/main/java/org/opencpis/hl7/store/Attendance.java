package org.opencpis.hl7.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An attendance at an unscheduled-care setting as ADT messages describe it (a facility's PV1-19
 * visit number). One attendance is one access however many updates arrive (R20): the CP-IS check
 * runs when the attendance first has an NHS number, and again only if a later update names another
 * child. Without an NHS number it is kept as unmatched.
 */
@Entity
@Table(
    name = "hl7_attendance",
    uniqueConstraints =
        @UniqueConstraint(
            name = "uk_hl7_attendance_visit",
            columnNames = {"facility", "visit_number"}))
public class Attendance {

  /** What the CP-IS check of this attendance found. */
  public enum Status {
    /** No NHS number yet: nothing to check. */
    UNMATCHED,
    /** Checked: no CP-IS information. */
    NOT_FOUND,
    /** Checked: CP-IS information found, access recorded. */
    ACCESS_RECORDED
  }

  /** SHA-256 of facility|visit number. */
  @Id
  @Column(length = 64)
  private String id;

  @Column(name = "facility", nullable = false, length = 20)
  private String facility;

  @Column(name = "visit_number", nullable = false, length = 200)
  private String visitNumber;

  @Column(name = "nhs_number", length = 10)
  private String nhsNumber;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "status", nullable = false, length = 20)
  private Status status;

  @Column(name = "access_event_id", length = 36)
  private String accessEventId;

  @Column(name = "first_seen_at", nullable = false)
  private Instant firstSeenAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "messages", nullable = false)
  private int messages;

  protected Attendance() {}

  public Attendance(String id, String facility, String visitNumber, Instant at) {
    this.id = id;
    this.facility = facility;
    this.visitNumber = ReceivedMessage.cut(visitNumber, 200);
    this.status = Status.UNMATCHED;
    this.firstSeenAt = at;
    this.updatedAt = at;
  }

  /** Whether a message naming {@code nhs} needs the CP-IS check (it has not had it for him). */
  public boolean needsCheckFor(String nhs) {
    return nhs != null && !nhs.equals(nhsNumber);
  }

  /** The CP-IS check ran for {@code nhs}; accessEventId null when nothing was found. */
  public void checked(String nhs, String accessId, Instant at) {
    this.nhsNumber = nhs;
    this.accessEventId = accessId;
    this.status = accessId == null ? Status.NOT_FOUND : Status.ACCESS_RECORDED;
    this.updatedAt = at;
  }

  public void seen(Instant at) {
    this.messages++;
    this.updatedAt = at;
  }

  public Status status() {
    return status;
  }

  public String nhsNumber() {
    return nhsNumber;
  }

  public String accessEventId() {
    return accessEventId;
  }
}
