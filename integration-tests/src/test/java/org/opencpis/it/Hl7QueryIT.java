package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.Mllp.get;
import static org.opencpis.it.Mllp.observation;
import static org.opencpis.it.Mllp.qbp;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;

import ca.uhn.hl7v2.model.Message;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CP-IS query over MLLP (QBP^Q11 answered by RSP^K11), against the SOAP answer. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Hl7QueryIT {

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R18 R20: QBP^Q11 for a shared child: RSP^K11, QAK OK with 1 hit, the SOAP answer's content, one access")
  void found() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String id = Mllp.controlId();

    Message rsp = Mllp.send(qbp("RWE", nhs, "Q-" + id, id));

    assertThat(get(rsp, "/MSH-9-1")).isEqualTo("RSP");
    assertThat(get(rsp, "/MSH-9-2")).isEqualTo("K11");
    assertThat(get(rsp, "/MSA-1")).isEqualTo("AA");
    assertThat(get(rsp, "/MSA-2")).isEqualTo(id);
    assertThat(get(rsp, "/QAK-1")).isEqualTo("Q-" + id);
    assertThat(get(rsp, "/QAK-2")).isEqualTo("OK");
    assertThat(get(rsp, "/QAK-3-1")).isEqualTo("CPIS");
    assertThat(get(rsp, "/QAK-4")).isEqualTo("1");
    assertThat(get(rsp, "/QPD-2")).isEqualTo("Q-" + id);
    assertThat(get(rsp, "/QPD-3-1")).isEqualTo(nhs);
    assertThat(Children.accesses(nhs)).isEqualTo(1);

    // the same as the SOAP answer (which also records an access)
    SpineAnswer soap = SpineAnswer.of(Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE)));
    SpineAnswer.Plan r = soap.plans().get(0);
    assertThat(observation(rsp, "1", "CPIS-PLAN")).isEqualTo(r.type() + "^Child Protection Plan^L");
    assertThat(observation(rsp, "1", "CPIS-LA")).isEqualTo(r.laName() + "^^^^^^^^^" + r.laOds());
    assertThat(observation(rsp, "1", "CPIS-LA"))
        .isEqualTo("Leicestershire County Council^^^^^^^^^855");
    assertThat(observation(rsp, "1", "CPIS-TEL-WP")).isEqualTo("01164960111^WPN^PH");
    assertThat(observation(rsp, "1", "CPIS-TEL-EC")).isEqualTo("01164960999^EMR^PH");
    assertThat(observation(rsp, "1", "CPIS-START"))
        .isEqualTo(r.start())
        .isEqualTo(TestData.hl7(Children.PLAN_START));
    assertThat(observation(rsp, "1", "CPIS-END")).isNull();
    assertThat(Children.accesses(nhs)).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "R19: the HL7 query is in the access history: who (QPD-4), job role (QPD-5), organisation, setting")
  void history() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    Mllp.send(qbp("RWE", nhs, "Q1", Mllp.controlId()));

    Message second =
        Mllp.send(qbp("RBK", nhs, "Q2", Mllp.controlId(), "UNICODE UTF-8", "555000999888", "Bea"));

    assertThat(observation(second, "A1", "CPIS-ACCESS-BY")).isEqualTo("^Okafor^Bea");
    assertThat(observation(second, "A1", "CPIS-ACCESS-ORG"))
        .isEqualTo("Walsall Healthcare NHS Trust^^^^^^^^^RBK");
    assertThat(observation(second, "A1", "CPIS-ACCESS-SETTING")).isEqualTo("MIU");
    assertThat(observation(second, "A1", "CPIS-ACCESS-ROLE"))
        .isEqualTo("R8001^Nurse Access Role^L");
    assertThat(observation(second, "A2", "CPIS-ACCESS-ORG"))
        .isEqualTo("University Hospitals of Leicester NHS Trust^^^^^^^^^RWE");
    assertThat(observation(second, "A2", "CPIS-ACCESS-SETTING")).isEqualTo("ED");

    // and SOAP shows the HL7 accesses too
    List<SpineAnswer.Access> soap =
        SpineAnswer.of(Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE))).history();
    assertThat(soap).extracting(a -> a.organisationOds()).contains("RBK", "RWE");
  }

  @Test
  @DisplayName(
      "R18: QBP^Q11 for a child with nothing shared: RSP^K11, QAK NF with 0 hits, no access")
  void notFound() throws Exception {
    String nhs = TestData.nhsNumber();
    String id = Mllp.controlId();

    Message rsp = Mllp.send(qbp("RWE", nhs, "Q-" + id, id));

    assertThat(get(rsp, "/MSA-1")).isEqualTo("AA");
    assertThat(get(rsp, "/QAK-1")).isEqualTo("Q-" + id);
    assertThat(get(rsp, "/QAK-2")).isEqualTo("NF");
    assertThat(get(rsp, "/QAK-4")).isEqualTo("0");
    assertThat(Mllp.segments(rsp, "OBX")).isEmpty();
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName("R20: a repeated QBP (same MSH-10) gets the identical RSP and records one access")
  void duplicate() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String id = Mllp.controlId();

    String first = Mllp.encode(Mllp.send(qbp("RWE", nhs, "Q-" + id, id)));
    String second = Mllp.encode(Mllp.send(qbp("RWE", nhs, "Q-" + id, id)));

    assertThat(second).isEqualTo(first);
    assertThat(Children.accesses(nhs)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "A QBP for another child under a used MSH-10: AR 205, no CP-IS data of either child, no access")
  void usedControlIdOtherChild() throws Exception {
    String first = Children.sharedByLeicestershire();
    String other = Children.sharedByLeicestershire();
    String id = Mllp.controlId();
    Message answered = Mllp.send(qbp("RWE", first, "Q-" + id, id));

    Message rsp = Mllp.send(qbp("RWE", other, "Q-" + id, id));

    assertThat(get(answered, "/QAK-2")).isEqualTo("OK");
    assertThat(get(rsp, "/MSA-1")).isEqualTo("AR");
    assertThat(get(rsp, "/MSA-2")).isEqualTo(id);
    assertThat(get(rsp, "/ERR-3-1")).isEqualTo("205");
    assertThat(get(rsp, "/ERR-2-1")).isEqualTo("MSH");
    assertThat(get(rsp, "/ERR-2-3")).isEqualTo("10");
    assertThat(get(rsp, "/QAK-2")).isEqualTo("AR");
    assertThat(Mllp.segments(rsp, "OBX")).isEmpty();
    assertThat(Mllp.encode(rsp)).doesNotContain(first);
    assertThat(Children.accesses(first)).isEqualTo(1);
    assertThat(Children.accesses(other)).isZero();
  }

  @Test
  @DisplayName(
      "UTF-8 and 8859/1 (MSH-18) names round-trip: QPD-4 echoed, and in the access history")
  void charsets() throws Exception {
    String nhs = Children.sharedByLeicestershire();

    Message utf8 =
        Mllp.send(
            qbp(
                "RWE",
                nhs,
                "Q1",
                Mllp.controlId(),
                "UNICODE UTF-8",
                "555000000001",
                "Siân Żaneta"));
    assertThat(get(utf8, "/MSH-18")).isEqualTo("UNICODE UTF-8");
    assertThat(get(utf8, "/QPD-4-3")).isEqualTo("Siân Żaneta");

    Message latin1 =
        Mllp.send(
            qbp("RWE", nhs, "Q2", Mllp.controlId(), "8859/1", "555000000002", "Renée Müller"));
    assertThat(get(latin1, "/MSH-18")).isEqualTo("8859/1");
    assertThat(get(latin1, "/QPD-4-3")).isEqualTo("Renée Müller");
    assertThat(observation(latin1, "A1", "CPIS-ACCESS-BY")).isEqualTo("^Okafor^Renée Müller");
    // Ż is not in 8859/1: the answer in 8859/1 says '?' for it, as the sender's character set must
    assertThat(observation(latin1, "A2", "CPIS-ACCESS-BY")).isEqualTo("^Okafor^Siân ?aneta");
  }
}
