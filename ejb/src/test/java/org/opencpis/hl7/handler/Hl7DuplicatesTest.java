package org.opencpis.hl7.handler;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.hl7.Hl7Codec;
import org.opencpis.hl7.Hl7Settings;
import org.opencpis.hl7.Peer;
import org.opencpis.shared.Settings;

/**
 * A control id used again: the same message is a resend and gets the first answer; another message
 * under it is refused AR 205 and gets nothing of the first answer.
 */
class Hl7DuplicatesTest {

  static final String FACILITY = "cpis.hl7.facility.RXT";
  static final Peer PEER = Peer.plain(InetAddress.getLoopbackAddress());

  final Hl7Codec codec = new Hl7Codec();
  final Hl7Gateway gateway = new Hl7Gateway();
  final Map<String, Previous> kept = new HashMap<>();
  final AtomicInteger processed = new AtomicInteger();

  @BeforeEach
  void wire() {
    System.setProperty(FACILITY, "care-setting=ED;peers=127.0.0.1");
    codec.init();
    Responses responses = new Responses();
    responses.codec = codec;
    responses.settings = new Settings();
    gateway.codec = codec;
    gateway.audit = new org.opencpis.audit.AuditContext();
    gateway.settings = new Hl7Settings();
    gateway.responses = responses;
    gateway.processor =
        new Hl7Processor() {
          @Override
          public Optional<Previous> previous(String key) {
            return Optional.ofNullable(kept.get(key));
          }

          @Override
          public String query(Message qbp, Header h, CpisQuery q, String raw, String digest) {
            processed.incrementAndGet();
            String answer =
                "MSH|^~\\&|CPIS|OPENCPIS|||||RSP^K11|A1|P|2.5\rMSA|AA|"
                    + h.controlId()
                    + "\rQPD|CPIS|"
                    + q.queryTag()
                    + "|"
                    + q.nhsNumber()
                    + "\r";
            kept.put(h.key(), new Previous(digest, raw, answer));
            return answer;
          }

          @Override
          public String attendance(
              Message adt, Header h, AttendanceMessage a, String raw, String digest) {
            processed.incrementAndGet();
            String answer =
                "MSH|^~\\&|CPIS|OPENCPIS|||||ACK|A2|P|2.5\rMSA|AA|" + h.controlId() + "\r";
            kept.put(h.key(), new Previous(digest, raw, answer));
            return answer;
          }

          @Override
          public void keepRefusal(
              Header h, String raw, String digest, String ackCode, String answer) {
            kept.putIfAbsent(h.key(), new Previous(digest, raw, answer));
          }
        };
  }

  @AfterEach
  void clear() {
    System.clearProperty(FACILITY);
  }

  static String qbp(String id, String time, String nhs) {
    return "MSH|^~\\&|ENGINE|RXT|CPIS|OPENCPIS|"
        + time
        + "||QBP^Q11^QBP_Q11|"
        + id
        + "|P|2.5\r"
        + "QPD|CPIS^CP-IS query^L|Q-1|"
        + nhs
        + "^^^NHS^NH|555000111222^Okafor^Ada\r"
        + "RCP|I\r";
  }

  static String adt(String id, String nhs, String visit) {
    return "MSH|^~\\&|ENGINE|RXT|CPIS|OPENCPIS|20261125101500||ADT^A04^ADT_A01|"
        + id
        + "|P|2.5\r"
        + "EVN|A04|20261125101500\r"
        + "PID|1||"
        + nhs
        + "^^^NHS^NH\r"
        + "PV1|1|E|ED^^^RXT||||||||||||||||"
        + visit
        + "^^^RXT^VN\r";
  }

  @Test
  @DisplayName(
      "R20: the same message again (segments ending in CR LF, MSH-7 stamped anew) gets the first answer, processed once")
  void resend() throws Exception {
    String first = gateway.answer(qbp("C1", "20261125101500", "9990001006"), PEER);
    String again =
        gateway.answer(qbp("C1", "20261125101731", "9990001006").replace("\r", "\r\n"), PEER);

    assertThat(again).isEqualTo(first);
    assertThat(processed).hasValue(1);
  }

  @Test
  @DisplayName(
      "A query for another child under a used control id: AR 205 at MSH-10, not processed, nothing of the first answer")
  void queryForAnotherChild() throws Exception {
    String first = gateway.answer(qbp("C2", "20261125101500", "9990001006"), PEER);

    String second = gateway.answer(qbp("C2", "20261125101500", "9990001014"), PEER);

    Terser t = new Terser(codec.parse(second));
    assertThat(t.get("/MSA-1")).isEqualTo("AR");
    assertThat(t.get("/MSA-2")).isEqualTo("C2");
    assertThat(t.get("/ERR-3-1")).isEqualTo("205");
    assertThat(t.get("/ERR-3-2")).isEqualTo("Duplicate key identifier");
    assertThat(t.get("/ERR-2-1")).isEqualTo("MSH");
    assertThat(t.get("/ERR-2-3")).isEqualTo("10");
    assertThat(t.get("/QAK-2")).isEqualTo("AR");
    assertThat(second).doesNotContain("9990001006").isNotEqualTo(first);
    assertThat(processed).hasValue(1);
    // the first message still gets its own answer
    assertThat(gateway.answer(qbp("C2", "20261125101500", "9990001006"), PEER)).isEqualTo(first);
  }

  @Test
  @DisplayName(
      "An attendance under a used control id (another visit): AR 205, not processed, not acknowledged AA")
  void attendanceUnderAUsedId() throws Exception {
    gateway.answer(adt("C3", "9990001006", "V1"), PEER);

    Terser t = new Terser(codec.parse(gateway.answer(adt("C3", "9990001006", "V2"), PEER)));

    assertThat(t.get("/MSA-1")).isEqualTo("AR");
    assertThat(t.get("/ERR-3-1")).isEqualTo("205");
    assertThat(processed).hasValue(1);
  }

  @Test
  @DisplayName("Another sender's facility or application with the same control id is another key")
  void otherSender() throws Exception {
    gateway.answer(qbp("C4", "20261125101500", "9990001006"), PEER);

    String other =
        gateway.answer(qbp("C4", "20261125101500", "9990001014").replace("ENGINE", "EDIS"), PEER);

    assertThat(new Terser(codec.parse(other)).get("/MSA-1")).isEqualTo("AA");
    assertThat(processed).hasValue(2);
  }

  @Test
  @DisplayName("A message kept before digests were is compared by its kept text")
  void keptWithoutDigest() throws Exception {
    String m = qbp("C5", "20261125101500", "9990001006");
    Header h = Header.of(codec.parse(m));
    kept.put(h.key(), new Previous(null, m, "THE FIRST ANSWER"));

    assertThat(gateway.answer(m, PEER)).isEqualTo("THE FIRST ANSWER");
    assertThat(
            new Terser(codec.parse(gateway.answer(qbp("C5", "20261125101500", "9990001014"), PEER)))
                .get("/ERR-3-1"))
        .isEqualTo("205");
    assertThat(processed).hasValue(0);
  }
}
