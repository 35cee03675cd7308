package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.MIU_DOCTOR;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The pages, in a real Chromium (headless), signed in as council staff and as a clinician: what a
 * person sees after real SOAP uploads and queries, and what their clicks do. Screenshots of every
 * page land in target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PagesIT {

  static final LocalDate DOB = LocalDate.of(2016, 4, 12);
  static final LocalDate START = TestData.monthsAgo(4);
  static final String UHL = "University Hospitals of Leicester NHS Trust";

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  /** Each test is reported as skipped, with the reason, on a machine without the browser. */
  @BeforeEach
  void browserInstalled() {
    Assumptions.assumeTrue(
        Browser.available(),
        "SKIPPED: the page tests need Debian's chromium and chromium-driver"
            + " (/usr/bin/chromium, /usr/bin/chromedriver); install them with"
            + " apt-get install chromium chromium-driver");
  }

  @Test
  @DisplayName(
      "R21 R22 R23 R25: a health query shows in the CP-IS Virtual Worker inbox page (pattern flagged first); the step page notifies the allocated team; the key worker completes the follow-up on the clipboard page")
  void fromInboxToClipboard() throws Exception {
    String nhs = TestData.nhsNumber();
    String pid = "PG-" + nhs;
    long child = Council.addChild(Spine.LEICS_ADMIN, pid, nhs, "Iris", "Page", DOB);
    long sam = Council.myId(Spine.LEICS_SW);
    Council.involve(Spine.LEICS_ADMIN, child, "OPEN_SOCIAL_CARE", sam);
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(file("855", child(pid, nhs, "Iris", "Page", DOB, "CPP", START, null)));
    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    JsonObject first = Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1);
    // a second organisation within 7 days: the next step is flagged (R25)
    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, MIU_DOCTOR));
    JsonObject second = Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 2);
    assertThat(second.getBoolean("flagged")).as(second.toString()).isTrue();

    // the inbox page shows 50 steps a page, in the API's order: find the page of each step
    List<Long> open =
        Council.steps(Spine.LEICS_ADMIN, inbox, null).getValuesAs(JsonObject.class).stream()
            .map(PagesIT::id)
            .toList();
    assertThat(open.indexOf(id(second)))
        .as("flagged steps first")
        .isLessThan(open.indexOf(id(first)));
    int secondPage = open.indexOf(id(second)) / 50 * 50;
    int firstPage = open.indexOf(id(first)) / 50 * 50;

    try (Browser admin = Browser.as(Spine.LEICS_ADMIN)) {
      admin.open("app/inboxes.html?inbox=" + inbox + "&offset=" + secondPage);
      assertThat(admin.awaitText("#inbox-list", "CP-IS Virtual Worker"))
          .contains("SC CSC Screening – Social Care")
          .contains("Data Quality");
      String flaggedRow = admin.awaitText(row(second), "Pattern");
      assertThat(flaggedRow)
          .contains(second.getJsonObject("pattern").getString("reason"))
          .contains("Iris Page")
          .contains(formatted(nhs))
          .contains("Walsall Healthcare NHS Trust")
          .contains("MIU");
      assertThat(admin.find("#steps").getText()).contains("(" + open.size() + ")");
      if (open.size() > 50) {
        assertThat(admin.find("#steps-pages").getText())
            .contains("Steps " + (secondPage + 1) + " to ")
            .contains(" of " + open.size());
      }
      if (firstPage != secondPage) {
        admin.open("app/inboxes.html?inbox=" + inbox + "&offset=" + firstPage);
      }
      String firstRow = admin.awaitText(row(first), UHL);
      assertThat(firstRow).contains("ED").contains("Iris Page").doesNotContain("Pattern");
      if (firstPage == secondPage) {
        List<String> order =
            admin.all("#steps tbody tr").stream().map(WebElement::getText).toList();
        assertThat(order.indexOf(flaggedRow))
            .as("flagged steps first")
            .isLessThan(order.indexOf(firstRow));
      }
      admin.screenshot("01-inboxes");

      admin.follow(row(first) + " a");
      assertThat(admin.awaitText("#access", "Ada Okafor"))
          .contains("Nurse Access Role")
          .contains(UHL + " (RWE)")
          .contains("ED");
      assertThat(admin.awaitText("#child", "Open to social care"))
          .contains("Sam Walker")
          .contains(formatted(nhs))
          .contains("12 April 2016");
      JsonObject pattern = first.getJsonObject("pattern");
      assertThat(admin.awaitText("#pattern", "Last 30 days"))
          .contains(
              "Last 30 days "
                  + pattern.getInt("accesses30d")
                  + " "
                  + pattern.getInt("organisations30d"));
      assertThat(admin.bodyText()).doesNotContainIgnoringCase("reason for access");
      admin.screenshot("02-step");

      // the wrong route: the API's refusal (409), word for word, in an error summary
      admin.click("[data-action='refer-to-screening']");
      assertThat(admin.awaitText("#error-summary", "There is a problem"))
          .contains("Open to social care")
          .contains("notify the allocated team");
      admin.screenshot("03-step-refused");

      admin.click("[data-action='notify-allocated-team']");
      assertThat(admin.awaitText("#success-banner", "Sam Walker"))
          .contains("CS Notification to Allocated Team – CPIS Follow up");
      admin.awaitText("#next-actions", "CPIS Follow Up – Allocated Team Informed");
      admin.awaitText("#step-tags", "Completed");
      assertThat(admin.all("[data-action]")).isEmpty();
      admin.screenshot("04-step-done");
    }
    assertThat(Council.ok(Rest.get(Spine.LEICS_ADMIN, "/steps/" + id(first))).getString("status"))
        .isEqualTo("COMPLETED");

    long clip =
        ((JsonArray) Rest.get(Spine.LEICS_SW, "/workers/" + sam + "/clipboard").json())
            .getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getJsonNumber("sourceStepId").longValue() == id(first))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
    String form = "#clip-" + clip;
    try (Browser sw = Browser.as(Spine.LEICS_SW)) {
      sw.open("app/clipboard.html");
      assertThat(sw.awaitText("[data-clipboard-id='" + clip + "']", "Iris Page"))
          .contains("CS Notification to Allocated Team – CPIS Follow up")
          .contains(formatted(nhs));
      sw.screenshot("05-clipboard");

      // R23: not without a case note that records the decision
      sw.click(form + "-submit");
      sw.awaitText("#error-summary", "say how you followed up");

      sw.click("label[for='clip-" + clip + "-method']");
      sw.click("label[for='clip-" + clip + "-decision-no_further_action']");
      sw.type(form + "-reason", "Spoke to carer: fall at school, seen and discharged.");
      sw.click(form + "-submit");
      assertThat(sw.awaitText("#success-banner", "Follow-up completed")).contains("Iris Page");
      assertThat(sw.all("[data-clipboard-id='" + clip + "']")).isEmpty();
      sw.screenshot("06-clipboard-done");
    }
    JsonObject note =
        ((JsonArray) Rest.get(Spine.LEICS_SW, "/children/" + child + "/case-notes").json())
            .getJsonObject(0);
    assertThat(note.getString("type")).isEqualTo("CP-IS Follow Up Contact");
    assertThat(note.getString("contactMethod")).isEqualTo("TELEPHONE");
    assertThat(note.getString("decision")).isEqualTo("NO_FURTHER_ACTION");
  }

  @Test
  @DisplayName(
      "R26 R25: the person summary shows the CP-IS status banner (Shared, with plans and accesses; Failed, with the failure and what to do)")
  void personSummary() throws Exception {
    Spine.User sw = Spine.LEICS_SW;
    String nhs = TestData.nhsNumber();
    long child = Council.addChild(sw, "PS-" + nhs, nhs, "Noah", "Bright", DOB);
    Council.involve(sw, child, "OPEN_SOCIAL_CARE", Council.myId(sw));
    addPlan(sw, child, TestData.today().minusMonths(6));
    awaitStatus(sw, child, "SHARED");
    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !((JsonArray) Rest.get(sw, "/children/" + child + "/accesses").json()).isEmpty()
                    && !Council.ok(Rest.get(sw, "/children/" + child))
                        .getJsonArray("steps")
                        .isEmpty());

    String bad = TestData.nhsNumber();
    long noBirthDate = Council.addChild(sw, "PF-" + bad, bad, "Ben", "Ash", null);
    addPlan(sw, noBirthDate, TestData.today().minusMonths(1));
    awaitStatus(sw, noBirthDate, "FAILED");

    try (Browser b = Browser.as(sw)) {
      b.open("app/person.html?id=" + child);
      assertThat(b.find("#page-heading").getText()).isEqualTo("Noah Bright");
      assertThat(b.find("#cpis-status").getDomAttribute("data-state")).isEqualTo("SHARED");
      assertThat(b.awaitText("#cpis-status", "Shared"))
          .contains("CP-IS status")
          .contains("shared with CP-IS since");
      assertThat(b.bodyText())
          .contains("PS-" + nhs)
          .contains(formatted(nhs))
          .contains("12 April 2016")
          .contains("Open to social care");
      assertThat(b.awaitText("#plans", "Child protection plan")).contains("Yes").contains("Open");
      assertThat(b.awaitText("#accesses", "Ada Okafor")).contains(UHL).contains("ED");
      b.awaitText("#steps", "CPIS Follow Up");
      b.screenshot("07-person-shared");

      b.open("app/person.html?id=" + noBirthDate);
      assertThat(b.find("#cpis-status").getDomAttribute("data-state")).isEqualTo("FAILED");
      assertThat(b.awaitText("#cpis-status", "Failed"))
          .contains("childSubject/birthTime")
          .contains("Correct the child's record");
      assertThat(b.bodyText()).containsPattern("Date of birth\\s+Not recorded");
      b.screenshot("08-person-failed");

      // R27: the failure step, from the person summary
      b.follow("#steps a");
      assertThat(b.awaitText("#page-heading", "CP-IS Failure Notification")).isNotEmpty();
      assertThat(b.awaitText("#actions", "Mark as done")).contains("Ben Ash");
      b.screenshot("08b-failure-step");

      b.open("app/person.html?nhsNumber=" + nhs);
      b.awaitText("#results", "Noah Bright");
      b.screenshot("09-person-search");
    }
  }

  @Test
  @DisplayName(
      "R18 R19 R20: a clinician checks CP-IS on the health page (which asks the FHIR API): the council's name, out-of-hours number, plan and previous accesses; the council is notified; nothing held says so; a bad NHS number is refused by field")
  void whatHealthSees() throws Exception {
    String nhs = TestData.nhsNumber();
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(file("855", child("HP-" + nhs, nhs, "Lily", "Shaw", DOB, "CPP", START, null)));

    try (Browser b = Browser.as(Spine.CLINICIAN)) {
      b.open("app/health.html"); // signs in: the landing page itself is public
      b.open("index.html");
      assertThat(b.bodyText()).contains("Inboxes").contains("Check CP-IS by NHS number");
      b.screenshot("00-index");

      b.follow("a[href='app/health.html']");
      b.type("#nhsNumber", formatted(nhs));
      b.type("#viewerGiven", "Lena");
      b.type("#viewerFamily", "Marsh");
      b.type("#jobRole", "Nurse Access Role");
      b.type("#organisationOds", "RWE");
      b.type("#organisationName", UHL);
      b.click("#check");
      String council = b.awaitText("[data-la='855']", "Leicestershire County Council (855)");
      assertThat(council)
          .containsPattern("Out of hours \\(emergency duty team\\)\\s+01164960999")
          .containsPattern("Office hours\\s+01164960111")
          .containsPattern(
              "Child Protection Plan\\s+From "
                  + START.format(
                      java.time.format.DateTimeFormatter.ofPattern(
                          "d MMMM yyyy", java.util.Locale.UK)));
      assertThat(b.awaitText("#previous-accesses", "Lena Marsh"))
          .contains("Nurse Access Role")
          .contains(UHL + " (RWE)");
      assertThat(b.bodyText()).contains("the council has been told");
      b.screenshot("10-health");

      b.type("#nhsNumber", TestData.nhsNumber());
      b.click("#check");
      b.awaitText("#no-records", "No CP-IS information held");
      b.screenshot("11-health-nothing-held");

      b.type("#nhsNumber", TestData.nhsNumberWithBadCheckDigit());
      b.click("#check");
      assertThat(b.awaitText("#error-summary", "There is a problem")).contains("NHS number");
      assertThat(b.bodyText()).doesNotContain("No CP-IS information held");
    }

    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    JsonObject access =
        Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1).getJsonObject("access");
    assertThat(access.getString("viewerName")).isEqualTo("Lena Marsh");
    assertThat(access.getString("organisationOds")).isEqualTo("RWE");
    assertThat(access.getString("careSetting")).isEqualTo("ED");
  }

  static final QueryMessages.Clinician PAED_DOCTOR =
      new QueryMessages.Clinician(
          "555000555666",
          "Femi",
          "Adeyemi",
          "R8000",
          "Clinical Practitioner Access Role",
          "RWE",
          UHL,
          "PAED");

  static final QueryMessages.Clinician OOH_GP =
      new QueryMessages.Clinician(
          "555000777888",
          "Rhys",
          "Morgan",
          "R8000",
          "Clinical Practitioner Access Role",
          "RRK",
          "University Hospitals Birmingham NHS Foundation Trust",
          "OOH");

  static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK).withZone(TestData.LONDON);

  @Test
  @DisplayName(
      "R25 issue 14: the attendance timeline on the person summary and on the step: one mark per access in its organisation's row, shaped by care setting; a key naming each organisation; the window that raised the pattern flag shaded; the same accesses as a table; a clinician is not shown it")
  void attendanceTimeline() throws Exception {
    Spine.User admin = Spine.LEICS_ADMIN;
    String nhs = TestData.nhsNumber();
    long child = Council.addChild(admin, "TL-" + nhs, nhs, "Maya", "Lane", DOB);
    addPlan(admin, child, TestData.today().minusMonths(6));
    awaitStatus(admin, child, "SHARED");
    long inbox = Council.inbox(admin, "CPIS_VIRTUAL_WORKER");
    // an ED nurse at Leicester, a minor injuries doctor at Walsall (2 organisations in 7 days: a
    // pattern), a paediatrician at Leicester again, an out-of-hours GP at Birmingham
    List<QueryMessages.Clinician> who = List.of(ED_NURSE, MIU_DOCTOR, PAED_DOCTOR, OOH_GP);
    JsonObject lastStep = null;
    for (int i = 0; i < who.size(); i++) {
      Spine.query(Spine.CLINICIAN).query(byPerson(nhs, who.get(i)));
      lastStep = Council.awaitStepFor(admin, inbox, nhs, i + 1);
    }
    assertThat(lastStep.getBoolean("flagged")).isTrue();

    // the server's timeline: the accesses oldest first, flagged as the steps were, one window
    JsonObject timeline =
        Council.ok(Rest.get(admin, "/children/" + child)).getJsonObject("timeline");
    List<JsonObject> accesses = timeline.getJsonArray("accesses").getValuesAs(JsonObject.class);
    assertThat(accesses)
        .extracting(a -> a.getString("organisationOds"), a -> a.getString("careSetting"))
        .containsExactly(
            tuple("RWE", "ED"), tuple("RBK", "MIU"), tuple("RWE", "PAED"), tuple("RRK", "OOH"));
    assertThat(accesses)
        .extracting(a -> a.getBoolean("flagged"))
        .containsExactly(false, true, true, true);
    assertThat(accesses.get(1).getString("reason"))
        .isEqualTo("2 different organisations in 7 days");
    List<JsonObject> windows =
        timeline.getJsonArray("flaggedWindows").getValuesAs(JsonObject.class);
    assertThat(windows).hasSize(1);
    assertThat(windows.get(0).getInt("accesses")).isEqualTo(4);
    assertThat(windows.get(0).getString("from")).isEqualTo(accesses.get(0).getString("accessedAt"));
    assertThat(windows.get(0).getString("to")).isEqualTo(accesses.get(3).getString("accessedAt"));

    try (Browser b = Browser.as(admin)) {
      b.open("app/person.html?id=" + child);
      assertThat(b.awaitText("#timeline", "Attendance timeline"))
          .contains("4 accesses from 3 organisations")
          .contains("1 period raised a pattern flag");
      assertTimeline(b, accesses, windows.get(0));
      b.screenshot("12-timeline-person");

      String current = lastStep.getJsonObject("access").getString("notificationId");
      b.open("app/step.html?id=" + id(lastStep));
      b.awaitText("#timeline", "Attendance timeline");
      assertTimeline(b, accesses, windows.get(0));
      assertThat(b.all("#timeline-svg [data-notification-id='" + current + "'] circle[r='13']"))
          .as("the step's own access is ringed")
          .hasSize(1);
      assertThat(b.find("#timeline-settings").getText()).contains("Ringed: this step’s access");
      b.screenshot("13-timeline-step");
    }

    // health users never see the council's timeline: the API refuses them, the page shows nothing
    assertThat(Rest.get(Spine.CLINICIAN, "/children/" + child).status()).isEqualTo(403);
    assertThat(Rest.get(Spine.CLINICIAN, "/steps/" + id(lastStep)).status()).isEqualTo(403);
    try (Browser c = Browser.as(Spine.CLINICIAN)) {
      c.open("app/person.html?id=" + child);
      c.awaitText("#error-summary", "There is a problem");
      assertThat(c.all("#timeline")).isEmpty();
      assertThat(c.all("svg[role='img']")).isEmpty();
      assertThat(c.bodyText()).doesNotContain("Maya").doesNotContain("Walsall");
      c.screenshot("14-timeline-clinician");
    }
  }

  /** The picture, its key and its table, against the server's accesses and flagged window. */
  static void assertTimeline(Browser b, List<JsonObject> accesses, JsonObject window) {
    WebElement svg = b.find("#timeline-svg");
    assertThat(svg.getDomAttribute("role")).isEqualTo("img");
    assertThat(svg.getDomAttribute("aria-label"))
        .startsWith("Attendance timeline: 4 accesses from 3 organisations");
    List<WebElement> marks = b.all("#timeline-svg [data-mark]");
    assertThat(marks)
        .extracting(
            m -> m.getDomAttribute("data-notification-id"),
            m -> m.getDomAttribute("data-organisation"),
            m -> m.getDomAttribute("data-care-setting"))
        .containsExactlyElementsOf(
            accesses.stream()
                .map(
                    a ->
                        tuple(
                            a.getString("notificationId"),
                            a.getString("organisationOds"),
                            a.getString("careSetting")))
                .toList());
    // each organisation its own row: the marks of one organisation share a height, others differ
    Map<String, Integer> rowOf = new HashMap<>();
    for (WebElement m : marks) {
      int y = m.getRect().getY() + m.getRect().getHeight() / 2;
      Integer was = rowOf.putIfAbsent(m.getDomAttribute("data-organisation"), y);
      assertThat(was == null ? y : was).isCloseTo(y, within(2));
    }
    assertThat(new HashSet<>(rowOf.values())).hasSize(3);
    // the care setting is the mark's shape, not only its colour
    assertThat(marks.get(0).findElements(By.tagName("circle"))).isNotEmpty();
    assertThat(marks.get(1).findElements(By.tagName("rect"))).isNotEmpty();
    assertThat(marks.get(2).findElements(By.tagName("polygon"))).isNotEmpty();

    List<String> key = b.all("#timeline-key li").stream().map(WebElement::getText).toList();
    assertThat(key)
        .containsExactly(
            UHL + " (RWE): 2 accesses",
            "Walsall Healthcare NHS Trust (RBK): 1 access",
            "University Hospitals Birmingham NHS Foundation Trust (RRK): 1 access");
    assertThat(b.find("#timeline-settings").getText())
        .contains("Emergency department (ED)")
        .contains("Minor injuries unit (MIU)")
        .contains("Paediatrics (PAED)")
        .contains("Out of hours (OOH)")
        .contains("a period that raised a pattern flag");

    // the shaded window spans the marks that raised the flag (at least 10 units wide to be seen)
    List<WebElement> shaded = b.all("#timeline-svg [data-window] rect");
    assertThat(shaded).hasSize(1);
    assertThat(b.find("#timeline-svg [data-window]").getDomAttribute("data-window-from"))
        .isEqualTo(window.getString("from"));
    var area = shaded.get(0).getRect();
    for (WebElement m : marks) {
      int centre = m.getRect().getX() + m.getRect().getWidth() / 2;
      assertThat(centre).isBetween(area.getX() - 1, area.getX() + area.getWidth() + 1);
    }
    assertThat(b.find("#timeline-windows").getText())
        .contains("4 accesses (4 accesses in 30 days, from 3 organisations in 7 days)");

    // the text alternative: a real table with a caption, a row per access, oldest first
    assertThat(b.find("#timeline-table caption").getText())
        .isEqualTo("The attendance timeline as a table (oldest first)");
    List<List<String>> rows =
        b.all("#timeline-table tbody tr").stream()
            .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
            .toList();
    assertThat(rows)
        .containsExactly(
            List.of(
                SHOWN.format(Instant.parse(accesses.get(0).getString("accessedAt"))),
                UHL + " (RWE)",
                "Emergency department (ED)",
                "In a flagged period"),
            List.of(
                SHOWN.format(Instant.parse(accesses.get(1).getString("accessedAt"))),
                "Walsall Healthcare NHS Trust (RBK)",
                "Minor injuries unit (MIU)",
                "Flagged: 2 different organisations in 7 days"),
            List.of(
                SHOWN.format(Instant.parse(accesses.get(2).getString("accessedAt"))),
                UHL + " (RWE)",
                "Paediatrics (PAED)",
                "Flagged: " + accesses.get(2).getString("reason")),
            List.of(
                SHOWN.format(Instant.parse(accesses.get(3).getString("accessedAt"))),
                "University Hospitals Birmingham NHS Foundation Trust (RRK)",
                "Out of hours (OOH)",
                "Flagged: 4 accesses in 30 days, from 3 organisations in 7 days"));
  }

  static String row(JsonObject step) {
    return "#steps tr:has([data-step-id='" + id(step) + "'])";
  }

  static long id(JsonObject o) {
    return o.getJsonNumber("id").longValue();
  }

  static String formatted(String nhs) {
    return nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
  }

  static void addPlan(Spine.User user, long child, LocalDate start) {
    Rest.Reply r =
        Rest.post(
            user,
            "/children/" + child + "/plans",
            "{\"type\":\"CHILD_PROTECTION_PLAN\",\"startDate\":\"" + start + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  static void awaitStatus(Spine.User user, long child, String state) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                Council.ok(Rest.get(user, "/children/" + child))
                    .getJsonObject("child")
                    .getJsonObject("cpisStatus")
                    .getString("state"),
            state::equals);
  }

  @Test
  @DisplayName(
      "issue 9: an administrator finds a child's reads on the audit page and checks the chain; the page's own search is audited as channel PAGE")
  void auditTrail() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));

    try (Browser b = Browser.as(Spine.ADMIN)) {
      b.open("app/audit.html?subject=" + nhs);
      String rows = b.awaitText("#audit-table", "ed.clinician");
      assertThat(rows).contains("SOAP").contains("cpis.query").contains("555000111222 at RWE");
      assertThat(rows).containsPattern("FOUND access \\S+");
      b.click("#verify");
      assertThat(b.awaitText("#chain-intact", "The chain is intact")).containsPattern("\\d+ rows");
      b.screenshot("30-audit");
    }

    assertThat(AuditIT.rows("?subject=" + nhs + "&channel=PAGE"))
        .extracting(
            o -> o.getString("principal"),
            o -> o.getString("operation"),
            o -> o.getString("request"))
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "cpis.admin", "audit.search", "GET /api/admin/audit from audit.html"));
  }

  @Test
  @DisplayName(
      "R21 R24: the Workload page shows each inbox of the council with its open, due today and overdue steps, as the API counts them")
  void workload() throws Exception {
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    String nhs = Children.sharedByLeicestershire();
    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));
    Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1);
    try (Browser b = Browser.as(Spine.LEICS_ADMIN)) {
      b.open("app/workload.html");
      String table = b.awaitText("#workload", "Due today");
      JsonObject cpis = Council.inboxLoad(Spine.LEICS_ADMIN, inbox);
      assertThat(b.find("[data-open='" + inbox + "']").getText())
          .isEqualTo(String.valueOf(cpis.getJsonNumber("open").longValue()));
      assertThat(b.find("[data-overdue='" + inbox + "']").getText())
          .isEqualTo(String.valueOf(cpis.getJsonNumber("overdue").longValue()));
      assertThat(b.find("[data-due-today='" + inbox + "']").getText())
          .isEqualTo(String.valueOf(cpis.getJsonNumber("dueToday").longValue()));
      assertThat(table).contains(cpis.getString("name"));
      assertThat(b.find("#workload-summary").getText())
          .contains("open steps in")
          .contains("overdue");
      b.screenshot("15-workload");
    }
  }

  @Test
  @DisplayName(
      "R21 R24 R25: the inbox page's filter form narrows the steps to an organisation and care setting in the order asked for, as the API counts them, and keeps them in the address")
  void inboxFilters() throws Exception {
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    JsonObject mine = InboxPagingIT.stepFrom(inbox, "RX1", "MIU", null);
    InboxPagingIT.stepFrom(inbox, "RWE", "ED", null);
    try (Browser b = Browser.as(Spine.LEICS_ADMIN)) {
      b.open("app/inboxes.html?inbox=" + inbox);
      b.find("#step-filters");
      b.click("#filter-organisation option[value='RX1']");
      b.click("#filter-careSetting option[value='MIU']");
      b.click("#filter-sort option[value='arrived']");
      b.follow("#apply-filters");
      long total =
          Long.parseLong(
              Rest.get(
                      Spine.LEICS_ADMIN,
                      "/inboxes/" + inbox + "/steps?limit=1&organisation=RX1&careSetting=MIU")
                  .header("X-Total-Count"));
      assertThat(b.awaitText("#steps", "matching the filters"))
          .contains("matching the filters (" + total + ")");
      List<WebElement> rows = b.all("#steps [data-step-id]");
      assertThat(rows).hasSize((int) Math.min(total, 50));
      assertThat(rows.get(0).getAttribute("data-step-id"))
          .as("newest first: the step just made")
          .isEqualTo(String.valueOf(id(mine)));
      assertThat(b.all("#steps tbody tr"))
          .allSatisfy(r -> assertThat(r.getText()).contains("Nottingham").contains("MIU"));
      assertThat(b.find("#filter-organisation").getAttribute("value"))
          .as("the address keeps the filters")
          .isEqualTo("RX1");
      assertThat(b.find("#filter-sort").getAttribute("value")).isEqualTo("arrived");
      b.screenshot("16-inbox-filters");
    }
  }

  @Test
  @DisplayName(
      "Accessibility: axe-core finds no WCAG 2.2 AA violation on any page, as each of its users sees it (with data on it)")
  void noAccessibilityViolations() throws Exception {
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    String nhs = Children.sharedByLeicestershire();
    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));
    long step = id(Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1));
    String own = TestData.nhsNumber();
    long child =
        Council.addChild(Spine.LEICS_SW, "AX-" + own, own, "Ivy", "Hart", LocalDate.of(2017, 2, 2));
    java.util.Map<String, List<String>> found = new java.util.LinkedHashMap<>();
    try (Browser b = Browser.as(Spine.LEICS_ADMIN)) {
      for (String page :
          List.of(
              "index.html",
              "app/inboxes.html?inbox=" + inbox,
              "app/step.html?id=" + step,
              "app/person.html?id=" + child,
              "app/person.html?familyName=Hart",
              "app/workload.html")) {
        b.open(page);
        found.put(page, b.accessibilityViolations());
      }
    }
    try (Browser b = Browser.as(Spine.LEICS_SW)) {
      b.open("app/clipboard.html");
      found.put("app/clipboard.html", b.accessibilityViolations());
    }
    try (Browser b = Browser.as(Spine.CLINICIAN)) {
      b.open("app/health.html");
      found.put("app/health.html", b.accessibilityViolations());
    }
    try (Browser b = Browser.as(Spine.ADMIN)) {
      b.open("app/audit.html?subject=" + nhs);
      found.put("app/audit.html", b.accessibilityViolations());
      // the check sees a fault when there is one: an image with no text alternative
      b.script("document.querySelector('main').appendChild(document.createElement('img'))");
      assertThat(b.accessibilityViolations()).anyMatch(v -> v.startsWith("image-alt"));
    }
    assertThat(found).as("pages checked").hasSize(9);
    found.values().removeIf(List::isEmpty);
    assertThat(found).as("WCAG 2.2 AA violations axe-core finds, by page").isEmpty();
  }

  @Test
  @DisplayName(
      "The pages' scripts run under the Content-Security-Policy: the shell's classes are set and GOV.UK Frontend's components start")
  void scriptsRunUnderThePolicy() {
    try (Browser b = Browser.as(Spine.LEICS_ADMIN)) {
      b.open("app/inboxes.html");
      assertThat(b.find("body").getAttribute("class")).contains("govuk-frontend-supported");
      assertThat(b.all("[data-module='govuk-skip-link'][data-govuk-skip-link-init]")).hasSize(1);
      assertThat(b.find("#signed-in").getText()).contains("Priya Admin");
    }
  }
}
