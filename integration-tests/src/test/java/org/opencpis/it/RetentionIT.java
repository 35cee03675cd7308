package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;
import static org.opencpis.it.UploadFiles.withDeleteDate;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpis.contract.hl7.REPCMT000002GB01Record;
import org.opencpis.contract.upload.CpisError;

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
      "R10 R9: the purge never interleaves with an upload: records shared again while purges run are neither removed nor make a file or a purge fail")
  void purgeAndUploadNeverInterleave() throws Exception {
    LocalDate today = TestData.today();
    LocalDate start = today.minusYears(3);
    LocalDate longEnded = today.minusMonths(13);
    int children = 60;
    List<REPCMT000002GB01Record> ended = new ArrayList<>();
    List<REPCMT000002GB01Record> open = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < children; i++) {
      String nhs = TestData.nhsNumber();
      numbers.add(nhs);
      ended.add(child("RI-" + i + "-" + nhs, nhs, "Ira", "Moss", DOB, "CPP", start, longEnded));
      open.add(
          UploadFiles.unregisteredChild(
              "RI-" + i + "-" + nhs, nhs, "Ira", "Moss", DOB, "CPP", start, null));
    }
    // each round: a file ends them all long ago (so the purge would remove them), then the next
    // file shares them again while a purge starts at a random moment of it: without a lock the
    // purge decides on the ended rows and removes them under the file (or fails on them)
    int rounds = 20;
    var port = Spine.upload(Spine.LEICESTERSHIRE);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    List<String> failures = new ArrayList<>();
    try {
      for (int round = 1; round <= rounds; round++) {
        failures.addAll(upload(port, ended));
        int delayMillis = ThreadLocalRandom.current().nextInt(250);
        Future<Rest.Reply> purge =
            pool.submit(
                () -> {
                  Thread.sleep(delayMillis);
                  return Rest.post(Spine.ADMIN, "/admin/retention/run", null);
                });
        failures.addAll(upload(port, open));
        Rest.Reply purged = purge.get(2, TimeUnit.MINUTES);
        if (purged.status() != 200) {
          failures.add("round " + round + " purge: " + purged.status() + " " + purged.body());
        }
        for (String nhs : List.of(numbers.get(0), numbers.get(children - 1))) {
          if (UploadIT.held(nhs).size() != 1) {
            failures.add("round " + round + ": " + nhs + " not held after the file shared it");
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(failures).as("every file applied whole, every purge completed").isEmpty();
    for (String nhs : numbers) {
      JsonArray held = UploadIT.held(nhs);
      assertThat(held).as("held for %s after the last file", nhs).hasSize(1);
      assertThat(UploadIT.endDate(held.getJsonObject(0))).as("shared again, open").isNull();
    }
    assertVisible(numbers.get(0));
    assertVisible(numbers.get(children - 1));
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

  /** Sends the records as Leicestershire's next file; what went wrong, if anything. */
  static List<String> upload(
      org.opencpis.contract.upload.CpisUploadPortType port, List<REPCMT000002GB01Record> records) {
    try {
      String code =
          port.upload(file("855", records.toArray(REPCMT000002GB01Record[]::new)))
              .getAcknowledgementFile()
              .getAcknowledgementFileDetail()
              .get(0)
              .getCode()
              .getCode();
      return "CPF02".equals(code) ? List.of() : List.of("file answered " + code);
    } catch (CpisError e) {
      return List.of("file refused: " + e.getFaultInfo().getCode() + " " + e.getMessage());
    } catch (jakarta.xml.ws.WebServiceException e) {
      return List.of("file failed: " + e.getMessage());
    }
  }

  static void assertVisible(String nhs) throws Exception {
    var result = SpineAnswer.of(Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE)));
    assertThat(result.plans()).as("visible: %s", nhs).hasSize(1);
  }
}
