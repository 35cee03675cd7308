package org.opencpis.notification;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much waits on the application's queues, for the metrics: the notifications each council's
 * workflow has not yet taken, and the messages parked on each dead-letter queue. Counted by
 * browsing (nothing is consumed), at most {@code cap} messages a queue, so a large backlog costs a
 * bounded read; a count at the cap means "at least".
 */
@Stateless
public class QueueDepths {

  static final String LA_NOTIFICATIONS = "LaNotifications";

  @Inject JMSContext jms;

  /** Notifications waiting in CpisLaNotifications, by council (its {@code laCode}). */
  public Map<String, Long> waitingPerCouncil(int cap) {
    Map<String, Long> out = new TreeMap<>();
    try (QueueBrowser b =
        jms.createBrowser(DeadLetters.lookup(DeadLetters.QUEUES.get(LA_NOTIFICATIONS)))) {
      Enumeration<?> e = b.getEnumeration();
      for (int n = 0; n < cap && e.hasMoreElements(); n++) {
        String la = ((Message) e.nextElement()).getStringProperty("laCode");
        out.merge(la == null ? "NONE" : la, 1L, Long::sum);
      }
    } catch (JMSException ex) {
      throw new IllegalStateException("cannot browse " + LA_NOTIFICATIONS, ex);
    }
    return out;
  }

  /** Messages parked on each dead-letter queue, by the queue's short name (as the admin API). */
  public Map<String, Long> deadLetters(int cap) {
    Map<String, Long> out = new TreeMap<>();
    for (String queue : DeadLetters.QUEUES.keySet()) {
      long n = 0;
      try (QueueBrowser b = jms.createBrowser(DeadLetters.lookup(DeadLetters.dlqName(queue)))) {
        Enumeration<?> e = b.getEnumeration();
        while (n < cap && e.hasMoreElements()) {
          e.nextElement();
          n++;
        }
      } catch (JMSException ex) {
        throw new IllegalStateException("cannot browse " + queue + " dead letters", ex);
      }
      out.put(queue, n);
    }
    return out;
  }
}
