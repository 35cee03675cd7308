package org.opencpis.it.bench;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.opencpis.it.Rest;
import org.opencpis.it.Spine;
import org.opencpis.it.TestData;

/**
 * Measures the weekly bulk NHS-number load (R5) on a running server: adds N synthetic children (no
 * NHS number) to a council's file through the administrators' endpoint, posts a file of N rows (all
 * five columns; about 1% with a failing check digit), waits for the job and prints rows per second,
 * the times and the server's heap (from the management port's /metrics).
 *
 * <p>Not a test: run it by hand against a server you started (see the README, "Benchmark"):
 *
 * <pre>
 * ./mvnw -Pbench -pl integration-tests verify -Dbench.url=http://localhost:8080/cpis \
 *     -Dbench.metrics=http://localhost:9990/metrics -Dbench.rows=100000
 * </pre>
 */
public final class BulkLoadBench {

  static final Spine.User PERFORMANCE =
      new Spine.User("leics.performance", "leics-performance-pass");
  static final String LA = "855";

  private BulkLoadBench() {}

  public static void main(String[] args) throws Exception {
    String url = System.getProperty("bench.url", "http://localhost:8080/cpis");
    String metrics = System.getProperty("bench.metrics", "http://localhost:9990/metrics");
    int n = Integer.getInteger("bench.rows", 100_000);
    System.setProperty("it.base.url", url);
    String prefix =
        "BENCH" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36) + "-";
    System.out.printf("bulk-load bench: %,d rows against %s (person ids %s*)%n", n, url, prefix);

    Instant t0 = Instant.now();
    for (int from = 0; from < n; from += 10_000) {
      int count = Math.min(10_000, n - from);
      Rest.Reply r =
          Rest.post(
              Spine.ADMIN,
              "/admin/councils/"
                  + LA
                  + "/synthetic-children?prefix="
                  + prefix
                  + "&from="
                  + from
                  + "&count="
                  + count,
              null);
      require(r, 200);
    }
    Duration seeding = Duration.between(t0, Instant.now());
    System.out.printf("  %,d children added in %.1f s%n", n, seconds(seeding));

    String file = file(prefix, n);
    long heapBefore = heap(metrics);
    Instant posted = Instant.now();
    Rest.Reply r = Rest.post(PERFORMANCE, "/bulk-loads", "text/csv", file);
    require(r, 202);
    long load = ((JsonObject) r.json()).getJsonNumber("loadId").longValue();
    Duration accept = Duration.between(posted, Instant.now());
    long heapMax = heapBefore;
    JsonObject status;
    do {
      Thread.sleep(500);
      heapMax = Math.max(heapMax, heap(metrics));
      status = (JsonObject) Rest.get(PERFORMANCE, "/bulk-loads/" + load).json();
    } while (status.getString("status").equals("STARTED"));
    Duration total = Duration.between(posted, Instant.now());
    long jobMillis = status.getJsonNumber("elapsedMillis").longValue();

    System.out.printf(
        "  load %d %s: %,d rows (%,d applied, %,d unchanged, %,d rejected)%n",
        load,
        status.getString("status"),
        status.getInt("processed"),
        status.getInt("applied"),
        status.getInt("unchanged"),
        status.getInt("rejected"));
    System.out.printf(
        Locale.ROOT,
        "  file %.1f MB accepted in %.2f s; job %.1f s; total %.1f s; %,.0f rows/s (job), %,.0f"
            + " rows/s (end to end)%n",
        file.length() / 1e6,
        seconds(accept),
        jobMillis / 1000.0,
        seconds(total),
        n / (jobMillis / 1000.0),
        n / seconds(total));
    if (heapMax > 0) {
      System.out.printf(
          "  server heap used: %d MB before, %d MB at most while it ran (sampled every 0.5 s)%n",
          heapBefore >> 20, heapMax >> 20);
    } else {
      System.out.println("  server heap: not available from " + metrics);
    }
  }

  /** N rows: person id, a valid test-range NHS number (1% failing the check), name, birth date. */
  static String file(String prefix, int n) {
    StringBuilder b = new StringBuilder(n * 60);
    b.append("LA person id,NHS number,Given name,Family name,Date of birth\n");
    int nine = 999_000_000 + ThreadLocalRandom.current().nextInt(0, 1_000_000 - n * 12 / 10);
    java.time.LocalDate born = java.time.LocalDate.of(2012, 1, 1);
    for (int i = 0; i < n; i++) {
      int check;
      do {
        check = TestData.checkDigit(Integer.toString(++nine));
      } while (check == 10);
      int digit = i % 100 == 99 ? (check + 1) % 10 : check;
      b.append(prefix)
          .append(i)
          .append(',')
          .append(nine)
          .append(digit)
          .append(",Synthetic,Child")
          .append(i)
          .append(',')
          .append(born.plusDays(i % 4000))
          .append('\n');
    }
    return b.toString();
  }

  /** Heap used, in bytes, from the MicroProfile/WildFly metrics; 0 when not available. */
  static long heap(String metrics) {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(metrics))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      for (String line : r.body().split("\n")) {
        if (line.startsWith("base_memory_usedHeap_bytes")
            || line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
          return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    } catch (Exception e) {
      // not available
    }
    return 0;
  }

  private static void require(Rest.Reply r, int status) {
    if (r.status() != status) {
      throw new IllegalStateException("HTTP " + r.status() + ": " + r.body());
    }
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
