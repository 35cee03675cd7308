package org.opencpis.casework.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.opencpis.casework.application.NotificationIntake;
import org.opencpis.notification.NotificationJson;

/**
 * Consumes the hub's notifications to the councils, in the same transaction as the workflow it
 * creates. A failure rolls both back: Artemis redelivers, and after the configured number of
 * attempts parks the message on CpisLaNotificationsDLQ for an administrator to replay (R28).
 * Nothing is logged and swallowed. A notification to a council not worked here is not a failure: it
 * is acknowledged without a step ({@link NotificationIntake}).
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

  @Override
  public void onMessage(Message message) {
    try {
      String body = ((TextMessage) message).getText();
      intake.receive(NotificationJson.read(body));
    } catch (JMSException e) {
      throw new IllegalStateException("cannot read the notification message", e);
    }
  }
}
