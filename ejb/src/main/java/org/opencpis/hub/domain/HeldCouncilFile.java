package org.opencpis.hub.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file of a council's own workflow that came before the file it follows (R9): kept here, whole,
 * until its predecessor has been applied, then applied in its turn. Holding it in the database
 * rather than handing it back to the broker means its place in the stream does not depend on the
 * broker redelivering it at the right moment (after a crash the files of one council can come in
 * any order), and nothing of it is lost while it waits (R28).
 */
@Entity
@Table(name = "hub_held_council_file")
public class HeldCouncilFile {

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "la_code", nullable = false, length = 10)
  private String laCode;

  @Column(name = "file_sequence", nullable = false)
  private int fileSequence;

  /** The number the stream expected when the file came. */
  @Column(name = "waited_for", nullable = false)
  private int waitedFor;

  /** The file as the council workflow sent it (JSON). */
  @Column(name = "payload", nullable = false, length = 1_000_000)
  private String payload;

  @Column(name = "held_at", nullable = false)
  private Instant heldAt;

  protected HeldCouncilFile() {}

  public HeldCouncilFile(
      String laCode, int fileSequence, int waitedFor, String payload, Instant heldAt) {
    this.id = key(laCode, fileSequence);
    this.laCode = laCode;
    this.fileSequence = fileSequence;
    this.waitedFor = waitedFor;
    this.payload = payload;
    this.heldAt = heldAt;
  }

  public static String key(String laCode, int fileSequence) {
    return laCode + "|" + fileSequence;
  }

  public String laCode() {
    return laCode;
  }

  public int fileSequence() {
    return fileSequence;
  }

  public int waitedFor() {
    return waitedFor;
  }

  public String payload() {
    return payload;
  }

  public Instant heldAt() {
    return heldAt;
  }
}
