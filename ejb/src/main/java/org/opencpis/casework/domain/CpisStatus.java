package org.opencpis.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The CP-IS status banner of a child's person summary (R26): whether the child's information is
 * shared with the hub (since when), pending (sent, not yet answered), failed (with the failure and
 * what to do), or removed (with the last day health can still see it).
 */
@Embeddable
public class CpisStatus {

  /** The states of the banner. */
  public enum State {
    NOT_SHARED,
    PENDING,
    SHARED,
    FAILED,
    REMOVED
  }

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "cpis_state", length = 12)
  private State state = State.NOT_SHARED;

  @Column(name = "cpis_since")
  private Instant since;

  @Column(name = "cpis_detail", length = 600)
  private String detail;

  @Column(name = "cpis_visible_until")
  private LocalDate visibleUntil;

  public CpisStatus() {}

  CpisStatus(State state, Instant since, String detail, LocalDate visibleUntil) {
    this.state = state;
    this.since = since;
    this.detail = detail;
    this.visibleUntil = visibleUntil;
  }

  public State state() {
    return state == null ? State.NOT_SHARED : state;
  }

  public Instant since() {
    return since;
  }

  public String detail() {
    return detail;
  }

  public LocalDate visibleUntil() {
    return visibleUntil;
  }
}
