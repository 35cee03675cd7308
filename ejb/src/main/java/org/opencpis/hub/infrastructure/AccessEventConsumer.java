package org.opencpis.hub.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.opencpis.hub.application.AccessNotificationService;

/**
 * Consumes recorded accesses and fans each out into per-LA notifications, in one transaction with
 * the notifications it issues. A failure rolls back and Artemis redelivers; after the configured
 * attempts the message is parked on CpisAccessEventsDLQ (R28).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = AccessEventPublisher.QUEUE),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
    })
public class AccessEventConsumer implements MessageListener {

  @Inject AccessNotificationService notifications;

  @Override
  public void onMessage(Message message) {
    try {
      String id = message.getStringProperty("accessEventId");
      if (id == null) {
        throw new IllegalStateException("an access event message without accessEventId");
      }
      notifications.fanOut(id);
    } catch (JMSException e) {
      throw new IllegalStateException("cannot read the access event message", e);
    }
  }
}
