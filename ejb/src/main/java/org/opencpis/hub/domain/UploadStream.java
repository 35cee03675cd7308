package org.opencpis.hub.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * The files one council sends by one channel ({@link UploadChannel}), in sequence. The stream
 * belongs to the council the caller is authenticated for, never to a sending system the file names,
 * so no one can move a council's stream by choosing an ASID.
 *
 * <p>The national rule: files are numbered from 1 and each file must be exactly the next one. A
 * file with a number already taken is a repeat: the same content gets its first answer again and
 * changes nothing; different content is refused (the number is used once). A file beyond the next
 * one is refused until the missing ones come, so a file the hub never received cannot go unnoticed,
 * a number cannot be pushed so far that the stream ends, and a redelivered file of the council
 * workflow that a later one overtook is still applied before it.
 */
@Entity
@Table(name = "hub_upload_stream")
public class UploadStream {

  /** How a file's number stands against the stream. */
  public enum Admission {
    /** the next file: to be applied */
    NEXT,
    /** a number already taken: a repeat of the file that took it, or a reuse with other content */
    TAKEN,
    /** beyond the next: a file in between has not come */
    AHEAD
  }

  @Id
  @Column(name = "id", length = 60)
  private String id;

  @Column(name = "la_code", nullable = false, length = 10)
  private String laCode;

  // the column keeps its old name: streams were once keyed by the sending system
  @Column(name = "sender", nullable = false, length = 40)
  private String streamName;

  @Column(name = "last_file_sequence")
  private Integer lastFileSequence;

  @Transient private UploadChannel channel;

  protected UploadStream() {}

  public UploadStream(String laCode, UploadChannel channel) {
    this.id = key(laCode, channel);
    this.laCode = laCode;
    this.streamName = channel.streamName();
    this.channel = channel;
  }

  public static String key(String laCode, UploadChannel channel) {
    return laCode + "|" + channel.streamName();
  }

  public Admission admit(int fileSequenceId) {
    if (fileSequenceId >= 1 && fileSequenceId <= last()) {
      return Admission.TAKEN;
    }
    return fileSequenceId == next() ? Admission.NEXT : Admission.AHEAD;
  }

  /** The number the next file must have. */
  public int next() {
    return last() + 1;
  }

  /**
   * The file with this number was answered: it takes its number if it was applied, or, on a channel
   * whose files are never sent again, whatever its answer. Only the next file moves the stream.
   */
  public void answered(int fileSequenceId, FileCode answer) {
    if (fileSequenceId == next() && channel().tookItsNumber(answer)) {
      lastFileSequence = fileSequenceId;
    }
  }

  public String laCode() {
    return laCode;
  }

  public UploadChannel channel() {
    if (channel == null) {
      for (UploadChannel c : UploadChannel.values()) {
        if (c.streamName().equals(streamName)) {
          channel = c;
        }
      }
    }
    if (channel == null) {
      throw new IllegalStateException("upload stream " + id + " names no known channel");
    }
    return channel;
  }

  /** The last number taken, 0 before the first file. */
  public int last() {
    return lastFileSequence == null ? 0 : lastFileSequence;
  }
}
