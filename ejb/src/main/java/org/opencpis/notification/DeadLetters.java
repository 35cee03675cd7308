package org.opencpis.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
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
 *
 * <p>A replayed message keeps what its consumer relies on: its application properties and its group
 * ({@code JMSXGroupID}: the council of a record update, so a council's files are still applied one
 * at a time). Messages are sent back in the order they were first sent, and the files of one group
 * in their sequence ({@code fileSequenceId}), whatever order they were parked in.
 */
@Stateless
@RolesAllowed(Roles.CPIS_ADMIN)
public class DeadLetters {

  private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

  /** At most this many messages are replayed by one call (the answer says how many were). */
  public static final int MAX_REPLAY = 10_000;

  /** The queues with a dead-letter queue, by the short name the API uses. */
  public static final Map<String, String> QUEUES =
      Map.of(
          "LaNotifications", "java:/jms/queue/cpis/LaNotifications",
          "AccessEvents", "java:/jms/queue/cpis/AccessEvents",
          "RecordUpdates", CouncilUpload.QUEUE,
          "Hl7Alerts", "java:/jms/queue/cpis/Hl7Alerts");

  /** Set on a parked message to say why; not carried over when it is replayed. */
  private static final String REASON = "reason";

  private static final String GROUP = "JMSXGroupID";
  private static final String SEQUENCE = "fileSequenceId";

  /**
   * One parked message, as an administrator sees it (no message body: it may hold personal data).
   * Which ids are set depends on the queue: a notification, an access event, a council's file (its
   * sequence id), an HL7 alert's facility.
   */
  public record Parked(
      String messageId,
      String notificationId,
      String accessEventId,
      String laCode,
      Integer fileSequenceId,
      String facility,
      String reason,
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
                m.propertyExists(SEQUENCE) ? m.getIntProperty(SEQUENCE) : null,
                m.getStringProperty("facility"),
                m.getStringProperty(REASON),
                m.getStringProperty("_AMQ_ORIG_QUEUE")));
      }
    } catch (JMSException ex) {
      throw new IllegalStateException("cannot browse " + queue + " dead letters", ex);
    }
    return out;
  }

  /** Sends the parked messages of {@code queue} back to it, in order; returns how many. */
  public int replay(String queue) {
    Queue dlq = lookup(dlqName(queue));
    Queue origin = lookup(QUEUES.get(queue));
    List<Copy> copies = new ArrayList<>();
    try (JMSConsumer consumer = jms.createConsumer(dlq)) {
      Message m;
      while (copies.size() < MAX_REPLAY && (m = consumer.receive(500)) != null) {
        copies.add(Copy.of(m, copies.size()));
      }
    } catch (JMSException ex) {
      throw new IllegalStateException("cannot replay " + queue + " dead letters", ex);
    }
    for (Copy c : inSendingOrder(copies)) {
      TextMessage out = jms.createTextMessage(c.body());
      try {
        for (var p : c.properties().entrySet()) {
          out.setObjectProperty(p.getKey(), p.getValue());
        }
      } catch (JMSException ex) {
        throw new IllegalStateException("cannot replay " + queue + " dead letters", ex);
      }
      jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(origin, out);
    }
    final int count = copies.size();
    LOG.info(() -> "replayed " + count + " dead letters onto " + queue);
    return count;
  }

  /**
   * The order to send them back in: by the time each was first sent; the messages of one group that
   * carry a file sequence id then take the places of their group in sequence order, so a council's
   * files go back 1, 2, 3 even if they were parked 2, 1, 3.
   */
  static List<Copy> inSendingOrder(List<Copy> parked) {
    List<Copy> out = new ArrayList<>(parked);
    out.sort(Comparator.comparingLong(Copy::sentAt).thenComparingInt(Copy::position));
    Map<String, List<Integer>> places = new LinkedHashMap<>();
    for (int i = 0; i < out.size(); i++) {
      Copy c = out.get(i);
      if (c.group() != null && c.sequence() != null) {
        places.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> at : places.values()) {
      List<Copy> group = new ArrayList<>(at.stream().map(out::get).toList());
      group.sort(Comparator.comparing(Copy::sequence));
      for (int k = 0; k < at.size(); k++) {
        out.set(at.get(k), group.get(k));
      }
    }
    return out;
  }

  /** What is replayed of a parked message: its body and the properties its consumer reads. */
  record Copy(
      String body,
      Map<String, Object> properties,
      String group,
      Integer sequence,
      long sentAt,
      int position) {

    static Copy of(Message m, int position) throws JMSException {
      Map<String, Object> props = new LinkedHashMap<>();
      for (String p : Collections.list(castNames(m.getPropertyNames()))) {
        if (!p.startsWith("JMSX")
            && !p.startsWith("_AMQ")
            && !p.startsWith("_HQ")
            && !p.equals(REASON)) {
          props.put(p, m.getObjectProperty(p));
        }
      }
      String group = m.getStringProperty(GROUP);
      if (group != null) {
        props.put(GROUP, group);
      }
      Object seq = props.get(SEQUENCE);
      return new Copy(
          m instanceof TextMessage t ? t.getText() : null,
          props,
          group,
          seq instanceof Number n ? n.intValue() : null,
          m.getJMSTimestamp(),
          position);
    }
  }

  static String dlqName(String queue) {
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

  static Queue lookup(String name) {
    try {
      return (Queue) new InitialContext().lookup(name);
    } catch (NamingException e) {
      throw new IllegalStateException("no queue bound at " + name, e);
    }
  }
}
