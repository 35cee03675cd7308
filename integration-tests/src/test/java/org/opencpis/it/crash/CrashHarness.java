package org.opencpis.it.crash;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.opencpis.it.Spine;

/**
 * Nothing accepted is lost: a crash harness. It starts WildFly with the EAR as a child process on a
 * fresh base folder and database of its own, shares children with the hub, then drives the server
 * from several client threads at once (SOAP queries, MLLP attendances and queries, council plan
 * changes through the REST API, cpisupload files, staff reading their inboxes), kills it with
 * {@code kill -9} at a random moment, restarts it on the same data and checks the APIs, three times
 * (by default). At the end it waits for the queues to drain, reads the dead-letter queues, stops
 * the server and reconciles the database against what the clients were told: see {@link
 * Reconciler}. It prints the table and returns the verdict; any loss, duplicate, parked message,
 * error or API failure after a restart fails it.
 *
 * <p>The short version is {@code CrashIT} (part of {@code ./mvnw verify}); the long one is the
 * {@code crash} profile, or this class's {@code main}: see the README.
 */
public final class CrashHarness {

  private final CrashSettings settings;
  private final PrintStream out;
  private final Random random;
  private final ServerGate gate = new ServerGate();
  private final List<String> log = new ArrayList<>();

  final Ledger.Channel<SoapQueryClient.Query> soap = new Ledger.Channel<>("soap");
  final Ledger.Channel<Hl7Client.Hl7Message> adt = new Ledger.Channel<>("adt");
  final ConcurrentLinkedQueue<AdtClient.Visit> visits = new ConcurrentLinkedQueue<>();
  final Ledger.Channel<Hl7Client.Hl7Message> qbp = new Ledger.Channel<>("qbp");
  final Map<String, String> qbpTags = QbpClient.newTags();
  final Ledger.Channel<UploadClient.File> uploads = new Ledger.Channel<>("upload");
  final Ledger.Channel<PlanChangeClient.Change> plans = new Ledger.Channel<>("plan");
  final Ledger.Channel<ApiReader.Read> reads = new Ledger.Channel<>("read");

  CrashHarness(CrashSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
    this.random = new Random(settings.seed());
  }

  public static void main(String[] args) {
    int status = 2;
    try {
      Report r = new CrashHarness(CrashSettings.fromSystemProperties(), System.out).run();
      status = r.passed() ? 0 : 1;
    } catch (Throwable t) {
      t.printStackTrace();
    } finally {
      // the CXF and HAPI clients leave non-daemon threads behind
      Runtime.getRuntime().halt(status);
    }
  }

