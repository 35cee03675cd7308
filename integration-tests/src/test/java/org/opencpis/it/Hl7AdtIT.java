package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.Mllp.adt;
import static org.opencpis.it.Mllp.get;

import ca.uhn.hl7v2.model.Message;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Attendances (ADT^A01/A04/A08) from an ED's integration engine over MLLP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Hl7AdtIT {

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName("R20: a v2.5 ADT^A04 for a shared child is acknowledged AA and records one access")
  void a04v25() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String id = Mllp.controlId();

    Message ack = Mllp.send(adt("A04", "RWE", nhs, "V" + id, id, "2.5", "UNICODE UTF-8", "Noah"));

    assertThat(get(ack, "/MSH-9-1")).isEqualTo("ACK");
    assertThat(get(ack, "/MSA-1")).isEqualTo("AA");
    assertThat(get(ack, "/MSA-2")).isEqualTo(id);
    assertThat(get(ack, "/MSH-12")).isEqualTo("2.5");
    assertThat(get(ack, "/MSH-5")).isEqualTo("ENGINE");
    assertThat(get(ack, "/MSH-6")).isEqualTo("RWE");
    assertThat(Children.accesses(nhs)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "R4 R20: an attendance under a superseded NHS number finds the child under the current one, and the council is told the current number")
  void supersededNumber() throws Exception {
    String current = Children.sharedByLeicestershire();
    String old = TestData.nhsNumber();
    Demographics.registerSuperseded(old, current, "Noah", "Patel", Children.DOB);
    String id = Mllp.controlId();

    Message ack = Mllp.send(adt("A04", "RWE", old, "V" + id, id, "2.5", "UNICODE UTF-8", "Noah"));

    assertThat(get(ack, "/MSA-1")).isEqualTo("AA");
    assertThat(Children.accesses(current)).isEqualTo(1);
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    var step = Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, current, 1);
    assertThat(step.getJsonObject("notifiedChild").getString("nhsNumber")).isEqualTo(current);
  }

  @Test
  @DisplayName(
      "R20 R21: an ED attendance over HL7 becomes a CPIS Follow Up step in the council's CP-IS Virtual Worker inbox")
  void attendanceReachesTheCouncil() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String id = Mllp.controlId();

    Message ack = Mllp.send(adt("A04", "RWE", nhs, "V" + id, id, "2.5", "UNICODE UTF-8", "Noah"));
    assertThat(get(ack, "/MSA-1")).isEqualTo("AA");

    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    var step = Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1);
    assertThat(step.getString("typeName")).isEqualTo("CPIS Follow Up");
    assertThat(step.getJsonObject("access").getString("organisationOds")).isEqualTo("RWE");
    assertThat(step.getJsonObject("access").getString("careSetting")).isEqualTo("ED");
  }

  @Test
  @DisplayName(
      "R20: a v2.4 ADT^A04 in 8859/1 (HL7 UK), NHS number after the MRN, records one access")
  void a04v24() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String id = Mllp.controlId();

    Message ack = Mllp.send(adt("A04", "RBK", nhs, "V" + id, id, "2.4", "8859/1", "Zoë"));

    assertThat(get(ack, "/MSA-1")).isEqualTo("AA");
    assertThat(get(ack, "/MSA-2")).isEqualTo(id);
    assertThat(get(ack, "/MSH-12")).isEqualTo("2.4");
    assertThat(get(ack, "/MSH-18")).isEqualTo("8859/1");
    assertThat(Children.accesses(nhs)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "R20: one attendance (PV1-19) is one access, however many A08 and A01 updates arrive")
  void oneAttendanceOneAccess() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String visit = "V" + Mllp.controlId();

    assertThat(get(Mllp.send(adt("A04", "RWE", nhs, visit)), "/MSA-1")).isEqualTo("AA");
    assertThat(get(Mllp.send(adt("A08", "RWE", nhs, visit)), "/MSA-1")).isEqualTo("AA");
    assertThat(get(Mllp.send(adt("A01", "RWE", nhs, visit)), "/MSA-1")).isEqualTo("AA");
    assertThat(get(Mllp.send(adt("A08", "RWE", nhs, visit)), "/MSA-1")).isEqualTo("AA");

    assertThat(Children.accesses(nhs)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "R20: an A&E attendance without an NHS number is AA and unmatched; the A08 that brings it records the access")
  void unmatchedThenA08() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String visit = "V" + Mllp.controlId();

    assertThat(get(Mllp.send(adt("A04", "RWE", null, visit)), "/MSA-1")).isEqualTo("AA");
    assertThat(Children.accesses(nhs)).isZero();

    assertThat(get(Mllp.send(adt("A08", "RWE", nhs, visit)), "/MSA-1")).isEqualTo("AA");
    assertThat(Children.accesses(nhs)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "R20: a repeated message (same MSH-3, MSH-4, MSH-10) gets the identical answer and is processed once")
  void duplicate() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String id = Mllp.controlId();
    String message = adt("A04", "RWE", nhs, "V" + id, id, "2.5", "UNICODE UTF-8", "Noah");

    String first = Mllp.encode(Mllp.send(message));
    String second = Mllp.encode(Mllp.send(message));
    String third = Mllp.sendRaw(java.util.List.of(message)).get(0);

    assertThat(second).isEqualTo(first);
    assertThat(third.replace("\n", "")).isEqualTo(first);
    assertThat(Children.accesses(nhs)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "An ADT for another child under a used MSH-10: AR 205, not acknowledged AA, nothing recorded")
  void usedControlIdOtherAttendance() throws Exception {
    String first = Children.sharedByLeicestershire();
    String other = Children.sharedByLeicestershire();
    String id = Mllp.controlId();
    Message ack = Mllp.send(adt("A04", "RWE", first, "V" + id, id, "2.5", null, "Noah"));

    Message second = Mllp.send(adt("A04", "RWE", other, "W" + id, id, "2.5", null, "Noah"));

    assertThat(get(ack, "/MSA-1")).isEqualTo("AA");
    assertThat(get(second, "/MSA-1")).isEqualTo("AR");
    assertThat(get(second, "/ERR-3-1")).isEqualTo("205");
    assertThat(Children.accesses(first)).isEqualTo(1);
    assertThat(Children.accesses(other)).isZero();
  }

  @Test
  @DisplayName("R20: an attendance of a child with no CP-IS information is AA and records nothing")
  void noInformation() throws Exception {
    String nhs = TestData.nhsNumber();

    assertThat(get(Mllp.send(adt("A04", "RWE", nhs, "V" + Mllp.controlId())), "/MSA-1"))
        .isEqualTo("AA");
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName("Answers on one connection come back in the order the messages were sent")
  void inOrder() throws Exception {
    java.util.List<String> ids = new java.util.ArrayList<>();
    java.util.List<String> messages = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = Mllp.controlId();
      ids.add(id);
      messages.add(adt("A04", "RWE", TestData.nhsNumber(), "V" + id, id, "2.5", null, "Noah"));
    }

    java.util.List<String> answers = Mllp.sendRaw(messages);

    for (int i = 0; i < 5; i++) {
      assertThat(get(Mllp.parse(answers.get(i)), "/MSA-2")).isEqualTo(ids.get(i));
    }
  }
}
