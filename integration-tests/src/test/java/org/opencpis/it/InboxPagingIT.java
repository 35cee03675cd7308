package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;

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
