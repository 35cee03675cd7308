package org.opencpis.it.crash;

import java.io.IOException;
import java.util.List;
import org.opencpis.it.Spine;

/**
 * Council staff and an administrator reading as they work: each council's inboxes (the count of
 * open steps the issue saw fail after a restart on H2), the demographic store's counts.
 * Acknowledged: HTTP 200.
 */
final class ApiReader extends LoadClient {

  /** One read. */
  static final class Read extends Ledger.Request {
    Read(String key) {
      super(key);
    }
  }

  record Call(Spine.User user, String path) {}

  static final List<Call> CALLS =
      List.of(
          new Call(Spine.LEICS_ADMIN, "/inboxes"),
          new Call(Spine.MANC_ADMIN, "/inboxes"),
          new Call(World.LEICESTER_ADMIN, "/inboxes"),
          new Call(Spine.LEICS_ADMIN, "/workers/me"),
          new Call(Spine.ADMIN, "/admin/demographics"));

  private final Ledger.Channel<Read> channel;
  private Clients.Rest rest;
  private int next;
  private long count;

  ApiReader(
      String name,
      CrashSettings settings,
      ServerGate gate,
      long seed,
      Ledger.Channel<Read> channel) {
    super(name, settings, gate, seed);
    this.channel = channel;
  }

  @Override
  void connect() {
    rest = new Clients.Rest(settings.baseUrl());
  }

  @Override
  void connectFailed(Exception e) {
    channel.error(name + ": " + Ledger.summary(e));
  }

  @Override
  void step(int epoch) throws InterruptedException {
    Call call = CALLS.get(next++ % CALLS.size());
    Read read = channel.add(new Read(call.user().name() + " GET " + call.path() + " #" + ++count));
    read.attempts++;
    try {
      Clients.Rest.Reply r = rest.get(call.user(), call.path());
      read.sent = true;
      if (r.status() == 200) {
        read.outcome = Ledger.Outcome.ACKED;
      } else {
        channel.error(read, "HTTP " + r.status() + " " + PlanChangeClient.abbreviate(r.body()));
      }
    } catch (IOException e) {
      Ledger.failed(channel, read, e, epoch, gate);
      if (!read.sent) {
        channel.requests.remove(read);
      }
      reconnectNext();
    }
  }

  @Override
  void pause() {
    pause(200);
  }
}
