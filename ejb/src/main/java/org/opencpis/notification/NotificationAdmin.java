package org.opencpis.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.opencpis.shared.Roles;

/** An administrator's actions on issued notifications. */
@Stateless
@RolesAllowed(Roles.CPIS_ADMIN)
public class NotificationAdmin {

  @Inject NotificationIssuer issuer;

  /** Sends an issued notification again; false when there is none with that id. */
  public boolean resend(String notificationId) {
    return issuer.resend(notificationId);
  }
}
