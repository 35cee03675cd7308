package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator's Prometheus scrapes from the management port (/prometheus): the application's
 * own meters, counted as the calls happen, with labels an operator can act on and no personal data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R20: queries answered, not found and refused are counted by channel and outcome; each recorded access by channel; HL7 answers by code")
  void callsAndAccesses() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    Scrape before = scrape();

    Council.ok(Rest.post(Spine.CLINICIAN, "/health/cpis", HealthQueryIT.query(nhs, "RWE")));
    Rest.post(Spine.CLINICIAN, "/health/cpis", HealthQueryIT.query(TestData.nhsNumber(), "RWE"));
    Rest.post(
        Spine.CLINICIAN,
        "/health/cpis",
        HealthQueryIT.query(TestData.nhsNumberWithBadCheckDigit(), "RWE"));
    Message ack = Mllp.send(Mllp.adt("A04", "RWE", nhs, "V" + Mllp.controlId()));
    assertThat(new Terser(ack).get("/MSA-1")).isEqualTo("AA");
    Message refused = Mllp.send(Mllp.adt("A04", "RWE", "12345", "V" + Mllp.controlId()));
    assertThat(new Terser(refused).get("/MSA-1")).isIn("AE", "AR");

    Scrape after = scrape();
    String query = "operation=\"cpis.query\"";
    assertThat(
            after.delta(before, "cpis_calls_total", "channel=\"REST\"", query, "outcome=\"FOUND\""))
        .isEqualTo(1);
    assertThat(
            after.delta(
                before, "cpis_calls_total", "channel=\"REST\"", query, "outcome=\"NOT_FOUND\""))
        .isEqualTo(1);
    assertThat(
            after.delta(
                before,
                "cpis_calls_total",
                "channel=\"REST\"",
                query,
                "outcome=\"REFUSED\"",
                "code=\"INVALID_NHS_NUMBER\""))
        .isEqualTo(1);
    assertThat(after.delta(before, "cpis_accesses_total", "channel=\"WEB\"")).isEqualTo(1);
    assertThat(after.delta(before, "cpis_accesses_total", "channel=\"HL7\"")).isEqualTo(1);
    assertThat(after.delta(before, "cpis_hl7_messages_total", "answer=\"AA\"")).isEqualTo(1);
    assertThat(
            after.delta(before, "cpis_hl7_messages_total", "answer=\"AE\"")
                + after.delta(before, "cpis_hl7_messages_total", "answer=\"AR\""))
        .isEqualTo(1);
    assertThat(after.value("cpis_hl7_connections_open")).isNotNull();
    assertThat(after.text()).as("no NHS number in any label").doesNotContain(nhs);
  }

  @Test
  @DisplayName(
      "R21: the open and overdue steps of a council inbox and the dead letters per queue are gauges that follow the database and the broker")
  void inboxesAndQueues() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    Council.ok(Rest.post(Spine.CLINICIAN, "/health/cpis", HealthQueryIT.query(nhs, "RWE")));
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1);
    String name = inboxName(inbox);

    // the gauge follows the inbox's own count within a refresh (15 s)
    Awaitility.await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              long open = Council.steps(Spine.LEICS_ADMIN, inbox, null).size();
              Double gauge =
                  scrape().value("cpis_steps_open", "la=\"855\"", "inbox=\"" + escape(name) + "\"");
              assertThat(gauge).as("cpis_steps_open of %s", name).isEqualTo((double) open);
            });
    Scrape now = scrape();
    assertThat(now.value("cpis_steps_overdue", "la=\"855\"", "inbox=\"" + escape(name) + "\""))
        .isNotNull();
    for (String queue : new String[] {"LaNotifications", "AccessEvents", "RecordUpdates"}) {
      assertThat(now.value("cpis_dead_letters", "queue=\"" + queue + "\""))
          .as("dead letters of %s", queue)
          .isNotNull()
          .isGreaterThanOrEqualTo(0.0);
    }
  }

  static String inboxName(long inbox) {
    JsonArray inboxes = (JsonArray) Rest.get(Spine.LEICS_ADMIN, "/inboxes").json();
    return inboxes.getValuesAs(JsonObject.class).stream()
        .filter(i -> i.getJsonNumber("id").longValue() == inbox)
        .findFirst()
        .orElseThrow()
        .getString("name");
  }

  static String escape(String label) {
    return label.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** One scrape of /prometheus: its samples, by the whole series (name and labels). */
  record Scrape(String text, Map<String, Double> samples) {

    private static final Pattern SAMPLE =
        Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)", Pattern.MULTILINE);

    static Scrape of(String text) {
      Map<String, Double> samples = new HashMap<>();
      Matcher m = SAMPLE.matcher(text);
      while (m.find()) {
        samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), parse(m.group(3)));
      }
      return new Scrape(text, samples);
    }

    private static double parse(String v) {
      return switch (v) {
        case "NaN" -> Double.NaN;
        case "+Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        default -> Double.parseDouble(v);
      };
    }

    /** The sum of the series of {@code name} that carry every one of the labels; null if none. */
    Double value(String name, String... labels) {
      Double sum = null;
      for (Map.Entry<String, Double> e : samples.entrySet()) {
        String series = e.getKey();
        if (!series.equals(name) && !series.startsWith(name + "{")) {
          continue;
        }
        boolean all = true;
        for (String l : labels) {
          all &= series.contains(l);
        }
        if (all) {
          sum = (sum == null ? 0 : sum) + e.getValue();
        }
      }
      return sum;
    }

    long delta(Scrape before, String name, String... labels) {
      Double now = value(name, labels);
      Double then = before.value(name, labels);
      return Math.round((now == null ? 0 : now) - (then == null ? 0 : then));
    }
  }

  static Scrape scrape() throws Exception {
    int port = Integer.parseInt(System.getProperty("it.management.port", "10090"));
    HttpResponse<String> r =
        HealthIT.HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/prometheus"))
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Scrape.of(r.body());
  }
}
