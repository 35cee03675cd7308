package org.opencpis.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.opencpis.shared.Roles;

/**
 * What an administrator does with messages that kept failing (R28): see them on their dead-letter
 * queue, and replay them onto the queue they came from once the cause is fixed. Replaying is
 * transactional: a message leaves the dead-letter queue only as it is sent back.
 */
@Stateless
@RolesAllowed(Roles.CPIS_ADMIN)
public class DeadLetters {

  private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

  /** The queues with a dead-letter queue, by the short name the API uses. */
  public static final Map<String, String> QUEUES =
      Map.of(
          "LaNotifications", "java:/jms/queue/cpis/LaNotifications",
          "AccessEvents", "java:/jms/queue/cpis/AccessEvents",
          "RecordUpdates", CouncilUpload.QUEUE);

  /**
   * One parked message, as an administrator sees it (no message body: it may hold personal data).
   */
  public record Parked(
      String messageId,
      String notificationId,
      String accessEventId,
      String laCode,
      String originalQueue) {}

  @Inject JMSContext jms;

  public List<Parked> parked(String queue) {
    Queue dlq = lookup(dlqName(queue));
    List<Parked> out = new ArrayList<>();
    try (QueueBrowser browser = jms.createBrowser(dlq)) {
      Enumeration<?> e = browser.getEnumeration();
      for (Object o : Collections.list(e)) {
        Message m = (Message) o;
        out.add(
            new Parked(
                m.getJMSMessageID(),
                m.getStringProperty("notificationId"),
                m.getStringProperty("accessEventId"),
                m.getStringProperty("laCode"),
                m.getStringProperty("_AMQ_ORIG_QUEUE")));
      }
    } catch (JMSException ex) {
      throw new IllegalStateException("cannot browse " + queue + " dead letters", ex);
    }
    return out;
  }

  /** Sends every parked message of {@code queue} back to it; returns how many. */
  public int replay(String queue) {
    Queue dlq = lookup(dlqName(queue));
    Queue origin = lookup(QUEUES.get(queue));
    int replayed = 0;
    try (JMSConsumer consumer = jms.createConsumer(dlq)) {
      Message m;
      while ((m = consumer.receive(500)) != null) {
        TextMessage copy = jms.createTextMessage(((TextMessage) m).getText());
        for (String p : Collections.list(castNames(m.getPropertyNames()))) {
          if (!p.startsWith("JMSX") && !p.startsWith("_AMQ") && !p.startsWith("_HQ")) {
            copy.setObjectProperty(p, m.getObjectProperty(p));
          }
        }
        jms.createProducer().send(origin, copy);
        replayed++;
      }
    } catch (JMSException ex) {
      throw new IllegalStateException("cannot replay " + queue + " dead letters", ex);
    }
    final int count = replayed;
    LOG.info(() -> "replayed " + count + " dead letters onto " + queue);
    return replayed;
  }

  private static String dlqName(String queue) {
    String q = QUEUES.get(queue);
    if (q == null) {
      throw new IllegalArgumentException(
          "no queue '" + queue + "': one of " + QUEUES.keySet().stream().sorted().toList());
    }
    return q + "DLQ";
  }

  @SuppressWarnings("unchecked")
  private static Enumeration<String> castNames(Enumeration<?> e) {
    return (Enumeration<String>) e;
  }

  private static Queue lookup(String name) {
    try {
      return (Queue) new InitialContext().lookup(name);
    } catch (NamingException e) {
      throw new IllegalStateException("no queue bound at " + name, e);
    }
  }
}
