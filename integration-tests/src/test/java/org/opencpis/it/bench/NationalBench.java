package org.opencpis.it.bench;

import static org.opencpis.it.UploadFiles.file;
import static org.opencpis.it.UploadFiles.unregisteredChild;
import static org.opencpis.it.UploadFiles.unregisteredUnborn;

import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.opencpis.contract.hl7.CV;
import org.opencpis.contract.hl7.REPCMT000002GB01Record;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse;
import org.opencpis.contract.upload.CpisUploadPortType;
import org.opencpis.it.Council;
import org.opencpis.it.Mllp;
import org.opencpis.it.NationalQuery;
import org.opencpis.it.Rest;
import org.opencpis.it.Spine;
import org.opencpis.it.TestData;
import org.opencpis.it.UploadFiles;
import org.opencpis.it.bench.ceiling.Ceiling;
import org.opencpis.it.crash.Management;
import org.opencpis.it.crash.WildFlyProcess;

/**
 * The benchmark harness of issue 12: starts its own WildFly (the build's server, a base folder of
 * its own, port offset 400 by default), deploys the EAR and beside it the no-work ceilings ({@link
 * Ceiling}: a SOAP echo and an MLLP echo in the same server), generates a dataset, then for each
 * load runs a warm-up and alternates project and ceiling rounds, and prints one table (rate, p50,
 * p95, p99, ratio to the ceiling, heap used after a full GC) and writes it as JSON under target/.
 *
 * <p>Not a test: {@code ./mvnw -B -ntp -Pbench verify -pl integration-tests -am -DskipTests} (see
 * the README, "Benchmark"). Closed-loop clients on localhost; every load bounded in count and time.
 */
public final class NationalBench {

  static final String QUERY_PATH = "/cpis/spine/cpisquery";
  static final String QUERY_ACTION = "urn:nhs:names:services:cpisquery/QUPC_IN000006GB01";

  /** The councils whose children the queries and attendances ask for, and their uploaders. */
  static final Map<String, Spine.User> REGISTER =
      Map.of(
          "855", Spine.LEICESTERSHIRE,
          "856", Spine.LEICESTER,
          "330", Spine.BIRMINGHAM);

  /** Manchester's children are the ones whose step is timed (a quiet inbox to poll). */
  static final String STEP_LA = "352";

  private final BenchSettings settings;
  private final PrintStream out;
  private final Management mgmt;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> shared = new ArrayList<>();
  private final List<String> stepChildren = new ArrayList<>();
  private final Random random = new Random(12);
  private boolean heapError;
  private final java.util.Set<String> used = new java.util.HashSet<>();

  /** One line of the table. */
  record Row(
      String load, String side, Load.Sample sample, Double ratio, long heapMb, String note) {}

  NationalBench(BenchSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
    this.mgmt = new Management(settings.managementPort());
  }

  public static void main(String[] args) {
    int status = 1;
    try {
      BenchSettings settings = BenchSettings.fromSystemProperties();
      new NationalBench(settings, System.out).run();
      status = 0;
    } catch (Throwable e) {
      e.printStackTrace();
    } finally {
      System.out.flush();
      // CXF and HAPI leave non-daemon threads that exec:java would wait for forever
      Runtime.getRuntime().halt(status);
    }
  }

  void run() throws Exception {
    Instant t0 = Instant.now();
    System.setProperty("it.base.url", settings.baseUrl());
    System.setProperty("it.hl7.port", Integer.toString(settings.hl7Port()));
    Files.createDirectories(settings.workDir());
    Files.deleteIfExists(settings.workDir().resolve("console.log"));
    say(
        "benchmark harness: %s on %s, port offset %d (HTTP %d, management %d, MLLP %d, MLLP echo"
            + " %d), %d connections, %d rounds of at most %,d requests / %d s after %d s of"
            + " warm-up",
        settings.serverConfig(),
        settings.database(),
        settings.portOffset(),
        settings.httpPort(),
        settings.managementPort(),
        settings.hl7Port(),
        settings.echoHl7Port(),
        settings.threads(),
        settings.rounds(),
        settings.roundRequests(),
        settings.roundSeconds(),
        settings.warmupSeconds());
    WildFlyProcess server = new WildFlyProcess(settings);
    server.prepareBase();
    server.deploy(Ceiling.write(settings.workDir()));
    if (settings.postgres()) {
      recreatePostgres();
    }
    try {
      Instant s = Instant.now();
      server.start();
      server.awaitReady(Duration.ofSeconds(600));
      awaitCeiling(Duration.ofSeconds(120));
      say(
          "server pid %d answering after %.1f s; console in %s",
          server.pid(), seconds(s), settings.workDir().resolve("console.log"));
      dataset();
      queries();
      history();
      attendances();
      upload();
      accessToStep();
      inbox();
      print(t0);
      writeJson(t0);
    } finally {
      server.stop();
    }
  }

