package org.opencpis.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure because the database cannot be reached (stopped, restarting, the network down, no
 * connection to be had from the pool in time) from every other failure, whatever wraps it: an EJB
 * exception, a rolled-back transaction, JPA's PersistenceException, Hibernate's
 * JDBCConnectionException, the connection pool's "Unable to get managed connection". Each channel
 * answers such a failure "unavailable, send it again later" in one place (SOAP SERVICE_UNAVAILABLE,
 * HL7 AE 207, REST 503), and the message consumers wait for the database instead of using up their
 * delivery attempts.
 */
public final class DatabaseUnavailable {

  /** PostgreSQL's codes for a server shutting down, crashed, or not accepting connections yet. */
  private static final Set<String> SERVER_GONE =
      Set.of("57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006");

  /** The connection pool (IronJacamar): no connection could be made, or none came in time. */
  private static final String[] POOL_MESSAGES = {
    "IJ000453", "IJ000655", "Unable to get managed connection", "No managed connections available"
  };

  private static final int MAX_DEPTH = 30;

  private DatabaseUnavailable() {}

  /** Whether {@code failure}, or anything that caused it, says the database cannot be reached. */
  public static boolean isCause(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    return search(failure, seen, 0);
  }

  private static boolean search(Throwable t, Set<Throwable> seen, int depth) {
    if (t == null || depth > MAX_DEPTH || !seen.add(t)) {
      return false;
    }
    if (says(t)) {
      return true;
    }
    if (t instanceof SQLException sql && search(sql.getNextException(), seen, depth + 1)) {
      return true;
    }
    for (Throwable s : t.getSuppressed()) {
      if (search(s, seen, depth + 1)) {
        return true;
      }
    }
    return search(t.getCause(), seen, depth + 1);
  }

  private static boolean says(Throwable t) {
    if (t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof java.net.ConnectException) {
      return true;
    }
    if (t instanceof SQLException sql
        && sql.getSQLState() != null
        && (sql.getSQLState().startsWith("08") || SERVER_GONE.contains(sql.getSQLState()))) {
      return true;
    }
    // by name: the application compiles against the Jakarta APIs only
    String type = t.getClass().getName();
    if (type.equals("org.hibernate.exception.JDBCConnectionException")) {
      return true;
    }
    if (t instanceof SQLException
        || type.startsWith("jakarta.resource.")
        || type.startsWith("org.jboss.jca.")) {
      String message = t.getMessage();
      if (message != null) {
        for (String m : POOL_MESSAGES) {
          if (message.contains(m)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
