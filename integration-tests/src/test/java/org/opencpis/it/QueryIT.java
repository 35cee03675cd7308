package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.MIU_DOCTOR;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.QueryMessages.bySystem;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;
import static org.opencpis.it.UploadFiles.lac;
import static org.opencpis.it.UploadFiles.unborn;

import jakarta.xml.ws.WebServiceException;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpis.contract.hl7.CPISNHSQueryAnswer;
import org.opencpis.contract.hl7.QUPCIN000006GB01;
import org.opencpis.contract.hl7.REPCIN000007GB01;
import org.opencpis.contract.hl7.TEL;
import org.opencpis.contract.query.CpisError;
import org.opencpis.contract.query.CpisQueryPortType;

/** cpisquery through a real CXF client: what health sees, and what it is refused. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QueryIT {

  static final LocalDate DOB = LocalDate.of(2018, 6, 14);

  final CpisQueryPortType clinician = Spine.query(Spine.CLINICIAN);

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R6 R8 R18: two LAs, CPP and LAC at once, each with the LA's name, code and both numbers")
  void twoLocalAuthorities() throws Exception {
    String nhs = TestData.nhsNumber();
    LocalDate cppStart = TestData.monthsAgo(9);
    LocalDate lacStart = TestData.monthsAgo(6);
    // Manchester's plan ended 9 months ago: still visible (12 months after its end)
    LocalDate mancStart = TestData.monthsAgo(23);
    LocalDate mancEnd = TestData.monthsAgo(9);
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(
            file(
                "855",
                child("L-Q1", nhs, "Noah", "Patel", DOB, "CPP", cppStart, null),
                lac("L-Q1", nhs, "Noah", "Patel", DOB, "s20", lacStart)));
    Spine.upload(Spine.MANCHESTER)
        .upload(file("352", child("M-77", nhs, "Noah", "Patel", DOB, "CPP", mancStart, mancEnd)));

    REPCIN000007GB01 answer = clinician.query(byPerson(nhs, ED_NURSE)).getREPCIN000007GB01();

    assertThat(answer.getInteractionId().getExtension()).isEqualTo("REPC_IN000007GB01");
    assertThat(answer.getControlActEvent().getQueryAck().getQueryResponseCode().getCode())
        .isEqualTo("OK");
    assertThat(
            answer.getCommunicationFunctionRcv().get(0).getDevice().getId().get(0).getExtension())
        .isEqualTo("200000000999");
    CPISNHSQueryAnswer body = new CPISNHSQueryAnswer();
    body.setREPCIN000007GB01(answer);
    SpineAnswer result = SpineAnswer.of(body);
    // one child record per LA record: Leicestershire's (a CPP and a LAC) and Manchester's
    assertThat(result.totalChildRecords()).isEqualTo(2);
    assertThat(result.plans()).extracting(SpineAnswer.Plan::nhsNumber).containsOnly(nhs);
    List<SpineAnswer.Plan> records = result.plans();
    assertThat(records)
        .extracting(r -> r.laOds(), r -> r.laName(), r -> r.type(), r -> r.start(), r -> r.end())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "352",
                "Manchester City Council",
                "CPP",
                TestData.hl7(mancStart),
                TestData.hl7(mancEnd)),
            org.assertj.core.groups.Tuple.tuple(
                "855", "Leicestershire County Council", "CPP", TestData.hl7(cppStart), null),
            org.assertj.core.groups.Tuple.tuple(
                "855", "Leicestershire County Council", "LAC", TestData.hl7(lacStart), null));
    List<TEL> phones = records.get(1).telecom();
    assertThat(phones)
        .extracting(TEL::getUse, TEL::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("WP", "tel:01164960111"),
            org.assertj.core.groups.Tuple.tuple("EC", "tel:01164960999"));
  }

  @Test
  @DisplayName(
      "R13 R15: an unborn is shown under the mother; a mother under 18 on her own plan shows two entries")
  void unbornUnderTheMother() throws Exception {
    String mother = TestData.nhsNumber();
    LocalDate motherDob = TestData.today().minusYears(16).minusMonths(3);
    Spine.upload(Spine.LEICESTER)
        .upload(
            file(
                "856",
                child(
                    "C-M1", mother, "Lily", "Shaw", motherDob, "CPP", TestData.monthsAgo(13), null),
                unborn("C-U1", mother, "Lily", "Shaw", motherDob, TestData.monthsAgo(2))));

    SpineAnswer result = SpineAnswer.of(clinician.query(byPerson(mother, ED_NURSE)));

    assertThat(result.plans())
        .extracting(r -> r.type(), r -> r.unborn(), r -> r.nhsNumber())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CPP", false, mother),
            org.assertj.core.groups.Tuple.tuple("UCP", true, mother));
    assertThat(result.plans())
        .allSatisfy(r -> assertThat(r.laName()).isEqualTo("Leicester City Council"));
  }

  @Test
  @DisplayName(
      "R18: nothing held is 'query act failed' QUQI_IN010000UK14 with NF, not an empty success")
  void noRecords() throws Exception {
    SpineAnswer nf = SpineAnswer.of(clinician.query(byPerson(TestData.nhsNumber(), ED_NURSE)));

    assertThat(nf.found()).isFalse();
    assertThat(nf.notFound().getInteractionId().getExtension()).isEqualTo("QUQI_IN010000UK14");
    assertThat(nf.responseCode()).isEqualTo("NF");
    assertThat(
            nf.notFound()
                .getControlActEvent()
                .getReason()
                .get(0)
                .getJustifyingDetectedIssueEvent()
                .getCode()
                .getDisplayName())
        .isEqualTo("No records found");
  }

  @Test
  @DisplayName("R1: an NHS number that fails its check digit is a fault naming the field")
  void invalidNhsNumber() {
    CpisError fault =
        catchThrowableOfType(
            CpisError.class,
            () -> clinician.query(byPerson(TestData.nhsNumberWithBadCheckDigit(), ED_NURSE)));
    assertThat(fault.getFaultInfo().getCode()).isEqualTo("INVALID_NHS_NUMBER");
    assertThat(fault.getFaultInfo().getField()).isEqualTo("NHS Number");
    assertThat(fault.getFaultInfo().getMessage()).contains("modulus 11");
  }

  @Test
  @DisplayName(
      "Spine checks: missing author, missing NHS number and a wrong interaction id are faults with codes")
  void malformedQueries() {
    QUPCIN000006GB01 noAuthor = byPerson(TestData.nhsNumber(), ED_NURSE);
    noAuthor.getControlActEvent().getSubject().getCPISQueryStub().getCPISNHSQuery().setAuthor(null);
    assertThat(fault(noAuthor).getCode())
        .isEqualTo("ErrorBase1712.MANDATORY_DATA_MISSING|[authorPerson or authorDevice]");

    QUPCIN000006GB01 noNumber = byPerson(TestData.nhsNumber(), ED_NURSE);
    noNumber
        .getControlActEvent()
        .getSubject()
        .getCPISQueryStub()
        .getCPISNHSQuery()
        .setQueryByParameter(null);
    assertThat(fault(noNumber).getCode())
        .isEqualTo("ErrorBase1712.MANDATORY_DATA_MISSING|NHS Number");

    QUPCIN000006GB01 wrongInteraction = byPerson(TestData.nhsNumber(), ED_NURSE);
    wrongInteraction.getInteractionId().setExtension("QUPA_IN000008UK02");
    assertThat(fault(wrongInteraction).getCode())
        .isEqualTo("ErrorBase1732.INCONSISTENT_HL7_INTERACTION_ID");
    assertThat(fault(wrongInteraction).getMessage()).contains("QUPA_IN000008UK02");
  }

  @Test
  @DisplayName(
      "R18: a caller without the view permission (B0107/B0170) is refused; an anonymous one gets 401")
  void permissions() {
    CpisError denied =
        catchThrowableOfType(
            CpisError.class,
            () -> Spine.query(Spine.NO_ROLE).query(byPerson(TestData.nhsNumber(), ED_NURSE)));
    assertThat(denied.getFaultInfo().getCode()).isEqualTo("ACCESS_DENIED");
    assertThat(denied.getFaultInfo().getMessage()).contains("B0107");

    WebServiceException anonymous =
        catchThrowableOfType(
            WebServiceException.class,
            () -> Spine.query(null).query(byPerson(TestData.nhsNumber(), ED_NURSE)));
    assertThat(anonymous).hasStackTraceContaining("401");
  }

  @Test
  @DisplayName(
      "R18 R20: a system author acting for a named person is answered and recorded as that person")
  void systemAuthor() throws Exception {
    String nhs = TestData.nhsNumber();
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(
            file(
                "855",
                child("L-Q9", nhs, "Ola", "Reed", DOB, "CPP", TestData.monthsAgo(11), null)));

    clinician.query(bySystem(nhs, "918999198738", MIU_DOCTOR));
    SpineAnswer result = SpineAnswer.of(clinician.query(byPerson(nhs, ED_NURSE)));

    assertThat(result.history()).hasSize(2);
    var system = result.history().get(1);
    assertThat(system.viewerName()).isEqualTo("Tom Price");
    assertThat(system.jobRoleName()).isEqualTo("Clinical Practitioner Access Role");
    assertThat(system.organisationOds()).isEqualTo("RBK");
    assertThat(system.person()).isFalse();
    assertThat(system.systemAsid()).isEqualTo("918999198738");
    assertThat(SpineAnswer.careSettings(nhs).get(1)).isEqualTo("MIU");
  }

  private org.opencpis.contract.hl7.CpisError fault(QUPCIN000006GB01 m) {
    CpisError e = catchThrowableOfType(CpisError.class, () -> clinician.query(m));
    assertThat(e).as("a fault").isNotNull();
    return e.getFaultInfo();
  }
}
