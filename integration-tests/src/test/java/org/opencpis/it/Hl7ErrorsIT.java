package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.Mllp.adt;
import static org.opencpis.it.Mllp.get;
import static org.opencpis.it.Mllp.msh;
import static org.opencpis.it.Mllp.qbp;

import ca.uhn.hl7v2.model.Message;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refusals over MLLP: AR (the sender parks the message) for what will never succeed, with an ERR
 * naming the field and why; a refused query is an RSP^K11 with MSA, ERR and QAK, never a bare ACK.
 * (AE 207 for an unavailable database or broker is proven by Hl7GatewayTest in the ejb module.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Hl7ErrorsIT {

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName("An unparseable message: ACK AR, ERR-3 100")
  void unparseable() throws Exception {
    String answer = Mllp.sendRaw(List.of("this is not an HL7 message")).get(0);
    Message ack = Mllp.parse(answer);

    assertThat(get(ack, "/MSA-1")).isEqualTo("AR");
    assertThat(get(ack, "/ERR-3-1")).isEqualTo("100");
    assertThat(get(ack, "/ERR-8")).contains("cannot be parsed");
  }

  @Test
  @DisplayName("An unsupported message type (ORM^O01): AR, ERR-3 200 at MSH-9")
  void unsupportedType() throws Exception {
    String id = Mllp.controlId();
    Message ack =
        Mllp.send(msh("RWE", "ORM^O01^ORM_O01", id, "2.5", null) + "\rPID|1||X1^^^RWE^MR\r");

    assertRefused(ack, id, "AR", "200", "MSH", "9");
  }

  @Test
  @DisplayName("An unsupported event (ADT^A03): AR, ERR-3 201 at MSH-9")
  void unsupportedEvent() throws Exception {
    String id = Mllp.controlId();
    Message ack =
        Mllp.send(adt("A03", "RWE", TestData.nhsNumber(), "V" + id, id, "2.5", null, "Noah"));

    assertRefused(ack, id, "AR", "201", "MSH", "9");
  }

  @Test
  @DisplayName("An attendance without a visit number (PV1-19): AR, ERR-3 101 at PV1-19")
  void missingVisit() throws Exception {
    String id = Mllp.controlId();
    Message ack = Mllp.send(adt("A04", "RWE", TestData.nhsNumber(), "", id, "2.5", null, "Noah"));

    assertRefused(ack, id, "AR", "101", "PV1", "19");
  }

  @Test
  @DisplayName(
      "R1: an NHS number failing its check digit in PID-3: AR, ERR-3 102 at PID-3, nothing recorded")
  void badCheckDigit() throws Exception {
    String id = Mllp.controlId();
    String bad = TestData.nhsNumberWithBadCheckDigit();
    Message ack = Mllp.send(adt("A04", "RWE", bad, "V" + id, id, "2.4", null, "Noah"));

    assertRefused(ack, id, "AR", "102", "PID", "3");
    assertThat(get(ack, "/ERR-8")).contains("modulus 11").doesNotContain(bad);
    // a v2.4 sender also finds it in ERR-1
    assertThat(get(ack, "/ERR-1-1")).isEqualTo("PID");
    assertThat(get(ack, "/ERR-1-4-1")).isEqualTo("102");
  }

  @Test
  @DisplayName("An unknown sending facility (MSH-4): AR, ERR-3 103 at MSH-4")
  void unknownFacility() throws Exception {
    String id = Mllp.controlId();
    Message ack =
        Mllp.send(adt("A04", "ZZZ99", TestData.nhsNumber(), "V" + id, id, "2.5", null, "Noah"));

    assertRefused(ack, id, "AR", "103", "MSH", "4");
  }

  @Test
  @DisplayName("R1: a query with a bad NHS number: RSP^K11 AR with ERR 102 at QPD-3 and QAK AR")
  void queryBadNhsNumber() throws Exception {
    String id = Mllp.controlId();
    Message rsp = Mllp.send(qbp("RWE", TestData.nhsNumberWithBadCheckDigit(), "Q-" + id, id));

    assertThat(get(rsp, "/MSH-9-1")).isEqualTo("RSP");
    assertRefused(rsp, id, "AR", "102", "QPD", "3");
    assertThat(get(rsp, "/QAK-1")).isEqualTo("Q-" + id);
    assertThat(get(rsp, "/QAK-2")).isEqualTo("AR");
    assertThat(get(rsp, "/QPD-2")).isEqualTo("Q-" + id);
  }

  @Test
  @DisplayName("A query without an NHS number: RSP^K11 AR with ERR 101 at QPD-3")
  void queryWithoutNhsNumber() throws Exception {
    String id = Mllp.controlId();
    Message rsp = Mllp.send(qbp("RWE", null, "Q-" + id, id));

    assertThat(get(rsp, "/MSH-9-1")).isEqualTo("RSP");
    assertRefused(rsp, id, "AR", "101", "QPD", "3");
    assertThat(get(rsp, "/QAK-2")).isEqualTo("AR");
  }

  @Test
  @DisplayName("A query from an unknown facility: RSP^K11 AR with ERR 103 at MSH-4")
  void queryUnknownFacility() throws Exception {
    String id = Mllp.controlId();
    Message rsp = Mllp.send(qbp("ZZZ99", TestData.nhsNumber(), "Q-" + id, id));

    assertThat(get(rsp, "/MSH-9-1")).isEqualTo("RSP");
    assertRefused(rsp, id, "AR", "103", "MSH", "4");
    assertThat(get(rsp, "/QAK-1")).isEqualTo("Q-" + id);
  }

  @Test
  @DisplayName(
      "A 40-digit SDS user id (QPD-4) for a shared child: RSP^K11 AR 102 at QPD-4, no CP-IS data, no access")
  void longSdsUserId() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String id = Mllp.controlId();

    Message rsp = Mllp.send(qbp("RWE", nhs, "Q-" + id, id, "UNICODE UTF-8", "1".repeat(40), "Ada"));

    assertRefused(rsp, id, "AR", "102", "QPD", "4");
    assertThat(get(rsp, "/ERR-8")).contains("longer than 20 characters");
    assertThat(Mllp.segments(rsp, "OBX")).isEmpty();
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName(
      "A 10,000-character family name of the attending clinician (PV1-7): ACK AR 102 at PV1-7, nothing recorded")
  void longFamilyName() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String id = Mllp.controlId();
    String adt =
        adt("A04", "RWE", nhs, "V" + id, id, "2.5", "UNICODE UTF-8", "Noah")
            .replace("G1234567^Okafor^Ada", "G1234567^" + "O".repeat(10_000) + "^Ada");

    Message ack = Mllp.send(adt);

    assertRefused(ack, id, "AR", "102", "PV1", "7");
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName("A repeated refused message gets the identical refusal")
  void repeatedRefusal() throws Exception {
    String id = Mllp.controlId();
    String m = adt("A03", "RWE", TestData.nhsNumber(), "V" + id, id, "2.5", null, "Noah");

    assertThat(Mllp.encode(Mllp.send(m))).isEqualTo(Mllp.encode(Mllp.send(m)));
  }

  private static void assertRefused(
      Message m, String controlId, String code, String error, String segment, String field)
      throws Exception {
    assertThat(get(m, "/MSA-1")).isEqualTo(code);
    assertThat(get(m, "/MSA-2")).isEqualTo(controlId);
    assertThat(get(m, "/ERR-3-1")).isEqualTo(error);
    assertThat(get(m, "/ERR-3-3")).isEqualTo("HL70357");
    assertThat(get(m, "/ERR-4")).isEqualTo("E");
    assertThat(get(m, "/ERR-2-1")).isEqualTo(segment);
    assertThat(get(m, "/ERR-2-3")).isEqualTo(field);
    assertThat(get(m, "/ERR-8")).isNotBlank();
  }
}
