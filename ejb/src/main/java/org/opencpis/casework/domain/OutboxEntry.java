package org.opencpis.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One file of record updates the council sent to the hub for one child (R9): its place in the
 * council's sequence, what it carried, and the hub's answer once it came. A file not yet answered
 * is what makes a child's CP-IS status "pending".
 */
@Entity
@Table(name = "cw_outbox", indexes = @Index(name = "ix_cw_outbox_child", columnList = "child_id"))
public class OutboxEntry {

  @Id
  @Column(length = 30)
  private String id;

  @Column(name = "la_code", nullable = false, length = 10)
  private String laCode;

  @Column(name = "file_sequence", nullable = false)
  private int fileSequence;

  @Column(name = "child_id", nullable = false)
  private Long childId;

  // JSON, small; a long varchar rather than a LOB, so H2 and PostgreSQL treat it alike
  @Column(nullable = false, length = 1_000_000)
  private String payload;

  @Column(name = "sent_at", nullable = false)
  private Instant sentAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "file_code", length = 5)
  private String fileCode;

  protected OutboxEntry() {}

  public OutboxEntry(
      String laCode, int fileSequence, Long childId, String payload, Instant sentAt) {
    this.id = key(laCode, fileSequence);
    this.laCode = laCode;
    this.fileSequence = fileSequence;
    this.childId = childId;
    this.payload = payload;
    this.sentAt = sentAt;
  }

  public static String key(String laCode, int fileSequence) {
    return laCode + ":" + fileSequence;
  }

  public void answered(String fileCode, Instant at) {
    this.fileCode = fileCode;
    this.answeredAt = at;
  }

  public String id() {
    return id;
  }

  public int fileSequence() {
    return fileSequence;
  }

  public String laCode() {
    return laCode;
  }

  /** The file as it was sent (JSON), to send again as it was. */
  public String payload() {
    return payload;
  }

  public Long childId() {
    return childId;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public Instant answeredAt() {
    return answeredAt;
  }

  public String fileCode() {
    return fileCode;
  }
}
