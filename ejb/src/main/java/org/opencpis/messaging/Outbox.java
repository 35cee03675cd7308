package org.opencpis.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TransactionRequiredException;
import java.time.Instant;
import java.util.Map;

/**
 * Where every producer of a JMS message puts it: a row in the caller's (local) database
 * transaction, instead of a send enlisted beside it. Sending inside the business transaction needed
 * a two-phase commit between the database and the broker, which a non-XA datasource only
 * approximates (the database commits as the last resource; a crash before the broker's commit lost
 * the message of a committed row), and let a consumer see a message before its row. Here the
 * message cannot outlive or precede its row: {@link OutboxRelay} sends it after the commit, and
 * again after a crash until the broker has it. Consumers are idempotent, since a crash between the
 * broker's commit and the row's deletion sends a message twice.
 */
@ApplicationScoped
public class Outbox {

  /** Fired after each put; observed after the transaction commits, to wake the relay. */
  public record Written() {}

  @PersistenceContext(unitName = "cpis")
  EntityManager em;

  @Inject Event<Written> written;

  /**
   * Keeps a message for {@code destination} (a queue's JNDI name) in the current transaction.
   *
   * @param properties JMS properties, String or Integer values ({@code JMSXGroupID} keeps order
   *     among the messages of a group)
   */
  public void put(String destination, String body, Map<String, ?> properties) {
    if (!em.isJoinedToTransaction()) {
      throw new TransactionRequiredException("an outbox message is kept only inside a transaction");
    }
    JsonObjectBuilder props = Json.createObjectBuilder();
    properties.forEach(
        (k, v) -> {
          if (v instanceof Integer i) {
            props.add(k, i);
          } else if (v instanceof Long l) {
            props.add(k, l);
          } else if (v != null) {
            props.add(k, v.toString());
          }
        });
    em.persist(new OutboxMessage(destination, props.build().toString(), body, Instant.now()));
    written.fire(new Written());
  }
}
