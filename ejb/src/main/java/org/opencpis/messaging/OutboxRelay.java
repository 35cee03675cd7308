package org.opencpis.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays the outbox to the broker, one batch at a time and in the order the messages were written
 * (so a group's messages, such as one council's record updates, keep their order). Woken after
 * every transaction that wrote to the outbox, and by {@link OutboxSweep} every two seconds, which
 * also sends what a crash left behind. While the broker is unavailable the messages wait in the
 * database; nothing accepted is lost.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final int BATCH = 200;

  @Inject OutboxSender sender;

  @Resource ManagedExecutorService executor;

  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Object draining = new Object();
  private volatile boolean failing;

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written w) {
    wake();
  }

  /** Asks for a relay run; at most one runs, and at most one more waits behind it. */
  public void wake() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        executor.execute(this::run);
      } catch (RejectedExecutionException e) {
        scheduled.set(false); // the sweep tries again
      }
    }
  }

  private void run() {
    scheduled.set(false); // a wake from now on schedules another run
    synchronized (draining) {
      try {
        drain();
        if (failing) {
          LOG.info("the outbox is being relayed again");
          failing = false;
        }
      } catch (RuntimeException e) {
        if (!failing) {
          LOG.log(
              Level.WARNING, "cannot relay the outbox now; its messages wait and are retried", e);
          failing = true;
        }
      }
    }
  }

  /** Sends everything that waits; returns how many were sent. */
  int drain() {
    int sent = 0;
    while (true) {
      List<OutboxMessage> batch = sender.waiting(BATCH);
      if (batch.isEmpty()) {
        return sent;
      }
      sender.send(batch);
      sender.delete(batch.stream().map(OutboxMessage::seq).toList());
      sent += batch.size();
      if (batch.size() < BATCH) {
        return sent;
      }
    }
  }
}
