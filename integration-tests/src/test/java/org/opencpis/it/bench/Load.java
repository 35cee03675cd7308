package org.opencpis.it.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: N connections, each sending its next request when the last is answered, until
 * the round's count or time is reached. Localhost only; every wait bounded.
 */
final class Load {

  /** One client connection of a load (a SOAP client, an MLLP connection). */
  interface Connection extends AutoCloseable {
    /** One request, answered and checked; throws when the answer is not what it should be. */
    void call() throws Exception;

    @Override
    default void close() throws Exception {}
  }

  /** Opens a connection (one per thread). */
  interface Opener {
    Connection open() throws Exception;
  }

  /** What one or more rounds measured: latencies in microseconds. */
  static final class Sample {
    int done;
    int errors;
    double seconds;
    String firstError;
    long[] micros = new long[0];

    void add(Sample s) {
      done += s.done;
      errors += s.errors;
      seconds += s.seconds;
      if (firstError == null) {
        firstError = s.firstError;
      }
      long[] all = Arrays.copyOf(micros, micros.length + s.micros.length);
      System.arraycopy(s.micros, 0, all, micros.length, s.micros.length);
      micros = all;
    }

    double rate() {
      return seconds == 0 ? 0 : done / seconds;
    }

    /** The p-th quantile in ms (nearest rank). */
    double ms(double p) {
      if (micros.length == 0) {
        return Double.NaN;
      }
      long[] sorted = micros.clone();
      Arrays.sort(sorted);
      int i = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }
  }

  private Load() {}

  /**
   * One round: {@code threads} connections, at most {@code requests} in all, within {@code limit}.
   */
  static Sample round(Opener opener, int threads, int requests, Duration limit) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger left = new AtomicInteger(requests);
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Future<long[]>> parts = new ArrayList<>();
    List<Connection> open = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      open.add(opener.open());
    }
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    for (Connection c : open) {
      parts.add(
          pool.submit(
              () -> {
                long[] micros = new long[Math.min(requests, 1 << 16)];
                int n = 0;
                while (System.nanoTime() < deadline && left.getAndDecrement() > 0) {
                  long t0 = System.nanoTime();
                  try {
                    c.call();
                  } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.toString());
                    continue;
                  }
                  if (n == micros.length) {
                    micros = Arrays.copyOf(micros, n * 2);
                  }
                  micros[n++] = (System.nanoTime() - t0) / 1000;
                }
                return Arrays.copyOf(micros, n);
              }));
    }
    Sample s = new Sample();
    try {
      for (Future<long[]> f : parts) {
        long[] m = f.get(limit.toMillis() + 120_000, TimeUnit.MILLISECONDS);
        s.micros = concat(s.micros, m);
      }
    } finally {
      pool.shutdownNow();
      for (Connection c : open) {
        try {
          c.close();
        } catch (Exception e) {
          // closing anyway
        }
      }
    }
    s.seconds = (System.nanoTime() - start) / 1e9;
    s.done = s.micros.length;
    s.errors = errors.get();
    s.firstError = firstError.get();
    return s;
  }

  private static long[] concat(long[] a, long[] b) {
    long[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
