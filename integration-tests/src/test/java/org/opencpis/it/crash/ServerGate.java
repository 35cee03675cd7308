package org.opencpis.it.crash;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells the clients whether the server is up, and which life of it they are talking to (the epoch
 * moves on at each kill). A client reads the epoch <em>before</em> it checks that the server is up,
 * and the harness marks the server down <em>before</em> it moves the epoch on and kills: so a
 * request cut off by a kill always started in an earlier epoch than the one it failed in.
 */
final class ServerGate {

  private volatile boolean up;
  private volatile boolean stopping;
  private final AtomicInteger epoch = new AtomicInteger();
  private volatile java.util.function.Function<String, String> onStall = what -> null;

  int epoch() {
    return epoch.get();
  }

  boolean up() {
    return up;
  }

  boolean stopping() {
    return stopping;
  }

  /** What to do when a running server left a request without an answer (a thread dump). */
  void onStall(java.util.function.Function<String, String> f) {
    onStall = f;
  }

  /** A request got no answer from a server that was up; returns where the evidence went. */
  String stalled(String what) {
    return onStall.apply(what);
  }

  /** The harness is about to kill the server. */
  void down() {
    up = false;
    epoch.incrementAndGet();
  }

  /** The server answers again. */
  void open() {
    up = true;
  }

  /** The clients finish. */
  void stop() {
    stopping = true;
  }

  /**
   * Waits while the server is down; returns the epoch to send in, or -1 when the clients are to
   * stop.
   */
  int awaitUp() {
    while (!stopping) {
      int e = epoch.get();
      if (up) {
        return e;
      }
      WildFlyProcess.sleep(100);
    }
    return -1;
  }
}
