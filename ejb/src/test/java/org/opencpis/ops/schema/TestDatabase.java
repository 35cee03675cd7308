package org.opencpis.ops.schema;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own for one test, empty: H2 in memory, or a fresh PostgreSQL database on
 * 127.0.0.1:5432 (user postgres, or -Dcpis.test.pg.url / .user / .password), dropped at close.
 */
final class TestDatabase implements AutoCloseable {

  enum Kind {
    H2,
    POSTGRESQL
  }

  private static final String PG_ADMIN_URL =
      System.getProperty("cpis.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String PG_USER = System.getProperty("cpis.test.pg.user", "postgres");
  private static final String PG_PASSWORD = System.getProperty("cpis.test.pg.password", "postgres");

  final Kind kind;
  final DataSource dataSource;
  private final String pgName;

  private TestDatabase(Kind kind, DataSource dataSource, String pgName) {
    this.kind = kind;
    this.dataSource = dataSource;
    this.pgName = pgName;
  }

  static TestDatabase create(Kind kind) {
    String name = "opencpis_flyway_ut_" + UUID.randomUUID().toString().substring(0, 8);
    if (kind == Kind.H2) {
      JdbcDataSource ds = new JdbcDataSource();
      // the mode WildFly's CpisDS uses (40-datasource-h2.cli): H2's own, not a compatibility one
      ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
      ds.setUser("sa");
      ds.setPassword("sa");
      return new TestDatabase(kind, ds, null);
    }
    adminExecute("CREATE DATABASE " + name);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name);
    ds.setUser(PG_USER);
    ds.setPassword(PG_PASSWORD);
    return new TestDatabase(kind, ds, name);
  }

  /** Whether the PostgreSQL server the tests use answers. */
  static boolean postgresAvailable() {
    try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD)) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void adminExecute(String sql) {
    try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Hibernate over this database with every entity of the application, as WildFly boots it. */
  SessionFactory sessionFactory(Map<String, Object> settings) {
    StandardServiceRegistry registry = registry(settings);
    try {
      return metadata(registry).buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  /** The persistence unit's settings (persistence.xml) and this database. */
  StandardServiceRegistry registry(Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>();
    all.put("hibernate.connection.datasource", dataSource);
    all.put("hibernate.jdbc.time_zone", "UTC");
    all.put("hibernate.show_sql", "false");
    all.putAll(settings);
    return new StandardServiceRegistryBuilder().applySettings(all).build();
  }

  static MetadataImplementor metadata(StandardServiceRegistry registry) {
    MetadataSources sources = new MetadataSources(registry);
    entityClasses().forEach(sources::addAnnotatedClass);
    return (MetadataImplementor) sources.buildMetadata();
  }

  /** The persistence unit's settings: migrate, then validate. */
  static Map<String, Object> asDeployed() {
    return Map.of(MigrateThenValidate.ENABLED, "true", "hibernate.hbm2ddl.auto", "validate");
  }

  /** The application's mapped classes, found as WildFly finds them (exclude-unlisted=false). */
  static List<Class<?>> entityClasses() {
    Path classes;
    try {
      classes =
          Path.of(
              SchemaMigrations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
        String name =
            classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> c = Class.forName(name, false, TestDatabase.class.getClassLoader());
        if (c.isAnnotationPresent(jakarta.persistence.Entity.class)
            || c.isAnnotationPresent(jakarta.persistence.Embeddable.class)
            || c.isAnnotationPresent(jakarta.persistence.MappedSuperclass.class)
            || c.isAnnotationPresent(jakarta.persistence.Converter.class)) {
          found.add(c);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot list the entity classes in " + classes, e);
    }
    return found;
  }

  long count(String table) {
    return longValue("select count(*) from " + table);
  }

  long longValue(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  void execute(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The names of the constraints of the application's tables, lower case. */
  java.util.Set<String> constraintNames() {
    java.util.Set<String> names = new java.util.HashSet<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("select constraint_name from information_schema.table_constraints")) {
      while (r.next()) {
        names.add(r.getString(1).toLowerCase(java.util.Locale.ROOT));
      }
      return names;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The table's columns, lower case; empty when there is no such table. */
  java.util.Set<String> columns(String table) {
    java.util.Set<String> names = new java.util.HashSet<>();
    try (Connection c = dataSource.getConnection();
        ResultSet r = c.getMetaData().getColumns(null, null, tableName(table), null)) {
      while (r.next()) {
        names.add(r.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
      }
      return names;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the table has an index of that name. */
  boolean hasIndex(String table, String index) {
    try (Connection c = dataSource.getConnection();
        ResultSet r = c.getMetaData().getIndexInfo(null, null, tableName(table), false, false)) {
      while (r.next()) {
        if (index.equalsIgnoreCase(r.getString("INDEX_NAME"))) {
          return true;
        }
      }
      return false;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The table's name as the database keeps it (H2 upper-cases unquoted names). */
  String tableName(String table) {
    return kind == Kind.H2 ? table.toUpperCase(java.util.Locale.ROOT) : table;
  }

  @Override
  public void close() {
    if (pgName != null) {
      adminExecute("DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)");
    } else {
      execute("SHUTDOWN");
    }
  }
}
