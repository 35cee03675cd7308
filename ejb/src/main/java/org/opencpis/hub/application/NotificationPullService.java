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
    if (laCode == null || laCode.isBlank()) {
      throw new HubFault(
          HubFault.MANDATORY_DATA_MISSING + "|localAuthority",
          "localAuthority/id",
          "say whose notifications: localAuthority/id/@extension (the LA's ODS code)");
    }
    if (!session.isCallerInRole(Roles.council(laCode))) {
      throw new HubFault(
          HubFault.ACCESS_DENIED,
          "localAuthority/id",
          "user '"
              + session.getCallerPrincipal().getName()
              + "' may not read the notifications of local authority "
              + laCode);
    }
    Instant low = time("accessTime/low", lowRaw);
    Instant high =
        highRaw == null || highRaw.isBlank()
            ? settings.clock().instant()
            : time("accessTime/high", highRaw);
    if (!low.isBefore(high)) {
      throw new HubFault(
          "INVALID_WINDOW", "accessTime", "accessTime/low must be before accessTime/high");
    }
    if (Duration.between(low, high).compareTo(WIDEST) > 0) {
      throw new HubFault(
          "INVALID_WINDOW",
          "accessTime",
          "ask for at most 31 days at a time, and page through longer periods");
    }
    List<IssuedNotification> issued = issuer.issuedTo(laCode, low, high, MAX + 1);
    boolean complete = issued.size() <= MAX;
    List<LaNotification> notifications =
        issued.stream().limit(MAX).map(n -> NotificationJson.read(n.payload())).toList();
    return new Pulled(laCode, low, high, complete, notifications);
  }

  private Instant time(String field, String raw) {
    try {
      return Hl7Dates.instant(field, raw, settings.zone());
    } catch (InvalidValueException e) {
      throw new HubFault("INVALID_WINDOW", field, e.getMessage());
    }
  }
}