  // ---------------------------------------------------------------- dataset

  /**
   * The register: {@code bench.children} children registered in the demographic store (one CSV
   * load) and shared through cpisupload by three councils, 10 % of them by two; and the children
   * whose steps are timed, shared by Manchester. The demographic store's generated seed ({@code
   * bench.demographics} people) the server makes at its start.
   */
  private void dataset() throws Exception {
    Instant t = Instant.now();
    int n = settings.children();
    List<String> las = List.copyOf(new java.util.TreeSet<>(REGISTER.keySet()));
    Map<String, List<REPCMT000002GB01Record>> files = new LinkedHashMap<>();
    StringBuilder csv = new StringBuilder();
    LocalDate born = LocalDate.of(2016, 1, 1);
    for (int i = 0; i < n; i++) {
      String nhs = number();
      String la = las.get(i % las.size());
      csv.append(person(nhs, i, born));
      files.computeIfAbsent(la, k -> new ArrayList<>()).add(record(la, nhs, i, born));
      if (i % 10 == 9) {
        String second = las.get((i + 1) % las.size());
        files.computeIfAbsent(second, k -> new ArrayList<>()).add(record(second, nhs, i, born));
      }
      shared.add(nhs);
    }
    for (int i = 0; i < settings.stepSamples(); i++) {
      String nhs = number();
      // a child's protection plan (CPP) each (index 3 mod 10): the step under test, not an unborn's
      int index = 10 * (n + i) + 3;
      csv.append(person(nhs, index, born));
      files.computeIfAbsent(STEP_LA, k -> new ArrayList<>()).add(record(STEP_LA, nhs, index, born));
      stepChildren.add(nhs);
    }
    Rest.Reply d = Rest.post(Spine.ADMIN, "/admin/demographics", "text/csv", csv.toString());
    if (d.status() != 200) {
      throw new IllegalStateException("demographic load: HTTP " + d.status() + " " + d.body());
    }
    long records = 0;
    for (Map.Entry<String, List<REPCMT000002GB01Record>> f : files.entrySet()) {
      Spine.User user = f.getKey().equals(STEP_LA) ? Spine.MANCHESTER : REGISTER.get(f.getKey());
      upload(user, f.getKey(), f.getValue());
      records += f.getValue().size();
    }
    say(
        "dataset: %,d children (%,d records from %d councils, 10 %% shared by two), %,d generated"
            + " demographic records; %.1f s",
        n, records, files.size(), settings.demographics(), seconds(t));
  }

  private String number() {
    // 999 100 0000 and up: above the block of the demographic store's generated seed
    while (true) {
      String nine = Integer.toString(999_100_000 + random.nextInt(900_000));
      int check = TestData.checkDigit(nine);
      if (check != 10) {
        String nhs = nine + check;
        if (used.add(nhs)) {
          return nhs;
        }
      }
    }
  }

  private static String person(String nhs, int i, LocalDate born) {
    return nhs + ",\"Bench\",\"Child" + i + "\"," + born.plusDays(i % 3000) + ",,false\n";
  }

  /** CPP for 7 in 10, LAC (s31, shared) for 2, an unborn's plan (UCP) under the mother for 1. */
  private static REPCMT000002GB01Record record(String la, String nhs, int i, LocalDate born) {
    String local = "B" + la + "-" + nhs;
    LocalDate dob = born.plusDays(i % 3000);
    LocalDate start = TestData.monthsAgo(6);
    return switch (i % 10) {
      case 0 -> unregisteredUnborn(local, nhs, "Bench", "Child" + i, dob, start);
      case 1, 2 -> {
        REPCMT000002GB01Record r =
            unregisteredChild(local, nhs, "Bench", "Child" + i, dob, "LAC", start, null);
        CV status = new CV();
        status.setCode("s31");
        UploadFiles.plan(r).getCOCTTP146100GB01LACInformation().setLegalStatus(status);
        yield r;
      }
      default -> unregisteredChild(local, nhs, "Bench", "Child" + i, dob, "CPP", start, null);
    };
  }

