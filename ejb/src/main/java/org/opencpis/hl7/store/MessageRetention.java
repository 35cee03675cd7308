package org.opencpis.hl7.store;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.opencpis.hl7.Hl7Settings;

/**
 * Removes received HL7 messages and their answers once they are older than the retention period
 * (cpis.hl7.message-retention-days, 30 by default): they are kept to answer a repeat as the first
 * time, and they hold personal data that is not kept longer than that needs. Attendances (one
 * access per visit) are not touched.
 */
@Stateless
public class MessageRetention {

  private static final Logger LOG = Logger.getLogger(MessageRetention.class.getName());

  @Inject Hl7Store store;
  @Inject Hl7Settings settings;

  @Schedule(hour = "3", minute = "5", persistent = false, info = "HL7 message retention")
  public void nightly() {
    purge(Instant.now());
  }

  public int purge(Instant now) {
    int removed =
        store.forgetMessagesBefore(now.minus(Duration.ofDays(settings.messageRetentionDays())));
    LOG.info(() -> "HL7 message retention: " + removed + " messages removed");
    return removed;
  }
}
