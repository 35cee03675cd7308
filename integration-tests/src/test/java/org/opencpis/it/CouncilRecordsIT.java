package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The council's records reach the hub: plans recorded on a child's file are shared within seconds,
 * and the hub's answer comes back as the child's CP-IS status (R9, R26).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CouncilRecordsIT {

  static final Spine.User SW = Spine.LEICS_SW;
  static final DateTimeFormatter HL7 = DateTimeFormatter.BASIC_ISO_DATE;

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R9 R26 R10: a plan recorded is shared within seconds; ended, it stays visible 12 months, then it is gone")
  void planLifecycle() throws Exception {
    String nhs = TestData.nhsNumber();
    long child = Council.addChild(SW, "PL-" + nhs, nhs, "Mae", "Cole", LocalDate.of(2016, 1, 20));
    assertThat(status(child).getString("state")).isEqualTo("NOT_SHARED");
    LocalDate start = TestData.today().minusYears(2);
    long plan = addPlan(child, "CHILD_PROTECTION_PLAN", null, start, null);

    long started = System.nanoTime();
    JsonObject shared = awaitStatus(child, "SHARED");
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(millis).as("shared within seconds").isLessThan(15_000);
    assertThat(shared.containsKey("since")).isTrue();
    assertThat(records(nhs))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.type()).isEqualTo("CPP");
              assertThat(r.laOds()).isEqualTo("855");
              assertThat(r.start()).isEqualTo(start.format(HL7));
              assertThat(r.telecom()).extracting(t -> t.getUse()).containsExactly("WP", "EC");
            });

    LocalDate ended = TestData.today().minusDays(3);
    endPlan(child, plan, ended);
    JsonObject removed = awaitStatus(child, "REMOVED");
    assertThat(removed.getString("visibleUntil")).isEqualTo(ended.plusMonths(12).toString());
    assertThat(records(nhs).get(0).end()).isEqualTo(ended.format(HL7));

    LocalDate longAgo = TestData.today().minusMonths(12).minusDays(1);
    Rest.Reply backdated =
        Rest.put(SW, "/children/" + child + "/plans/" + plan, "{\"endDate\":\"" + longAgo + "\"}");
    assertThat(backdated.status()).as(backdated.body()).isEqualTo(200);
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> records(nhs).isEmpty());
  }

  @Test
  @DisplayName(
      "R7: a care episode is shared as LAC only for s31/s38/s20; a placement order never leaves the council")
  void careEpisodes() throws Exception {
    String nhs = TestData.nhsNumber();
    long child = Council.addChild(SW, "CE-" + nhs, nhs, "Roy", "Hunt", LocalDate.of(2012, 8, 8));
    Rest.Reply po =
        Rest.post(
            SW,
            "/children/" + child + "/plans",
            plan("CARE_EPISODE", "PLACEMENT_ORDER", TestData.monthsAgo(10)));
    assertThat(po.status()).isEqualTo(201);
    assertThat(((JsonObject) po.json()).getBoolean("sharedWithCpis")).isFalse();
    // a file sent would have made the child PENDING in the same transaction
    assertThat(status(child).getString("state")).isEqualTo("NOT_SHARED");

    LocalDate s20Start = TestData.monthsAgo(6);
    addPlan(child, "CARE_EPISODE", "S20", s20Start, null);
    awaitStatus(child, "SHARED");
    // the council's files are applied strictly in order: had the placement order sent a file,
    // it would have been applied before this later one. Only the s20 episode's file came.
    assertThat(workflowFiles("CE-" + nhs))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getString("fileCode")).isEqualTo("CPF02");
              assertThat(f.getJsonArray("records")).hasSize(1);
            });
    assertThat(records(nhs))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.type()).isEqualTo("LAC");
              assertThat(r.start())
                  .as("the s20 episode, not the placement order")
                  .isEqualTo(s20Start.format(HL7));
            });
  }

  @Test
  @DisplayName(
      "R13 R15 R16: an unborn's plan is shared under the mother (two entries for a mother under 18 on her own plan); at birth it moves to the baby")
  void unbornToBirth() throws Exception {
    String mother = TestData.nhsNumber();
    LocalDate motherDob = TestData.today().minusYears(16).minusMonths(2);
    long mum = Council.addChild(SW, "MUM-" + mother, mother, "Tia", "Lane", motherDob);
    addPlan(mum, "CHILD_PROTECTION_PLAN", null, TestData.monthsAgo(9), null);
    awaitStatus(mum, "SHARED");

    long unborn =
        ok(Rest.post(
                SW,
                "/children/" + mum + "/unborn",
                "{\"laPersonId\":\"UB-"
                    + mother
                    + "\",\"expectedDeliveryDate\":\""
                    + TestData.today().plusWeeks(6)
                    + "\"}"))
            .getJsonNumber("id")
            .longValue();
    addPlan(unborn, "CHILD_PROTECTION_PLAN", null, TestData.monthsAgo(2), null);
    awaitStatus(unborn, "SHARED");
    assertThat(records(mother)).extracting(r -> r.type()).containsExactly("CPP", "UCP");

    String baby = TestData.nhsNumber();
    LocalDate born = TestData.today().minusDays(1);
    Demographics.register(baby, "Noa", "Lane", born);
    JsonObject afterBirth =
        ok(
            Rest.post(
                SW,
                "/children/" + unborn + "/birth",
                Json.createObjectBuilder()
                    .add("birthDate", born.toString())
                    .add("nhsNumber", baby)
                    .add("givenName", "Noa")
                    .build()
                    .toString()));
    assertThat(afterBirth.getBoolean("unborn")).isFalse();
    awaitStatus(unborn, "SHARED");
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> records(mother).size() == 1);
    assertThat(records(mother)).extracting(r -> r.type()).containsExactly("CPP");
    assertThat(records(baby))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.type()).isEqualTo("CPP");
              assertThat(r.start()).isEqualTo(born.format(HL7));
            });
    assertThat(status(mum).getString("state"))
        .as("the mother's own plan is untouched")
        .isEqualTo("SHARED");
  }

  @Test
  @DisplayName(
      "R14 R27: an unborn whose mother has no NHS number is not shared; the failure goes to data quality; recording it shares the plan")
  void unbornWithoutMothersNumber() throws Exception {
    long mum =
        Council.addChildWithoutNhs(
            SW, "MUMX-" + TestData.nhsNumber(), "Ava", "Rhys", LocalDate.of(1999, 4, 4));
    long unborn =
        ok(Rest.post(
                SW,
                "/children/" + mum + "/unborn",
                "{\"laPersonId\":\"UBX-"
                    + mum
                    + "\",\"expectedDeliveryDate\":\""
                    + TestData.today().plusWeeks(10)
                    + "\"}"))
            .getJsonNumber("id")
            .longValue();
    addPlan(unborn, "CHILD_PROTECTION_PLAN", null, TestData.daysAgo(30), null);

    JsonObject failed = status(unborn);
    assertThat(failed.getString("state")).isEqualTo("FAILED");
    assertThat(failed.getString("detail")).contains("mother's NHS number is not recorded");
    long dq = Council.inbox(Spine.LEICS_ADMIN, "DATA_QUALITY_VIRTUAL_WORKER");
    assertThat(Council.steps(Spine.LEICS_ADMIN, dq, null).getValuesAs(JsonObject.class))
        .anySatisfy(
            s -> {
              assertThat(s.getString("typeName")).isEqualTo("CP-IS Failure Notification");
              assertThat(s.getJsonObject("child").getJsonNumber("id").longValue())
                  .isEqualTo(unborn);
              assertThat(s.getString("summary"))
                  .contains("UBX-" + mum)
                  .contains("mother's NHS number");
            });

    String motherNhs = TestData.nhsNumber();
    Demographics.register(motherNhs, "Ava", "Rhys", LocalDate.of(1999, 4, 4));
    ok(Rest.put(SW, "/children/" + mum + "/identity", "{\"nhsNumber\":\"" + motherNhs + "\"}"));
    awaitStatus(unborn, "SHARED");
    assertThat(records(motherNhs)).extracting(r -> r.type()).containsExactly("UCP");
  }

  @Test
  @DisplayName(
      "R3 R27: a child with no NHS number of its own raises the data-quality failure: FAILED naming the NHS number, a step for the data team, nothing sent; recording it shares the plan")
  void childWithoutNhsNumber() throws Exception {
    LocalDate dob = LocalDate.of(2013, 5, 17);
    String personId = "NONHS-" + TestData.nhsNumber();
    long child = Council.addChildWithoutNhs(SW, personId, "Kit", "Shaw", dob);
    int filesBefore = workflowFiles(personId).size();
    addPlan(child, "CHILD_PROTECTION_PLAN", null, TestData.today().minusMonths(2), null);

    // at once, on the council side: no file goes to the hub for a child it cannot identify
    JsonObject failed = status(child);
    assertThat(failed.getString("state")).isEqualTo("FAILED");
    assertThat(failed.getString("detail"))
        .contains("the child's NHS number is not recorded")
        .contains("record it on the child's file");
    long dq = Council.inbox(Spine.LEICS_ADMIN, "DATA_QUALITY_VIRTUAL_WORKER");
    assertThat(Council.steps(Spine.LEICS_ADMIN, dq, null).getValuesAs(JsonObject.class))
        .filteredOn(s -> !s.isNull("child"))
        .filteredOn(s -> s.getJsonObject("child").getJsonNumber("id").longValue() == child)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getString("typeName")).isEqualTo("CP-IS Failure Notification");
              assertThat(s.getString("summary")).contains(personId).contains("NHS number");
            });
    assertThat(workflowFiles(personId)).hasSize(filesBefore);

    // a number that is not a valid NHS number cannot be recorded: refused naming the field
    Rest.Reply invalid =
        Rest.put(
            SW,
            "/children/" + child + "/identity",
            "{\"nhsNumber\":\"" + TestData.nhsNumberWithBadCheckDigit() + "\"}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(((JsonObject) invalid.json()).getString("field")).isEqualTo("nhsNumber");
    assertThat(status(child).getString("state")).isEqualTo("FAILED");

    String nhs = TestData.nhsNumber();
    Demographics.register(nhs, "Kit", "Shaw", dob);
    ok(Rest.put(SW, "/children/" + child + "/identity", "{\"nhsNumber\":\"" + nhs + "\"}"));
    awaitStatus(child, "SHARED");
    assertThat(records(nhs)).extracting(r -> r.type()).containsExactly("CPP");
  }

  @Test
  @DisplayName(
      "R9: changes made quickly in a row to one child's plans all reach the hub, applied in the order made; the hub ends with the last")
  void changesInARowArriveInOrder() throws Exception {
    String nhs = TestData.nhsNumber();
    String personId = "R9-" + nhs;
    long child = Council.addChild(SW, personId, nhs, "Eli", "Rowe", LocalDate.of(2014, 9, 3));
    LocalDate start = TestData.today().minusMonths(8);
    int filesBefore = workflowFiles(personId).size();

    // start, change (a care episode added), then the end date moved day by day: no waiting
    long plan = addPlan(child, "CHILD_PROTECTION_PLAN", null, start, null);
    addPlan(child, "CARE_EPISODE", "S31", start.plusMonths(1), null);
    int ends = 8;
    LocalDate lastEnd = null;
    for (int i = ends; i >= 1; i--) {
      lastEnd = TestData.today().minusDays(i);
      endPlan(child, plan, lastEnd);
    }
    int changes = 2 + ends;

    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> workflowFiles(personId).size() >= filesBefore + changes);
    awaitStatus(child, "SHARED");

    List<JsonObject> files = workflowFiles(personId);
    assertThat(files)
        .as("one file per change, none lost, none twice")
        .hasSize(filesBefore + changes);
    assertThat(files).allSatisfy(f -> assertThat(f.getString("fileCode")).isEqualTo("CPF02"));
    // newest first: applied in the order made means the numbers fall as the times do
    for (int i = 1; i < files.size(); i++) {
      JsonObject newer = files.get(i - 1);
      JsonObject older = files.get(i);
      assertThat(newer.getInt("fileSequenceId")).isGreaterThan(older.getInt("fileSequenceId"));
      assertThat(java.time.Instant.parse(newer.getString("receivedAt")))
          .isAfterOrEqualTo(java.time.Instant.parse(older.getString("receivedAt")));
    }
    final LocalDate end = lastEnd;
    assertThat(records(nhs))
        .extracting(r -> r.type(), r -> r.end())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CPP", end.format(HL7)),
            org.assertj.core.groups.Tuple.tuple("LAC", null));
  }

  @Test
  @DisplayName(
      "R26 R27: a record the hub refuses shows FAILED with the field and what to do, goes to data quality, and clears when fixed")
  void hubFailureAndFix() throws Exception {
    String nhs = TestData.nhsNumber();
    Demographics.register(nhs, "Ben", "Ash", LocalDate.of(2017, 7, 7));
    long child = Council.addChild(SW, "HF-" + nhs, nhs, "Ben", "Ash", null);
    addPlan(child, "CHILD_PROTECTION_PLAN", null, TestData.monthsAgo(7), null);

    JsonObject failed = awaitStatus(child, "FAILED");
    assertThat(failed.getString("detail"))
        .contains("CPR07")
        .contains("childSubject/birthTime")
        .contains("Correct the child's record");
    long dq = Council.inbox(Spine.LEICS_ADMIN, "DATA_QUALITY_VIRTUAL_WORKER");
    assertThat(Council.steps(Spine.LEICS_ADMIN, dq, null).getValuesAs(JsonObject.class))
        .anySatisfy(
            s -> assertThat(s.getString("summary")).contains("HF-" + nhs).contains("birthTime"));
    assertThat(records(nhs)).isEmpty();

    ok(Rest.put(SW, "/children/" + child + "/identity", "{\"birthDate\":\"2017-07-07\"}"));
    awaitStatus(child, "SHARED");
    assertThat(records(nhs)).hasSize(1);
  }

  @Test
  @DisplayName(
      "R5 R9 R14: a mother's NHS number recorded by the weekly load lets her unborn baby's pre-birth plan be shared")
  void bulkLoadSharesTheWaitingUnborn() throws Exception {
    LocalDate motherDob = LocalDate.of(1998, 9, 9);
    long mum =
        Council.addChildWithoutNhs(SW, "BLM-" + TestData.nhsNumber(), "Ivy", "Webb", motherDob);
    String mumPersonId =
        ok(Rest.get(SW, "/children/" + mum)).getJsonObject("child").getString("laPersonId");
    long unborn =
        ok(Rest.post(
                SW,
                "/children/" + mum + "/unborn",
                "{\"laPersonId\":\"BLU-"
                    + mum
                    + "\",\"expectedDeliveryDate\":\""
                    + TestData.today().plusWeeks(8)
                    + "\"}"))
            .getJsonNumber("id")
            .longValue();
    addPlan(unborn, "CHILD_PROTECTION_PLAN", null, TestData.daysAgo(23), null);
    assertThat(status(unborn).getString("state")).isEqualTo("FAILED");

    String motherNhs = TestData.nhsNumber();
    Demographics.register(motherNhs, "Ivy", "Webb", motherDob);
    Rest.Reply posted =
        BulkLoadIT.postFile(
            BulkLoadIT.LEICS_PERFORMANCE,
            BulkLoadIT.HEADER + mumPersonId + "," + motherNhs + ",Ivy,Webb,1998-09-09\n");
    assertThat(posted.status()).as(posted.body()).isEqualTo(202);
    long load = ((JsonObject) posted.json()).getJsonNumber("loadId").longValue();
    assertThat(BulkLoadIT.awaitFinished(BulkLoadIT.LEICS_PERFORMANCE, load).getString("status"))
        .isEqualTo("COMPLETED");

    awaitStatus(unborn, "SHARED");
    assertThat(records(motherNhs)).extracting(r -> r.type()).containsExactly("UCP");
  }

  @Test
  @DisplayName(
      "R2 R4 R26 R27: a name the national record does not match (CPR03) and a superseded number (CPR05) come back as failures to fix")
  void identityFailuresBackToTheCouncil() throws Exception {
    String nhs = TestData.nhsNumber();
    LocalDate dob = LocalDate.of(2014, 2, 14);
    long child = Council.addChild(SW, "ID-" + nhs, nhs, "Jon", "Pike", dob);
    Demographics.register(nhs, "Jonathan", "Pike", dob); // the national record has his legal name
    addPlan(child, "CHILD_PROTECTION_PLAN", null, TestData.monthsAgo(8), null);
    JsonObject mismatch = awaitStatus(child, "FAILED");
    assertThat(mismatch.getString("detail")).contains("CPR03").contains("given");
    ok(Rest.put(SW, "/children/" + child + "/identity", "{\"givenName\":\"Jonathan\"}"));
    awaitStatus(child, "SHARED");

    String old = TestData.nhsNumber();
    String current = TestData.nhsNumber();
    Demographics.register(current, "Lou", "Reed", dob);
    long moved = Council.addChild(SW, "SU-" + old, old, "Lou", "Reed", dob);
    Demographics.registerSuperseded(old, current, "Lou", "Reed", dob);
    addPlan(moved, "CHILD_PROTECTION_PLAN", null, TestData.monthsAgo(8), null);
    JsonObject superseded = awaitStatus(moved, "FAILED");
    assertThat(superseded.getString("detail")).contains("CPR05").contains(current);
    long dq = Council.inbox(Spine.LEICS_ADMIN, "DATA_QUALITY_VIRTUAL_WORKER");
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Council.steps(Spine.LEICS_ADMIN, dq, null).getValuesAs(JsonObject.class).stream()
                    .anyMatch(
                        s -> s.getString("summary").contains("has been replaced by " + current)));
    ok(Rest.put(SW, "/children/" + moved + "/identity", "{\"nhsNumber\":\"" + current + "\"}"));
    awaitStatus(moved, "SHARED");
    assertThat(records(current)).hasSize(1);
  }

  @Test
  @DisplayName(
      "Bad input: plans are refused with a reason (400), and another council's child is not found (404)")
  void badInput() {
    String nhs = TestData.nhsNumber();
    long child = Council.addChild(SW, "BAD-" + nhs, nhs, "Cy", "Dow", LocalDate.of(2015, 1, 1));
    Rest.Reply noStatus =
        Rest.post(
            SW,
            "/children/" + child + "/plans",
            "{\"type\":\"CARE_EPISODE\",\"startDate\":\"2026-01-01\"}");
    assertThat(noStatus.status()).isEqualTo(400);
    assertThat(Council.message(noStatus)).contains("legal status");
    Rest.Reply badType =
        Rest.post(
            SW,
            "/children/" + child + "/plans",
            "{\"type\":\"SUPERVISION\",\"startDate\":\"2026-01-01\"}");
    assertThat(badType.status()).isEqualTo(400);
    Rest.Reply backwards =
        Rest.post(
            SW,
            "/children/" + child + "/plans",
            "{\"type\":\"CHILD_PROTECTION_PLAN\",\"startDate\":\"2026-02-01\",\"endDate\":\"2026-01-01\"}");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(
            Rest.post(
                    Spine.MANC_ADMIN,
                    "/children/" + child + "/plans",
                    plan("CHILD_PROTECTION_PLAN", null, TestData.monthsAgo(11)))
                .status())
        .isEqualTo(404);
    assertThat(status(child).getString("state")).isEqualTo("NOT_SHARED");
  }

  static String plan(String type, String legal, LocalDate start) {
    var b = Json.createObjectBuilder().add("type", type).add("startDate", start.toString());
    if (legal != null) {
      b.add("legalStatus", legal);
    }
    return b.build().toString();
  }

  static long addPlan(long child, String type, String legal, LocalDate start, LocalDate end) {
    var b = Json.createObjectBuilder().add("type", type).add("startDate", start.toString());
    if (legal != null) {
      b.add("legalStatus", legal);
    }
    if (end != null) {
      b.add("endDate", end.toString());
    }
    Rest.Reply r = Rest.post(SW, "/children/" + child + "/plans", b.build().toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return ((JsonObject) r.json()).getJsonNumber("id").longValue();
  }

  static void endPlan(long child, long plan, LocalDate end) {
    Rest.Reply r =
        Rest.put(SW, "/children/" + child + "/plans/" + plan, "{\"endDate\":\"" + end + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  static JsonObject status(long child) {
    return ok(Rest.get(SW, "/children/" + child))
        .getJsonObject("child")
        .getJsonObject("cpisStatus");
  }

  static JsonObject awaitStatus(long child, String state) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> status(child), s -> state.equals(s.getString("state")));
  }

  static List<SpineAnswer.Plan> records(String nhs) throws Exception {
    // nothing held is a QUQI_IN010000UK14, no plans
    return SpineAnswer.of(Spine.query(Spine.SILENT_VIEWER).query(byPerson(nhs, ED_NURSE))).plans();
  }

  /**
   * The council workflow's files to the hub that carried this child, newest first, as the hub kept
   * them (the administrators' view).
   */
  static List<JsonObject> workflowFiles(String laPersonId) {
    Rest.Reply r = Rest.get(Spine.ADMIN, "/admin/uploads/855?channel=COUNCIL_WORKFLOW&max=500");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return ((JsonObject) r.json())
        .getJsonArray("submissions").getValuesAs(JsonObject.class).stream()
            .filter(
                f ->
                    f.getJsonArray("records").getValuesAs(JsonObject.class).stream()
                        .anyMatch(
                            rec ->
                                rec.containsKey("localChildId")
                                    && laPersonId.equals(rec.getString("localChildId"))))
            .toList();
  }

  static JsonObject ok(Rest.Reply r) {
    return Council.ok(r);
  }

  static JsonArray array(Rest.Reply r) {
    return (JsonArray) r.json();
  }
}
