package org.opencpis.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opencpis.messaging.Outbox;

/**
 * Issues a notification to an LA: stores it and puts it in the outbox for the persistent queue, in
 * the caller's transaction, so both happen or neither does. Issuing the same notification id twice
 * does nothing the second time.
 */
@ApplicationScoped
public class NotificationIssuer {

  public static final String QUEUE = "java:/jms/queue/cpis/LaNotifications";

  @PersistenceContext(unitName = "cpis")
  EntityManager em;

  @Inject Outbox outbox;

  /**
   * @return whether it was issued now (false: it had been already)
   */
  public boolean issue(LaNotification n) {
    if (em.find(IssuedNotification.class, n.notificationId()) != null) {
      return false;
    }
    String json = NotificationJson.write(n);
    em.persist(new IssuedNotification(n, json));
    send(n.notificationId(), n.laCode(), n.type(), json);
    return true;
  }

  /**
   * Sends an issued notification again, as it was (an administrator's resend for an LA that lost
   * it). The council side receives it once: a notification id already worked changes nothing.
   *
   * @return whether there was such a notification
   */
  public boolean resend(String notificationId) {
    IssuedNotification n = em.find(IssuedNotification.class, notificationId);
    if (n == null) {
      return false;
    }
    send(n.id(), n.laCode(), n.type(), n.payload());
    return true;
  }

  private void send(String id, String laCode, LaNotification.Type type, String json) {
    outbox.put(QUEUE, json, Map.of("notificationId", id, "laCode", laCode, "type", type.name()));
  }

  /** An LA's notifications issued in [from, to), oldest first. */
  /** The notifications of one kind issued to a council in [from, to), oldest first. */
  public List<IssuedNotification> issuedTo(
      String laCode, LaNotification.Type type, Instant from, Instant to, int max) {
    return em.createQuery(
            "select n from IssuedNotification n where n.laCode = :la and n.type = :type"
                + " and n.createdAt >= :from and n.createdAt < :to order by n.createdAt, n.id",
            IssuedNotification.class)
        .setParameter("la", laCode)
        .setParameter("type", type)
        .setParameter("from", from)
        .setParameter("to", to)
        .setMaxResults(max)
        .getResultList();
  }

  public List<IssuedNotification> issuedTo(String laCode, Instant from, Instant to, int max) {
    return em.createQuery(
            "select n from IssuedNotification n where n.laCode = :la and n.createdAt >= :from"
                + " and n.createdAt < :to order by n.createdAt, n.id",
            IssuedNotification.class)
        .setParameter("la", laCode)
        .setParameter("from", from)
        .setParameter("to", to)
        .setMaxResults(max)
        .getResultList();
  }
}
