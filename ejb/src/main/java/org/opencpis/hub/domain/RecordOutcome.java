package org.opencpis.hub.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The answer to one record of an upload: its position, code, the field at fault and why. */
@Embeddable
public class RecordOutcome {

  @Column(name = "seq", nullable = false)
  private int sequenceNumber;

  @Column(name = "local_child_id", length = 40)
  private String localChildId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "code", nullable = false, length = 5)
  private RecordCode code;

  @Column(name = "field", length = 80)
  private String field;

  @Column(name = "detail", length = 400)
  private String detail;

  protected RecordOutcome() {}

  /**
   * An outcome as kept: a child id longer than the LA's id can be is not kept (the sequence number
   * says which record it was), and a field or detail is cut to its column.
   */
  public RecordOutcome(
      int sequenceNumber, String localChildId, RecordCode code, String field, String detail) {
    this.sequenceNumber = sequenceNumber;
    this.localChildId =
        localChildId == null || localChildId.length() > LOCAL_CHILD_ID_MAX ? null : localChildId;
    this.code = code;
    this.field = cut(field, 80);
    this.detail = cut(detail, 400);
  }

  /** The longest LA child id the hub keeps (the register's column). */
  public static final int LOCAL_CHILD_ID_MAX = 40;

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  public static RecordOutcome success(int sequenceNumber, String localChildId) {
    return new RecordOutcome(sequenceNumber, localChildId, RecordCode.CPR06, null, null);
  }

  public boolean loaded() {
    return code == RecordCode.CPR06;
  }

  public int sequenceNumber() {
    return sequenceNumber;
  }

  public String localChildId() {
    return localChildId;
  }

  public RecordCode code() {
    return code;
  }

  public String field() {
    return field;
  }

  public String detail() {
    return detail;
  }
}
