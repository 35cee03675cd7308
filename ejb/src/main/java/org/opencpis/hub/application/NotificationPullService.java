package org.opencpis.hub.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opencpis.audit.Audited;
import org.opencpis.notification.IssuedNotification;
import org.opencpis.notification.LaNotification;
import org.opencpis.notification.NotificationIssuer;
import org.opencpis.notification.NotificationJson;
import org.opencpis.shared.Hl7Dates;
import org.opencpis.shared.InvalidValueException;
import org.opencpis.shared.Roles;
import org.opencpis.shared.Settings;

/**
 * Lets an LA system outside this deployment pull its own notifications over a time window, as the
 * national service's LA clients could: low inclusive, high exclusive (default: now), at most 31
 * days, at most {@value #MAX} per answer (the answer says when there are more). The caller is a
 * council's system ({@value Roles#LA_UPLOADER}) and pulls for the council it acts for only.
 */
@Stateless
@RolesAllowed(Roles.LA_UPLOADER)
public class NotificationPullService {

  public static final int MAX = 500;
  private static final Duration WIDEST = Duration.ofDays(31);

  /** What the pull found. */
  public record Pulled(
      String laCode,
      Instant low,
      Instant high,
      boolean complete,
      List<LaNotification> notifications)
      implements org.opencpis.audit.AuditedOutcome {

    @Override
    public String auditOutcome() {
      return notifications.isEmpty() ? "NOT_FOUND" : "FOUND " + notifications.size();
    }
  }

  @Resource SessionContext session;
  @Inject NotificationIssuer issuer;
  @Inject Settings settings;

  @Audited(
      value = "cpis.pullNotifications",
      subject = {0, 1, 2})
  public Pulled pull(String laCode, String lowRaw, String highRaw) {
    Window w = window(laCode, lowRaw, highRaw, OURS);
    List<IssuedNotification> issued = issuer.issuedTo(laCode, w.low, w.high, MAX + 1);
    boolean complete = issued.size() <= MAX;
    List<LaNotification> notifications =
        issued.stream().limit(MAX).map(n -> NotificationJson.read(n.payload())).toList();
    return new Pulled(laCode, w.low, w.high, complete, notifications);
  }

  /** The request's field names, for the answers that name one. */
  private record Fields(String la, String laElement, String low, String high, String window) {}

  private static final Fields OURS =
      new Fields(
          "localAuthority", "localAuthority/id", "accessTime/low", "accessTime/high", "accessTime");
  private static final Fields NATIONAL =
      new Fields(
          "LocalAuthority",
          "LocalAuthority/@id",
          "AccessTime/@low",
          "AccessTime/@high",
          "AccessTime");

  /**
   * The national pulls (ACCESS_TO_SERVICE, INACTIVE_NHS_NUMBERS): the notifications of one kind in
   * the window, checked as {@link #pull}. At most {@value #MAX}: a window holding more is answered
   * up to the first instant it could not carry whole, and {@code high} of the answer is that
   * instant, where the next pull starts (inclusive), so that no notification is skipped.
   */
  @Audited(
      value = "cpis.pullNotifications.national",
      subject = {0, 1, 2, 3})
  public Pulled pull(String laCode, LaNotification.Type type, String lowRaw, String highRaw) {
    Window w = window(laCode, lowRaw, highRaw, NATIONAL);
    List<IssuedNotification> issued = issuer.issuedTo(laCode, type, w.low, w.high, MAX + 1);
    int carried = carried(issued.stream().map(IssuedNotification::createdAt).toList(), MAX);
    Instant high = carried < issued.size() ? issued.get(carried).createdAt() : w.high;
    List<LaNotification> notifications =
        issued.stream().limit(carried).map(n -> NotificationJson.read(n.payload())).toList();
    return new Pulled(laCode, w.low, high, carried == issued.size(), notifications);
  }

  /**
   * How many of these notifications (oldest first, at most {@code max + 1} read) one answer
   * carries: all when they fit; else those before the first instant it cannot carry whole, so that
   * the next pull, from that instant, misses none. More than {@code max} at one instant are all
   * carried (there is no instant to cut at).
   */
  static int carried(List<Instant> createdAt, int max) {
    if (createdAt.size() <= max) {
      return createdAt.size();
    }
    Instant cut = createdAt.get(max);
    int before = (int) createdAt.stream().filter(t -> t.isBefore(cut)).count();
    return before == 0 ? createdAt.size() : before;
  }

  private record Window(Instant low, Instant high) {}

  private Window window(String laCode, String lowRaw, String highRaw, Fields f) {
    if (laCode == null || laCode.isBlank()) {
      throw new HubFault(
          HubFault.MANDATORY_DATA_MISSING + "|" + f.la(),
          f.laElement(),
          "say whose notifications: " + f.laElement() + " (the LA's code)");
    }
    if (!session.isCallerInRole(Roles.council(laCode))) {
      throw new HubFault(
          HubFault.ACCESS_DENIED,
          f.laElement(),
          "user '"
              + session.getCallerPrincipal().getName()
              + "' may not read the notifications of local authority "
              + laCode);
    }
    Instant low = time(f.low(), lowRaw);
    Instant high =
        highRaw == null || highRaw.isBlank() ? settings.clock().instant() : time(f.high(), highRaw);
    if (!low.isBefore(high)) {
      throw new HubFault("INVALID_WINDOW", f.window(), f.low() + " must be before " + f.high());
    }
    if (Duration.between(low, high).compareTo(WIDEST) > 0) {
      throw new HubFault(
          "INVALID_WINDOW",
          f.window(),
          "ask for at most 31 days at a time, and page through longer periods");
    }
    return new Window(low, high);
  }

  private Instant time(String field, String raw) {
    try {
      return Hl7Dates.instant(field, raw, settings.zone());
    } catch (InvalidValueException e) {
      throw new HubFault("INVALID_WINDOW", field, e.getMessage());
    }
  }
}
