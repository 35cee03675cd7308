package org.opencpis.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** One line of a step's history: when, who, what. */
@Embeddable
public class StepEvent {

  @Column(name = "at", nullable = false)
  private Instant at;

  @Column(name = "actor", length = 120)
  private String actor;

  @Column(name = "what", nullable = false, length = 300)
  private String what;

  protected StepEvent() {}

  public StepEvent(Instant at, String actor, String what) {
    this.at = at;
    this.actor = actor;
    this.what = what;
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String what() {
    return what;
  }
}
