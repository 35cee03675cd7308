package org.opencpis.hub.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.opencpis.hub.application.CouncilUploadService;
import org.opencpis.notification.CouncilUpload;

/**
 * Applies the councils' record updates (R9). Messages are grouped by council, so one council's
 * files arrive one at a time and in order; a failure rolls back and is redelivered, then parked on
 * CpisRecordUpdatesDLQ (R28).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = CouncilUpload.QUEUE),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
    })
public class CouncilUploadConsumer implements MessageListener {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject CouncilUploadService councilUploads;

  @Override
  public void onMessage(Message message) {
    try {
      councilUploads.apply(JSON.fromJson(((TextMessage) message).getText(), CouncilUpload.class));
    } catch (JMSException e) {
      throw new IllegalStateException("cannot read the council upload message", e);
    }
  }
}
