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

/**
 * An upload file as the hub answered it: kept whatever its fate (R28), so a corrupt or refused file
 * can be looked at, and a file sent twice gets the same acknowledgement without being applied
 * twice.
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

  @Column(name = "sender", length = 40)
  private String sender;

  @Column(name = "file_sequence")
  private Integer fileSequence;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "declared_count")
  private Integer declaredCount;

  @Column(name = "received_count", nullable = false)
  private int receivedCount;

  @Enumerated(EnumType.STRING)
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
      String sender,
      Integer fileSequence,
      Integer declaredCount,
      int receivedCount,
      Instant receivedAt) {
    this.laCode = laCode;
    this.sender = sender;
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

  public String sender() {
    return sender;
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
