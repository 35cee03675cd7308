package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The weekly bulk NHS-number load (R5) through the REST API and the real batch runtime: a file of
 * good, unchanged, duplicate, malformed, check-digit-failing, unknown and mismatching rows, its
 * per-row report, and the children's NHS numbers after it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BulkLoadIT {

  static final Spine.User LEICS_PERFORMANCE =
      new Spine.User("leics.performance", "leics-performance-pass");
  static final Spine.User MANC_PERFORMANCE =
      new Spine.User("manc.performance", "manc-performance-pass");
  static final LocalDate DOB = LocalDate.of(2016, 5, 14);
  static final String HEADER = "LA person id,NHS number,Given name,Family name,Date of birth\n";

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R5 R1 a bulk load reports each row: applied, unchanged, or rejected with its reason (malformed,"
          + " check digit, duplicate, unknown, name mismatch); NHS numbers change only where applied")
  void perRowReport() {
    String t = tag();
    String nhsA = TestData.nhsNumber();
    String nhsB = TestData.nhsNumber();
    String nhsOld = TestData.nhsNumber();
    String nhsC = TestData.nhsNumber();
    String nhsD = TestData.nhsNumber();
    String badCheck = TestData.nhsNumberWithBadCheckDigit();
    String nhsManc = TestData.nhsNumber();
    long a = childWithoutNumber(Spine.LEICS_ADMIN, t + "-A", "Ava", "Reed");
    long b = Council.addChild(Spine.LEICS_ADMIN, t + "-B", nhsB, "Ben", "Shaw", DOB);
    long c = Council.addChild(Spine.LEICS_ADMIN, t + "-C", nhsOld, "Cara", "Lowe", DOB);
    long d = childWithoutNumber(Spine.LEICS_ADMIN, t + "-D", "Dan", "Hart");
    long e = childWithoutNumber(Spine.LEICS_ADMIN, t + "-E", "Eve", "Fox");
    long manc = childWithoutNumber(Spine.MANC_ADMIN, t + "-M", "Mia", "Cole");

    String file =
        HEADER
            + t
            + "-A,"
            + spaced(nhsA)
            + ",,,\n" // 2 applied (written as people write it)
            + t
            + "-B,"
            + nhsB
            + ",ben,SHAW,"
            + DOB
            + "\n" // 3 unchanged
            + t
            + "-C,"
            + nhsC
            + ",Cara,Lowe,14/05/2016\n" // 4 applied, replacing a number
            + t
            + "-A,"
            + TestData.nhsNumber()
            + ",,,\n" // 5 duplicate of line 2
            + t
            + "-D,"
            + nhsD
            + ",Dan\n" // 6 malformed: 3 columns
            + ","
            + TestData.nhsNumber()
            + ",,,\n" // 7 malformed: no person id
            + t
            + "-E,"
            + badCheck
            + ",,,\n" // 8 check digit
            + t
            + "-Z,"
            + TestData.nhsNumber()
            + ",,,\n" // 9 unknown person id
            + t
            + "-D,"
            + nhsD
            + ",Daniel,Hart,\n" // 10 given name does not match
            + t
            + "-M,"
            + nhsManc
            + ",,,\n"; // 11 Manchester's child: not this council's

    Rest.Reply posted = postFile(LEICS_PERFORMANCE, file);
    assertThat(posted.status()).as(posted.body()).isEqualTo(202);
    JsonObject accepted = (JsonObject) posted.json();
    long load = accepted.getJsonNumber("loadId").longValue();
    assertThat(accepted.getJsonNumber("executionId").longValue()).isPositive();
    assertThat(accepted.getInt("rows")).isEqualTo(10);

    JsonObject done = awaitFinished(LEICS_PERFORMANCE, load);
    assertThat(done.getString("status")).isEqualTo("COMPLETED");
    assertThat(done.getInt("processed")).isEqualTo(10);
    assertThat(done.getInt("applied")).isEqualTo(2);
    assertThat(done.getInt("unchanged")).isEqualTo(1);
    assertThat(done.getInt("rejected")).isEqualTo(7);
    assertThat(done.getString("laCode")).isEqualTo("855");
    assertThat(done.getString("submittedBy")).isEqualTo("leics.performance");
    assertThat(done.containsKey("finishedAt")).isTrue();

    JsonArray rows = rows(LEICS_PERFORMANCE, load, null);
    assertThat(rows.getValuesAs(JsonObject.class))
        .extracting(
            r -> r.getInt("line"),
            BulkLoadIT::personId,
            r -> r.getString("outcome"),
            BulkLoadIT::reason)
        .containsExactly(
            tuple(2, t + "-A", "APPLIED", null),
            tuple(3, t + "-B", "UNCHANGED", null),
            tuple(4, t + "-C", "APPLIED", "replaces a different NHS number"),
            tuple(5, t + "-A", "REJECTED", "duplicate person id: already on line 2 of this file"),
            tuple(6, t + "-D", "REJECTED", "malformed row: 3 columns, the header has 5"),
            tuple(7, null, "REJECTED", "malformed row: the LA person id is empty"),
            tuple(8, t + "-E", "REJECTED", "NHS number fails the modulus 11 check digit"),
            tuple(9, t + "-Z", "REJECTED", "person id is not a child on this council's file"),
            tuple(10, t + "-D", "REJECTED", "given name does not match the child on file"),
            tuple(11, t + "-M", "REJECTED", "person id is not a child on this council's file"));
    JsonObject checkDigitRow = rows.getJsonObject(6);
    assertThat(checkDigitRow.getString("nhsNumber"))
        .as("a rejected number is never shown in full")
        .isEqualTo("*******" + badCheck.substring(7))
        .doesNotContain(badCheck);
    assertThat(rows.getJsonObject(0).getString("nhsNumber")).isEqualTo(nhsA);

    assertThat(rows(LEICS_PERFORMANCE, load, "REJECTED").getValuesAs(JsonObject.class))
        .extracting(r -> r.getInt("line"))
        .containsExactly(5, 6, 7, 8, 9, 10, 11);

    // the children's numbers changed only where applied, and Manchester's file not at all
    assertThat(nhsOf(Spine.LEICS_ADMIN, a)).isEqualTo(nhsA);
    assertThat(nhsOf(Spine.LEICS_ADMIN, b)).isEqualTo(nhsB);
    assertThat(nhsOf(Spine.LEICS_ADMIN, c)).isEqualTo(nhsC);
    assertThat(nhsOf(Spine.LEICS_ADMIN, d)).isNull();
    assertThat(nhsOf(Spine.LEICS_ADMIN, e)).isNull();
    assertThat(nhsOf(Spine.MANC_ADMIN, manc)).isNull();

    // a completed load is not restarted
    Rest.Reply restart = Rest.post(LEICS_PERFORMANCE, "/bulk-loads/" + load + "/restart", null);
    assertThat(restart.status()).isEqualTo(409);
    assertThat(Council.message(restart)).contains("COMPLETED").contains("FAILED or STOPPED");
  }

  @Test
  @DisplayName(
      "R5 R8 another council's bulk load is not found: neither its status, report nor restart")
  void anotherCouncilCannotReadTheLoad() {
    String t = tag();
    childWithoutNumber(Spine.LEICS_ADMIN, t + "-A", "Ava", "Reed");
    Rest.Reply posted =
        postFile(LEICS_PERFORMANCE, HEADER + t + "-A," + TestData.nhsNumber() + ",,,\n");
    assertThat(posted.status()).as(posted.body()).isEqualTo(202);
    long load = ((JsonObject) posted.json()).getJsonNumber("loadId").longValue();
    awaitFinished(LEICS_PERFORMANCE, load);

    for (Rest.Reply r :
        List.of(
            Rest.get(MANC_PERFORMANCE, "/bulk-loads/" + load),
            Rest.get(MANC_PERFORMANCE, "/bulk-loads/" + load + "/rows"),
            Rest.post(MANC_PERFORMANCE, "/bulk-loads/" + load + "/restart", null))) {
      assertThat(r.status()).as(r.body()).isEqualTo(404);
      assertThat(Council.message(r))
          .isEqualTo("no bulk load " + load + " in your council's records");
    }
    JsonArray mine = (JsonArray) Rest.get(MANC_PERFORMANCE, "/bulk-loads").json();
    assertThat(mine.getValuesAs(JsonObject.class))
        .extracting(l -> l.getJsonNumber("id").longValue())
        .doesNotContain(load);
  }

  @Test
  @DisplayName(
      "R5 a file that is empty or has no header is refused whole (400, JSON); only the performance"
          + " team may run a load (403)")
  void refusals() {
    Rest.Reply empty = postFile(LEICS_PERFORMANCE, "");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(Council.message(empty)).contains("send the file as text/csv");

    Rest.Reply noHeader = postFile(LEICS_PERFORMANCE, "LCC-1," + TestData.nhsNumber() + "\n");
    assertThat(noHeader.status()).isEqualTo(400);
    JsonObject error = (JsonObject) noHeader.json();
    assertThat(error.getString("code")).isEqualTo("INVALID");
    assertThat(error.getString("field")).isEqualTo("file");
    assertThat(error.getString("message")).contains("the first line must be a header");

    Rest.Reply notPerformance =
        postFile(Spine.LEICS_ADMIN, HEADER + "LCC-1," + TestData.nhsNumber() + ",,,\n");
    assertThat(notPerformance.status()).isEqualTo(403);
    assertThat(Council.message(notPerformance)).contains("la-performance");
  }

  static Rest.Reply postFile(Spine.User user, String csv) {
    return Rest.post(user, "/bulk-loads", "text/csv", csv);
  }

  static JsonObject awaitFinished(Spine.User user, long load) {
    JsonObject[] last = new JsonObject[1];
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              Rest.Reply r = Rest.get(user, "/bulk-loads/" + load);
              assertThat(r.status()).as(r.body()).isEqualTo(200);
              last[0] = (JsonObject) r.json();
              return !last[0].getString("status").equals("STARTED");
            });
    return last[0];
  }

  static JsonArray rows(Spine.User user, long load, String outcome) {
    Rest.Reply r =
        Rest.get(
            user, "/bulk-loads/" + load + "/rows" + (outcome == null ? "" : "?outcome=" + outcome));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return (JsonArray) r.json();
  }

  static long childWithoutNumber(Spine.User user, String personId, String given, String family) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("laPersonId", personId)
            .add("givenName", given)
            .add("familyName", family)
            .add("birthDate", DOB.toString())
            .build();
    Rest.Reply r = Rest.post(user, "/children", body.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return ((JsonObject) r.json()).getJsonNumber("id").longValue();
  }

  static String nhsOf(Spine.User user, long child) {
    JsonObject c = Council.ok(Rest.get(user, "/children/" + child)).getJsonObject("child");
    return !c.containsKey("nhsNumber") || c.isNull("nhsNumber") ? null : c.getString("nhsNumber");
  }

  static String personId(JsonObject row) {
    return row.containsKey("personId") && !row.isNull("personId")
        ? row.getString("personId")
        : null;
  }

  static String reason(JsonObject row) {
    return row.containsKey("reason") && !row.isNull("reason") ? row.getString("reason") : null;
  }

  static String spaced(String nhs) {
    return nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
  }

  static String tag() {
    return "BL" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
  }
}
