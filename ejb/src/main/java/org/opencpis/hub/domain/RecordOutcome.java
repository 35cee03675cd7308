package org.opencpis.hub.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The answer to one record of an upload: its position, code, the field at fault and why. */
@Embeddable
public class RecordOutcome {

  @Column(name = "seq", nullable = false)
  private int sequenceNumber;

  @Column(name = "local_child_id", length = 40)
  private String localChildId;

  @Enumerated(EnumType.STRING)
  @Column(name = "code", nullable = false, length = 5)
  private RecordCode code;

  @Column(name = "field", length = 80)
  private String field;

  @Column(name = "detail", length = 400)
  private String detail;

  protected RecordOutcome() {}

  public RecordOutcome(
      int sequenceNumber, String localChildId, RecordCode code, String field, String detail) {
    this.sequenceNumber = sequenceNumber;
    this.localChildId = localChildId;
    this.code = code;
    this.field = field;
    this.detail = detail;
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
