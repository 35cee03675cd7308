package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.MIU_DOCTOR;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.QueryMessages.silent;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpis.contract.query.CpisQueryPortType;

/** What health sees of earlier accesses, and which queries are recorded (R19, R20). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessHistoryIT {

  static final LocalDate DOB = LocalDate.of(2017, 2, 8);

  final CpisQueryPortType clinician = Spine.query(Spine.CLINICIAN);

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  String sharedChild() throws Exception {
    String nhs = TestData.nhsNumber();
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(
            file(
                "855",
                child("L-H" + nhs, nhs, "Pia", "Quinn", DOB, "CPP", TestData.monthsAgo(10), null)));
    return nhs;
  }

  @Test
  @DisplayName(
      "R19 R20: each query is recorded and shown with when, who, job role and organisation, newest first")
  void historyShowsWhoWhenWhere() throws Exception {
    String nhs = sharedChild();
    LocalDateTime before = LocalDateTime.now(TestData.LONDON).withNano(0).minusSeconds(1);

    SpineAnswer first = SpineAnswer.of(clinician.query(byPerson(nhs, MIU_DOCTOR)));
    SpineAnswer second = SpineAnswer.of(clinician.query(byPerson(nhs, ED_NURSE)));

    // the current query is included
    assertThat(first.history()).hasSize(1);
    assertThat(second.totalAccessRecords()).isEqualTo(2);
    SpineAnswer.Access newest = second.history().get(0);
    assertThat(newest.viewerName()).isEqualTo("Ada Okafor");
    assertThat(newest.jobRoleCode()).isEqualTo("R8001");
    assertThat(newest.jobRoleName()).isEqualTo("Nurse Access Role");
    assertThat(newest.organisationOds()).isEqualTo("RWE");
    assertThat(newest.organisationName()).isEqualTo("University Hospitals of Leicester NHS Trust");
    assertThat(SpineAnswer.careSettings(nhs).get(0)).isEqualTo("ED");
    LocalDateTime at =
        LocalDateTime.parse(newest.time(), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    assertThat(at).isBetween(before, LocalDateTime.now(TestData.LONDON).plusSeconds(1));
    assertThat(second.history().get(1).organisationOds()).isEqualTo("RBK");
    assertThat(accesses(nhs)).isEqualTo(2);
  }

  @Test
  @DisplayName("R19: a repeat view by the same person within 24 hours is shown once")
  void repeatWithin24HoursShownOnce() throws Exception {
    String nhs = sharedChild();
    clinician.query(byPerson(nhs, ED_NURSE));
    clinician.query(byPerson(nhs, MIU_DOCTOR));
    SpineAnswer third = SpineAnswer.of(clinician.query(byPerson(nhs, ED_NURSE)));

    assertThat(accesses(nhs)).as("every access is recorded and notified").isEqualTo(3);
    assertThat(third.history()).extracting(a -> a.organisationOds()).containsExactly("RWE", "RBK");
  }

  @Test
  @DisplayName("R19: at most the 25 most recent accesses are returned")
  void cappedAt25() throws Exception {
    String nhs = sharedChild();
    SpineAnswer last = null;
    for (int i = 0; i < 30; i++) {
      QueryMessages.Clinician someone =
          new QueryMessages.Clinician(
              "5551000000" + String.format("%02d", i),
              "Nurse",
              "Number" + i,
              "R8001",
              "Nurse Access Role",
              "RWE",
              "University Hospitals of Leicester NHS Trust",
              "ED");
      last = SpineAnswer.of(clinician.query(byPerson(nhs, someone)));
    }
    assertThat(accesses(nhs)).isEqualTo(30);
    assertThat(last.totalAccessRecords()).isEqualTo(25);
    assertThat(last.history()).hasSize(25);
    assertThat(last.history().get(0).viewerName()).isEqualTo("Nurse Number29");
    assertThat(last.history().get(24).viewerName()).isEqualTo("Nurse Number5");
  }

  @Test
  @DisplayName(
      "R20: a silent read (accessEventType=false) and a B0170 view are answered and recorded nowhere")
  void silentReadRecordedNowhere() throws Exception {
    String nhs = sharedChild();
    clinician.query(byPerson(nhs, ED_NURSE));

    SpineAnswer silentRead = SpineAnswer.of(clinician.query(silent(byPerson(nhs, MIU_DOCTOR))));
    SpineAnswer b0170 =
        SpineAnswer.of(Spine.query(Spine.SILENT_VIEWER).query(byPerson(nhs, MIU_DOCTOR)));

    assertThat(silentRead.plans()).hasSize(1);
    assertThat(b0170.plans()).hasSize(1);
    assertThat(b0170.history()).extracting(a -> a.organisationOds()).containsExactly("RWE");
    assertThat(accesses(nhs)).isEqualTo(1);
  }

  static long accesses(String nhs) {
    Rest.Reply r = Rest.get(Spine.ADMIN, "/admin/register/" + nhs + "/accesses");
    assertThat(r.status()).isEqualTo(200);
    return ((JsonObject) r.json()).getJsonNumber("accesses").longValue();
  }
}
