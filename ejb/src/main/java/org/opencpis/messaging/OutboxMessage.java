package org.opencpis.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A JMS message waiting to be sent: written in the transaction of the change it reports, so the
 * change and its message are kept together or not at all, and relayed to its queue only after that
 * transaction has committed (no consumer can see a message before the row it names). Deleted once
 * the broker has it.
 */
@Entity
@Table(name = "msg_outbox")
public class OutboxMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "msg_outbox_seq")
  @SequenceGenerator(name = "msg_outbox_seq", sequenceName = "msg_outbox_seq", allocationSize = 50)
  private Long seq;

  /** The JNDI name of the queue. */
  @Column(name = "destination", nullable = false, length = 100)
  private String destination;

  /** The JMS message properties, as a JSON object of strings and integers. */
  @Column(name = "properties", nullable = false, length = 4000)
  private String properties;

  // a long varchar rather than a LOB, so H2 and PostgreSQL treat it alike
  @Column(name = "body", nullable = false, length = 1_000_000)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected OutboxMessage() {}

  OutboxMessage(String destination, String properties, String body, Instant createdAt) {
    this.destination = destination;
    this.properties = properties;
    this.body = body;
    this.createdAt = createdAt;
  }

  public Long seq() {
    return seq;
  }

  public String destination() {
    return destination;
  }

  public String properties() {
    return properties;
  }

  public String body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
