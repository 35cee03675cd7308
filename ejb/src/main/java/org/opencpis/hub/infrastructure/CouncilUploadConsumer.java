package org.opencpis.hub.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.logging.Logger;
import org.opencpis.audit.AuditContext;
import org.opencpis.hub.application.CouncilUploadService;
import org.opencpis.notification.CouncilUpload;
import org.opencpis.shared.DatabaseOutage;
import org.opencpis.shared.DatabaseUnavailable;

/**
 * Applies the councils' record updates (R9). Messages are grouped by council, so one council's
 * files arrive one at a time; a file that comes before the one it follows is held in the database
 * until its turn ({@link CouncilUploadService#receive}); a file the demographic service cannot
 * check now is handed back, and a failure rolls back; both are redelivered, then parked on
 * CpisRecordUpdatesDLQ (R28). While the database is unavailable the consumer waits for it ({@link
 * DatabaseOutage}) rather than use up the attempts.
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

  private static final Logger LOG = Logger.getLogger(CouncilUploadConsumer.class.getName());

  @Inject CouncilUploadService councilUploads;
  @Resource MessageDrivenContext context;
  @Inject DatabaseOutage outage;
  @Inject AuditContext audit;

  @Override
  public void onMessage(Message message) {
    audit.enter(AuditContext.JMS, "JMS " + CouncilUpload.QUEUE);
    try {
      councilUploads.receive(JSON.fromJson(((TextMessage) message).getText(), CouncilUpload.class));
    } catch (CouncilUploadService.NotYet e) {
      int attempt = attempt(message);
      LOG.warning(
          e.getMessage() + " (attempt " + attempt + "): handed back, delivered again later");
      context.setRollbackOnly();
    } catch (RuntimeException e) {
      if (!DatabaseUnavailable.isCause(e)) {
        throw e;
      }
      // an outage does not use up the message's attempts: it waits for the database
      outage.awaitDatabase("a council's record update");
      context.setRollbackOnly();
    } catch (JMSException e) {
      throw new IllegalStateException("cannot read the council upload message", e);
    }
  }

  private static int attempt(Message m) {
    try {
      return m.getIntProperty("JMSXDeliveryCount");
    } catch (JMSException | RuntimeException e) {
      return 0;
    }
  }
}
