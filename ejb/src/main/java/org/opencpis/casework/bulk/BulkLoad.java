package org.opencpis.casework.bulk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One weekly bulk NHS-number load (R5) of one council: who sent it and when, the batch execution
 * that works it, where it stands, and how many rows were applied, unchanged or rejected.
 *
 * <p>Life cycle: the file is stored first ({@link BulkLoadFile}, same id) with status STARTED, so
 * nothing accepted is lost; the job {@code bulk-nhs-number-load} then reads it from the database in
 * chunks, records each row's outcome ({@link BulkLoadRow}) and adds to the counts in the same
 * transaction as the chunk's checkpoint. It ends COMPLETED, or FAILED / STOPPED, from which a
 * restart resumes after the last committed chunk. The counts change only in the job's writer (by
 * update statements, never by rewriting the row).
 */
@Entity
@Table(name = "cw_bulk_load", indexes = @Index(name = "ix_cw_bulk_load_la", columnList = "la_code"))
public class BulkLoad {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @Column(name = "la_code", nullable = false, length = 10)
  private String laCode;

  /** The user who sent the file. */
  @Column(name = "submitted_by", nullable = false, length = 80)
  private String submittedBy;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  /** Data rows in the file (blank lines and the header not counted). */
  @Column(name = "row_count", nullable = false)
  private int rowCount;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 12)
  private BulkLoadStatus status = BulkLoadStatus.STARTED;

  /** The latest batch execution (a restart makes a new one). */
  @Column(name = "execution_id")
  private Long executionId;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(nullable = false)
  private int applied;

  @Column(nullable = false)
  private int unchanged;

  @Column(nullable = false)
  private int rejected;

  protected BulkLoad() {}

  public BulkLoad(String laCode, String submittedBy, Instant submittedAt, int rowCount) {
    this.laCode = laCode;
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
    this.rowCount = rowCount;
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

  public String submittedBy() {
    return submittedBy;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public int rowCount() {
    return rowCount;
  }

  public BulkLoadStatus status() {
    return status;
  }

  public Long executionId() {
    return executionId;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public int applied() {
    return applied;
  }

  public int unchanged() {
    return unchanged;
  }

  public int rejected() {
    return rejected;
  }

  public int processed() {
    return applied + unchanged + rejected;
  }
}
