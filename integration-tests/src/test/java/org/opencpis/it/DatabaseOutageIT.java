package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;

import ca.uhn.hl7v2.model.Message;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpis.contract.query.CpisError;
import org.opencpis.contract.query.CpisQueryPortType;

/**
 * PostgreSQL stopped under load for {@code it.outage.seconds} (30 by default), then started again,
 * with the server running throughout (R28). While it is down each channel says "unavailable, send
 * it again" quickly — SOAP a SERVICE_UNAVAILABLE fault, HL7 AE with ERR-3 207, REST 503 with a JSON
 * message — and never anything else; when it is back the server answers again by itself; every
 * access acknowledged before, during or after the outage is recorded once and makes its step, and
 * nothing is parked.
 *
 * <p>It stops the machine's PostgreSQL cluster ({@code pg_ctlcluster ... stop -m fast}, as root, as
 * CI runs), so it runs only when the server is on PostgreSQL, and always starts the cluster again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT {

  static final int OUTAGE_SECONDS = Integer.getInteger("it.outage.seconds", 30);

  /** The longest any answer may take, outage or not. */
  static final Duration ANSWER_BOUND = Duration.ofSeconds(15);

  static final int CHILDREN = 6;
  static final LocalDate DOB = LocalDate.of(2016, 2, 2);

  enum Channel {
    SOAP_QUERY,
    HL7_ATTENDANCE,
    REST_HEALTH_QUERY,
    REST_READ
  }

  /** One call and its answer: accepted, the channel's "unavailable", or something else. */
  record Call(
      Channel channel, String nhs, Outcome outcome, String detail, long millis, Instant at) {}

  enum Outcome {
    ACCEPTED,
    UNAVAILABLE,
    OTHER
  }

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R28: PostgreSQL stopped under load and started again: every channel says 'unavailable, send it again' fast and nothing else, recovers by itself, and every acknowledged access is recorded and makes its step; nothing parked")
  void postgresStoppedAndStarted() throws Exception {
    assumeTrue(Postgres.serverOnPostgres(), Postgres.SKIPPED);
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster")) && cluster() != null,
        "needs the local PostgreSQL cluster and pg_ctlcluster (run as root, as CI does)");

    List<String> children = new ArrayList<>();
    for (int i = 0; i < CHILDREN; i++) {
      String nhs = TestData.nhsNumber();
      Spine.upload(Spine.LEICESTERSHIRE)
          .upload(
              file(
                  "855",
                  child(
                      "OUT-" + nhs,
                      nhs,
                      "Rae",
                      "Outage",
                      DOB,
                      "CPP",
                      TestData.today().minusMonths(1),
                      null)));
      children.add(nhs);
    }
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");

    Queue<Call> calls = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService load = Executors.newFixedThreadPool(Channel.values().length);
    for (Channel c : Channel.values()) {
      load.submit(() -> drive(c, children, calls, stop));
    }
    Instant down;
    Instant up;
    boolean healthDownSeen = false;
    try {
      // the load runs normally first
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> everyChannelAccepted(calls, Instant.MIN, 3));
      down = Instant.now();
      try {
        pgCtl("stop", "-m", "fast");
        // the node says it should not take traffic, and why (the management port's readiness)
        Awaitility.await()
            .atMost(Duration.ofSeconds(Math.max(5, OUTAGE_SECONDS - 5)))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> databaseReady() == Boolean.FALSE);
        healthDownSeen = true;
        long left = OUTAGE_SECONDS * 1000L - Duration.between(down, Instant.now()).toMillis();
        Thread.sleep(Math.max(0, left)); // the outage itself, under load
      } finally {
        startPostgres();
      }
      up = Instant.now();
      // the server answers again by itself, on every channel
      Instant back = up;
      Awaitility.await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> everyChannelAccepted(calls, back, 2));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  databaseReady() == Boolean.TRUE && HealthIT.get("/health/ready").status() == 200);
    } finally {
      stop.set(true);
      load.shutdown();
      assertThat(load.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(healthDownSeen).as("/health/ready said the database was DOWN").isTrue();
    List<Call> all = List.copyOf(calls);
    System.out.println(table(all, down, up));
    assertThat(all)
        .as("every answer is an acceptance or the channel's 'unavailable'")
        .filteredOn(c -> c.outcome() == Outcome.OTHER)
        .isEmpty();
    for (Channel c : Channel.values()) {
      assertThat(all)
          .as(c + " said 'unavailable' during the outage")
          .anyMatch(x -> x.channel() == c && x.outcome() == Outcome.UNAVAILABLE);
    }
    assertThat(all.stream().mapToLong(Call::millis).max().orElse(0))
        .as("the slowest answer, in ms")
        .isLessThan(ANSWER_BOUND.toMillis());

    // nothing accepted is lost: each child's acknowledged accesses are recorded and each makes a
    // step (a request answered "unavailable" may still have been recorded: the database can commit
    // as the connection dies, so a child may have more than acknowledged, never fewer)
    Map<String, Long> acknowledged =
        all.stream()
            .filter(c -> c.nhs() != null && c.outcome() == Outcome.ACCEPTED)
            .collect(Collectors.groupingBy(Call::nhs, TreeMap::new, Collectors.counting()));
    Map<String, Long> recorded = new TreeMap<>();
    for (String nhs : children) {
      recorded.put(nhs, Children.accesses(nhs));
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> atLeast(steps(inbox, children), acknowledged));
    Map<String, Long> steps = steps(inbox, children);
    System.out.printf(
        "DatabaseOutageIT: per child, acknowledged %s, recorded %s, steps %s%n",
        acknowledged, recorded, steps);
    assertThat(atLeast(recorded, acknowledged)).as("recorded >= acknowledged").isTrue();
    assertThat(atLeast(recorded, steps)).as("no step without its access").isTrue();
    assertThat(ServerAdmin.parked("AccessEvents", p -> true)).isEmpty();
    assertThat(
            ServerAdmin.parked("LaNotifications", p -> "855".equals(p.getString("laCode", null))))
        .isEmpty();
  }

  /** One client of one channel, calling until told to stop. */
  static void drive(Channel channel, List<String> children, Queue<Call> calls, AtomicBoolean stop) {
    CpisQueryPortType soap = channel == Channel.SOAP_QUERY ? Spine.query(Spine.CLINICIAN) : null;
    AtomicInteger n = new AtomicInteger();
    while (!stop.get()) {
      String nhs = children.get(n.getAndIncrement() % children.size());
      long t0 = System.nanoTime();
      Instant at = Instant.now();
      Outcome outcome;
      String detail;
      try {
        switch (channel) {
          case SOAP_QUERY -> {
            try {
              soap.query(byPerson(nhs, ED_NURSE));
              outcome = Outcome.ACCEPTED;
              detail = "found";
            } catch (CpisError e) {
              detail = e.getFaultInfo().getCode() + ": " + e.getFaultInfo().getMessage();
              outcome =
                  "SERVICE_UNAVAILABLE".equals(e.getFaultInfo().getCode())
                      ? Outcome.UNAVAILABLE
                      : Outcome.OTHER;
            }
          }
          case HL7_ATTENDANCE -> {
            String visit = "V" + Mllp.controlId();
            Message ack = Mllp.send(Mllp.adt("A04", "RWE", nhs, visit));
            String code = Mllp.get(ack, "/MSA-1");
            String err = Mllp.get(ack, "/ERR-3-1");
            detail = code + (err == null ? "" : " " + err);
            outcome =
                "AA".equals(code)
                    ? Outcome.ACCEPTED
                    : "AE".equals(code) && "207".equals(err) ? Outcome.UNAVAILABLE : Outcome.OTHER;
          }
          case REST_HEALTH_QUERY -> {
            Rest.Reply r =
                Rest.post(Spine.CLINICIAN, "/health/cpis", HealthQueryIT.query(nhs, "RWE"));
            detail = r.status() + " " + r.body();
            outcome = restOutcome(r, 200);
          }
          case REST_READ -> {
            nhs = null;
            Rest.Reply r = Rest.get(Spine.LEICS_ADMIN, "/inboxes");
            detail = r.status() + (r.status() == 200 ? "" : " " + r.body());
            outcome = restOutcome(r, 200);
          }
          default -> throw new IllegalStateException();
        }
      } catch (Exception e) {
        outcome = Outcome.OTHER;
        detail = e.toString();
      }
      long millis = (System.nanoTime() - t0) / 1_000_000;
      calls.add(
          new Call(
              channel, channel == Channel.REST_READ ? null : nhs, outcome, detail, millis, at));
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static Outcome restOutcome(Rest.Reply r, int ok) {
    if (r.status() == ok) {
      return Outcome.ACCEPTED;
    }
    if (r.status() == 503
        && r.body().contains("\"SERVICE_UNAVAILABLE\"")
        && r.body().contains("\"message\"")) {
      return Outcome.UNAVAILABLE;
    }
    return Outcome.OTHER;
  }

  /** Whether each child's count in {@code have} is at least its count in {@code need}. */
  static boolean atLeast(Map<String, Long> have, Map<String, Long> need) {
    return need.entrySet().stream()
        .allMatch(e -> have.getOrDefault(e.getKey(), 0L) >= e.getValue());
  }

  static boolean everyChannelAccepted(Queue<Call> calls, Instant after, int atLeast) {
    for (Channel c : Channel.values()) {
      long n =
          calls.stream()
              .filter(x -> x.channel() == c && x.outcome() == Outcome.ACCEPTED)
              .filter(x -> x.at().isAfter(after))
              .count();
      if (n < atLeast) {
        return false;
      }
    }
    return true;
  }

  static Map<String, Long> steps(long inbox, List<String> children) {
    Map<String, Long> out = new TreeMap<>();
    children.forEach(c -> out.put(c, 0L));
    for (JsonObject s :
        Council.steps(Spine.LEICS_ADMIN, inbox, "all=true").getValuesAs(JsonObject.class)) {
      if (!s.isNull("notifiedChild")) {
        String nhs = s.getJsonObject("notifiedChild").getString("nhsNumber");
        out.computeIfPresent(nhs, (k, v) -> v + 1);
      }
    }
    return out;
  }

  static String table(List<Call> all, Instant down, Instant up) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            "%nDatabaseOutageIT: PostgreSQL down %s, up again %s (%d s)%n",
            down, up, Duration.between(down, up).toSeconds()));
    b.append(
        String.format(
            "%-18s %6s %9s %12s %6s %8s%n",
            "channel", "calls", "accepted", "unavailable", "other", "max ms"));
    for (Channel c : Channel.values()) {
      List<Call> mine = all.stream().filter(x -> x.channel() == c).toList();
      b.append(
          String.format(
              "%-18s %6d %9d %12d %6d %8d%n",
              c,
              mine.size(),
              mine.stream().filter(x -> x.outcome() == Outcome.ACCEPTED).count(),
              mine.stream().filter(x -> x.outcome() == Outcome.UNAVAILABLE).count(),
              mine.stream().filter(x -> x.outcome() == Outcome.OTHER).count(),
              mine.stream().mapToLong(Call::millis).max().orElse(0)));
    }
    all.stream()
        .filter(x -> x.outcome() == Outcome.OTHER)
        .limit(10)
        .forEach(
            x ->
                b.append("  other: ")
                    .append(x.channel())
                    .append(' ')
                    .append(x.detail())
                    .append('\n'));
    all.stream()
        .filter(x -> x.outcome() == Outcome.UNAVAILABLE)
        .map(x -> x.channel() + " " + x.detail())
        .distinct()
        .limit(6)
        .forEach(x -> b.append("  unavailable: ").append(x).append('\n'));
    return b.toString();
  }

  /** The local cluster's version (the folder under /etc/postgresql), or null. */
  static String cluster() {
    try (var versions = Files.list(Path.of("/etc/postgresql"))) {
      return versions.map(p -> p.getFileName().toString()).sorted().findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** The database check of /health/ready: true UP, false DOWN, null when it cannot be read. */
  static Boolean databaseReady() {
    try {
      var check = HealthIT.checks(HealthIT.get("/health/ready").body()).get("database");
      return check == null ? null : "UP".equals(check.getString("status"));
    } catch (Exception e) {
      return null;
    }
  }

  static void pgCtl(String... action) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("pg_ctlcluster");
    command.add("--skip-systemctl-redirect");
    command.add(cluster());
    command.add("main");
    command.addAll(List.of(action));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean done = p.waitFor(60, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.println("DatabaseOutageIT: " + String.join(" ", command) + " -> " + out.trim());
    if (!done) {
      p.destroy();
    }
  }

  /** Starts the cluster and waits until it accepts connections; tries again if it does not. */
  static void startPostgres() throws Exception {
    for (int attempt = 1; attempt <= 5; attempt++) {
      if (ready()) {
        return;
      }
      pgCtl("start");
      Instant deadline = Instant.now().plusSeconds(30);
      while (Instant.now().isBefore(deadline)) {
        if (ready()) {
          return;
        }
        Thread.sleep(500);
      }
    }
    throw new IllegalStateException("PostgreSQL did not start again: start it by hand!");
  }

  static boolean ready() throws Exception {
    Process p =
        new ProcessBuilder("pg_isready", "-h", "127.0.0.1", "-q").redirectErrorStream(true).start();
    return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
  }
}
