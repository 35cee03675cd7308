package org.opencpis.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

  static <T extends Throwable> T causedBy(T outer, Throwable cause) {
    outer.initCause(cause);
    return outer;
  }

  @Test
  @DisplayName("R28: a connection the database refused, however wrapped, is 'unavailable'")
  void connectionRefused() {
    SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
    Exception wrapped =
        new EJBException(
            causedBy(new PersistenceException("could not prepare statement"), refused));
    assertThat(DatabaseUnavailable.isCause(wrapped)).isTrue();
  }

  @Test
  @DisplayName("R28: a server shutting down, a transient connection failure, an empty pool")
  void otherOutages() {
    assertThat(
            DatabaseUnavailable.isCause(
                new SQLException("terminating connection due to administrator command", "57P01")))
        .isTrue();
    assertThat(
            DatabaseUnavailable.isCause(
                new EJBTransactionRolledbackException(
                    "rolled back",
                    new RuntimeException(new SQLTransientConnectionException("timeout")))))
        .isTrue();
    SQLException pool =
        new SQLException(
            "jakarta.resource.ResourceException: IJ000453: Unable to get managed connection for"
                + " java:jboss/datasources/CpisDS",
            new ResourceException("IJ031084: Unable to create connection"));
    assertThat(DatabaseUnavailable.isCause(new EJBException(pool))).isTrue();
    RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit");
    rollback.addSuppressed(new SQLException("An I/O error occurred", "08006"));
    assertThat(DatabaseUnavailable.isCause(new EJBException(rollback))).isTrue();
  }

  @Test
  @DisplayName("R28: a refused write or a bug is not an outage (it is retried, then parked)")
  void notAnOutage() {
    assertThat(
            DatabaseUnavailable.isCause(
                new EJBException(
                    causedBy(
                        new PersistenceException("could not execute statement"),
                        new SQLException("violates check constraint", "23514")))))
        .isFalse();
    assertThat(DatabaseUnavailable.isCause(new IllegalStateException("no access event 1")))
        .isFalse();
    assertThat(DatabaseUnavailable.isCause(null)).isFalse();
    RuntimeException loop = new RuntimeException("a");
    RuntimeException other = new RuntimeException("b", loop);
    loop.initCause(other);
    assertThat(DatabaseUnavailable.isCause(loop)).isFalse();
  }
}
