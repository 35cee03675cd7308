package org.opencpis.it.crash;

import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.model.Message;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.opencpis.it.Mllp;

/**
 * A hospital integration engine on one MLLP connection (a real HAPI client, a HAPI context of its
 * own so the connection is not shared). What a kill cut off is sent again, unchanged (same MSH-10),
 * once the server is back, as an engine does until it gets an answer; an AE answer is sent again
 * too. At most {@link #MAX_ATTEMPTS} attempts a message.
 */
abstract class Hl7Client extends LoadClient {

  static final int MAX_ATTEMPTS = 6;

  /** One HL7 message: its control id (MSH-10) and text. */
  static class Hl7Message extends Ledger.Request {
    final String er7;
    volatile String answer;

    Hl7Message(String controlId, String er7) {
      super(controlId);
      this.er7 = er7;
    }
  }

  final Ledger.Channel<Hl7Message> channel;
  private final Deque<Hl7Message> unanswered = new ArrayDeque<>();
  private HapiContext context;
  private Connection connection;

  Hl7Client(
      String name,
      CrashSettings settings,
      ServerGate gate,
      long seed,
      Ledger.Channel<Hl7Message> channel) {
    super(name, settings, gate, seed);
    this.channel = channel;
  }

  @Override
  void connect() throws Exception {
    close();
    context = Mllp.context();
    connection = context.newClient("localhost", settings.hl7Port(), false);
    connection.getInitiator().setTimeout(60, TimeUnit.SECONDS);
  }

  @Override
  void connectFailed(Exception e) {
    channel.error(name + " cannot connect while the server is up: " + Ledger.summary(e));
  }

  @Override
  void resend(int epoch) throws Exception {
    int n = unanswered.size();
    for (int i = 0; i < n && gate.up() && gate.epoch() == epoch; i++) {
      Hl7Message m = unanswered.poll();
      if (!send(m, epoch)) {
        return;
      }
    }
  }

  /**
   * Sends a message and records the answer; returns whether the connection is still good. A message
   * left without an answer is kept to be sent again.
   */
  boolean send(Hl7Message m, int epoch) throws Exception {
    m.attempts++;
    try {
      Message answer = connection.getInitiator().sendAndReceive(Mllp.parse(m.er7));
      m.sent = true;
      m.answer = Mllp.encode(answer);
      String code = Mllp.get(answer, "/MSA-1");
      if ("AA".equals(code) && accepted(answer)) {
        m.outcome = Ledger.Outcome.ACKED;
      } else {
        channel.error(m, "answered " + code + " " + Mllp.get(answer, "/ERR-8"));
        if ("AE".equals(code) && m.attempts < MAX_ATTEMPTS) {
          unanswered.add(m);
        }
      }
      return true;
    } catch (Exception e) {
      boolean wasSent = m.sent;
      Ledger.failed(channel, m, e, epoch, gate);
      m.sent |= wasSent;
      if (m.attempts < MAX_ATTEMPTS) {
        unanswered.add(m);
      }
      reconnectNext();
      return false;
    }
  }

  /** Whether an AA answer says what it should (an RSP: found). */
  boolean accepted(Message answer) throws Exception {
    return true;
  }

  @Override
  void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (Exception e) {
        // a connection the kill already broke
      }
      connection = null;
    }
    if (context != null) {
      try {
        context.close();
      } catch (java.io.IOException e) {
        // nothing to do
      }
      context = null;
    }
  }
}