  Report run() throws Exception {
    Instant t0 = Instant.now();
    say("crash harness: " + settings.describe());
    Files.createDirectories(settings.workDir());
    Files.deleteIfExists(settings.workDir().resolve("console.log"));
    WildFlyProcess server = new WildFlyProcess(settings);
    server.prepareBase();
    Database db = Database.of(settings, server);
    say("database " + db.url + "; server base " + server.base());
    if (settings.postgres()) {
      db.recreatePostgres();
    }
    Report report = new Report();
    java.util.concurrent.atomic.AtomicInteger dumps =
        new java.util.concurrent.atomic.AtomicInteger();
    gate.onStall(
        what -> {
          int n = dumps.incrementAndGet();
          if (n > 3) {
            return null;
          }
          Path f = server.threadDump("threads-" + n + ".txt");
          if (f != null) {
            say("no answer to " + what + " from a running server: its threads are in " + f);
          }
          return f == null ? null : f.getFileName().toString();
        });
    List<LoadClient> clients = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    int kills = 0;
    try {
      start(server, "first start");
      World world = new World(settings.seed());
      world.setUp(settings);
      say(
          "set up: "
              + world.targets.size()
              + " children shared by 855/352 (workflow), 856/330 (cpisupload); "
              + world.uploadPool.values().stream().mapToInt(java.util.Collection::size).sum()
              + " more registered for the uploads");
      apiCheck(report, "before the first kill");
      gate.open();

      clients.addAll(clients(world));
      for (LoadClient c : clients) {
        Thread t = new Thread(c, "crash-" + c.name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
      }
      for (int k = 1; k <= settings.kills(); k++) {
        int seconds =
            settings.loadMinSeconds()
                + random.nextInt(
                    Math.max(1, settings.loadMaxSeconds() - settings.loadMinSeconds() + 1));
        long ms = seconds * 1000L + random.nextInt(1000);
        loadFor(ms, clients);
        long before = sentSoFar();
        gate.down();
        long pid = server.pid();
        server.kill9();
        kills++;
        say(
            String.format(
                "kill %d: kill -9 of pid %d after %.1f s of load (%d requests sent so far); dead,"
                    + " ports free",
                k, pid, ms / 1000.0, before));
        start(server, "restart " + k);
        apiCheck(report, "after restart " + k);
        gate.open();
      }
      loadFor(settings.finalLoadSeconds() * 1000L, clients);
      gate.stop();
      for (Thread t : threads) {
        t.join(Duration.ofSeconds(90).toMillis());
        if (t.isAlive()) {
          report.problem("client " + t.getName() + " did not stop within 90 s");
        }
      }
      for (LoadClient c : clients) {
        if (c.crashed != null) {
          report.problem("client " + c.name + " failed: " + Ledger.summary(c.crashed));
        }
      }
      if (kills < settings.kills()) {
        report.problem("only " + kills + " of " + settings.kills() + " kills happened");
      }

      Management mgmt = new Management(settings.managementPort());
      drain(mgmt, report);
      Map<String, Long> parkedByAccess = new HashMap<>();
      Map<String, Long> parkedByQueue = parkedDetails(parkedByAccess, report);
      for (var q : mgmt.queues().entrySet()) {
        if (q.getKey().endsWith("DLQ") || q.getKey().equals("ExpiryQueue")) {
          report.deadLetters.put(q.getKey(), q.getValue().messages());
        }
      }
      apiCheck(report, "at the end, queues drained");
      say("stopping the server (SIGTERM) to read the database");
      server.stop();

      Reconciler.Snapshot snapshot;
      try (Connection c = db.connect()) {
        snapshot = Reconciler.read(c);
      }
      Reconciler rec = new Reconciler(world, snapshot, report);
      rec.soap(soap, parkedByAccess);
      rec.adt(adt, visits, parkedByAccess);
      rec.qbp(qbp, qbpTags, parkedByAccess);
      rec.fanOut(
          parkedByQueue.getOrDefault("AccessEvents", 0L),
          parkedByQueue.getOrDefault("LaNotifications", 0L));
      rec.uploads(uploads);
      rec.planChanges(plans, parkedByQueue.getOrDefault("RecordUpdates", 0L));
      rec.reads(reads);
      report.notes.add(
          String.format(
              "database: %d access events, %d access notifications, %d CPIS Follow Up steps,"
                  + " %d upload submissions, %d council record updates (%d held at the end);"
                  + " casework councils %s",
              snapshot.events.size(),
              snapshot.accessNotifications.size(),
              snapshot.followUpSteps.size(),
              snapshot.submissions.size(),
              snapshot.outbox.values().stream().mapToInt(List::size).sum(),
              snapshot.heldCouncilFiles,
              snapshot.caseworkCouncils));
      for (int k = 1; k <= kills; k++) {
        final int kill = k;
        report.notes.add(
            String.format(
                "kill %d cut off: %d SOAP queries, %d HL7 ADT, %d HL7 QBP, %d upload files, %d plan"
                    + " changes, %d reads",
                k,
                soap.count(r -> r.killedBy == kill),
                adt.count(r -> r.killedBy == kill),
                qbp.count(r -> r.killedBy == kill),
                uploads.count(r -> r.killedBy == kill),
                plans.count(r -> r.killedBy == kill),
                reads.count(r -> r.killedBy == kill)));
      }
      verdict(report);
    } catch (Exception | AssertionError e) {
      report.problem("the run broke off: " + Ledger.summary(e));
      gate.stop();
      throw e;
    } finally {
      gate.stop();
      if (server.running()) {
        server.kill9();
      }
      report.notes.addAll(log);
      report.notes.add(
          String.format(
              "run took %d s; server console: %s",
              Duration.between(t0, Instant.now()).toSeconds(),
              settings.workDir().resolve("console.log")));
      if (settings.postgres() && !settings.keepDatabase()) {
        try {
          db.dropPostgres();
        } catch (Exception e) {
          report.notes.add("could not drop " + db.url + ": " + e.getMessage());
        }
      }
      String table = report.table();
      out.println(table);
      Files.writeString(settings.workDir().resolve("report.txt"), table, StandardCharsets.UTF_8);
    }
    return report;
  }

  private List<LoadClient> clients(World world) {
    List<LoadClient> c = new ArrayList<>();
    long seed = settings.seed();
    for (int i = 0; i < settings.soapThreads(); i++) {
      c.add(new SoapQueryClient("soap-" + i, settings, gate, seed + 100 + i, world, soap));
    }
    for (int i = 0; i < settings.adtThreads(); i++) {
      c.add(new AdtClient("adt-" + i, settings, gate, seed + 200 + i, world, adt, visits));
    }
    for (int i = 0; i < settings.qbpThreads(); i++) {
      c.add(new QbpClient("qbp-" + i, settings, gate, seed + 300 + i, world, qbp, qbpTags));
    }
    for (String la : World.UPLOADERS.keySet()) {
      c.add(new UploadClient("upload-" + la, settings, gate, seed + 400, la, world, uploads));
    }
    for (String la : World.STAFF.keySet()) {
      c.add(new PlanChangeClient("plans-" + la, settings, gate, seed + 500, la, world, plans));
    }
    c.add(new ApiReader("reader", settings, gate, seed + 600, reads));
    return c;
  }

  private void start(WildFlyProcess server, String what) throws Exception {
    Instant t = Instant.now();
    server.start();
    server.awaitReady(Duration.ofSeconds(settings.startTimeoutSeconds()));
    say(
        String.format(
            "%s: pid %d answering after %.1f s",
            what, server.pid(), Duration.between(t, Instant.now()).toMillis() / 1000.0));
  }

  private void loadFor(long ms, List<LoadClient> clients) {
    long end = System.nanoTime() + ms * 1_000_000;
    while (System.nanoTime() < end) {
      WildFlyProcess.sleep(Math.min(250, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      for (LoadClient c : clients) {
        if (c.crashed != null) {
          throw new IllegalStateException(
              "client " + c.name + " failed: " + Ledger.summary(c.crashed), c.crashed);
        }
      }
    }
  }

  private long sentSoFar() {
    return soap.requests.size()
        + adt.requests.size()
        + qbp.requests.size()
        + uploads.requests.size()
        + plans.requests.size();
  }

  /**
   * The server answers normally: each call is 200 at its first try (the issue saw GET /inboxes
   * answer 500 after a restart on H2 until a second restart).
   */
  private void apiCheck(Report report, String when) throws Exception {
    Clients.Rest rest = new Clients.Rest(settings.baseUrl());
    Map<String, Clients.Rest.Reply> replies = new LinkedHashMap<>();
    for (Spine.User staff : List.of(Spine.LEICS_ADMIN, Spine.MANC_ADMIN, World.LEICESTER_ADMIN)) {
      Clients.Rest.Reply inboxes = rest.get(staff, "/inboxes");
      replies.put(staff.name() + " GET /inboxes", inboxes);
      if (inboxes.status() == 200) {
        for (JsonValue v : (JsonArray) inboxes.json()) {
          JsonObject inbox = v.asJsonObject();
          if ("CPIS_VIRTUAL_WORKER".equals(inbox.getString("role"))) {
            String path =
                "/inboxes/" + inbox.getJsonNumber("id").longValue() + "/steps?overdue=true";
            replies.put(staff.name() + " GET " + path, rest.get(staff, path));
          }
        }
      }
    }
    replies.put("leics.admin GET /workers/me", rest.get(Spine.LEICS_ADMIN, "/workers/me"));
    replies.put("leics.admin GET /children", rest.get(Spine.LEICS_ADMIN, "/children"));
    replies.put("cpis.admin GET /admin/demographics", rest.get(Spine.ADMIN, "/admin/demographics"));
    for (String q : List.of("AccessEvents", "LaNotifications", "RecordUpdates")) {
      String path = "/admin/messaging/dead-letters/" + q;
      replies.put("cpis.admin GET " + path, rest.get(Spine.ADMIN, path));
    }
    int failed = 0;
    for (var e : replies.entrySet()) {
      if (e.getValue().status() != 200) {
        failed++;
        report.problem(
            "API "
                + when
                + ": "
                + e.getKey()
                + " answered "
                + e.getValue().status()
                + " "
                + PlanChangeClient.abbreviate(e.getValue().body()));
      }
    }
    say(
        "API check "
            + when
            + ": "
            + (replies.size() - failed)
            + "/"
            + replies.size()
            + " answered 200");
  }

  /**
   * Waits until the application's queues are empty for crash.drain.quiet-seconds running (5; more
   * if something relays to them late), at most the drain timeout.
   */
  private void drain(Management mgmt, Report report) throws Exception {
    Instant t = Instant.now();
    long deadline =
        System.nanoTime() + Duration.ofSeconds(settings.drainTimeoutSeconds()).toNanos();
    int quiet = 0;
    Map<String, Management.QueueState> last = Map.of();
    while (System.nanoTime() < deadline) {
      last = mgmt.queues();
      boolean empty =
          last.entrySet().stream()
              .filter(e -> e.getKey().startsWith("Cpis") && !e.getKey().endsWith("DLQ"))
              .allMatch(e -> e.getValue().empty());
      quiet = empty ? quiet + 1 : 0;
      if (quiet >= settings.drainQuietSeconds()) {
        say(
            String.format(
                "queues drained after %d s", Duration.between(t, Instant.now()).toSeconds()));
        return;
      }
      WildFlyProcess.sleep(1000);
    }
    report.problem(
        "the queues did not drain within " + settings.drainTimeoutSeconds() + " s: " + last);
    try {
      report.notes.add("prepared (in-doubt) JMS transactions: " + mgmt.preparedTransactions());
    } catch (Exception e) {
      report.notes.add("cannot list the prepared JMS transactions: " + e.getMessage());
    }
  }

  /** Parked messages as the administrator sees them; counts by access event id and by queue. */
  private Map<String, Long> parkedDetails(Map<String, Long> byAccess, Report report)
      throws Exception {
    Clients.Rest rest = new Clients.Rest(settings.baseUrl());
    Map<String, Long> byQueue = new LinkedHashMap<>();
    for (String q : List.of("AccessEvents", "LaNotifications", "RecordUpdates")) {
      Clients.Rest.Reply r = rest.get(Spine.ADMIN, "/admin/messaging/dead-letters/" + q);
      if (r.status() != 200) {
        report.problem("dead letters of " + q + ": HTTP " + r.status());
        continue;
      }
      JsonArray parked = (JsonArray) r.json();
      byQueue.put(q, (long) parked.size());
      int shown = 0;
      for (JsonValue v : parked) {
        JsonObject p = v.asJsonObject();
        String access = string(p, "accessEventId");
        String n = string(p, "notificationId");
        if (access == null && n != null && n.contains(":")) {
          access = n.substring(0, n.indexOf(':'));
        }
        if (access != null) {
          byAccess.merge(access, 1L, Long::sum);
        }
        if (shown++ < 3) {
          report.notes.add("parked on " + q + "DLQ: " + p);
        }
      }
    }
    return byQueue;
  }

  private static String string(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof jakarta.json.JsonString js ? js.getString() : null;
  }

  private void verdict(Report report) {
    for (Report.Row r : report.rows) {
      if (r.lost > 0) {
        report.problem(r.name + ": " + r.lost + " lost");
      }
      if (r.duplicated > 0) {
        report.problem(r.name + ": " + r.duplicated + " duplicated");
      }
      if (r.parked > 0) {
        report.problem(r.name + ": " + r.parked + " parked on a dead-letter queue");
      }
      // A request left unanswered is not accepted: the sender sends it again (an engine resends a
      // message without an ACK). A few, around the restarts, are tolerated and shown; any other
      // error, or more of them, is a failure.
      long wrong = r.errors - r.unanswered;
      if (wrong > 0) {
        report.problem(r.name + ": " + wrong + " errors from a server that was up");
      }
      if (r.unanswered > Math.max(2, r.sent / 50)) {
        report.problem(
            r.name + ": " + r.unanswered + " requests left unanswered by a server that was up");
      }
    }
    report.deadLetters.forEach(
        (q, n) -> {
          if (n > 0) {
            report.problem(q + " holds " + n + " messages");
          }
        });
    // a run that proves nothing must not pass
    for (var c :
        List.of(
            Map.entry("SOAP queries", soap.count(Ledger.Request::acked)),
            Map.entry("ADT attendances", adt.count(Ledger.Request::acked)),
            Map.entry("QBP queries", qbp.count(Ledger.Request::acked)),
            Map.entry("cpisupload files", uploads.count(Ledger.Request::acked)),
            Map.entry("plan changes", plans.count(Ledger.Request::acked)))) {
      if (c.getValue() == 0) {
        report.problem("no " + c.getKey() + " were acknowledged: the run proves nothing");
      }
    }
    long inFlight =
        soap.count(r -> r.inFlightAtKill)
            + adt.count(r -> r.inFlightAtKill)
            + qbp.count(r -> r.inFlightAtKill)
            + uploads.count(r -> r.inFlightAtKill)
            + plans.count(r -> r.inFlightAtKill);
    if (inFlight == 0) {
      report.notes.add("note: no request was in flight at any kill");
    }
  }

  private void say(String s) {
    String line = "[crash] " + s;
    log.add(line);
    out.println(line);
    out.flush();
  }

  Path workDir() {
    return settings.workDir();
  }
}
