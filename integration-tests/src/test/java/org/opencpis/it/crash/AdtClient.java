package org.opencpis.it.crash;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.opencpis.it.Mllp;

/**
 * Attendances over MLLP: an ADT^A04 (registration) with the NHS number of a shared child for each
 * new visit (PV1-19 unique), sometimes followed by an ADT^A08 (update) of the same visit, which
 * must add no access (R20: one attendance, one access). Acknowledged: MSA|AA.
 */
final class AdtClient extends Hl7Client {

  static final String FACILITY = "RWE";
  private static final AtomicLong VISITS = new AtomicLong();

  /** One attendance: its visit number and the messages about it. */
  record Visit(String visit, String nhs, Hl7Message a04, Hl7Message[] a08) {}

  private final World world;
  private final ConcurrentLinkedQueue<Visit> visits;

  AdtClient(
      String name,
      CrashSettings settings,
      ServerGate gate,
      long seed,
      World world,
      Ledger.Channel<Hl7Message> channel,
      ConcurrentLinkedQueue<Visit> visits) {
    super(name, settings, gate, seed, channel);
    this.world = world;
    this.visits = visits;
  }

  @Override
  void step(int epoch) throws Exception {
    String nhs = world.pick(random).person().nhs();
    String visit = "CV" + settings.seed() + "-" + VISITS.incrementAndGet();
    String id = Mllp.controlId();
    Hl7Message a04 =
        channel.add(
            new Hl7Message(
                id, Mllp.adt("A04", FACILITY, nhs, visit, id, "2.5", "UNICODE UTF-8", "Crash")));
    Visit v = new Visit(visit, nhs, a04, new Hl7Message[1]);
    visits.add(v);
    if (send(a04, epoch) && a04.acked() && random.nextInt(10) < 3) {
      String id8 = Mllp.controlId();
      Hl7Message a08 =
          channel.add(
              new Hl7Message(
                  id8,
                  Mllp.adt("A08", FACILITY, nhs, visit, id8, "2.5", "UNICODE UTF-8", "Crash")));
      v.a08()[0] = a08;
      send(a08, epoch);
    }
  }
}
