package org.opencpis.messaging;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The relay's three transactions: read what waits (committed rows only, oldest first), send a batch
 * to the broker (a transaction with the broker alone, so it commits in one phase: all of the batch
 * or none), then delete what was sent. A crash between the last two sends the batch again.
 */
@Stateless
public class OutboxSender {

  @PersistenceContext(unitName = "cpis")
  EntityManager em;

  @Inject JMSContext jms;

  private static final Map<String, Queue> QUEUES = new ConcurrentHashMap<>();

  public List<OutboxMessage> waiting(int max) {
    return em.createQuery("select m from OutboxMessage m order by m.seq", OutboxMessage.class)
        .setMaxResults(max)
        .getResultList();
  }

  public void send(List<OutboxMessage> batch) {
    for (OutboxMessage m : batch) {
      JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
      try (JsonReader r = Json.createReader(new StringReader(m.properties()))) {
        JsonObject props = r.readObject();
        for (Map.Entry<String, JsonValue> p : props.entrySet()) {
          JsonValue v = p.getValue();
          if (v instanceof JsonNumber n) {
            producer.setProperty(p.getKey(), n.intValueExact());
          } else if (v instanceof JsonString s) {
            producer.setProperty(p.getKey(), s.getString());
          }
        }
      }
      producer.send(queue(m.destination()), m.body());
    }
  }

  public int delete(List<Long> seqs) {
    return em.createQuery("delete from OutboxMessage m where m.seq in :seqs")
        .setParameter("seqs", seqs)
        .executeUpdate();
  }

  public long waitingCount() {
    return em.createQuery("select count(m) from OutboxMessage m", Long.class).getSingleResult();
  }

  private static Queue queue(String jndi) {
    return QUEUES.computeIfAbsent(
        jndi,
        n -> {
          try {
            return (Queue) new InitialContext().lookup(n);
          } catch (NamingException e) {
            throw new IllegalStateException("no queue bound at " + n, e);
          }
        });
  }
}
