package org.opencpis.hl7.handler;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.opencpis.hl7.Hl7Codec;
import org.opencpis.hl7.Hl7Settings;
import org.opencpis.hl7.Peer;
import org.opencpis.hub.application.HubFault;
import org.opencpis.hub.application.QueryAnswer;
import org.opencpis.shared.InvalidValueException;
import org.opencpis.shared.NhsNumber;
import org.opencpis.shared.Settings;

/**
 * Coverage-guided fuzzing of what an integration engine may send (Jazzer): whatever the bytes, the
 * gateway answers with an HL7 message, and with a hub that works it is AA or AR, never AE (AE means
 * "send it again", and an engine would resend a bad message forever) and never an exception.
 *
 * <p>{@code ./mvnw test -pl ejb -Dtest=Hl7GatewayFuzzTest} replays the saved inputs (a regression
 * test); {@code JAZZER_FUZZ=1} with the same command fuzzes for the time given here (README,
 * "Fuzzing"). Each crash found is kept under src/test/resources as a regression input.
 */
class Hl7GatewayFuzzTest {

  static final String FACILITY = "cpis.hl7.facility.RXF";
  static final Hl7Codec CODEC = new Hl7Codec();
  static final Hl7Gateway GATEWAY = new Hl7Gateway();
  static final Peer PEER = Peer.plain(InetAddress.getLoopbackAddress());

  @BeforeAll
  static void wire() {
    System.setProperty(FACILITY, "care-setting=ED;name=Fuzz Hospital;peers=127.0.0.1");
    CODEC.init();
    Responses responses = new Responses();
    responses.codec = CODEC;
    responses.settings = new Settings();
    GATEWAY.codec = CODEC;
    GATEWAY.audit = new org.opencpis.audit.AuditContext();
    GATEWAY.settings = new Hl7Settings();
    GATEWAY.responses = responses;
    GATEWAY.processor = new WorkingHub(responses);
  }

  @AfterAll
  static void clear() {
    System.clearProperty(FACILITY);
  }

  /** Any text at all. */
  @FuzzTest(maxDuration = "30s")
  void anyText(FuzzedDataProvider data) throws HL7Exception {
    check(data.consumeRemainingAsString());
  }

  /** Well-formed frames with fuzzed values where the readers look: MSH-4/9, PID-3/5/7, PV1, QPD. */
  @FuzzTest(maxDuration = "30s")
  void fuzzedFields(FuzzedDataProvider data) throws HL7Exception {
    String version = data.pickValue(List.of("2.5", "2.4", "2.3", data.consumeString(5)));
    String facility = data.consumeBoolean() ? "RXF" : data.consumeString(12);
    String type = data.pickValue(List.of("ADT^A04^ADT_A01", "ADT^A08^ADT_A01", "QBP^Q11^QBP_Q11"));
    String msh =
        "MSH|^~\\&|ENGINE|"
            + facility
            + "|CPIS|OPENCPIS|20261125101500||"
            + (data.consumeBoolean() ? type : data.consumeString(20))
            + "|"
            + data.consumeString(30)
            + "|P|"
            + version
            + "\r";
    String body;
    if (type.startsWith("QBP")) {
      body =
          "QPD|"
              + (data.consumeBoolean() ? "CPIS^CP-IS query^L" : data.consumeString(20))
              + "|"
              + data.consumeString(40)
              + "|"
              + data.consumeString(60)
              + "|"
              + data.consumeString(80)
              + "|"
              + data.consumeString(60)
              + "\rRCP|I\r";
    } else {
      body =
          "EVN|A04|20261125101500\r"
              + "PID|1||"
              + data.consumeString(60)
              + "||"
              + data.consumeString(80)
              + "||"
              + data.consumeString(20)
              + "|"
              + data.consumeString(3)
              + "\rPV1|1|"
              + data.consumeString(3)
              + "|ED^^^RXF||||"
              + data.consumeString(60)
              + "||||||||||||"
              + data.consumeRemainingAsString()
              + "\r";
    }
    check(msh + body);
  }

  static void check(String raw) throws HL7Exception {
    String answer = GATEWAY.answer(raw, PEER);
    assertThat(answer).as("an answer to %s", raw).isNotBlank();
    Terser t = new Terser(CODEC.parse(answer));
    assertThat(t.get("/MSA-1")).as("the answer to %s", raw).isIn("AA", "AR");
  }

  /** A hub that always works: what is left to fail is the reading of the message. */
  static final class WorkingHub extends Hl7Processor {
    private final Responses responses;

    WorkingHub(Responses responses) {
      this.responses = responses;
    }

    @Override
    public Optional<Previous> previous(String key) {
      return Optional.empty();
    }

    @Override
    public String attendance(
        Message adt, Header h, AttendanceMessage a, String raw, String digest) {
      try {
        NhsNumber.of(a.nhsNumber());
        return responses.ack(h, "AA", null);
      } catch (InvalidValueException e) {
        throw new HubFault(HubFault.INVALID_NHS_NUMBER, "NHS Number", e.getMessage());
      } catch (HL7Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String query(Message qbp, Header h, CpisQuery q, String raw, String digest) {
      try {
        String nhs = NhsNumber.of(q.nhsNumber()).value();
        return responses.queryAnswer(qbp, h, q, new QueryAnswer(nhs, List.of(), List.of(), null));
      } catch (InvalidValueException e) {
        throw new HubFault(HubFault.INVALID_NHS_NUMBER, "NHS Number", e.getMessage());
      } catch (HL7Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void keepRefusal(Header h, String raw, String digest, String ackCode, String answer) {}
  }
}
