package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.opencpis.it.Mllp.adt;
import static org.opencpis.it.Mllp.get;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;

import ca.uhn.hl7v2.model.Message;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every dead-letter queue has a replay that works (R28): a real message is parked by a cause
 * switched on from outside, the cause is removed, the administrator replays through the REST API,
 * and the effect happens once (for a council's record updates: in their order). The LA
 * notifications' replay is in {@link ReliabilityIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeadLetterReplayIT {

  static final Duration PARKING = Duration.ofSeconds(60);

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R9 R28: a council's record updates made while the demographic service is down: the first parked, the later ones held in the hub behind it, and applied in order once it is replayed: each applied once, the last one last")
  void recordUpdatesReplayedInOrder() throws Exception {
    String nhs = TestData.nhsNumber();
    long child =
        Council.addChild(
            Spine.LEICS_SW, "DLQ-" + nhs, nhs, "Kit", "Ford", LocalDate.of(2015, 3, 3));
    LocalDate start = TestData.today().minusMonths(3);
    LocalDate firstEnd = TestData.today().minusDays(2);
    LocalDate secondEnd = TestData.today().minusDays(1);
    long cpp = CouncilRecordsIT.addPlan(child, "CHILD_PROTECTION_PLAN", null, start, null);
    CouncilRecordsIT.awaitStatus(child, "SHARED");
    assertThat(parkedFiles()).isEmpty();

    ServerAdmin.setSystemProperty("cpis.demographics.available", "false");
    try {
      CouncilRecordsIT.addPlan(child, "CARE_EPISODE", "S20", start.plusDays(10), null);
      CouncilRecordsIT.endPlan(child, cpp, firstEnd);
      CouncilRecordsIT.endPlan(child, cpp, secondEnd);

      // the first could not be checked: handed back at each attempt, then parked
      int first =
          Awaitility.await()
              .atMost(PARKING)
              .pollInterval(Duration.ofMillis(500))
              .until(DeadLetterReplayIT::parkedFiles, l -> l.size() == 1)
              .get(0)
              .getInt("fileSequenceId");
      assertThat(ServerAdmin.logCount("council 855 file " + first + ": the demographic"))
          .isPositive();
      // the two after it came before it was applied: held in the hub's database, never applied
      // before it, never parked
      for (int later : List.of(first + 1, first + 2)) {
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    ServerAdmin.logCount(
                            "council 855 file " + later + " waits for file " + first + ": held")
                        > 0);
      }
      awaitHeldFiles(2);
      assertThat(parkedFiles()).hasSize(1);
      assertThat(parkedFiles().toString()).as("no personal data").doesNotContain(nhs);
      assertThat(CouncilRecordsIT.status(child).getString("state")).isEqualTo("PENDING");
      assertThat(held(nhs)).singleElement().satisfies(r -> assertThat(open(r)).isTrue());
    } finally {
      ServerAdmin.setSystemProperty("cpis.demographics.available", "true");
    }

    assertThat(ServerAdmin.replay("RecordUpdates")).isGreaterThanOrEqualTo(1);
    CouncilRecordsIT.awaitStatus(child, "SHARED");
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> held(nhs).size() == 2);
    assertThat(parkedFiles()).isEmpty();
    awaitHeldFiles(0);
    // the hub holds what the last file says: the CPP ended on the second date, the care episode
    // open; one record each
    List<JsonObject> records = held(nhs);
    assertThat(records)
        .filteredOn(r -> r.getString("planType").equals("CPP"))
        .singleElement()
        .satisfies(r -> assertThat(r.getString("endDate")).isEqualTo(secondEnd.toString()));
    assertThat(records)
        .filteredOn(r -> r.getString("planType").equals("LAC"))
        .singleElement()
        .satisfies(r -> assertThat(open(r)).isTrue());
  }

  /** Until the metric says council 855 has this many files held (it is refreshed every 15 s). */
  static void awaitHeldFiles(int files) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(
            () ->
                assertThat(MetricsIT.scrape().value("cpis_council_files_held", "la=\"855\""))
                    .isEqualTo((double) files));
  }

  static boolean open(JsonObject heldRecord) {
    return !heldRecord.containsKey("endDate") || heldRecord.isNull("endDate");
  }

  @Test
  @DisplayName(
      "R28: a CP-IS alert the facility's engine refused (AR) is parked, and replayed once the engine takes it: delivered once")
  void alertReplayed() throws Exception {
    try (Hl7AlertIT.TestReceiver engine =
        new Hl7AlertIT.TestReceiver(Integer.getInteger("it.hl7.receiver.port", 2676))) {
      engine.refusing.set(true);
      String nhs = Children.sharedByLeicestershire();
      String id = Mllp.controlId();
      Message ack = Mllp.send(adt("A04", "RX3", nhs, "V" + id, id, "2.5", "UNICODE UTF-8", "Ivy"));
      assertThat(get(ack, "/MSA-1")).isEqualTo("AA");

      JsonObject parked =
          Awaitility.await()
              .atMost(PARKING)
              .pollInterval(Duration.ofMillis(500))
              .until(DeadLetterReplayIT::parkedAlerts, l -> l.size() == 1)
              .get(0);
      assertThat(parked.getString("reason")).contains("AR");
      assertThat(engine.receivedFor(nhs)).isEqualTo(1);
      assertThat(engine.acceptedFor(nhs)).isZero();

      engine.refusing.set(false);
      assertThat(ServerAdmin.replay("Hl7Alerts")).isGreaterThanOrEqualTo(1);
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> engine.acceptedFor(nhs) == 1);
      String alertId = get(engine.awaitAlertFor(nhs), "/MSH-10");
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> ServerAdmin.logCount("CP-IS alert " + alertId + " delivered to RX3") == 1);
      assertThat(parkedAlerts()).isEmpty();
      assertThat(engine.acceptedFor(nhs)).isEqualTo(1);
      assertThat(Children.accesses(nhs)).isEqualTo(1);
    }
  }

  @Test
  @DisplayName(
      "R20 R28: an access whose fan-out the database refused is parked, and replayed once the database takes it: one notification, one step")
  void accessEventReplayed() throws Exception {
    assumeTrue(Postgres.serverOnPostgres(), Postgres.SKIPPED);
    String nhs = Children.sharedByLeicestershire();
    int parkedBefore = ServerAdmin.parked("AccessEvents", p -> true).size();
    // named without the NHS number: the database's refusal, naming the constraint, is logged
    String constraint = "it_refuse_" + Long.toHexString(System.nanoTime());
    try (Connection db = Postgres.connect();
        Statement sql = db.createStatement()) {
      // the database refuses any notification about this child (as a full disk or a broken
      // constraint would), so the access's fan-out fails at each attempt
      sql.execute(
          "alter table ntf_issued add constraint "
              + constraint
              + " check (payload not like '%"
              + nhs
              + "%') not valid");
      try {
        Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));
        Awaitility.await()
            .atMost(PARKING)
            .pollInterval(Duration.ofMillis(500))
            .until(() -> ServerAdmin.parked("AccessEvents", p -> true).size() == parkedBefore + 1);
      } finally {
        sql.execute("alter table ntf_issued drop constraint if exists " + constraint);
      }
    }
    assertThat(Children.accesses(nhs)).isEqualTo(1);
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    assertThat(Council.stepFor(Spine.LEICS_ADMIN, inbox, nhs)).isEmpty();

    assertThat(ServerAdmin.replay("AccessEvents")).isGreaterThanOrEqualTo(1);
    Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1);
    assertThat(ServerAdmin.parked("AccessEvents", p -> true)).isEmpty();
    long steps =
        Council.steps(Spine.LEICS_ADMIN, inbox, "all=true").getValuesAs(JsonObject.class).stream()
            .filter(s -> !s.isNull("notifiedChild"))
            .filter(s -> nhs.equals(s.getJsonObject("notifiedChild").getString("nhsNumber")))
            .count();
    assertThat(steps).isEqualTo(1);
    assertThat(Children.accesses(nhs)).isEqualTo(1);
  }

  static List<JsonObject> parkedFiles() {
    return ServerAdmin.parked("RecordUpdates", p -> "855".equals(p.getString("laCode", null)));
  }

  static List<JsonObject> parkedAlerts() {
    return ServerAdmin.parked("Hl7Alerts", p -> "RX3".equals(p.getString("facility", null)));
  }

  static List<JsonObject> held(String nhs) {
    Rest.Reply r = Rest.get(Spine.ADMIN, "/admin/register/" + nhs);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return ((JsonArray) r.json()).getValuesAs(JsonObject.class);
  }
}
