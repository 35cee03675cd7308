package org.opencpis.casework.bulk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The outcome of one row of a bulk load: its line in the file, the person id it named, and applied,
 * unchanged or rejected with the reason. The NHS number of a rejected row is kept masked (the file
 * itself is kept whole in {@link BulkLoadFile}).
 */
@Entity
@Table(
    name = "cw_bulk_load_row",
    indexes = @Index(name = "ix_cw_bulk_load_row", columnList = "load_id, line_number"))
public class BulkLoadRow {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cw_bulk_load_row_seq")
  @SequenceGenerator(
      name = "cw_bulk_load_row_seq",
      sequenceName = "cw_bulk_load_row_seq",
      allocationSize = 500)
  private Long id;

  @Column(name = "load_id", nullable = false)
  private Long loadId;

  @Column(name = "line_number", nullable = false)
  private long lineNumber;

  @Column(name = "person_id", length = 40)
  private String personId;

  /** In full when applied or unchanged; masked but for the last three characters if rejected. */
  @Column(name = "nhs_number", length = 16)
  private String nhsNumber;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 10)
  private RowOutcome outcome;

  @Column(length = 200)
  private String reason;

  protected BulkLoadRow() {}

  public BulkLoadRow(Long loadId, RowVerdict v) {
    this.loadId = loadId;
    this.lineNumber = v.line();
    this.personId = clip(v.personId(), 40);
    this.nhsNumber = v.outcome() == RowOutcome.REJECTED ? masked(v.nhsNumber()) : v.nhsNumber();
    this.outcome = v.outcome();
    this.reason = clip(v.reason(), 200);
  }

  /** All but the last three characters hidden: a rejected number is never shown in full. */
  static String masked(String nhs) {
    if (nhs == null || nhs.isBlank()) {
      return null;
    }
    String s = nhs.replace(" ", "");
    if (s.length() <= 3) {
      return "*".repeat(s.length());
    }
    String tail = s.substring(s.length() - 3);
    return "*".repeat(Math.min(s.length() - 3, 13)) + tail;
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  public Long id() {
    return id;
  }

  public Long loadId() {
    return loadId;
  }

  public long lineNumber() {
    return lineNumber;
  }

  public String personId() {
    return personId;
  }

  public String nhsNumber() {
    return nhsNumber;
  }

  public RowOutcome outcome() {
    return outcome;
  }

  public String reason() {
    return reason;
  }
}
