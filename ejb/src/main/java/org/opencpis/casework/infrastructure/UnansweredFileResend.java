package org.opencpis.casework.infrastructure;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.opencpis.casework.domain.OutboxEntry;
import org.opencpis.shared.Settings;

/**
 * The council workflow's own reconciliation (R9, R28): a file it sent the hub that is still
 * unanswered after {@code cpis.council.resend-after-seconds} (300) is sent again, as it was, under
 * its own number, and again after as long while it stays unanswered. The hub answers a repeat as it
 * answered the first (and sends its acknowledgement again), holds it if its turn has not come, and
 * applies it if the first never arrived: whatever the broker lost or kept back (a delivery stuck
 * after a crash), the council's record reaches the hub and its answer comes back.
 */
@Singleton
@Startup
public class UnansweredFileResend {

  private static final Logger LOG = Logger.getLogger(UnansweredFileResend.class.getName());

  /** At most this many files a run. */
  static final int BATCH = 200;

  @Inject HubOutbox hubOutbox;
  @Inject Settings settings;

  /** When this node last sent each file again (real time). */
  private final Map<String, Instant> sentAgain = new ConcurrentHashMap<>();

  @Schedule(
      second = "*/10",
      minute = "*",
      hour = "*",
      persistent = false,
      info = "unanswered files")
  void resend() {
    Duration after = Duration.ofSeconds(settings.councilFileResendAfterSeconds());
    Instant now = Instant.now();
    sentAgain.values().removeIf(t -> t.isBefore(now.minus(Duration.ofDays(1))));
    for (OutboxEntry e : hubOutbox.unanswered(settings.clock().instant().minus(after), BATCH)) {
      Instant last = sentAgain.get(e.id());
      if (last != null && last.isAfter(now.minus(after))) {
        continue;
      }
      hubOutbox.sendAgain(e);
      sentAgain.put(e.id(), now);
      LOG.warning(
          "council "
              + e.laCode()
              + " file "
              + e.fileSequence()
              + " unanswered since "
              + e.sentAt()
              + ": sent again");
    }
  }
}
