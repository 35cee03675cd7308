package org.opencpis.it.crash;

import ca.uhn.hl7v2.model.Message;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.opencpis.it.Mllp;

/**
 * CP-IS queries over MLLP (QBP^Q11, answered by RSP^K11), each with its own query tag (QPD-2), the
 * key the hub records the access under. Acknowledged: MSA|AA with QAK-2 OK (information found).
 */
final class QbpClient extends Hl7Client {

  private static final AtomicLong TAGS = new AtomicLong();

  private final World world;

  /** The query tag of each message (by control id). */
  final Map<String, String> tags;

  QbpClient(
      String name,
      CrashSettings settings,
      ServerGate gate,
      long seed,
      World world,
      Ledger.Channel<Hl7Message> channel,
      Map<String, String> tags) {
    super(name, settings, gate, seed, channel);
    this.world = world;
    this.tags = tags;
  }

  static Map<String, String> newTags() {
    return new ConcurrentHashMap<>();
  }

  @Override
  void step(int epoch) throws Exception {
    String nhs = world.pick(random).person().nhs();
    String tag = "Q" + settings.seed() + "-" + TAGS.incrementAndGet();
    String id = Mllp.controlId();
    tags.put(id, tag);
    send(channel.add(new Hl7Message(id, Mllp.qbp(AdtClient.FACILITY, nhs, tag, id))), epoch);
  }

  @Override
  boolean accepted(Message answer) throws Exception {
    return "OK".equals(Mllp.get(answer, "/QAK-2"));
  }
}
