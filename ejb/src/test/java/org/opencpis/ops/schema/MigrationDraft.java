package org.opencpis.ops.schema;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.TargetDescriptor;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the tool that drafts the next migration (README, "Schema migrations"). It builds an
 * empty H2 database and an empty PostgreSQL one with the migrations there are, asks Hibernate what
 * it would change to fit the entities as they are now, and writes that as {@code
 * src/main/resources/db/migration/{h2,postgresql}/<name>.sql}, to be read, completed (data to move,
 * a default for a new NOT NULL column) and committed:
 *
 * <pre>./mvnw -B -ntp test -pl ejb -Dtest=MigrationDraft -Dmigration.draft=V3__what_changes</pre>
 *
 * (V1__baseline.sql was drafted this way from an empty folder.) Skipped unless asked.
 */
class MigrationDraft {

  private static final Pattern UNIQUE_KEY =
      Pattern.compile("(?:drop constraint if exists|add constraint)\\s+(\\w+)(?:\\s*;|\\s+unique)");

  @Test
  void draft() throws IOException {
    String name = System.getProperty("migration.draft");
    assumeTrue(name != null && !name.isBlank(), "-Dmigration.draft=V<n>__<what> not given");
    List<TestDatabase.Kind> kinds = new ArrayList<>(List.of(TestDatabase.Kind.H2));
    if (TestDatabase.postgresAvailable()) {
      kinds.add(TestDatabase.Kind.POSTGRESQL);
    } else {
      System.out.println("PostgreSQL does not answer: only the H2 script is drafted");
    }
    for (TestDatabase.Kind kind : kinds) {
      try (TestDatabase db = TestDatabase.create(kind)) {
        String folder = SchemaMigrations.folderFor(db.dataSource);
        Path dir = Path.of("src/main/resources", SchemaMigrations.ROOT, folder);
        Files.createDirectories(dir);
        boolean anyScripts;
        try (var files = Files.list(dir)) {
          anyScripts = files.anyMatch(p -> p.toString().endsWith(".sql"));
        }
        if (anyScripts) {
          SchemaMigrations.migrate(db.dataSource, MigrationDraft.class.getClassLoader());
        }
        List<String> statements = changesToFitTheEntities(db);
        Path out = dir.resolve(name + ".sql");
        if (statements.isEmpty()) {
          System.out.println(folder + ": the entities match the migrations, nothing to draft");
          continue;
        }
        StringBuilder text =
            new StringBuilder(
                "-- Drafted by MigrationDraft from the entities (Hibernate's schema update);"
                    + " read it before committing.\n");
        statements.forEach(s -> text.append(s.strip().replaceAll("[ \t]+\n", "\n")).append("\n\n"));
        Files.writeString(out, text.toString().strip() + "\n");
        System.out.println("drafted " + out.toAbsolutePath());
      }
    }
  }

  /** What Hibernate's hbm2ddl update would run against {@code db}, as statements. */
  static List<String> changesToFitTheEntities(TestDatabase db) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("hibernate.format_sql", "true");
    settings.put("hibernate.hbm2ddl.delimiter", ";");
    StandardServiceRegistry registry = db.registry(settings);
    try {
      MetadataImplementor metadata = TestDatabase.metadata(registry);
      Map<String, Object> config =
          registry.requireService(ConfigurationService.class).getSettings();
      ExecutionOptions options =
          SchemaManagementToolCoordinator.buildExecutionOptions(
              config, ExceptionHandlerHaltImpl.INSTANCE);
      List<String> out = new ArrayList<>();
      ScriptTargetOutput collect =
          new ScriptTargetOutput() {
            @Override
            public void prepare() {}

            @Override
            public void accept(String command) {
              out.add(command);
            }

            @Override
            public void release() {}
          };
      TargetDescriptor target =
          new TargetDescriptor() {
            @Override
            public EnumSet<TargetType> getTargetTypes() {
              return EnumSet.of(TargetType.SCRIPT);
            }

            @Override
            public ScriptTargetOutput getScriptTargetOutput() {
              return collect;
            }
          };
      registry
          .requireService(SchemaManagementTool.class)
          .getSchemaMigrator(config)
          .doMigration(metadata, options, ContributableMatcher.ALL, target);
      // hbm2ddl's update drops and re-adds every unique key it finds; one already there (by
      // name) is no change
      Set<String> existing = db.constraintNames();
      out.removeIf(
          s -> {
            Matcher m = UNIQUE_KEY.matcher(s);
            return m.find() && existing.contains(m.group(1).toLowerCase(Locale.ROOT));
          });
      return out;
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }
}
