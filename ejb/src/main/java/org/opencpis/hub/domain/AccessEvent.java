package org.opencpis.hub.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A query that found information about a child (R20): when, who, from which organisation and care
 * setting, and which local authorities had shared information then, each of whom is notified (R8).
 * It never records why. A scheduled-care silent read makes none.
 */
@Entity
@Table(
    name = "hub_access_event",
    indexes = @Index(name = "ix_hub_access_nhs_time", columnList = "nhs_number, accessed_at"))
public class AccessEvent {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "nhs_number", nullable = false, length = 10)
  private String nhsNumber;

  @Column(name = "accessed_at", nullable = false)
  private Instant accessedAt;

  /** The query's own event id, as the sending system gave it. */
  @Column(name = "query_event_id", length = 80)
  private String queryEventId;

  /** SOAP (spine-style query) or HL7 (MLLP). */
  @Column(name = "channel", nullable = false, length = 10)
  private String channel;

  @Column(name = "care_setting", length = 20)
  private String careSetting;

  /**
   * When the sending system says its user looked (the national query's effectiveTime), as its clock
   * said; {@link #accessedAt} is the hub's. Null when the query gave none.
   */
  @Column(name = "queried_at")
  private Instant queriedAt;

  @Embedded private Viewer viewer;

  /** The local authorities that had shared information, comma-separated ODS codes. */
  @Column(name = "la_codes", nullable = false, length = 400)
  private String laCodes;

  protected AccessEvent() {}

  public AccessEvent(
      String nhsNumber,
      Instant accessedAt,
      String queryEventId,
      String channel,
      String careSetting,
      Viewer viewer,
      List<String> laCodes) {
    if (laCodes.isEmpty()) {
      throw new IllegalArgumentException("an access event needs the LAs that shared information");
    }
    this.id = UUID.randomUUID().toString();
    this.nhsNumber = nhsNumber;
    this.accessedAt = accessedAt;
    this.queryEventId = queryEventId;
    this.channel = channel;
    this.careSetting = careSetting;
    this.viewer = viewer;
    this.laCodes = String.join(",", laCodes);
  }

  /** The same access, with the time the sending system gave (null: none). */
  public AccessEvent queriedAt(Instant at) {
    this.queriedAt = at;
    return this;
  }

  public Instant queriedAt() {
    return queriedAt;
  }

  public String id() {
    return id;
  }

  public String nhsNumber() {
    return nhsNumber;
  }

  public Instant accessedAt() {
    return accessedAt;
  }

  public String queryEventId() {
    return queryEventId;
  }

  public String channel() {
    return channel;
  }

  public String careSetting() {
    return careSetting;
  }

  public Viewer viewer() {
    return viewer;
  }

  public List<String> laCodes() {
    return Arrays.asList(laCodes.split(","));
  }
}
