package org.opencpis.it.crash;

import java.util.Random;

/**
 * One client thread of the load: sends while the server is up, waits while it is down, connects
 * afresh to each new life of the server (and first resends what a kill cut off, where the protocol
 * says a sender does so), until the harness stops it.
 */
abstract class LoadClient implements Runnable {

  final String name;
  final CrashSettings settings;
  final ServerGate gate;
  final Random random;
  private int connectedEpoch = -1;
  volatile Throwable crashed;

  LoadClient(String name, CrashSettings settings, ServerGate gate, long seed) {
    this.name = name;
    this.settings = settings;
    this.gate = gate;
    this.random = new Random(seed);
  }

  @Override
  public final void run() {
    try {
      while (true) {
        int epoch = gate.awaitUp();
        if (epoch < 0) {
          return;
        }
        if (epoch != connectedEpoch) {
          try {
            connect();
          } catch (Exception e) {
            if (gate.up() && gate.epoch() == epoch) {
              connectFailed(e);
            }
            WildFlyProcess.sleep(250);
            continue;
          }
          connectedEpoch = epoch;
          resend(epoch);
        }
        step(epoch);
        pause();
      }
    } catch (Throwable t) {
      crashed = t;
    } finally {
      try {
        close();
      } catch (Exception e) {
        // nothing to do
      }
    }
  }

  /** The next request on the current connection fails over to a new one. */
  void reconnectNext() {
    connectedEpoch = -1;
  }

  /** Opens the client's connection (a new one for each life of the server). */
  abstract void connect() throws Exception;

  /** A reconnect failed while the server was up. */
  abstract void connectFailed(Exception e);

  /** Resends what a kill left unanswered (for protocols whose senders do). */
  void resend(int epoch) throws Exception {}

  /** One request. */
  abstract void step(int epoch) throws Exception;

  void pause() {}

  void close() throws Exception {}

  static void pause(long ms) {
    WildFlyProcess.sleep(ms);
  }
}
