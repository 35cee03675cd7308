package org.opencpis.hub.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An upload file as the hub answered it: kept whatever its fate (R28), so a corrupt or refused file
 * can be looked at, and a file sent twice gets the same acknowledgement without being applied
 * twice. The digest of its canonical content ({@link UploadContent}) tells a file sent again from
 * other content reusing its number.
 */
@Entity
@Table(
    name = "hub_upload_submission",
    indexes = @Index(name = "ix_hub_upload_la_seq", columnList = "la_code, file_sequence"))
public class UploadSubmission {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @Column(name = "la_code", length = 10)
  private String laCode;

  // the stream's name (UploadChannel); the column keeps its old name
  @Column(name = "sender", length = 40)
  private String streamName;

  /** The sending system the file named (its ASID): for the record only, it keys nothing. */
  @Column(name = "sending_asid", length = 40)
  private String sendingAsid;

  @Column(name = "content_digest", length = 64)
  private String contentDigest;

  @Column(name = "file_sequence")
  private Integer fileSequence;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "declared_count")
  private Integer declaredCount;

  @Column(name = "received_count", nullable = false)
  private int receivedCount;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "file_code", nullable = false, length = 5)
  private FileCode fileCode;

  @Column(name = "detail", length = 400)
  private String detail;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "hub_upload_outcome", joinColumns = @JoinColumn(name = "submission_id"))
  @OrderBy("sequenceNumber")
  private List<RecordOutcome> outcomes = new ArrayList<>();

  protected UploadSubmission() {}

  public UploadSubmission(
      String laCode,
      UploadChannel channel,
      String sendingAsid,
      Integer fileSequence,
      Integer declaredCount,
      int receivedCount,
      String contentDigest,
      Instant receivedAt) {
    this.laCode = laCode;
    this.streamName = channel.streamName();
    this.sendingAsid =
        sendingAsid == null || sendingAsid.length() <= 40
            ? sendingAsid
            : sendingAsid.substring(0, 40);
    this.contentDigest = contentDigest;
    this.fileSequence = fileSequence;
    this.declaredCount = declaredCount;
    this.receivedCount = receivedCount;
    this.receivedAt = receivedAt;
  }

  /** The file could not be read as a whole: nothing of it is loaded. */
  public void corrupt(String why) {
    this.fileCode = FileCode.CPF01;
    this.detail = why;
    this.outcomes.clear();
  }

  /**
   * The demographic service did not answer: no record could be checked, nothing is loaded, and the
   * LA sends the same file again (CPF05).
   */
  public void demographicsUnavailable(String why) {
    this.fileCode = FileCode.CPF05;
    this.detail = why;
    this.outcomes.clear();
  }

  /** Records the answer to each record, and from them the answer to the file. */
  public void answered(List<RecordOutcome> perRecord) {
    this.outcomes = new ArrayList<>(perRecord);
    this.fileCode = FileCode.forCounts(loaded(), rejected());
    this.detail = fileCode.meaning();
  }

  public int loaded() {
    return (int) outcomes.stream().filter(RecordOutcome::loaded).count();
  }

  public int rejected() {
    return outcomes.size() - loaded();
  }

  public Long id() {
    return id;
  }

  public String laCode() {
    return laCode;
  }

  public String streamName() {
    return streamName;
  }

  public String sendingAsid() {
    return sendingAsid;
  }

  public String contentDigest() {
    return contentDigest;
  }

  /**
   * Whether a file with this content digest is this file again. A submission kept before digests
   * were (none) matches nothing: its content cannot be compared, so it is never taken as the same.
   */
  public boolean sameContent(String digest) {
    return contentDigest != null && contentDigest.equals(digest);
  }

  public int receivedCount() {
    return receivedCount;
  }

  public Integer declaredCount() {
    return declaredCount;
  }

  public Integer fileSequence() {
    return fileSequence;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public FileCode fileCode() {
    return fileCode;
  }

  public String detail() {
    return detail;
  }

  public List<RecordOutcome> outcomes() {
    return List.copyOf(outcomes);
  }
}
