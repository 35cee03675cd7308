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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A "CP-IS Follow Up Contact" case note (R23): how the worker followed up (telephone or visit), the
 * decision to act or not to act, and why. A follow-up cannot be completed without one (or a CP /
 * CiC visit).
 */
@Entity
@Table(name = "cw_case_note")
public class CaseNote {

  public static final String FOLLOW_UP_CONTACT = "CP-IS Follow Up Contact";

  /** How the follow-up was made. */
  public enum ContactMethod {
    TELEPHONE,
    VISIT
  }

  /** What was decided. */
  public enum Decision {
    ACT,
    NO_FURTHER_ACTION
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @Column(name = "la_code", nullable = false, length = 10)
  private String laCode;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  private Child child;

  @Column(name = "note_type", nullable = false, length = 60)
  private String type = FOLLOW_UP_CONTACT;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "contact_method", nullable = false, length = 12)
  private ContactMethod contactMethod;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private Decision decision;

  @Column(nullable = false, length = 2000)
  private String reason;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  private Worker author;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected CaseNote() {}

  public CaseNote(
      Child child,
      ContactMethod contactMethod,
      Decision decision,
      String reason,
      Worker author,
      Instant createdAt) {
    if (contactMethod == null) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          "contactMethod",
          "say how you followed up: TELEPHONE or VISIT");
    }
    if (decision == null) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          "decision",
          "record the decision: ACT or NO_FURTHER_ACTION");
    }
    if (reason == null || reason.isBlank()) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID, "reason", "record why you decided to act or not to act");
    }
    this.laCode = child.laCode();
    this.child = child;
    this.contactMethod = contactMethod;
    this.decision = decision;
    this.reason = reason.trim();
    this.author = author;
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String laCode() {
    return laCode;
  }

  public Child child() {
    return child;
  }

  public String type() {
    return type;
  }

  public ContactMethod contactMethod() {
    return contactMethod;
  }

  public Decision decision() {
    return decision;
  }

  public String reason() {
    return reason;
  }

  public Worker author() {
    return author;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
