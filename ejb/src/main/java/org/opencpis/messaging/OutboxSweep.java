package org.opencpis.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Wakes the outbox relay at start (what a crash left unsent goes first) and every two seconds, in
 * case a wake-up after a commit was missed or the broker was unavailable.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSweep {

  @Inject OutboxRelay relay;

  @PostConstruct
  void atStart() {
    relay.wake();
  }

  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false, info = "outbox relay")
  void sweep() {
    relay.wake();
  }
}
