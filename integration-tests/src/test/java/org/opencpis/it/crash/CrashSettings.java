package org.opencpis.it.crash;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a run of the crash harness does, from system properties (all optional but the server's
 * location, which the build passes): how many kills, how long the load runs between them, how many
 * clients, which server configuration and database, which ports.
 *
 * @param kills how many times the server is killed (-9) and restarted
 * @param loadMinSeconds least load before a kill (the kill falls at a random moment in [min, max])
 * @param loadMaxSeconds most load before a kill
 * @param finalLoadSeconds load after the last restart, before the clients stop
 */
record CrashSettings(
    Path jbossHome,
    Path ear,
    Path workDir,
    String serverConfig,
    int portOffset,
    Optional<String> dbUrl,
    String dbUser,
    String dbPassword,
    int kills,
    int loadMinSeconds,
    int loadMaxSeconds,
    int finalLoadSeconds,
    long seed,
    int soapThreads,
    int adtThreads,
    int qbpThreads,
    int childrenPerGroup,
    int uploadPool,
    int startTimeoutSeconds,
    int drainTimeoutSeconds,
    int drainQuietSeconds,
    int redeliveryDelayMs,
    int recoveryPeriodSeconds,
    String serverHeap,
    boolean keepDatabase,
    List<String> serverProperties)
    implements WildFlyProcess.Options {

  /** The short version (CrashIT in ./mvnw verify); -Dcrash.* properties override each value. */
  static CrashSettings fromSystemProperties() {
    boolean long_ = "long".equals(System.getProperty("crash.mode"));
    String config =
        prop("crash.server.config", System.getProperty("it.server.config", "standalone-full.xml"));
    boolean postgres = config.contains("postgres");
    Optional<String> db =
        postgres
            ? Optional.of(
                prop(
                    "crash.db.url",
                    prop("it.db.url", "jdbc:postgresql://127.0.0.1:5432/opencpis") + "_crash"))
            : Optional.empty();
    Path target = Path.of(prop("crash.target", "target")).toAbsolutePath();
    return new CrashSettings(
        Path.of(
            prop("crash.jboss.home", prop("jboss.home", "../target/server/wildfly-39.0.1.Final"))),
        Path.of(prop("crash.ear", "../ear/target/opencpis.ear")).toAbsolutePath(),
        Path.of(
                prop(
                    "crash.dir",
                    target.resolve(postgres ? "crash-postgres" : "crash-h2").toString()))
            .toAbsolutePath(),
        config,
        Integer.parseInt(prop("crash.port.offset", "150")),
        db,
        prop("crash.db.user", prop("cpis.db.user", "postgres")),
        prop("crash.db.password", prop("cpis.db.password", "postgres")),
        Integer.parseInt(prop("crash.kills", "3")),
        Integer.parseInt(prop("crash.load.min-seconds", long_ ? "30" : "6")),
        Integer.parseInt(prop("crash.load.max-seconds", long_ ? "120" : "15")),
        Integer.parseInt(prop("crash.load.final-seconds", long_ ? "60" : "6")),
        Long.parseLong(prop("crash.seed", Long.toString(System.nanoTime() % 1_000_000))),
        Integer.parseInt(prop("crash.soap.threads", long_ ? "4" : "2")),
        Integer.parseInt(prop("crash.adt.threads", long_ ? "4" : "2")),
        Integer.parseInt(prop("crash.qbp.threads", long_ ? "2" : "1")),
        Integer.parseInt(prop("crash.children", "3")),
        Integer.parseInt(prop("crash.upload.pool", long_ ? "4000" : "600")),
        Integer.parseInt(prop("crash.start.timeout-seconds", "300")),
        Integer.parseInt(prop("crash.drain.timeout-seconds", long_ ? "600" : "180")),
        Integer.parseInt(prop("crash.drain.quiet-seconds", "5")),
        Integer.parseInt(prop("crash.jms.redelivery-delay-ms", "100")),
        Integer.parseInt(prop("crash.recovery.period-seconds", "10")),
        prop("crash.server.heap", "768m"),
        Boolean.parseBoolean(prop("crash.keep", "false")),
        java.util.stream.Stream.concat(
                // the council workflow resends an unanswered file sooner than its 300 s, within
                // the drain
                java.util.stream.Stream.of(
                    "-Dcpis.council.resend-after-seconds="
                        + prop("crash.council.resend-after-seconds", "20")),
                Arrays.stream(prop("crash.server.args", "").trim().split("\\s+"))
                    .filter(s -> !s.isEmpty()))
            .toList());
  }

  boolean postgres() {
    return dbUrl.isPresent();
  }

  String describe() {
    return String.format(
        "%s%s, %d kills, %d-%d s of load between kills, %d s after the last, seed %d, port offset"
            + " %d (HTTP %d, management %d, MLLP %d), clients: %d SOAP, %d ADT, %d QBP, 2 plan"
            + " changes, 2 uploaders, 1 API reader",
        serverConfig,
        dbUrl.map(u -> " on " + u).orElse(" (H2 file in the server's data folder)"),
        kills,
        loadMinSeconds,
        loadMaxSeconds,
        finalLoadSeconds,
        seed,
        portOffset,
        httpPort(),
        managementPort(),
        hl7Port(),
        soapThreads,
        adtThreads,
        qbpThreads);
  }

  private static String prop(String name, String fallback) {
    String v = System.getProperty(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
