package org.opencpis.hl7.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.opencpis.messaging.Outbox;

/**
 * Puts a CP-IS alert (an ORU^R01, ready to send) on the persistent queue {@code
 * java:/jms/queue/cpis/Hl7Alerts} through the outbox, in the caller's transaction: the alert leaves
 * only if the access it reports was recorded, and it survives a restart until its facility has
 * acknowledged it.
 */
@ApplicationScoped
public class AlertQueue {

  public static final String QUEUE = "java:/jms/queue/cpis/Hl7Alerts";
  public static final String DEAD_LETTERS = "java:/jms/queue/cpis/Hl7AlertsDLQ";

  @Inject Outbox outbox;

  /**
   * @param facility the ODS code of the facility to alert; its destination is read at each attempt
   * @param cause the control id (MSH-10) of the message that caused the alert
   */
  public void send(String facility, String cause, String oru) {
    outbox.put(QUEUE, oru, Map.of("facility", facility, "cause", cause));
  }
}
