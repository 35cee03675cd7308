package org.opencpis.casework.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.opencpis.casework.application.NotificationIntake;
import org.opencpis.notification.NotificationJson;
import org.opencpis.shared.DatabaseOutage;
import org.opencpis.shared.DatabaseUnavailable;

/**
 * Consumes the hub's notifications to the councils, in the same transaction as the workflow it
 * creates. A failure rolls both back: Artemis redelivers, and after the configured number of
 * attempts parks the message on CpisLaNotificationsDLQ for an administrator to replay (R28).
 * Nothing is logged and swallowed. A notification to a council not worked here is not a failure: it
 * is acknowledged without a step ({@link NotificationIntake}). While the database is unavailable
 * the consumer waits for it ({@link DatabaseOutage}) rather than use up the attempts.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/cpis/LaNotifications"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
    })
public class NotificationConsumer implements MessageListener {

  @Inject NotificationIntake intake;
  @Inject DatabaseOutage outage;
  @Resource MessageDrivenContext context;

  @Override
  public void onMessage(Message message) {
    try {
      String body = ((TextMessage) message).getText();
      try {
        intake.receive(NotificationJson.read(body));
      } catch (RuntimeException e) {
        if (!DatabaseUnavailable.isCause(e)) {
          throw e;
        }
        // an outage does not use up the message's attempts: it waits for the database
        outage.awaitDatabase("notification " + message.getStringProperty("notificationId"));
        context.setRollbackOnly();
      }
    } catch (JMSException e) {
      throw new IllegalStateException("cannot read the notification message", e);
    }
  }
}
