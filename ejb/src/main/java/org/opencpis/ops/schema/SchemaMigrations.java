package org.opencpis.ops.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The database schema, built and changed only by the versioned scripts under {@code
 * db/migration/h2} and {@code db/migration/postgresql} (README, "Schema migrations"): Flyway
 * applies those the database lacks, in order, and records each in {@code flyway_schema_history}.
 *
 * <p>A database that has the application's tables but no history (one built by Hibernate's {@code
 * hbm2ddl.auto=update} before the migrations) is taken as version {@value #BASELINE}, the schema of
 * that last hbm2ddl build, and the later scripts are applied to it.
 */
public final class SchemaMigrations {

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  /** Where the scripts are, one folder per database: {@code db/migration/<folder>}. */
  public static final String ROOT = "db/migration";

  /** The version an existing hbm2ddl-built database is taken to be. */
  public static final String BASELINE = "1";

  private SchemaMigrations() {}

  /** The folder of the scripts for the database {@code ds} reaches: h2 or postgresql. */
  public static String folderFor(DataSource ds) {
    try (Connection c = ds.getConnection()) {
      return folderFor(c.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database to migrate its schema", e);
    }
  }

  static String folderFor(String productName) {
    String p = productName.toLowerCase(Locale.ROOT);
    if (p.contains("h2")) {
      return "h2";
    }
    if (p.contains("postgres")) {
      return "postgresql";
    }
    throw new IllegalStateException(
        "no schema migrations for a "
            + productName
            + " database: OpenCPIS has scripts for H2 and PostgreSQL ("
            + ROOT
            + "/h2, "
            + ROOT
            + "/postgresql)");
  }

  /** Flyway set up for {@code ds}'s database, with the scripts {@code classLoader} sees. */
  public static FluentConfiguration configure(DataSource ds, ClassLoader classLoader) {
    return Flyway.configure(classLoader)
        .dataSource(ds)
        .locations("classpath:" + ROOT + "/" + folderFor(ds))
        // a folder that is not found (or an archive the scanner cannot read) fails, never
        // "nothing to apply"
        .failOnMissingLocations(true)
        .baselineOnMigrate(true)
        .baselineVersion(BASELINE)
        .baselineDescription("the schema hbm2ddl built before migrations")
        .validateMigrationNaming(true)
        .cleanDisabled(true);
  }

  /** Applies the scripts {@code ds}'s database lacks and answers the version it is at then. */
  public static MigrationVersion migrate(DataSource ds, ClassLoader classLoader) {
    Flyway flyway = configure(ds, classLoader).load();
    if (flyway.info().all().length == 0) {
      throw new IllegalStateException(
          "no schema migrations found under classpath:"
              + ROOT
              + "/"
              + folderFor(ds)
              + ": the build lost them, the database cannot be built");
    }
    MigrateResult result = flyway.migrate();
    String at =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
    MigrationVersion version =
        at == null ? MigrationVersion.EMPTY : MigrationVersion.fromVersion(at);
    LOG.info(
        () ->
            "Database schema ("
                + result.database
                + ") at version "
                + version
                + ": "
                + result.migrationsExecuted
                + " migration(s) applied now"
                + (result.migrations.isEmpty()
                    ? ""
                    : " ("
                        + result.migrations.stream()
                            .map(m -> m.version + " " + m.description)
                            .toList()
                        + ")"));
    return version;
  }
}
