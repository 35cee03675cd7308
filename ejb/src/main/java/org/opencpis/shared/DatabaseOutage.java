package org.opencpis.shared;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What a message consumer does when the database is unavailable: it waits for the database to
 * answer again (at most {@value #WAIT_PROPERTY} seconds, 120 by default) before it hands the
 * message back. The broker counts every delivery, so without the wait an outage of half a minute
 * would use up a message's attempts and park it on its dead-letter queue; with it, a consumer holds
 * its message until the database is back, and the message's next delivery succeeds (R28: the server
 * recovers by itself).
 */
@Stateless
public class DatabaseOutage {

  private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());

  /** The longest a consumer waits for the database, in seconds (a system property). */
  public static final String WAIT_PROPERTY = "cpis.jms.database-wait-seconds";

  private static final Duration PROBE_EVERY = Duration.ofSeconds(1);

  @Resource(lookup = "java:jboss/datasources/CpisDS")
  DataSource database;

  /**
   * Waits, outside any transaction, until a connection to the database is valid again or the wait
   * is over.
   *
   * @param what what is waiting (for the log)
   * @return whether the database answers again
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean awaitDatabase(String what) {
    Instant deadline = Instant.now().plusSeconds(Settings.intValue(WAIT_PROPERTY, 120));
    LOG.warning(() -> "database unavailable: " + what + " waits for it before it is retried");
    while (Instant.now().isBefore(deadline)) {
      if (answers()) {
        LOG.info(() -> "database available again: " + what + " is retried");
        return true;
      }
      try {
        Thread.sleep(PROBE_EVERY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    LOG.warning(() -> "database still unavailable: " + what + " is retried anyway");
    return false;
  }

  private boolean answers() {
    try (Connection c = database.getConnection()) {
      return c.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}
