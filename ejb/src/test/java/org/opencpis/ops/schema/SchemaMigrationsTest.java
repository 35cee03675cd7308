package org.opencpis.ops.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencpis.casework.domain.Council;
import org.opencpis.hl7.store.ReceivedMessage;
import org.opencpis.hub.domain.LocalAuthority;
import org.opencpis.ops.schema.TestDatabase.Kind;

/**
 * The schema is built and upgraded by the migrations alone, on H2 and on PostgreSQL (skipped only
 * when no PostgreSQL answers on 127.0.0.1:5432), and the entities match what they build: the
 * persistence unit is booted as WildFly boots it (migrate, then validate).
 */
class SchemaMigrationsTest {

  private static final ClassLoader SCRIPTS = SchemaMigrationsTest.class.getClassLoader();

  private static TestDatabase database(Kind kind) {
    assumeTrue(
        kind == Kind.H2 || TestDatabase.postgresAvailable(),
        "no PostgreSQL on 127.0.0.1:5432 (user postgres)");
    return TestDatabase.create(kind);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  @DisplayName(
      "A fresh database is built by the migrations alone, and the entities read and write it")
  void aFreshDatabaseIsBuiltByTheMigrationsAndTheEntitiesMatchIt(Kind kind) {
    try (TestDatabase db = database(kind);
        SessionFactory sf = db.sessionFactory(TestDatabase.asDeployed())) {
      MigrationInfo[] applied = flyway(db).info().applied();
      assertThat(applied).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
      assertThat(applied).extracting(i -> i.getVersion().getVersion()).startsWith("1", "2");
      assertThat(flyway(db).info().current().getVersion()).isEqualTo(latest(db));
      assertThat(db.hasIndex("hl7_received_message", "ix_hl7_received_at")).isTrue();
      // V3: the held council files and the Emergency Duty Team's settings
      assertThat(db.columns("hub_held_council_file")).contains("payload", "waited_for");
      assertThat(db.columns("cw_council")).contains("edt_escalation", "edt_flagged_patterns");
      // V4: an inbox's steps by arrival
      assertThat(db.hasIndex("cw_step", "ix_cw_step_inbox_arrival")).isTrue();
      if (db.count("cw_council") > 0) {
        // a council of version 2 reads back with its thresholds, and escalation off until its
        // administrator turns it on
        Council c = sf.fromSession(s -> s.find(Council.class, "E09000033"));
        assertThat(c.name()).isEqualTo("Westminster");
        assertThat(c.hasOwnPatternThresholds()).isTrue();
        assertThat(c.escalationPolicy().enabled()).isFalse();
        assertThat(c.escalationPolicy().settings()).isEmpty();
      }

      sf.inTransaction(
          s ->
              s.persist(
                  new LocalAuthority(
                      "E09000033", "Westminster", "020 7641 6000", "020 7641 6001")));
      assertThat(sf.<String>fromSession(s -> s.find(LocalAuthority.class, "E09000033").name()))
          .isEqualTo("Westminster");
    }
  }

  /**
   * The upgrade: a database built version by version with the data each version's users put
   * in it (db/upgrade-data/V*.sql), so its last step is the previous schema-changing commit's
   * schema with data in it, upgraded in place as the next deployment does it.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  @DisplayName(
      "A database at the previous schema version, with data in it, is upgraded in place and keeps its rows")
  void aDatabaseAtThePreviousVersionKeepsItsDataThroughTheUpgrade(Kind kind) throws IOException {
    try (TestDatabase db = database(kind)) {
      List<MigrationVersion> versions = versions(db);
      assertThat(versions).hasSizeGreaterThanOrEqualTo(2);
      for (MigrationVersion v : versions.subList(0, versions.size() - 1)) {
        SchemaMigrations.configure(db.dataSource, SCRIPTS).target(v).load().migrate();
        runUpgradeData(db, v);
      }
      assertThat(flyway(db).info().current().getVersion())
          .isEqualTo(versions.get(versions.size() - 2));
      // at V3 (the previous version): what V4 adds is not there yet
      assertThat(db.hasIndex("cw_step", "ix_cw_step_inbox_arrival")).isFalse();

      try (SessionFactory sf = db.sessionFactory(TestDatabase.asDeployed())) {
        assertThat(flyway(db).info().current().getVersion()).isEqualTo(latest(db));
        assertUpgradedWithItsData(db, sf);
      }
    }
  }

  /**
   * An old database: built by hbm2ddl at the commit before the migrations (V1 is that schema), so
   * it has the tables and no flyway_schema_history. It is taken to be version 1, and the later
   * migrations are applied to it.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  @DisplayName(
      "A database hbm2ddl built before the migrations is taken as version 1 and upgraded, its rows kept")
  void anOldDatabaseHbm2ddlBuiltIsBaselinedAndUpgraded(Kind kind) throws IOException {
    try (TestDatabase db = database(kind)) {
      SchemaMigrations.configure(db.dataSource, SCRIPTS).target("1").load().migrate();
      db.execute("drop table \"flyway_schema_history\"");
      runUpgradeData(db, MigrationVersion.fromVersion("1"));

      try (SessionFactory sf = db.sessionFactory(TestDatabase.asDeployed())) {
        MigrationInfo[] applied = flyway(db).info().applied();
        assertThat(applied[0].getVersion().getVersion()).isEqualTo(SchemaMigrations.BASELINE);
        assertThat(applied[0].getState()).isEqualTo(MigrationState.BASELINE);
        assertThat(Arrays.stream(applied).skip(1))
            .extracting(MigrationInfo::getState)
            .containsOnly(MigrationState.SUCCESS);
        assertThat(flyway(db).info().current().getVersion()).isEqualTo(latest(db));
        assertUpgradedWithItsData(db, sf);
      }
    }
  }

  /** An entity field with no migration behind it stops the start, saying what to add. */
  @ParameterizedTest
  @EnumSource(Kind.class)
  @DisplayName(
      "An entity column the schema lacks stops the start, naming the column and the migration to add")
  void anEntityTheSchemaLacksStopsTheStartAndSaysWhatToAdd(Kind kind) {
    try (TestDatabase db = database(kind)) {
      SchemaMigrations.migrate(db.dataSource, SCRIPTS);
      // as if AccessEvent.queriedAt had been added to the entity without a migration
      db.execute("alter table hub_access_event drop column queried_at");

      assertThatThrownBy(() -> db.sessionFactory(TestDatabase.asDeployed()).close())
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("queried_at")
          .hasMessageContaining("hub_access_event")
          .hasMessageContaining("version " + latest(db))
          .hasMessageContaining("db/migration/h2 and db/migration/postgresql");
    }
  }

  /**
   * Stricter than Hibernate's validation (columns and types): Hibernate's own update would change
   * nothing on a migrated database, so no index, unique key, foreign key or sequence of an entity
   * lacks its migration. When it fails, MigrationDraft writes the missing script.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  @DisplayName(
      "The migrations hold every table, column, index, key and sequence the entities declare")
  void theMigrationsHoldEverythingTheEntitiesDeclare(Kind kind) {
    try (TestDatabase db = database(kind)) {
      SchemaMigrations.migrate(db.dataSource, SCRIPTS);
      assertThat(MigrationDraft.changesToFitTheEntities(db))
          .as(
              "what the entities need beyond the migrations: draft V<n> with ./mvnw -B -ntp test"
                  + " -pl ejb -Dtest=MigrationDraft -Dmigration.draft=V<n>__<what>")
          .isEmpty();
    }
  }

  @Test
  @DisplayName("Every migration is there for both databases, under the same version and name")
  void bothDatabasesHaveTheSameMigrations() throws Exception {
    assertThat(scripts("h2")).isNotEmpty().isEqualTo(scripts("postgresql"));
  }

  private static List<String> scripts(String folder) throws Exception {
    Path dir = Path.of(SCRIPTS.getResource(SchemaMigrations.ROOT + "/" + folder).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static void assertUpgradedWithItsData(TestDatabase db, SessionFactory sf) {
    assertThat(db.count("hub_local_authority")).isEqualTo(1);
    assertThat(db.count("dem_person")).isEqualTo(1);
    assertThat(db.count("cw_worker")).isEqualTo(1);
    assertThat(db.count("hl7_received_message")).isEqualTo(2);
    assertThat(db.hasIndex("hl7_received_message", "ix_hl7_received_at")).isTrue();
    // V3: the held council files and the Emergency Duty Team's settings
    assertThat(db.columns("hub_held_council_file")).contains("payload", "waited_for");
    assertThat(db.columns("cw_council")).contains("edt_escalation", "edt_flagged_patterns");
    // V4: an inbox's steps by arrival
    assertThat(db.hasIndex("cw_step", "ix_cw_step_inbox_arrival")).isTrue();
    if (db.count("cw_council") > 0) {
      // a council of version 2 reads back with its thresholds, and escalation off until its
      // administrator turns it on
      Council c = sf.fromSession(s -> s.find(Council.class, "E09000033"));
      assertThat(c.name()).isEqualTo("Westminster");
      assertThat(c.hasOwnPatternThresholds()).isTrue();
      assertThat(c.escalationPolicy().enabled()).isFalse();
      assertThat(c.escalationPolicy().settings()).isEmpty();
    }

    // the rows read back through the entities, values intact
    assertThat(sf.<String>fromSession(s -> s.find(LocalAuthority.class, "E09000033").name()))
        .isEqualTo("Westminster");
    assertThat(sf.<String>fromSession(s -> s.find(ReceivedMessage.class, "recent").answer()))
        .isEqualTo("MSA|AA|MSG-2");
    // and the retention purge V2's index serves forgets the old message only
    int forgotten =
        sf.<Integer>fromTransaction(
            s ->
                s.createMutationQuery("delete from ReceivedMessage m where m.receivedAt < :before")
                    .setParameter("before", Instant.parse("2026-06-01T00:00:00Z"))
                    .executeUpdate());
    assertThat(forgotten).isEqualTo(1);
    assertThat(sf.<ReceivedMessage>fromSession(s -> s.find(ReceivedMessage.class, "old"))).isNull();
  }

  private static void runUpgradeData(TestDatabase db, MigrationVersion v) throws IOException {
    try (InputStream in = SCRIPTS.getResourceAsStream("db/upgrade-data/V" + v + ".sql")) {
      if (in == null) {
        return;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String sql = line.strip();
        if (!sql.isEmpty() && !sql.startsWith("--")) {
          db.execute(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
        }
      }
    }
  }

  private static Flyway flyway(TestDatabase db) {
    return SchemaMigrations.configure(db.dataSource, SCRIPTS).load();
  }

  /** Every script's version, in order. */
  private static List<MigrationVersion> versions(TestDatabase db) {
    return Arrays.stream(flyway(db).info().all()).map(MigrationInfo::getVersion).toList();
  }

  private static MigrationVersion latest(TestDatabase db) {
    List<MigrationVersion> all = versions(db);
    return all.get(all.size() - 1);
  }
}
