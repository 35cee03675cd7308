package org.opencpis.notification;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** An administrator's actions on issued notifications. */
@Stateless
public class NotificationAdmin {

  @Inject NotificationIssuer issuer;

  /** Sends an issued notification again; false when there is none with that id. */
  public boolean resend(String notificationId) {
    return issuer.resend(notificationId);
  }
}
