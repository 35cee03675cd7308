package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/** The council's workflow API as its staff use it (REST, signed in as a council user). */
public final class Council {

  private Council() {}

  public static JsonObject me(Spine.User user) {
    return ok(Rest.get(user, "/workers/me"));
  }

  public static long myId(Spine.User user) {
    return me(user).getJsonNumber("id").longValue();
  }

  /** The id of an inbox of the user's council, by role (e.g. CPIS_VIRTUAL_WORKER). */
  public static long inbox(Spine.User user, String role) {
    JsonArray inboxes = (JsonArray) Rest.get(user, "/inboxes").json();
    return inboxes.getValuesAs(JsonObject.class).stream()
        .filter(i -> i.getString("role").equals(role))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + role + " inbox for " + user.name()))
        .getJsonNumber("id")
        .longValue();
  }

  /** The manager's view's row of one inbox (GET /inboxes/overview). */
  public static JsonObject inboxLoad(Spine.User user, long inbox) {
    return ((JsonObject) Rest.get(user, "/inboxes/overview").json())
        .getJsonArray("inboxes").getValuesAs(JsonObject.class).stream()
            .filter(r -> r.getJsonNumber("inboxId").longValue() == inbox)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no inbox " + inbox + " in the overview"));
  }

  /** Every step of the inbox the query keeps, read page by page (500 a page). */
  public static JsonArray steps(Spine.User user, long inbox, String query) {
    jakarta.json.JsonArrayBuilder all = jakarta.json.Json.createArrayBuilder();
    for (int offset = 0; ; offset += 500) {
      JsonArray page = stepsPage(user, inbox, query, offset, 500);
      page.forEach(all::add);
      if (page.size() < 500) {
        return all.build();
      }
    }
  }

  /** One page of the inbox's steps. */
  public static JsonArray stepsPage(
      Spine.User user, long inbox, String query, int offset, int limit) {
    Rest.Reply r =
        Rest.get(
            user,
            "/inboxes/"
                + inbox
                + "/steps?offset="
                + offset
                + "&limit="
                + limit
                + (query == null ? "" : "&" + query));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return (JsonArray) r.json();
  }

  /** Waits (up to 30 s) for the step made from an access to this child, in that inbox. */
  public static JsonObject awaitStepFor(Spine.User user, long inbox, String nhs, int howMany) {
    AtomicReference<JsonObject> found = new AtomicReference<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              var mine =
                  steps(user, inbox, "all=true").getValuesAs(JsonObject.class).stream()
                      .filter(s -> !s.isNull("notifiedChild"))
                      .filter(
                          s -> nhs.equals(s.getJsonObject("notifiedChild").getString("nhsNumber")))
                      .sorted(
                          (a, b) ->
                              Long.compare(
                                  b.getJsonNumber("id").longValue(),
                                  a.getJsonNumber("id").longValue()))
                      .toList();
              if (mine.size() >= howMany) {
                found.set(mine.get(0));
                return true;
              }
              return false;
            });
    return found.get();
  }

  public static Optional<JsonObject> stepFor(Spine.User user, long inbox, String nhs) {
    return steps(user, inbox, "all=true").getValuesAs(JsonObject.class).stream()
        .filter(s -> !s.isNull("notifiedChild"))
        .filter(s -> nhs.equals(s.getJsonObject("notifiedChild").getString("nhsNumber")))
        .findFirst();
  }

  /**
   * Records a child on the council's file; returns its id. The child is also registered in the
   * hub's demographic store (as the national one would know them), when the number is valid and the
   * date of birth known.
   */
  public static long addChild(
      Spine.User user, String personId, String nhs, String given, String family, LocalDate dob) {
    if (dob != null) {
      Demographics.registerIfValid(nhs, given, family, dob);
    }
    var body =
        Json.createObjectBuilder()
            .add("laPersonId", personId)
            .add("nhsNumber", nhs)
            .add("givenName", given)
            .add("familyName", family);
    if (dob != null) {
      body.add("birthDate", dob.toString());
    }
    Rest.Reply r = Rest.post(user, "/children", body.build().toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return ((JsonObject) r.json()).getJsonNumber("id").longValue();
  }

  /** Records a child with no NHS number (yet) on the council's file; returns its id. */
  public static long addChildWithoutNhs(
      Spine.User user, String personId, String given, String family, LocalDate dob) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("laPersonId", personId)
            .add("givenName", given)
            .add("familyName", family)
            .add("birthDate", dob.toString())
            .build();
    Rest.Reply r = Rest.post(user, "/children", body.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return ((JsonObject) r.json()).getJsonNumber("id").longValue();
  }

  public static JsonObject involve(Spine.User user, long child, String involvement, Long workerId) {
    var b = Json.createObjectBuilder().add("involvement", involvement);
    if (workerId != null) {
      b.add("allocatedWorkerId", workerId);
    } else {
      b.add("allocatedWorkerId", JsonValue.NULL);
    }
    return ok(Rest.put(user, "/children/" + child + "/involvement", b.build().toString()));
  }

  public static long caseNote(
      Spine.User user, long child, String method, String decision, String reason) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("contactMethod", method)
            .add("decision", decision)
            .add("reason", reason)
            .build();
    Rest.Reply r = Rest.post(user, "/children/" + child + "/case-notes", body.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return ((JsonObject) r.json()).getJsonNumber("id").longValue();
  }

  public static Rest.Reply action(Spine.User user, long step, String action) {
    return Rest.post(user, "/steps/" + step + "/" + action, null);
  }

  public static JsonObject ok(Rest.Reply r) {
    assertThat(r.status()).as(r.body()).isBetween(200, 201);
    return (JsonObject) r.json();
  }

  public static String message(Rest.Reply r) {
    return ((JsonObject) r.json()).getString("message");
  }
}