  /** One cpisupload file, acknowledged CPF02; returns the seconds it took. */
  private double upload(Spine.User user, String la, List<REPCMT000002GB01Record> records)
      throws Exception {
    CpisUploadPortType port =
        Spine.senderAsid(Spine.upload(user, settings.baseUrl()), "200000000" + la);
    HTTPClientPolicy policy = new HTTPClientPolicy();
    policy.setConnectionTimeout(5_000);
    policy.setReceiveTimeout(TimeUnit.MINUTES.toMillis(30));
    ((HTTPConduit) ClientProxy.getClient(port).getConduit()).setClient(policy);
    long t0 = System.nanoTime();
    REPCMT000003GB01FileResponse ack =
        port.upload(
            file(
                la, TestData.nextFileSequence(la), records.toArray(REPCMT000002GB01Record[]::new)));
    double s = (System.nanoTime() - t0) / 1e9;
    String code = UploadFiles.fileCode(ack).getCode();
    if (!"CPF02".equals(code)) {
      throw new IllegalStateException(
          "upload of "
              + records.size()
              + " records for "
              + la
              + ": "
              + code
              + " (the reason: GET /api/admin/uploads/"
              + la
              + ")");
    }
    return s;
  }

  // ---------------------------------------------------------------- loads

  /** cpisquery with the national request, raw HTTP, for a random shared child; beside the echo. */
  private void queries() throws Exception {
    measure(
        String.format("cpisquery, %,d shared children", shared.size()),
        () -> soap(QUERY_PATH, () -> pick(shared), true),
        () -> soap(Ceiling.SOAP_PATH, () -> pick(shared), false),
        "raw HTTP POST of the national QUPC_IN000006GB01 (docs/spine-national-shape.md 1.4)");
  }

  /** cpisquery for one child whose history grows with every query (bench.history first). */
  private void history() throws Exception {
    String child = shared.get(0);
    int earlier = Integer.getInteger("bench.history", 500);
    Load.round(
        () -> soap(QUERY_PATH, () -> child, true),
        settings.threads(),
        earlier,
        Duration.ofSeconds(Math.max(settings.roundSeconds(), 60)));
    measure(
        String.format("cpisquery, one child with %,d+ earlier accesses", earlier),
        () -> soap(QUERY_PATH, () -> child, true),
        null,
        "ratio to the SOAP echo above");
  }

