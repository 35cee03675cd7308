package org.opencpis.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An access-to-service notification as the council received it: the council's own record that
 * health looked at a child's CP-IS information (who, when, from where; never why). The pattern of
 * accesses (R25) and the child's access history as the council sees it are read from here.
 */
@Entity
@Table(
    name = "cw_access_notice",
    indexes = @Index(name = "ix_cw_notice_child", columnList = "la_code, nhs_number, accessed_at"))
public class AccessNotice {

  /** The hub's notification id: one notice per notification, however often it is delivered. */
  @Id
  @Column(name = "notification_id", length = 60)
  private String notificationId;

  @Column(name = "la_code", nullable = false, length = 10)
  private String laCode;

  @Column(name = "nhs_number", nullable = false, length = 10)
  private String nhsNumber;

  @Column(name = "local_child_id", length = 40)
  private String localChildId;

  @Column(name = "given_name", length = 100)
  private String givenName;

  @Column(name = "family_name", length = 100)
  private String familyName;

  @Column(name = "birth_date")
  private LocalDate birthDate;

  @Column(name = "accessed_at", nullable = false)
  private Instant accessedAt;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "viewer_name", length = 200)
  private String viewerName;

  @Column(name = "job_role", length = 120)
  private String jobRole;

  @Column(name = "org_ods_code", length = 10)
  private String organisationOds;

  @Column(name = "org_name", length = 160)
  private String organisationName;

  @Column(name = "care_setting", length = 20)
  private String careSetting;

  protected AccessNotice() {}

  public AccessNotice(
      String notificationId,
      String laCode,
      String nhsNumber,
      String localChildId,
      String givenName,
      String familyName,
      LocalDate birthDate,
      Instant accessedAt,
      Instant receivedAt,
      String viewerName,
      String jobRole,
      String organisationOds,
      String organisationName,
      String careSetting) {
    this.notificationId = notificationId;
    this.laCode = laCode;
    this.nhsNumber = nhsNumber;
    this.localChildId = localChildId;
    this.givenName = givenName;
    this.familyName = familyName;
    this.birthDate = birthDate;
    this.accessedAt = accessedAt;
    this.receivedAt = receivedAt;
    this.viewerName = viewerName;
    this.jobRole = jobRole;
    this.organisationOds = organisationOds;
    this.organisationName = organisationName;
    this.careSetting = careSetting;
  }

  public String notificationId() {
    return notificationId;
  }

  public String laCode() {
    return laCode;
  }

  public String nhsNumber() {
    return nhsNumber;
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

  public Instant accessedAt() {
    return accessedAt;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public String viewerName() {
    return viewerName;
  }

  public String jobRole() {
    return jobRole;
  }

  public String organisationOds() {
    return organisationOds;
  }

  public String organisationName() {
    return organisationName;
  }

  public String careSetting() {
    return careSetting;
  }
}
