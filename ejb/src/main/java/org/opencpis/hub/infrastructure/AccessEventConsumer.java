package org.opencpis.hub.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.opencpis.hub.application.AccessNotificationService;
import org.opencpis.shared.DatabaseOutage;
import org.opencpis.shared.DatabaseUnavailable;

/**
 * Consumes recorded accesses and fans each out into per-LA notifications, in one transaction with
 * the notifications it issues. A failure rolls back and Artemis redelivers; after the configured
 * attempts the message is parked on CpisAccessEventsDLQ (R28). While the database is unavailable
 * the consumer waits for it ({@link DatabaseOutage}) rather than use up the attempts.
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
  @Inject DatabaseOutage outage;
  @Resource MessageDrivenContext context;

  @Override
  public void onMessage(Message message) {
    try {
      String id = message.getStringProperty("accessEventId");
      if (id == null) {
        throw new IllegalStateException("an access event message without accessEventId");
      }
      try {
        notifications.fanOut(id);
      } catch (RuntimeException e) {
        if (!DatabaseUnavailable.isCause(e)) {
          throw e;
        }
        // an outage does not use up the message's attempts: it waits for the database
        outage.awaitDatabase("access event " + id);
        context.setRollbackOnly();
      }
    } catch (JMSException e) {
      throw new IllegalStateException("cannot read the access event message", e);
    }
  }
}
