package org.opencpis.ops.schema;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * Migrates the schema as the persistence unit starts, then checks the entities against it.
 *
 * <p>WildFly starts the persistence unit before any bean of the deployment, so the migrations
 * cannot wait for a startup bean: Hibernate calls this (found through {@code
 * META-INF/services/org.hibernate.integrator.spi.Integrator}) while it builds the session factory,
 * with the unit's own datasource, after it has read the mappings and before anything uses the
 * tables, and before its own {@code hbm2ddl.auto=validate}. A unit asks for it with {@value
 * #ENABLED}{@code =true} (persistence.xml); others (a test's) are left alone.
 *
 * <p>An entity that no longer matches the migrated schema stops the deployment, with a message that
 * names the column and what to add.
 */
public class MigrateThenValidate implements Integrator {

  /** The persistence unit property that turns this on. */
  public static final String ENABLED = "opencpis.schema.migrate";

  @Override
  public void integrate(
      Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
    ServiceRegistry registry = factory.getServiceRegistry();
    Map<String, Object> settings =
        registry.requireService(ConfigurationService.class).getSettings();
    if (!"true".equalsIgnoreCase(String.valueOf(settings.get(ENABLED)))) {
      return;
    }
    DataSource ds = dataSource(registry);
    ClassLoader scripts = MigrateThenValidate.class.getClassLoader();
    MigrationVersion version = SchemaMigrations.migrate(ds, scripts);
    validate(metadata, registry, settings, version, SchemaMigrations.folderFor(ds));
  }

  @Override
  public void disintegrate(
      SessionFactoryImplementor factory, SessionFactoryServiceRegistry serviceRegistry) {}

  private static DataSource dataSource(ServiceRegistry registry) {
    ConnectionProvider provider = registry.requireService(ConnectionProvider.class);
    if (!provider.isUnwrappableAs(DataSource.class)) {
      throw new IllegalStateException(
          "the persistence unit has no datasource to migrate ("
              + provider.getClass().getName()
              + "): give it a jta-data-source");
    }
    return provider.unwrap(DataSource.class);
  }

  /**
   * Hibernate's own schema validation (as {@code hbm2ddl.auto=validate} does it), with a failure
   * that says what to do about it.
   */
  static void validate(
      Metadata metadata,
      ServiceRegistry registry,
      Map<String, Object> settings,
      MigrationVersion version,
      String folder) {
    SchemaManagementTool tool = registry.requireService(SchemaManagementTool.class);
    ExecutionOptions options =
        SchemaManagementToolCoordinator.buildExecutionOptions(
            settings, ExceptionHandlerHaltImpl.INSTANCE);
    try {
      tool.getSchemaValidator(settings).doValidation(metadata, options, ContributableMatcher.ALL);
    } catch (SchemaManagementException e) {
      throw new SchemaMismatchException(
          "The entities do not match the database schema (version "
              + version
              + ", built by "
              + SchemaMigrations.ROOT
              + "/"
              + folder
              + "): "
              + e.getMessage()
              + ". An entity changed without a migration: add the next "
              + "V<n>__<what>.sql to both "
              + SchemaMigrations.ROOT
              + "/h2 and "
              + SchemaMigrations.ROOT
              + "/postgresql (ejb/src/main/resources; README, \"Schema migrations\").",
          e);
    }
  }
}
