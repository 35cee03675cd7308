package org.opencpis.hub.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The files one sending system sends for one LA, in sequence: an LA's case-management system over
 * cpisupload and OpenCPIS's own council workflow each number their files, so each has its own
 * stream. A file at or below the last applied sequence id is a repeat (answered as before) or late
 * (refused), never applied over newer information.
 */
@Entity
@Table(name = "hub_upload_stream")
public class UploadStream {

  @Id
  @Column(name = "id", length = 60)
  private String id;

  @Column(name = "la_code", nullable = false, length = 10)
  private String laCode;

  @Column(name = "sender", nullable = false, length = 40)
  private String sender;

  @Column(name = "last_file_sequence")
  private Integer lastFileSequence;

  protected UploadStream() {}

  public UploadStream(String laCode, String sender) {
    this.id = key(laCode, sender);
    this.laCode = laCode;
    this.sender = sender;
  }

  public static String key(String laCode, String sender) {
    return laCode + "|" + sender;
  }

  /** Whether a file with this sequence id was already applied or comes after a newer one. */
  public boolean hasAppliedFile(int fileSequenceId) {
    return lastFileSequence != null && fileSequenceId <= lastFileSequence;
  }

  public void fileApplied(int fileSequenceId) {
    if (lastFileSequence == null || fileSequenceId > lastFileSequence) {
      lastFileSequence = fileSequenceId;
    }
  }

  public String laCode() {
    return laCode;
  }

  public String sender() {
    return sender;
  }

  public Integer lastFileSequence() {
    return lastFileSequence;
  }
}
