package org.opencpis.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A worker of one council: a person who signs in (username), or a virtual worker whose inbox a team
 * works (the CP-IS Virtual Worker, SC CSC Screening - Social Care, Data Quality).
 */
@Entity
@Table(
    name = "cw_worker",
    uniqueConstraints = @UniqueConstraint(name = "uk_cw_worker_username", columnNames = "username"))
public class Worker {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @Column(name = "la_code", nullable = false, length = 10)
  private String laCode;

  @Column(nullable = false, length = 120)
  private String name;

  /** The sign-in name of a person; null for a virtual worker. */
  @Column(length = 80)
  private String username;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 40)
  private WorkerRole role;

  @Column(name = "team_name", length = 120)
  private String teamName;

  protected Worker() {}

  public Worker(String laCode, String name, String username, WorkerRole role, String teamName) {
    this.laCode = laCode;
    this.name = name;
    this.username = username;
    this.role = role;
    this.teamName = teamName;
  }

  public boolean belongsTo(String la) {
    return laCode.equals(la);
  }

  public Long id() {
    return id;
  }

  public String laCode() {
    return laCode;
  }

  public String name() {
    return name;
  }

  public String username() {
    return username;
  }

  public WorkerRole role() {
    return role;
  }

  public String teamName() {
    return teamName;
  }
}
