package org.opencpis.it.crash;

import jakarta.json.Json;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.opencpis.it.Spine;
import org.opencpis.it.TestData;

/**
 * Council staff changing plans through the REST API: each change ends one of the council's
 * children's plans on a later date than the last ({@code PUT /children/{id}/plans/{planId}}), which
 * the council sends to the hub as a record update (R9). Acknowledged: HTTP 2xx. A change a kill cut
 * off is not sent again (the practitioner looks and records the next one).
 */
final class PlanChangeClient extends LoadClient {

  /** One change: the plan and its new end date. */
  static final class Change extends Ledger.Request {
    final World.PlanChild child;
    final LocalDate endDate;

    Change(World.PlanChild child, LocalDate endDate) {
      super(child.la + ":" + child.childId + ":" + endDate);
      this.child = child;
      this.endDate = endDate;
    }
  }

  private final Spine.User staff;
  private final List<World.PlanChild> children;
  private final Ledger.Channel<Change> channel;
  private Clients.Rest rest;
  private int next;

  PlanChangeClient(
      String name,
      CrashSettings settings,
      ServerGate gate,
      long seed,
      String la,
      World world,
      Ledger.Channel<Change> channel) {
    super(name, settings, gate, seed);
    this.staff = World.STAFF.get(la);
    this.children = world.planChildren.get(la);
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
    World.PlanChild c = children.get(next++ % children.size());
    LocalDate end = TestData.today().plusDays(c.nextDay.getAndIncrement());
    Change change = channel.add(new Change(c, end));
    change.attempts++;
    try {
      Clients.Rest.Reply r =
          rest.put(
              staff,
              "/children/" + c.childId + "/plans/" + c.planId,
              Json.createObjectBuilder().add("endDate", end.toString()).build().toString());
      change.sent = true;
      if (r.ok()) {
        change.outcome = Ledger.Outcome.ACKED;
      } else {
        channel.error(change, "HTTP " + r.status() + " " + abbreviate(r.body()));
      }
    } catch (IOException e) {
      Ledger.failed(channel, change, e, epoch, gate);
      if (!change.sent) {
        channel.requests.remove(change);
      }
      reconnectNext();
    }
  }

  @Override
  void pause() {
    pause(30 + random.nextInt(60));
  }

  static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
  }
}
