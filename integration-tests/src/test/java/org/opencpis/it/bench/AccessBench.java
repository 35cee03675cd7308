package org.opencpis.it.bench;

import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;

import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.model.Message;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.opencpis.contract.query.CpisQueryPortType;
import org.opencpis.it.Council;
import org.opencpis.it.Mllp;
import org.opencpis.it.Spine;
import org.opencpis.it.TestData;

/**
 * Measures the access path on a running server: spine-style SOAP queries (real CXF clients) and
 * ADT^A04 attendances over MLLP (real HAPI clients, one connection per thread), each recording an
 * access and notifying the council; then how long an access takes to become a CPIS Follow Up step
 * in the council's inbox. Prints throughput, latency percentiles and the server's heap.
 *
 * <p>Not a test: run it by hand against a server you started. Its request loops are bounded (count
 * and a time limit) and talk to localhost only:
 *
 * <pre>
 * ./mvnw -Pbench -pl integration-tests verify -Dbench.main=org.opencpis.it.bench.AccessBench \
 *     -Dbench.url=http://localhost:8080/cpis -Dbench.hl7.port=2575 -Dbench.requests=2000
 * </pre>
 */
public final class AccessBench {

  private AccessBench() {}

  public static void main(String[] args) throws Exception {
    int status = 1;
    try {
      measure();
      status = 0;
    } finally {
      Mllp.CONTEXT.close();
      // the CXF and HAPI clients leave non-daemon threads that exec:java would wait for forever
      Runtime.getRuntime().halt(status);
    }
  }

  static void measure() throws Exception {
    String url = System.getProperty("bench.url", "http://localhost:8080/cpis");
    String metrics = System.getProperty("bench.metrics", "http://localhost:9990/metrics");
    int requests = Integer.getInteger("bench.requests", 2000);
    int threads = Integer.getInteger("bench.threads", 4);
    int children = Integer.getInteger("bench.children", 50);
    Duration limit = Duration.ofSeconds(Integer.getInteger("bench.seconds", 300));
    System.setProperty("it.base.url", url);
    System.setProperty("it.hl7.port", System.getProperty("bench.hl7.port", "2575"));
    System.out.printf(
        "access bench: %,d SOAP queries and %,d HL7 attendances on %d threads against %s%n",
        requests, requests, threads, url);

    List<String> shared = new ArrayList<>();
    for (int i = 0; i < children; i++) {
      String nhs = TestData.nhsNumber();
      Spine.upload(Spine.LEICESTERSHIRE)
          .upload(
              file(
                  "855",
                  child(
                      "B-" + nhs,
                      nhs,
                      "Bench",
                      "Child" + i,
                      LocalDate.of(2016, 1, 1),
                      "CPP",
                      TestData.monthsAgo(11),
                      null)));
      shared.add(nhs);
    }
    long heapBefore = BulkLoadBench.heap(metrics);
    List<Connection> connections = Collections.synchronizedList(new ArrayList<>());

    Result soap =
        run(
            "SOAP cpisquery",
            requests,
            threads,
            limit,
            () -> {
              CpisQueryPortType port = Spine.query(Spine.CLINICIAN);
              return () -> port.query(byPerson(pick(shared), ED_NURSE));
            });
    Result hl7 =
        run(
            "HL7 ADT^A04 over MLLP",
            requests,
            threads,
            limit,
            () -> {
              Connection c = Mllp.CONTEXT.newClient("localhost", Mllp.port(), false);
              c.getInitiator().setTimeout(30, TimeUnit.SECONDS);
              return () -> {
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
                if (!"AA".equals(Mllp.get(ack, "/MSA-1"))) {
                  throw new IllegalStateException("answered " + Mllp.get(ack, "/MSA-1"));
                }
              };
            });

    // end to end: query -> notification -> step in the council's inbox
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    List<Long> e2e = new ArrayList<>();
    CpisQueryPortType port = Spine.query(Spine.CLINICIAN);
    for (int i = 0; i < 10; i++) {
      String nhs = TestData.nhsNumber();
      Spine.upload(Spine.LEICESTERSHIRE)
          .upload(
              file(
                  "855",
                  child(
                      "E-" + nhs,
                      nhs,
                      "Bench",
                      "Flow" + i,
                      LocalDate.of(2016, 1, 1),
                      "CPP",
                      TestData.monthsAgo(11),
                      null)));
      long t0 = System.nanoTime();
      port.query(byPerson(nhs, ED_NURSE));
      JsonObject step = Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1);
      e2e.add((System.nanoTime() - t0) / 1_000_000);
      if (step == null) {
        throw new IllegalStateException("no step for " + nhs);
      }
    }
    Collections.sort(e2e);
    long heapAfter = BulkLoadBench.heap(metrics);
    for (Connection c : connections) {
      c.close();
    }

    soap.print();
    hl7.print();
    System.out.printf(
        Locale.ROOT,
        "  access -> CPIS Follow Up step in the inbox (10 samples, polled every 250 ms): median %d ms, max %d ms%n",
        e2e.get(e2e.size() / 2),
        e2e.get(e2e.size() - 1));
    if (heapBefore > 0) {
      System.out.printf(
          Locale.ROOT,
          "  server heap used: %d MB before, %d MB after%n",
          heapBefore >> 20,
          heapAfter >> 20);
    }
  }

  interface Call {
    void call() throws Exception;
  }

  interface CallFactory {
    Call open() throws Exception;
  }

  record Result(String name, int done, double seconds, List<Long> micros) {
    void print() {
      Collections.sort(micros);
      System.out.printf(
          Locale.ROOT,
          "  %s: %,d in %.1f s = %.0f/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          name,
          done,
          seconds,
          done / seconds,
          pct(0.50),
          pct(0.95),
          pct(0.99),
          micros.get(micros.size() - 1) / 1000.0);
    }

    double pct(double p) {
      return micros.get(Math.min(micros.size() - 1, (int) (micros.size() * p))) / 1000.0;
    }
  }

  static Result run(String name, int requests, int threads, Duration limit, CallFactory factory)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long deadline = System.nanoTime() + limit.toNanos();
    long start = System.nanoTime();
    List<Future<List<Long>>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int share = requests / threads + (t < requests % threads ? 1 : 0);
      parts.add(
          pool.submit(
              () -> {
                Call call = factory.open();
                List<Long> micros = new ArrayList<>();
                for (int i = 0; i < share && System.nanoTime() < deadline; i++) {
                  long t0 = System.nanoTime();
                  call.call();
                  micros.add((System.nanoTime() - t0) / 1000);
                }
                return micros;
              }));
    }
    List<Long> all = new ArrayList<>();
    try {
      for (Future<List<Long>> f : parts) {
        all.addAll(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(name, all.size(), seconds, all);
  }

  static String pick(List<String> nhs) {
    return nhs.get(ThreadLocalRandom.current().nextInt(nhs.size()));
  }
}
