package org.opencpis.it.crash;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the clients sent and what came back, in memory, per channel: the harness's own record to
 * reconcile the database against. A request is <em>sent</em> once it left the client (a refused
 * connection sent nothing); <em>acknowledged</em> when the server's positive answer came back (the
 * SOAP answer, MSA|AA, HTTP 2xx, the upload's CPF02); <em>in flight at a kill</em> when the kill
 * cut it off before any answer came; an <em>error</em> when the server, up and running, answered
 * with a refusal or broke the connection without a kill.
 */
final class Ledger {

  enum Outcome {
    /** Not answered yet (or never sent: a refused connection). */
    PENDING,
    ACKED,
    /** Cut off by a kill, no answer. */
    IN_FLIGHT,
    ERROR
  }

  /** One request a client made (a query, a message, a file, a change). */
  static class Request {
    final String key;
    volatile Outcome outcome = Outcome.PENDING;
    volatile boolean sent;
    volatile boolean inFlightAtKill;

    /** The kill (1, 2, ...) that cut it off the last time, 0 if none. */
    volatile int killedBy;

    volatile int attempts;
    volatile String detail;

    Request(String key) {
      this.key = key;
    }

    boolean acked() {
      return outcome == Outcome.ACKED;
    }
  }

  /** A channel's requests and a few samples of its errors. */
  static final class Channel<R extends Request> {
    final String name;
    final ConcurrentLinkedQueue<R> requests = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    final AtomicInteger errorCount = new AtomicInteger();

    /** Errors by kind (the start of their description), for the report. */
    final Map<String, AtomicInteger> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();

    /** Of the errors, requests a server that was up left without any answer (timed out). */
    final AtomicInteger unansweredCount = new AtomicInteger();

    Channel(String name) {
      this.name = name;
    }

    R add(R r) {
      requests.add(r);
      return r;
    }

    private void kind(String detail) {
      String k = detail.length() > 90 ? detail.substring(0, 90) : detail;
      errorKinds.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
    }

    /** Sent: the request reached the server (whatever came back). */
    List<R> sent() {
      return requests.stream().filter(r -> r.sent).toList();
    }

    long count(java.util.function.Predicate<R> p) {
      return requests.stream().filter(r -> r.sent).filter(p).count();
    }

    void error(R r, String detail) {
      r.outcome = Outcome.ERROR;
      r.detail = detail;
      errorCount.incrementAndGet();
      kind(detail);
      if (errorSamples.size() < 8) {
        errorSamples.add(r.key + ": " + detail);
      }
    }

    /** An error not tied to one request (e.g. a reconnect that failed while the server was up). */
    void error(String detail) {
      errorCount.incrementAndGet();
      kind(detail);
      if (errorSamples.size() < 8) {
        errorSamples.add(detail);
      }
    }
  }

  /**
   * Classifies a failure with no answer: a connection that was never made sent nothing; one cut
   * while the epoch moved on (the server was killed since the request started) was in flight at the
   * kill; anything else is an error of a server that was up.
   */
  static <R extends Request> void failed(
      Channel<R> channel, R r, Throwable t, int startEpoch, ServerGate gate) {
    if (connectionRefused(t)) {
      // nothing reached the server
      if (startEpoch == gate.epoch() && gate.up()) {
        channel.error(r, "connection refused while the server was up: " + summary(t));
        r.sent = true;
      }
      return;
    }
    r.sent = true;
    if (startEpoch != gate.epoch()) {
      r.outcome = Outcome.IN_FLIGHT;
      r.inFlightAtKill = true;
      r.killedBy = startEpoch + 1;
      r.detail = summary(t);
    } else {
      String dump = gate.stalled(channel.name + " " + r.key);
      channel.unansweredCount.incrementAndGet();
      channel.error(
          r, "no answer: " + summary(t) + (dump == null ? "" : " (server threads: " + dump + ")"));
    }
  }

  static boolean connectionRefused(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  static String summary(Throwable t) {
    List<String> parts = new ArrayList<>();
    for (Throwable c = t; c != null && parts.size() < 3; c = c.getCause()) {
      parts.add(
          c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage()));
    }
    String s = String.join(" <- ", parts);
    return s.length() > 300 ? s.substring(0, 300) : s;
  }

  static Map<Outcome, Long> tally(Channel<?> c) {
    var out = new java.util.EnumMap<Outcome, Long>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      out.put(o, c.count(r -> r.outcome == o));
    }
    return out;
  }

  private Ledger() {}
}
