package org.opencpis.hl7.outbound;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.preparser.PreParser;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import org.opencpis.hl7.Facility;
import org.opencpis.hl7.Hl7Settings;
import org.opencpis.hl7.Hl7Tls;

/**
 * Delivers CP-IS alerts to each facility's MLLP destination, over TLS (plain MLLP only while {@code
 * cpis.hl7.plain} is on, for a facility without {@code alert-tls=true}). A destination that is
 * down, or that answers AE, rolls the delivery back and the broker tries again later
 * (CpisHl7Alerts: growing delay, then the dead-letter queue CpisHl7AlertsDLQ, where an
 * administrator sees and replays it). An AR (the facility will never take it), or a facility that
 * no longer takes alerts, parks the alert on the dead-letter queue at once (R28: nothing is lost).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = AlertQueue.QUEUE),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
    })
public class Hl7AlertConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(Hl7AlertConsumer.class.getName());

  @Resource MessageDrivenContext context;
  @Inject Hl7Settings settings;
  @Inject Hl7Tls tls;
  @Inject JMSContext jms;

  @Resource(lookup = AlertQueue.DEAD_LETTERS)
  Queue deadLetters;

  @Override
  public void onMessage(Message m) {
    String facilityCode;
    String cause;
    String oru;
    int attempt;
    try {
      facilityCode = m.getStringProperty("facility");
      cause = m.getStringProperty("cause");
      oru = m.getBody(String.class);
      attempt = m.getIntProperty("JMSXDeliveryCount");
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable alert message", e);
    }
    String alertId = field(oru, "MSH-10");
    Optional<Facility> facility = settings.facility(facilityCode).filter(Facility::takesAlerts);
    if (facility.isEmpty()) {
      park(oru, facilityCode, cause, "the facility has no alert destination now");
      return;
    }
    Facility f = facility.get();
    // over TLS, unless plain MLLP is allowed (development) and the facility does not ask for TLS
    boolean overTls = f.alertTls() || !settings.plainAllowed();
    String ack;
    try {
      SSLContext context = null;
      if (overTls) {
        context =
            tls.context()
                .orElseThrow(() -> new IOException("TLS is not configured (cpis.hl7.tls.*)"));
      }
      ack =
          MllpSender.send(
              f.alertHost(),
              f.alertPort(),
              oru,
              settings.defaultCharset(),
              10_000,
              context,
              tls.protocols());
    } catch (IOException e) {
      LOG.warning(
          "CP-IS alert "
              + alertId
              + " to "
              + facilityCode
              + " not delivered (attempt "
              + attempt
              + "): "
              + e.getMessage()
              + "; retried later");
      context.setRollbackOnly();
      return;
    }
    String code = field(ack, "MSA-1");
    if ("AA".equals(code) || "CA".equals(code)) {
      LOG.info(
          "CP-IS alert "
              + alertId
              + " delivered to "
              + facilityCode
              + " (attempt "
              + attempt
              + ")");
    } else if ("AR".equals(code) || "CR".equals(code)) {
      park(oru, facilityCode, cause, "refused by the facility (" + code + ")");
    } else {
      LOG.warning(
          "CP-IS alert "
              + alertId
              + " to "
              + facilityCode
              + " answered "
              + code
              + " (attempt "
              + attempt
              + "); retried later");
      context.setRollbackOnly();
    }
  }

  private void park(String oru, String facility, String cause, String why) {
    jms.createProducer()
        .setDeliveryMode(DeliveryMode.PERSISTENT)
        .setProperty("facility", facility)
        .setProperty("cause", cause)
        .setProperty("reason", why)
        .send(deadLetters, oru);
    LOG.warning(
        "CP-IS alert "
            + field(oru, "MSH-10")
            + " to "
            + facility
            + " parked on CpisHl7AlertsDLQ: "
            + why);
  }

  private static String field(String message, String spec) {
    try {
      return PreParser.getFields(message, spec)[0];
    } catch (HL7Exception | RuntimeException e) {
      return null;
    }
  }
}
