package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;
import static org.opencpis.it.UploadFiles.withDeleteDate;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention on the running server (R10, R11): dates are set relative to today (Europe/London), so
 * the boundary days are checked against the server's own clock. The same boundaries on a fixed
 * clock, including month ends and leap years, are in ejb's RetentionPolicyTest.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetentionIT {

  static final LocalDate DOB = LocalDate.of(2016, 7, 19);

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R10 R11: visible through end date + 12 months, gone the day after; no end date stays; delete date removes; the purge removes for good")
  void retentionBoundaries() throws Exception {
    LocalDate today = TestData.today();
    String lastDay = TestData.nhsNumber();
    String dayAfter = TestData.nhsNumber();
    String noEnd = TestData.nhsNumber();
    String deletedToday = TestData.nhsNumber();
    String deletedTomorrow = TestData.nhsNumber();
    LocalDate start = today.minusYears(3);

    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(
            file(
                "855",
                child("R-1", lastDay, "Rae", "Sims", DOB, "CPP", start, today.minusMonths(12)),
                child(
                    "R-2",
                    dayAfter,
                    "Sam",
                    "Sims",
                    DOB,
                    "CPP",
                    start,
                    today.minusMonths(12).minusDays(1)),
                child("R-3", noEnd, "Tia", "Sims", DOB, "CPP", start, null),
                withDeleteDate(
                    child("R-4", deletedToday, "Uma", "Sims", DOB, "CPP", start, null), today),
                withDeleteDate(
                    child("R-5", deletedTomorrow, "Val", "Sims", DOB, "CPP", start, null),
                    today.plusDays(1))));

    assertVisible(lastDay);
    UploadIT.assertNotShared(dayAfter);
    assertVisible(noEnd);
    UploadIT.assertNotShared(deletedToday);
    assertVisible(deletedTomorrow);

    Rest.Reply purge = Rest.post(Spine.ADMIN, "/admin/retention/run", null);
    assertThat(purge.status()).isEqualTo(200);
    assertThat(((JsonObject) purge.json()).getInt("removed")).isGreaterThanOrEqualTo(2);

    assertThat(UploadIT.held(dayAfter)).as("removed for good").isEmpty();
    assertThat(UploadIT.held(deletedToday)).as("removed for good").isEmpty();
    assertThat(UploadIT.held(lastDay)).hasSize(1);
    assertThat(UploadIT.held(noEnd)).hasSize(1);
    assertThat(UploadIT.held(deletedTomorrow)).hasSize(1);
    assertVisible(lastDay);
  }

  @Test
  @DisplayName(
      "Security: only an administrator may run the purge or read the register (403 with a reason)")
  void adminOnly() {
    Rest.Reply denied = Rest.post(Spine.CLINICIAN, "/admin/retention/run", null);
    assertThat(denied.status()).isEqualTo(403);
    assertThat(((JsonObject) denied.json()).getString("message")).contains("cpis-admin");
    assertThat(Rest.get(null, "/admin/register/" + TestData.nhsNumber()).status()).isEqualTo(401);
    Rest.Reply bad = Rest.get(Spine.ADMIN, "/admin/register/123");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(((JsonObject) bad.json()).getString("code")).isEqualTo("INVALID_NHS_NUMBER");
  }

  static void assertVisible(String nhs) throws Exception {
    var result =
        Spine.query(Spine.CLINICIAN)
            .query(byPerson(nhs, ED_NURSE))
            .getControlActEvent()
            .getSubject()
            .getCpisResult();
    assertThat(result.getChildRecord()).as("visible: %s", nhs).hasSize(1);
  }
}
