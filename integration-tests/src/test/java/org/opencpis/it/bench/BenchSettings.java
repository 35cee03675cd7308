package org.opencpis.it.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opencpis.it.crash.WildFlyProcess;

/**
 * What a run of the benchmark harness does, from -Dbench.* system properties (the build passes the
 * server's location and the EAR): the dataset's size, the load's shape and bounds, the server's
 * configuration, database and port offset. Every default is small enough to finish in a few minutes
 * on a 2-core machine; the national sizes of issue 12 are options (see the README).
 *
 * @param children children in the register (their records spread over the uploading councils; 10 %
 *     shared by two)
 * @param demographics people in the demographic store's generated seed (the server's {@code
 *     cpis.demographics.seed-size})
 * @param threads closed-loop connections of each load
 * @param warmupSeconds the warm-up of each load (project, then ceiling), not counted
 * @param rounds project rounds (and as many ceiling rounds, alternating)
 * @param roundRequests most requests in a round (all connections together)
 * @param roundSeconds most time a round takes
 * @param uploadRecords records in the one cpisupload file measured
 * @param stepSamples accesses whose CPIS Follow Up step is waited for, under the query load
 */
public record BenchSettings(
    Path jbossHome,
    Path ear,
    Path workDir,
    String serverConfig,
    int portOffset,
    Optional<String> dbUrl,
    String serverHeap,
    List<String> serverProperties,
    int children,
    int demographics,
    int threads,
    int warmupSeconds,
    int rounds,
    int roundRequests,
    int roundSeconds,
    int uploadRecords,
    int stepSamples,
    int echoHl7Port)
    implements WildFlyProcess.Options {

  static BenchSettings fromSystemProperties() {
    String config =
        prop(
            "bench.server.config",
            prop("cpis.server.config", prop("it.server.config", "standalone-full.xml")));
    boolean postgres = config.contains("postgres");
    Optional<String> db =
        postgres
            ? Optional.of(
                prop(
                    "bench.db.url",
                    prop("cpis.db.url", "jdbc:postgresql://127.0.0.1:5432/opencpis")
                        .replaceAll("/opencpis$", "/opencpis_bench")))
            : Optional.empty();
    Path target = Path.of(prop("bench.target", "target")).toAbsolutePath();
    int offset = Integer.parseInt(prop("bench.port.offset", "400"));
    int demographics = Integer.parseInt(prop("bench.demographics", "20000"));
    int echoPort = Integer.parseInt(prop("bench.echo.hl7.port", Integer.toString(2578 + offset)));
    List<String> props = new ArrayList<>();
    props.add("-Dcpis.demographics.seed-size=" + demographics);
    props.add("-Dbench.echo.hl7.port=" + echoPort);
    Arrays.stream(prop("bench.server.args", "").trim().split("\\s+"))
        .filter(s -> !s.isEmpty())
        .forEach(props::add);
    return new BenchSettings(
        Path.of(
            prop("bench.jboss.home", prop("jboss.home", "../target/server/wildfly-39.0.1.Final"))),
        Path.of(prop("bench.ear", "../ear/target/opencpis.ear")).toAbsolutePath(),
        Path.of(
                prop(
                    "bench.dir",
                    target.resolve(postgres ? "bench-postgres" : "bench-h2").toString()))
            .toAbsolutePath(),
        config,
        offset,
        db,
        prop("bench.server.heap", "1g"),
        List.copyOf(props),
        Integer.parseInt(prop("bench.children", "1000")),
        demographics,
        Integer.parseInt(prop("bench.threads", "8")),
        Integer.parseInt(prop("bench.warmup.seconds", "10")),
        Integer.parseInt(prop("bench.rounds", "2")),
        Integer.parseInt(prop("bench.round.requests", "3000")),
        Integer.parseInt(prop("bench.round.seconds", "15")),
        Integer.parseInt(prop("bench.upload.records", "2000")),
        Integer.parseInt(prop("bench.step.samples", "10")),
        echoPort);
  }

  /**
   * -Dbench.jfr=true: a Java Flight Recording of the whole run (profile settings) in the work
   * folder, server.jfr, written when the server stops.
   */
  @Override
  public List<String> jvmOptions() {
    return Boolean.getBoolean("bench.jfr")
        ? List.of(
            "-XX:StartFlightRecording=filename="
                + workDir.resolve("server.jfr")
                + ",settings=profile,dumponexit=true")
        : List.of();
  }

  boolean postgres() {
    return dbUrl.isPresent();
  }

  String database() {
    return dbUrl.map(u -> "PostgreSQL " + u).orElse("H2 (file in the server's data folder)");
  }

  /** JMS redelivery as the server configures it (the harness kills nothing). */
  @Override
  public int redeliveryDelayMs() {
    return Integer.parseInt(prop("bench.jms.redelivery-delay-ms", "1000"));
  }

  /** Narayana's default period: recovery is not what is measured. */
  @Override
  public int recoveryPeriodSeconds() {
    return 120;
  }

  String rootUrl() {
    return "http://localhost:" + httpPort();
  }

  private static String prop(String name, String fallback) {
    String v = System.getProperty(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
