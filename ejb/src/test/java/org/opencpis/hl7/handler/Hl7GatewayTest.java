package org.opencpis.hl7.handler;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.net.InetAddress;
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

/** What the gateway answers when the hub cannot work now: AE 207, so the sender tries again. */
class Hl7GatewayTest {

  static final String FACILITY = "cpis.hl7.facility.RXT";

  static final Peer PEER = Peer.plain(InetAddress.getLoopbackAddress());

  final Hl7Codec codec = new Hl7Codec();
  final AtomicInteger processed = new AtomicInteger();
  final Hl7Gateway gateway = new Hl7Gateway();

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
            return Optional.empty();
          }

          @Override
          public String attendance(
              Message adt, Header h, AttendanceMessage a, String raw, String digest) {
            processed.incrementAndGet();
            throw new EJBException(new PersistenceException("the database is unavailable"));
          }

          @Override
          public void keepRefusal(
              Header h, String raw, String digest, String ackCode, String answer) {
            throw new AssertionError("an AE is never kept");
          }
        };
  }

  @AfterEach
  void clear() {
    System.clearProperty(FACILITY);
  }

  @Test
  @DisplayName(
      "R28: database or broker unavailable: ACK AE with ERR-3 207, not kept, so a resend is processed")
  void databaseDown() throws Exception {
    String adt =
        "MSH|^~\\&|ENGINE|RXT|CPIS|OPENCPIS|20261125101500||ADT^A04^ADT_A01|C1|P|2.5\r"
            + "EVN|A04|20261125101500\r"
            + "PID|1||9990001006^^^NHS^NH\r"
            + "PV1|1|E|ED^^^RXT||||||||||||||||V1^^^RXT^VN\r";

    Terser first = new Terser(codec.parse(gateway.answer(adt, PEER)));
    Terser again = new Terser(codec.parse(gateway.answer(adt, PEER)));

    assertThat(first.get("/MSA-1")).isEqualTo("AE");
    assertThat(first.get("/MSA-2")).isEqualTo("C1");
    assertThat(first.get("/ERR-3-1")).isEqualTo("207");
    assertThat(first.get("/ERR-8")).contains("send it again later");
    assertThat(again.get("/MSA-1")).isEqualTo("AE");
    assertThat(processed).hasValue(2);
  }

  @Test
  @DisplayName("R1: a bad NHS number is refused AR 102 before the hub is asked")
  void badNhsNumber() throws Exception {
    String adt =
        "MSH|^~\\&|ENGINE|RXT|CPIS|OPENCPIS|20261125101500||ADT^A04^ADT_A01|C2|P|2.5\r"
            + "PID|1||9990001007^^^NHS^NH\r"
            + "PV1|1|E|ED^^^RXT||||||||||||||||V1^^^RXT^VN\r";
    gateway.processor =
        new Hl7Processor() {
          @Override
          public Optional<Previous> previous(String key) {
            return Optional.empty();
          }

          @Override
          public void keepRefusal(
              Header h, String raw, String digest, String ackCode, String answer) {}
        };

    Terser ack = new Terser(codec.parse(gateway.answer(adt, PEER)));

    assertThat(ack.get("/MSA-1")).isEqualTo("AR");
    assertThat(ack.get("/ERR-3-1")).isEqualTo("102");
    assertThat(ack.get("/ERR-2-1")).isEqualTo("PID");
    assertThat(ack.get("/ERR-2-3")).isEqualTo("3");
  }
}
