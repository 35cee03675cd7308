package org.opencpis.it.crash;

import jakarta.xml.ws.WebServiceException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.opencpis.contract.hl7.REPCMT000002GB01File;
import org.opencpis.contract.hl7.REPCMT000002GB01Record;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse;
import org.opencpis.contract.upload.CpisError;
import org.opencpis.contract.upload.CpisUploadPortType;
import org.opencpis.it.Spine;
import org.opencpis.it.TestData;
import org.opencpis.it.UploadFiles;

/**
 * A council's case-management system sharing new children through cpisupload, one file after
 * another in its sequence (fileSequenceId 2, 3, ...; the set-up sent 1). A file a kill cut off is
 * sent again, unchanged, before the next (the same file again gets the first answer and changes
 * nothing). Acknowledged: the REPC_MT000003GB01 answer with CPF02 (all records loaded). After a
 * refusal the uploader stops: its later files would only be out of sequence.
 */
final class UploadClient extends LoadClient {

  static final int MAX_ATTEMPTS = 6;

  /** One file: its council, place in the sequence and the people it shares. */
  static final class File extends Ledger.Request {
    final String la;
    final int sequence;
    final List<World.Person> people;
    final REPCMT000002GB01File body;

    File(String la, int sequence, List<World.Person> people, REPCMT000002GB01File body) {
      super(la + ":" + sequence);
      this.la = la;
      this.sequence = sequence;
      this.people = people;
      this.body = body;
    }
  }

  private final String la;
  private final Spine.User user;
  private final World world;
  private final Ledger.Channel<File> channel;
  private CpisUploadPortType port;
  private File unanswered;
  private boolean done;

  UploadClient(
      String name,
      CrashSettings settings,
      ServerGate gate,
      long seed,
      String la,
      World world,
      Ledger.Channel<File> channel) {
    super(name, settings, gate, seed);
    this.la = la;
    this.user = World.UPLOADERS.get(la);
    this.world = world;
    this.channel = channel;
  }

  @Override
  void connect() {
    port = Clients.upload(settings.baseUrl(), user);
  }

  @Override
  void connectFailed(Exception e) {
    channel.error(name + " cannot make a client: " + Ledger.summary(e));
  }

  @Override
  void step(int epoch) {
    if (done) {
      pause(200);
      return;
    }
    File f = unanswered;
    if (f == null) {
      Deque<World.Person> pool = world.uploadPool.get(la);
      List<World.Person> people = new ArrayList<>();
      for (int i = 1 + random.nextInt(2); i > 0 && !pool.isEmpty(); i--) {
        people.add(pool.poll());
      }
      if (people.isEmpty()) {
        done = true;
        return;
      }
      int seq = world.fileSequence.get(la).incrementAndGet();
      LocalDate start = TestData.today().minusDays(random.nextInt(300));
      REPCMT000002GB01Record[] records =
          people.stream()
              .map(p -> World.record(la, p, start))
              .toArray(REPCMT000002GB01Record[]::new);
      f = channel.add(new File(la, seq, people, UploadFiles.file(la, seq, records)));
    }
    unanswered = null;
    f.attempts++;
    try {
      REPCMT000003GB01FileResponse ack = port.upload(f.body);
      f.sent = true;
      String code = UploadFiles.fileCode(ack).getCode();
      if ("CPF02".equals(code)) {
        f.outcome = Ledger.Outcome.ACKED;
      } else {
        channel.error(f, code + " " + UploadFiles.reasons(ack));
        if ("CPF05".equals(code) && f.attempts < MAX_ATTEMPTS) {
          unanswered = f; // the demographic service was unavailable: the council resends
        } else {
          done = true;
        }
      }
    } catch (CpisError e) {
      f.sent = true;
      channel.error(
          f, "fault " + (e.getFaultInfo() == null ? e.getMessage() : e.getFaultInfo().getCode()));
      done = true;
    } catch (WebServiceException e) {
      boolean wasSent = f.sent;
      Ledger.failed(channel, f, e, epoch, gate);
      f.sent |= wasSent;
      if (f.attempts < MAX_ATTEMPTS) {
        unanswered = f;
      } else {
        done = true;
      }
      reconnectNext();
    }
  }

  @Override
  void pause() {
    pause(50 + random.nextInt(100));
  }
}
