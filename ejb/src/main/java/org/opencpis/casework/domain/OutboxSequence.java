package org.opencpis.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The council workflow's file sequence towards the hub, per council (locked while taken). */
@Entity
@Table(name = "cw_outbox_sequence")
public class OutboxSequence {

  @Id
  @Column(name = "la_code", length = 10)
  private String laCode;

  @Column(name = "last_sequence", nullable = false)
  private int last;

  protected OutboxSequence() {}

  public OutboxSequence(String laCode) {
    this.laCode = laCode;
  }

  public int next() {
    return ++last;
  }
}
