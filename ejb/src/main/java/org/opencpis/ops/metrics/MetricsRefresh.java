package org.opencpis.ops.metrics;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpis.casework.application.InboxLoad;
import org.opencpis.hub.application.CouncilUploadService;
import org.opencpis.notification.QueueDepths;
import org.opencpis.shared.DomainMetrics;

/**
 * Sets the gauges that count what waits (open and overdue steps per council inbox, notifications
 * waiting per council, dead letters per queue, council files held per council) from the database
 * and the broker, every {@value DomainMetrics#REFRESH_SECONDS} seconds on each node: a scrape reads
 * the last counts and never waits on the database. While the database or the broker fails, the last
 * counts stay.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MetricsRefresh {

  private static final Logger LOG = Logger.getLogger(MetricsRefresh.class.getName());

  /** At most this many messages are browsed on one queue for one count. */
  static final int BROWSE_CAP = 100_000;

  @Inject DomainMetrics metrics;
  @EJB InboxLoad inboxes;
  @EJB QueueDepths queues;
  @EJB CouncilUploadService councilUploads;

  private volatile boolean failing;

  @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "metrics")
  void refresh() {
    try {
      metrics.steps(
          inboxes.openAndOverdue().stream()
              .map(i -> new DomainMetrics.InboxSteps(i.laCode(), i.inbox(), i.open(), i.overdue()))
              .toList());
      metrics.waiting(queues.waitingPerCouncil(BROWSE_CAP));
      metrics.deadLetters(queues.deadLetters(BROWSE_CAP));
      metrics.heldFiles(councilUploads.heldFilesPerCouncil());
      if (failing) {
        LOG.info("the metrics' counts are read again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.log(Level.WARNING, "the metrics' counts cannot be read now: " + e.getMessage());
        failing = true;
      }
    }
  }
}
