package org.opencpis.casework.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.opencpis.casework.domain.StepType;
import org.opencpis.casework.domain.WorkerRole;

/**
 * Keeps the database's check constraints on the council side's enum columns in step with the enums.
 * Hibernate writes such a constraint when it creates a table, and its schema update never changes
 * it: a database made before a value was added (the Emergency Duty Team's EDT_VIRTUAL_WORKER and
 * EDT_ESCALATION) would refuse the new value, and the deployment with it. At start-up, before the
 * reference data, an out-of-date constraint is replaced by one that names every value.
 */
@Singleton
@Startup
public class EnumColumnChecks {

  private static final Logger LOG = Logger.getLogger(EnumColumnChecks.class.getName());

  record EnumColumn(String table, String column, Class<? extends Enum<?>> type) {
    List<String> values() {
      return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
  }

  static final List<EnumColumn> COLUMNS =
      List.of(
          new EnumColumn("cw_worker", "role", WorkerRole.class),
          new EnumColumn("cw_step", "type", StepType.class));

  @Resource(lookup = "java:jboss/datasources/CpisDS")
  DataSource dataSource;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void update() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      boolean postgres =
          c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      for (EnumColumn col : COLUMNS) {
        for (String[] check : postgres ? postgresChecks(c, col) : h2Checks(c, col)) {
          List<String> missing =
              col.values().stream().filter(v -> !check[1].contains("'" + v + "'")).toList();
          if (!missing.isEmpty()) {
            replace(c, col, check[0], postgres);
            LOG.info(
                () ->
                    col.table()
                        + "."
                        + col.column()
                        + ": check constraint "
                        + check[0]
                        + " replaced, now admitting "
                        + missing);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the council side's enum check constraints could not be brought up to date", e);
    }
  }

  /** Name and definition of each check constraint on the column (PostgreSQL). */
  private static List<String[]> postgresChecks(Connection c, EnumColumn col) throws SQLException {
    String sql =
        "select con.conname, pg_get_constraintdef(con.oid) from pg_constraint con"
            + " join pg_class t on t.oid = con.conrelid"
            + " join pg_namespace n on n.oid = t.relnamespace"
            + " where con.contype = 'c' and t.relname = ? and n.nspname = current_schema()";
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, col.table());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String def = r.getString(2);
          if (def.contains("(" + col.column() + ")::text")) {
            out.add(new String[] {r.getString(1), def});
          }
        }
      }
    }
    return out;
  }

  /** Name and definition of each check constraint on the column (H2). */
  private static List<String[]> h2Checks(Connection c, EnumColumn col) throws SQLException {
    String sql =
        "select cc.constraint_name, cc.check_clause from information_schema.check_constraints cc"
            + " join information_schema.constraint_column_usage u"
            + " on u.constraint_name = cc.constraint_name and u.constraint_schema ="
            + " cc.constraint_schema"
            + " where u.table_name = ? and u.column_name = ? and u.table_schema = schema()";
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, col.table().toUpperCase(Locale.ROOT));
      s.setString(2, col.column().toUpperCase(Locale.ROOT));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new String[] {r.getString(1), r.getString(2)});
        }
      }
    }
    return out;
  }

  private static void replace(Connection c, EnumColumn col, String name, boolean postgres)
      throws SQLException {
    String values = col.values().stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    String quoted = postgres ? name : "\"" + name + "\"";
    try (Statement s = c.createStatement()) {
      s.execute("alter table " + col.table() + " drop constraint " + quoted);
      s.execute(
          "alter table "
              + col.table()
              + " add constraint "
              + col.table()
              + "_"
              + col.column()
              + "_check check ("
              + col.column()
              + " in ("
              + values
              + "))");
    }
  }
}
