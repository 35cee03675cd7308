package org.opencpis.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL database of the server under test, when it runs on standalone-full-postgres.xml.
 */
final class Postgres {

  static final String SKIPPED =
      "needs the server on PostgreSQL (-Dcpis.server.config=standalone-full-postgres.xml):"
          + " the embedded H2 cannot be reached or stopped from outside the server";

  private Postgres() {}

  /** Whether the server under test runs on PostgreSQL. */
  static boolean serverOnPostgres() {
    return System.getProperty("it.server.config", "").contains("postgres");
  }

  /** A connection of our own to the server's database. */
  static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("it.db.url"),
        System.getProperty("it.db.user", "postgres"),
        System.getProperty("it.db.password", "postgres"));
  }
}
