package org.opencpis.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A notification as the hub issued it, kept so that an LA system outside this deployment can pull
 * its notifications over a time window, and so that none is ever lost (R28).
 */
@Entity
@Table(
    name = "ntf_issued",
    indexes = @Index(name = "ix_ntf_la_time", columnList = "la_code, created_at"))
public class IssuedNotification {

  @Id
  @Column(name = "id", length = 60)
  private String id;

  @Column(name = "la_code", nullable = false, length = 10)
  private String laCode;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "type", nullable = false, length = 24)
  private LaNotification.Type type;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  // JSON, small; a long varchar rather than a LOB, so H2 and PostgreSQL treat it alike
  @Column(name = "payload", nullable = false, length = 1_000_000)
  private String payload;

  protected IssuedNotification() {}

  IssuedNotification(LaNotification n, String payload) {
    this.id = n.notificationId();
    this.laCode = n.laCode();
    this.type = n.type();
    this.createdAt = n.createdAt();
    this.payload = payload;
  }

  public String id() {
    return id;
  }

  public String laCode() {
    return laCode;
  }

  public LaNotification.Type type() {
    return type;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String payload() {
    return payload;
  }
}
