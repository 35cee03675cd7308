package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A council's inbox as its admin team works through a backlog: pages of steps sorted, filtered and
 * cut by the database, with the total and the links to the next and previous pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InboxPagingIT {

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R24 R25: pages of an inbox follow one order (flagged first, then by due time) without gaps or repeats; the total and the next/previous links say where you are; filters count in the database")
  void pagesOfABacklog() throws Exception {
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    for (int i = 0; i < 3; i++) {
      String nhs = Children.sharedByLeicestershire();
      Council.ok(Rest.post(Spine.CLINICIAN, "/health/cpis", HealthQueryIT.query(nhs, "RWE")));
      Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1);
    }
    List<JsonObject> all =
        Council.steps(Spine.LEICS_ADMIN, inbox, null).getValuesAs(JsonObject.class);
    assertThat(all.size()).isGreaterThanOrEqualTo(3);
    for (int i = 1; i < all.size(); i++) {
      JsonObject a = all.get(i - 1);
      JsonObject b = all.get(i);
      boolean flaggedFirst = a.getBoolean("flagged") && !b.getBoolean("flagged");
      assertThat(flaggedFirst || a.getBoolean("flagged") == b.getBoolean("flagged"))
          .as("flagged first at %d", i)
          .isTrue();
      if (a.getBoolean("flagged") == b.getBoolean("flagged")) {
        assertThat(Instant.parse(a.getString("dueAt")))
            .as("then by due time at %d", i)
            .isBeforeOrEqualTo(Instant.parse(b.getString("dueAt")));
      }
    }

    String path = "/inboxes/" + inbox + "/steps?limit=2";
    Rest.Reply first = Rest.get(Spine.LEICS_ADMIN, path);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("X-Total-Count")).isEqualTo(String.valueOf(all.size()));
    assertThat(first.header("Link")).contains("rel=\"next\"").contains("offset=2");
    Rest.Reply second = Rest.get(Spine.LEICS_ADMIN, path + "&offset=2");
    assertThat(second.header("Link")).contains("rel=\"prev\"").contains("offset=0");
    List<Long> paged = new ArrayList<>();
    for (Rest.Reply r : List.of(first, second)) {
      ((JsonArray) r.json()).getValuesAs(JsonObject.class).forEach(s -> paged.add(PagesIT.id(s)));
    }
    assertThat(paged)
        .as("two pages are the first steps of the whole, in order")
        .containsExactlyElementsOf(all.stream().limit(4).map(PagesIT::id).toList());

    long overdue = all.stream().filter(s -> s.getBoolean("overdue")).count();
    Rest.Reply o = Rest.get(Spine.LEICS_ADMIN, "/inboxes/" + inbox + "/steps?overdue=true&limit=1");
    assertThat(o.header("X-Total-Count")).isEqualTo(String.valueOf(overdue));
    long flagged = all.stream().filter(s -> s.getBoolean("flagged")).count();
    Rest.Reply f = Rest.get(Spine.LEICS_ADMIN, "/inboxes/" + inbox + "/steps?flagged=true&limit=1");
    assertThat(f.header("X-Total-Count")).isEqualTo(String.valueOf(flagged));
  }

  @Test
  @DisplayName(
      "R21 R24: the manager's view counts every inbox of the council: open, due by the end of today and overdue, as the inbox's own list has them")
  void managersView() throws Exception {
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    String nhs = Children.sharedByLeicestershire();
    Council.ok(Rest.post(Spine.CLINICIAN, "/health/cpis", HealthQueryIT.query(nhs, "RWE")));
    Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonObject view =
                  (JsonObject) Rest.get(Spine.LEICS_ADMIN, "/inboxes/overview").json();
              assertThat(view.getString("laCode")).isEqualTo("855");
              Instant asOf = Instant.parse(view.getString("asOf"));
              Instant endOfToday = Instant.parse(view.getString("endOfToday"));
              assertThat(endOfToday).isAfter(asOf).isBeforeOrEqualTo(asOf.plus(Duration.ofDays(1)));
              List<JsonObject> rows = view.getJsonArray("inboxes").getValuesAs(JsonObject.class);
              assertThat(rows.get(0).getString("role"))
                  .as("virtual workers first")
                  .endsWith("VIRTUAL_WORKER");
              JsonObject cpis =
                  rows.stream()
                      .filter(r -> r.getJsonNumber("inboxId").longValue() == inbox)
                      .findFirst()
                      .orElseThrow();
              List<JsonObject> open =
                  Council.steps(Spine.LEICS_ADMIN, inbox, null).getValuesAs(JsonObject.class);
              long overdue = open.stream().filter(s -> s.getBoolean("overdue")).count();
              long dueToday =
                  open.stream()
                      .filter(s -> !s.getBoolean("overdue"))
                      .filter(s -> Instant.parse(s.getString("dueAt")).isBefore(endOfToday))
                      .count();
              assertThat(cpis.getJsonNumber("open").longValue()).isEqualTo(open.size());
              assertThat(cpis.getJsonNumber("overdue").longValue()).isEqualTo(overdue);
              assertThat(cpis.getJsonNumber("dueToday").longValue()).isEqualTo(dueToday);
              assertThat(Instant.parse(cpis.getString("oldestOpen")))
                  .isBeforeOrEqualTo(asOf)
                  .isEqualTo(
                      open.stream()
                          .map(s -> Instant.parse(s.getString("createdAt")))
                          .min(Instant::compareTo)
                          .orElseThrow());
            });
    // another council's staff see their own council's inboxes only
    JsonObject manc = (JsonObject) Rest.get(Spine.MANC_ADMIN, "/inboxes/overview").json();
    assertThat(manc.getString("laCode")).isEqualTo("352");
    assertThat(manc.getJsonArray("inboxes").getValuesAs(JsonObject.class))
        .noneMatch(r -> r.getJsonNumber("inboxId").longValue() == inbox);
    assertThat(Rest.get(Spine.CLINICIAN, "/inboxes/overview").status()).isEqualTo(403);
  }

  /** A health query (REST) from an organisation in a care setting. */
  static String query(String nhs, String ods, String name, String careSetting) {
    return Json.createObjectBuilder()
        .add("nhsNumber", nhs)
        .add("careSetting", careSetting)
        .add("viewerName", "Kim Lowe")
        .add("jobRole", "Nurse Access Role")
        .add("organisationOds", ods)
        .add("organisationName", name)
        .build()
        .toString();
  }

  /**
   * A child shared by Leicestershire, accessed from {@code ods} in {@code careSetting}: the step
   * made, with the child on the council's file as {@code involvement} (null: not on the file).
   */
  static JsonObject stepFrom(long inbox, String ods, String careSetting, String involvement)
      throws Exception {
    String nhs = Children.sharedByLeicestershire();
    if (involvement != null) {
      long child =
          Council.addChild(Spine.LEICS_ADMIN, "L-HL7-" + nhs, nhs, "Noah", "Patel", Children.DOB);
      Long worker =
          switch (involvement) {
            case "OPEN_SOCIAL_CARE" -> Council.myId(Spine.LEICS_SW);
            case "OPEN_EARLY_HELP" -> Council.myId(Spine.LEICS_EH);
            default -> null;
          };
      if (worker != null) {
        Council.involve(Spine.LEICS_ADMIN, child, involvement, worker);
      }
    }
    String name = ods.equals("RWE") ? "University Hospitals of Leicester NHS Trust" : "Nottingham";
    Council.ok(Rest.post(Spine.CLINICIAN, "/health/cpis", query(nhs, ods, name, careSetting)));
    return Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1);
  }

  /** A JSON member that is null or left out (the API leaves nulls out). */
  private static boolean none(JsonObject s, String key) {
    return !s.containsKey(key) || s.isNull(key);
  }

  private static String ods(JsonObject s) {
    return none(s, "access") ? null : s.getJsonObject("access").getString("organisationOds", null);
  }

  private static String setting(JsonObject s) {
    return none(s, "access") ? null : s.getJsonObject("access").getString("careSetting", null);
  }

  private static String involvement(JsonObject s) {
    return none(s, "child") ? null : s.getJsonObject("child").getString("involvement");
  }

  private static List<Long> ids(List<JsonObject> steps) {
    return steps.stream().map(PagesIT::id).toList();
  }

  private static long total(String query) {
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    Rest.Reply r = Rest.get(Spine.LEICS_ADMIN, "/inboxes/" + inbox + "/steps?limit=1&" + query);
    assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(200);
    return Long.parseLong(r.header("X-Total-Count"));
  }

  @Test
  @DisplayName(
      "R21 R24 R25: the inbox filters by the organisation and care setting of the access and the child's involvement, with flagged, overdue and pages, and sorts by due time, newest or oldest arrival, all counted by the database; a bad value is 400 naming it")
  void filtersAndSorts() throws Exception {
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    JsonObject rweEd = stepFrom(inbox, "RWE", "ED", "OPEN_SOCIAL_CARE");
    JsonObject rweMiu = stepFrom(inbox, "RWE", "MIU", "OPEN_EARLY_HELP");
    JsonObject rx1Ed = stepFrom(inbox, "RX1", "ED", "CLOSED");
    JsonObject rx1Miu = stepFrom(inbox, "RX1", "MIU", null);
    assertThat(ods(rx1Miu)).isEqualTo("RX1");
    assertThat(setting(rx1Miu)).isEqualTo("MIU");
    assertThat(involvement(rweEd)).isEqualTo("OPEN_SOCIAL_CARE");
    assertThat(none(rx1Miu, "child")).as("a child the council does not know").isTrue();

    List<JsonObject> all =
        Council.steps(Spine.LEICS_ADMIN, inbox, null).getValuesAs(JsonObject.class);

    // each filter keeps exactly the steps of the whole list that match it
    record Filter(String query, java.util.function.Predicate<JsonObject> keeps) {}
    List<Filter> filters =
        List.of(
            new Filter("organisation=RWE", s -> "RWE".equals(ods(s))),
            new Filter("organisation=rx1", s -> "RX1".equals(ods(s))),
            new Filter("careSetting=ED", s -> "ED".equals(setting(s))),
            new Filter("careSetting=MIU", s -> "MIU".equals(setting(s))),
            new Filter(
                "involvement=OPEN_SOCIAL_CARE", s -> "OPEN_SOCIAL_CARE".equals(involvement(s))),
            new Filter(
                "involvement=OPEN_EARLY_HELP", s -> "OPEN_EARLY_HELP".equals(involvement(s))),
            new Filter("involvement=CLOSED", s -> "CLOSED".equals(involvement(s))),
            new Filter(
                "organisation=RWE&careSetting=ED&involvement=OPEN_SOCIAL_CARE",
                s ->
                    "RWE".equals(ods(s))
                        && "ED".equals(setting(s))
                        && "OPEN_SOCIAL_CARE".equals(involvement(s))),
            new Filter(
                "flagged=true&organisation=RWE",
                s -> s.getBoolean("flagged") && "RWE".equals(ods(s))),
            new Filter(
                "overdue=true&careSetting=MIU",
                s -> s.getBoolean("overdue") && "MIU".equals(setting(s))));
    for (Filter f : filters) {
      List<JsonObject> expected = all.stream().filter(f.keeps()).toList();
      assertThat(total(f.query())).as(f.query()).isEqualTo(expected.size());
      assertThat(
              ids(Council.steps(Spine.LEICS_ADMIN, inbox, f.query()).getValuesAs(JsonObject.class)))
          .as(f.query() + ": the same steps in the same order")
          .containsExactlyElementsOf(ids(expected));
    }
    assertThat(
            ids(
                Council.steps(Spine.LEICS_ADMIN, inbox, "organisation=RWE")
                    .getValuesAs(JsonObject.class)))
        .contains(PagesIT.id(rweEd), PagesIT.id(rweMiu))
        .doesNotContain(PagesIT.id(rx1Ed), PagesIT.id(rx1Miu));
    assertThat(
            ids(
                Council.steps(Spine.LEICS_ADMIN, inbox, "involvement=CLOSED")
                    .getValuesAs(JsonObject.class)))
        .as("a step with no child on the file matches no involvement")
        .contains(PagesIT.id(rx1Ed))
        .doesNotContain(PagesIT.id(rx1Miu));

    // a filter pages: the pages are the filtered list's, and the links keep the filter
    String rx1 = "/inboxes/" + inbox + "/steps?organisation=RX1&limit=1";
    Rest.Reply p1 = Rest.get(Spine.LEICS_ADMIN, rx1);
    long rx1Total = all.stream().filter(s -> "RX1".equals(ods(s))).count();
    assertThat(p1.header("X-Total-Count")).isEqualTo(String.valueOf(rx1Total));
    assertThat(p1.header("Link"))
        .contains("rel=\"next\"")
        .contains("organisation=RX1")
        .contains("offset=1");
    Rest.Reply p2 = Rest.get(Spine.LEICS_ADMIN, rx1 + "&offset=1");
    assertThat(p2.header("Link")).contains("rel=\"prev\"").contains("organisation=RX1");
    List<Long> paged = new ArrayList<>();
    for (Rest.Reply r : List.of(p1, p2)) {
      ((JsonArray) r.json()).getValuesAs(JsonObject.class).forEach(s -> paged.add(PagesIT.id(s)));
    }
    assertThat(paged)
        .containsExactlyElementsOf(
            all.stream().filter(s -> "RX1".equals(ods(s))).limit(2).map(PagesIT::id).toList());

    // the orders: due (the default), newest arrival first, oldest arrival first
    assertThat(
            ids(Council.steps(Spine.LEICS_ADMIN, inbox, "sort=due").getValuesAs(JsonObject.class)))
        .as("sort=due is the default order")
        .containsExactlyElementsOf(ids(all));
    List<JsonObject> arrived =
        Council.steps(Spine.LEICS_ADMIN, inbox, "sort=arrived").getValuesAs(JsonObject.class);
    List<JsonObject> oldest =
        Council.steps(Spine.LEICS_ADMIN, inbox, "sort=oldest").getValuesAs(JsonObject.class);
    assertThat(ids(arrived)).containsExactlyInAnyOrderElementsOf(ids(all));
    assertThat(ids(oldest)).containsExactlyInAnyOrderElementsOf(ids(all));
    for (int i = 1; i < arrived.size(); i++) {
      assertThat(Instant.parse(arrived.get(i - 1).getString("createdAt")))
          .as("newest first at %d", i)
          .isAfterOrEqualTo(Instant.parse(arrived.get(i).getString("createdAt")));
      assertThat(Instant.parse(oldest.get(i - 1).getString("createdAt")))
          .as("oldest first at %d", i)
          .isBeforeOrEqualTo(Instant.parse(oldest.get(i).getString("createdAt")));
    }
    assertThat(ids(arrived).indexOf(PagesIT.id(rx1Miu)))
        .as("the last to arrive comes before the first of the four")
        .isLessThan(ids(arrived).indexOf(PagesIT.id(rweEd)));
    assertThat(ids(oldest).indexOf(PagesIT.id(rweEd)))
        .isLessThan(ids(oldest).indexOf(PagesIT.id(rx1Miu)));
    List<JsonObject> newestMiu =
        Council.stepsPage(Spine.LEICS_ADMIN, inbox, "careSetting=MIU&sort=arrived", 0, 1)
            .getValuesAs(JsonObject.class);
    // the newest MIU step of the whole inbox (an earlier test's steps may carry a later time: a
    // rehearsal's fixed clock), as the full list sorted by arrival has it
    long newest =
        arrived.stream()
            .filter(s -> "MIU".equals(setting(s)))
            .map(PagesIT::id)
            .findFirst()
            .orElseThrow();
    assertThat(ids(newestMiu)).as("a filter with an order and a page").containsExactly(newest);

    // the values the page's filter form offers
    JsonObject values = Council.ok(Rest.get(Spine.LEICS_ADMIN, "/inboxes/" + inbox + "/filters"));
    assertThat(values.getJsonArray("organisations").getValuesAs(JsonObject.class))
        .extracting(o -> o.getString("ods"))
        .contains("RWE", "RX1");
    assertThat(values.getJsonArray("careSettings").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .contains("ED", "MIU");
    assertThat(values.getJsonArray("involvements").getValuesAs(JsonObject.class))
        .extracting(o -> o.getString("code"))
        .containsExactly("OPEN_SOCIAL_CARE", "OPEN_EARLY_HELP", "CLOSED");

    // a bad value is refused, naming the parameter
    for (String[] bad :
        List.of(
            new String[] {"organisation=R%21", "organisation"},
            new String[] {"organisation=ABCDEFGHIJK", "organisation"},
            new String[] {"careSetting=" + "X".repeat(21), "careSetting"},
            new String[] {"involvement=MAYBE", "involvement"},
            new String[] {"sort=priority", "sort"})) {
      Rest.Reply r = Rest.get(Spine.LEICS_ADMIN, "/inboxes/" + inbox + "/steps?" + bad[0]);
      assertThat(r.status()).as(bad[0]).isEqualTo(400);
      assertThat(((JsonObject) r.json()).getString("field")).as(bad[0]).isEqualTo(bad[1]);
      assertThat(Council.message(r)).as(bad[0]).contains(bad[1]);
    }
  }

  @Test
  @DisplayName("A page of 0 or over 500 steps, or a negative offset, is refused 400 by field")
  void badPages() {
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    for (String q : List.of("limit=0", "limit=501", "offset=-1")) {
      Rest.Reply r = Rest.get(Spine.LEICS_ADMIN, "/inboxes/" + inbox + "/steps?" + q);
      assertThat(r.status()).as(q).isEqualTo(400);
      assertThat(Council.message(r)).as(q).contains("1 to 500 steps");
    }
  }
}
