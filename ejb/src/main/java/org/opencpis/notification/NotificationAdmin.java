package org.opencpis.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.opencpis.shared.Roles;

/** An administrator's actions on issued notifications. */
@Stateless
@RolesAllowed(Roles.CPIS_ADMIN)
public class NotificationAdmin {

  private static final Logger LOG = Logger.getLogger(NotificationAdmin.class.getName());

  /** The longest window one resend covers, as for the councils' own pull. */
  public static final Duration MAX_WINDOW = Duration.ofDays(31);

  /** At most this many notifications are resent by one call; the answer says where to go on. */
  public static final int MAX_RESEND = 5_000;

  private static final int PAGE = 500;

  @PersistenceContext(unitName = "cpis")
  EntityManager em;

  @Inject NotificationIssuer issuer;

  /** What a window resend did. */
  public record WindowResent(
      String laCode, Instant from, Instant to, int resent, boolean complete, Instant nextFrom) {}

  /** Sends an issued notification again; false when there is none with that id. */
  public boolean resend(String notificationId) {
    return issuer.resend(notificationId);
  }

  /**
   * Sends again every notification the hub issued to a council in [from, to) that becomes council
   * workflow (access to service, inactive NHS number, record failure), oldest first: for a council
   * whose workflow is set up after its notifications arrived, or that lost some. The council side
   * works each notification id once, so a notification already worked changes nothing.
   * Acknowledgements are not resent: they answer the council workflow's own files, and an old one
   * must not overwrite a child's newer CP-IS status.
   *
   * <p>At most {@link #MAX_RESEND} a call; when there are more, {@code complete} is false and the
   * next call starts at {@code nextFrom} (a notification at that instant may be sent twice, which
   * is harmless).
   */
  public WindowResent resendWindow(String laCode, Instant from, Instant to) {
    int resent = 0;
    Instant cursor = from;
    String lastId = "";
    while (resent < MAX_RESEND) {
      List<IssuedNotification> page =
          em.createQuery(
                  "select n from IssuedNotification n where n.laCode = :la and n.type <> :ack"
                      + " and n.createdAt < :to and (n.createdAt > :at"
                      + " or (n.createdAt = :at and n.id > :id)) order by n.createdAt, n.id",
                  IssuedNotification.class)
              .setParameter("la", laCode)
              .setParameter("ack", LaNotification.Type.ACKNOWLEDGEMENT)
              .setParameter("to", to)
              .setParameter("at", cursor)
              .setParameter("id", lastId)
              .setMaxResults(Math.min(PAGE, MAX_RESEND - resent))
              .getResultList();
      for (IssuedNotification n : page) {
        issuer.resend(n.id());
        cursor = n.createdAt();
        lastId = n.id();
        resent++;
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    boolean complete = resent < MAX_RESEND || !more(laCode, cursor, lastId, to);
    final int count = resent;
    LOG.info(
        () ->
            "resent "
                + count
                + " notifications of council "
                + laCode
                + " issued in ["
                + from
                + ", "
                + to
                + ")");
    return new WindowResent(laCode, from, to, resent, complete, complete ? null : cursor);
  }

  private boolean more(String laCode, Instant at, String id, Instant to) {
    return !em.createQuery(
            "select n.id from IssuedNotification n where n.laCode = :la and n.type <> :ack"
                + " and n.createdAt < :to and (n.createdAt > :at"
                + " or (n.createdAt = :at and n.id > :id))",
            String.class)
        .setParameter("la", laCode)
        .setParameter("ack", LaNotification.Type.ACKNOWLEDGEMENT)
        .setParameter("to", to)
        .setParameter("at", at)
        .setParameter("id", id)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