  private Load.Connection soap(String path, Supplier<String> nhs, boolean project) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (Spine.CLINICIAN.name() + ":" + Spine.CLINICIAN.password())
                        .getBytes(StandardCharsets.UTF_8));
    URI uri = URI.create(settings.rootUrl() + path);
    return () -> {
      HttpRequest req =
          HttpRequest.newBuilder(uri)
              .header("Content-Type", "text/xml; charset=utf-8")
              .header("SOAPAction", "\"" + QUERY_ACTION + "\"")
              .header("Authorization", auth)
              .timeout(Duration.ofSeconds(60))
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      NationalQuery.byPerson(nhs.get()).xml(), StandardCharsets.UTF_8))
              .build();
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + r.statusCode() + " " + head(r.body()));
      }
      if (project
          && (!r.body().contains("REPC_IN000007GB01") || r.body().contains("QUQI_IN010000UK14"))) {
        throw new IllegalStateException("not the child's records: " + head(r.body()));
      }
    };
  }

  /** ADT^A04 over MLLP with HAPI's client, one connection a thread; beside the MLLP echo. */
  private void attendances() throws Exception {
    measure(
        "ADT^A04 attendance (access + notification)",
        () -> adt(settings.hl7Port()),
        () -> adt(settings.echoHl7Port()),
        "HAPI client; each answer's MSA-2 is the message's own MSH-10");
  }

  private Load.Connection adt(int port) throws Exception {
    HapiContext context = Mllp.context();
    ca.uhn.hl7v2.app.Connection c = context.newClient("localhost", port, false);
    c.getInitiator().setTimeout(60, TimeUnit.SECONDS);
    return new Load.Connection() {
      @Override
      public void call() throws Exception {
        String id = Mllp.controlId();
        Message ack =
            c.getInitiator()
                .sendAndReceive(
                    Mllp.parse(
                        Mllp.adt(
                            "A04",
                            "RWE",
                            pick(shared),
                            "V" + id,
                            id,
                            "2.5",
                            "UNICODE UTF-8",
                            "Bench")));
        if (!"AA".equals(Mllp.get(ack, "/MSA-1")) || !id.equals(Mllp.get(ack, "/MSA-2"))) {
          throw new IllegalStateException(
              "answered " + Mllp.get(ack, "/MSA-1") + " for " + Mllp.get(ack, "/MSA-2"));
        }
      }

      @Override
      public void close() throws Exception {
        c.close();
        context.close();
      }
    };
  }

  /** One cpisupload file of bench.upload.records new children (Leicestershire's next file). */
  private void upload() throws Exception {
    int n = settings.uploadRecords();
    StringBuilder csv = new StringBuilder();
    List<REPCMT000002GB01Record> records = new ArrayList<>();
    LocalDate born = LocalDate.of(2015, 6, 1);
    for (int i = 0; i < n; i++) {
      String nhs = number();
      csv.append(person(nhs, i, born));
      records.add(record("855", nhs, i, born));
    }
    Rest.Reply d = Rest.post(Spine.ADMIN, "/admin/demographics", "text/csv", csv.toString());
    if (d.status() != 200) {
      throw new IllegalStateException("demographic load: HTTP " + d.status());
    }
    drain();
    double s = upload(Spine.LEICESTERSHIRE, "855", records);
    Load.Sample sample = new Load.Sample();
    sample.done = n;
    sample.seconds = s;
    sample.micros = new long[] {(long) (s * 1e6)};
    rows.add(
        new Row(
            String.format("cpisupload, one file of %,d records", n),
            "OpenCPIS",
            sample,
            null,
            heapMb(),
            String.format("one SOAP call, %.2f s (rate = records/s)", s)));
    say("upload: %,d records in %.2f s", n, s);
  }

  /**
   * Access -> CPIS Follow Up step: a query for a Manchester child no one asked about before, then
   * its step polled (every 50 ms) in Manchester's inbox, while the query load runs on the other
   * connections.
   */
  private void accessToStep() throws Exception {
    drain();
    long inbox = Council.inbox(Spine.MANC_ADMIN, "CPIS_VIRTUAL_WORKER");
    int background = Math.max(1, settings.threads() - 1);
    Load.Sample steps = new Load.Sample();
    List<Long> micros = new ArrayList<>();
    Thread load =
        new Thread(
            () -> {
              try {
                Load.round(
                    () -> soap(QUERY_PATH, () -> pick(shared), true),
                    background,
                    Integer.MAX_VALUE,
                    Duration.ofSeconds(2L * settings.stepSamples() + 30));
              } catch (Exception e) {
                // the step figures say what happened
              }
            });
    load.setDaemon(true);
    load.start();
    Thread.sleep(2000);
    Load.Connection query = soap(QUERY_PATH, () -> null, true);
    long t0all = System.nanoTime();
    for (String nhs : stepChildren) {
      Load.Connection one = soap(QUERY_PATH, () -> nhs, true);
      long t0 = System.nanoTime();
      try {
        one.call();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(30);
        boolean found = false;
        while (!found && System.nanoTime() < deadline) {
          found = Council.stepFor(Spine.MANC_ADMIN, inbox, nhs).isPresent();
          if (!found) {
            Thread.sleep(50);
          }
        }
        if (found) {
          micros.add((System.nanoTime() - t0) / 1000);
        } else {
          steps.errors++;
          steps.firstError = "no step within 30 s";
        }
      } catch (Exception e) {
        steps.errors++;
        steps.firstError = e.toString();
      }
      Thread.sleep(1000);
    }
    steps.seconds = (System.nanoTime() - t0all) / 1e9;
    load.join(TimeUnit.SECONDS.toMillis(2L * settings.stepSamples() + 60));
    steps.micros = micros.stream().mapToLong(Long::longValue).toArray();
    steps.done = steps.micros.length;
    rows.add(
        new Row(
            "access -> CPIS Follow Up step",
            "OpenCPIS",
            steps,
            null,
            heapMb(),
            String.format(
                "%d samples under %d query connections; polled every 50 ms (rate: samples/s)",
                stepChildren.size(), background)));
    if (query != null) {
      query.close();
    }
  }

  /** A page of Leicestershire's CPIS inbox, as its staff read it. */
  private void inbox() throws Exception {
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    int open = Council.steps(Spine.LEICS_ADMIN, inbox, null).size();
    measure(
        String.format("GET /inboxes/{id}/steps, %,d open steps", open),
        () ->
            () -> {
              Rest.Reply r = Rest.get(Spine.LEICS_ADMIN, "/inboxes/" + inbox + "/steps");
              if (r.status() != 200) {
                throw new IllegalStateException("HTTP " + r.status());
              }
            },
        null,
        "no paging today: the whole inbox each time");
  }

  /** Warm-up, then project and ceiling rounds alternating; a row for each. */
  private void measure(String name, Load.Opener project, Load.Opener ceiling, String note)
      throws Exception {
    Duration warm = Duration.ofSeconds(settings.warmupSeconds());
    Duration round = Duration.ofSeconds(settings.roundSeconds());
    int threads = settings.threads();
    drain();
    say("%s: warm-up", name);
    Load.round(project, threads, Integer.MAX_VALUE, warm);
    if (ceiling != null) {
      Load.round(ceiling, threads, Integer.MAX_VALUE, warm);
    }
    Load.Sample p = new Load.Sample();
    Load.Sample c = new Load.Sample();
    for (int r = 0; r < settings.rounds(); r++) {
      Load.Sample pr = Load.round(project, threads, settings.roundRequests(), round);
      p.add(pr);
      String line = String.format(Locale.ROOT, "  round %d: OpenCPIS %.0f/s", r + 1, pr.rate());
      if (ceiling != null) {
        Load.Sample cr = Load.round(ceiling, threads, settings.roundRequests(), round);
        c.add(cr);
        line += String.format(Locale.ROOT, ", ceiling %.0f/s", cr.rate());
      }
      out.println(line + (pr.errors > 0 ? ", " + pr.errors + " errors: " + pr.firstError : ""));
    }
    double drained = drain();
    if (drained > 0.5) {
      note +=
          String.format(Locale.ROOT, "; its queued work done %.1f s after the last round", drained);
    }
    long heap = heapMb();
    Double ratio = null;
    Row echo = null;
    if (ceiling != null) {
      ratio = c.rate() == 0 ? null : p.rate() / c.rate();
    } else {
      echo =
          rows.stream()
              .filter(x -> x.side().startsWith("ceiling"))
              .reduce((a, b) -> b)
              .orElse(null);
      if (echo != null && name.startsWith("cpisquery") && echo.sample().rate() > 0) {
        ratio = p.rate() / echo.sample().rate();
      }
    }
    rows.add(new Row(name, "OpenCPIS", p, ratio, heap, note));
    if (ceiling != null) {
      rows.add(
          new Row(
              name,
              name.startsWith("ADT") ? "ceiling: MLLP echo" : "ceiling: SOAP echo",
              c,
              null,
              heap,
              ""));
    }
  }

  /**
   * Waits (at most bench.drain.seconds, 300) until the server's JMS queues are empty, so that one
   * load's queued work (notifications, steps) is not billed to the next; returns the seconds.
   */
  private double drain() throws Exception {
    long t0 = System.nanoTime();
    long deadline = t0 + TimeUnit.SECONDS.toNanos(Integer.getInteger("bench.drain.seconds", 300));
    while (System.nanoTime() < deadline) {
      boolean empty =
          mgmt.queues().entrySet().stream()
              .filter(e -> !e.getKey().endsWith("DLQ") && !e.getKey().equals("ExpiryQueue"))
              .allMatch(e -> e.getValue().empty());
      if (empty) {
        return (System.nanoTime() - t0) / 1e9;
      }
      Thread.sleep(200);
    }
    say(
        "the JMS queues were not empty after %d s: %s",
        Integer.getInteger("bench.drain.seconds", 300), mgmt.queues());
    return (System.nanoTime() - t0) / 1e9;
  }

  private long heapMb() {
    try {
      return mgmt.heapUsedAfterGc() >> 20;
    } catch (Exception e) {
      if (!heapError) {
        heapError = true;
        say("heap not available from the management API: %s", e);
      }
      return -1;
    }
  }

  // ---------------------------------------------------------------- output

  private void print(Instant t0) {
    out.println();
    out.printf(
        "OpenCPIS benchmark, %s, %s; %d connections, %d cores, %s%n",
        settings.database(),
        Instant.now(),
        settings.threads(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    String fmt = "| %-48s | %-19s | %8s | %7s | %7s | %7s | %6s | %5s | %7s | %s%n";
    out.printf(
        fmt, "load", "side", "count", "rate/s", "p50 ms", "p95 ms", "p99 ms", "ratio", "heap MB",
        "note");
    out.printf(fmt, "---", "---", "---", "---", "---", "---", "---", "---", "---", "---");
    for (Row r : rows) {
      Load.Sample s = r.sample();
      out.printf(
          Locale.ROOT,
          fmt,
          r.load(),
          r.side(),
          s.done + (s.errors > 0 ? " (" + s.errors + " err)" : ""),
          String.format(Locale.ROOT, "%.0f", s.rate()),
          String.format(Locale.ROOT, "%.1f", s.ms(0.50)),
          String.format(Locale.ROOT, "%.1f", s.ms(0.95)),
          String.format(Locale.ROOT, "%.1f", s.ms(0.99)),
          r.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", r.ratio()),
          r.heapMb() < 0 ? "?" : Long.toString(r.heapMb()),
          r.note() + (s.firstError != null ? " [first error: " + head(s.firstError) + "]" : ""));
    }
    out.printf(Locale.ROOT, "(the whole run took %.0f s)%n", seconds(t0));
  }

  private void writeJson(Instant t0) throws Exception {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (Row r : rows) {
      Load.Sample s = r.sample();
      JsonObjectBuilder o =
          Json.createObjectBuilder()
              .add("load", r.load())
              .add("side", r.side())
              .add("count", s.done)
              .add("errors", s.errors)
              .add("seconds", s.seconds)
              .add("ratePerSecond", s.rate())
              .add("heapUsedAfterGcMb", r.heapMb())
              .add("note", r.note());
      if (s.done > 0) {
        o.add("p50Ms", s.ms(0.50)).add("p95Ms", s.ms(0.95)).add("p99Ms", s.ms(0.99));
      }
      if (r.ratio() != null) {
        o.add("ratioToCeiling", r.ratio());
      }
      if (s.firstError != null) {
        o.add("firstError", s.firstError);
      }
      a.add(o);
    }
    JsonObject doc =
        Json.createObjectBuilder()
            .add("started", t0.toString())
            .add("finished", Instant.now().toString())
            .add("serverConfig", settings.serverConfig())
            .add("database", settings.database())
            .add("cores", Runtime.getRuntime().availableProcessors())
            .add("threads", settings.threads())
            .add("children", settings.children())
            .add("demographics", settings.demographics())
            .add("rounds", settings.rounds())
            .add("roundRequests", settings.roundRequests())
            .add("roundSeconds", settings.roundSeconds())
            .add("warmupSeconds", settings.warmupSeconds())
            .add("rows", a)
            .build();
    StringWriter w = new StringWriter();
    Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
        .createWriter(w)
        .write(doc);
    Path file =
        settings
            .workDir()
            .getParent()
            .resolve(settings.postgres() ? "bench-postgres.json" : "bench-h2.json");
    Files.writeString(file, w.toString());
    say("written to %s", file);
  }

  // ---------------------------------------------------------------- helpers

  private void awaitCeiling(Duration within) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        int wsdl =
            http.send(
                    HttpRequest.newBuilder(
                            URI.create(settings.rootUrl() + Ceiling.SOAP_PATH + "?wsdl"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (wsdl == 200 && WildFlyProcess.listening(settings.echoHl7Port())) {
          return;
        }
      } catch (java.io.IOException e) {
        // not yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "the ceiling deployment did not answer; see " + settings.workDir().resolve("console.log"));
  }

  /** The harness's own PostgreSQL database, dropped and made again (never the shared one). */
  private void recreatePostgres() throws Exception {
    String url = settings.dbUrl().orElseThrow();
    int slash = url.lastIndexOf('/');
    String name = url.substring(slash + 1).replaceAll("\\?.*", "");
    if (!name.matches("[a-z0-9_]+") || name.equals("opencpis") || name.equals("postgres")) {
      throw new IllegalStateException(
          "the benchmark drops and recreates its database: give it one of its own"
              + " (-Dcpis.db.url=.../opencpis_bench), not "
              + name);
    }
    try (var c =
            java.sql.DriverManager.getConnection(
                url.substring(0, slash) + "/postgres",
                System.getProperty("cpis.db.user", "postgres"),
                System.getProperty("cpis.db.password", "postgres"));
        var st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + name);
    }
    say("database %s made afresh", name);
  }

  private static String pick(List<String> list) {
    return list.get(ThreadLocalRandom.current().nextInt(list.size()));
  }

  private static String head(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  private static double seconds(Instant since) {
    return Duration.between(since, Instant.now()).toMillis() / 1000.0;
  }

  private void say(String format, Object... args) {
    out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    out.flush();
  }
}
