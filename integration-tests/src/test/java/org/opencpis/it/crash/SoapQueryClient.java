package org.opencpis.it.crash;

import jakarta.xml.ws.WebServiceException;
import org.opencpis.contract.hl7.QUPCIN000006GB01;
import org.opencpis.contract.query.CpisError;
import org.opencpis.contract.query.CpisQueryPortType;
import org.opencpis.it.QueryMessages;
import org.opencpis.it.Spine;

/**
 * An unscheduled-care system asking CP-IS over SOAP (QUPC_IN000006GB01, B0107 as {@code
 * ed.clinician}). Acknowledged: the REPC_IN000007GB01 answer came back. A query a kill cut off is
 * not resent: a clinician asking again makes a new query (and a new access).
 */
final class SoapQueryClient extends LoadClient {

  /** One query: its event id is the key the hub records the access under. */
  static final class Query extends Ledger.Request {
    final String nhs;

    Query(String eventId, String nhs) {
      super(eventId);
      this.nhs = nhs;
    }
  }

  private final World world;
  private final Ledger.Channel<Query> channel;
  private CpisQueryPortType port;

  SoapQueryClient(
      String name,
      CrashSettings settings,
      ServerGate gate,
      long seed,
      World world,
      Ledger.Channel<Query> channel) {
    super(name, settings, gate, seed);
    this.world = world;
    this.channel = channel;
  }

  @Override
  void connect() {
    port = Clients.query(settings.baseUrl(), Spine.CLINICIAN);
  }

  @Override
  void connectFailed(Exception e) {
    channel.error(name + " cannot make a client: " + Ledger.summary(e));
  }

  @Override
  void step(int epoch) {
    String nhs = world.pick(random).person().nhs();
    QUPCIN000006GB01 q = QueryMessages.byPerson(nhs, QueryMessages.ED_NURSE);
    String eventId =
        q.getControlActEvent().getSubject().getCPISQueryStub().getCPISNHSQuery().getId().getRoot();
    Query r = channel.add(new Query(eventId, nhs));
    r.attempts++;
    try {
      boolean found = port.query(q).getREPCIN000007GB01() != null;
      r.sent = true;
      if (!found) {
        channel.error(r, "no records found for a shared child");
      } else {
        r.outcome = Ledger.Outcome.ACKED;
      }
    } catch (CpisError e) {
      r.sent = true;
      channel.error(
          r,
          "fault "
              + (e.getFaultInfo() == null ? e.getMessage() : e.getFaultInfo().getCode())
              + (gate.epoch() != epoch ? " (the server was being killed)" : ""));
    } catch (WebServiceException e) {
      Ledger.failed(channel, r, e, epoch, gate);
      if (!r.sent) {
        channel.requests.remove(r);
      }
    }
  }
}
