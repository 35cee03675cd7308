package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpis.contract.hl7.IVLTS;
import org.opencpis.contract.hl7.NotificationPullRequest;
import org.opencpis.contract.hl7.NotificationPullResponse;
import org.opencpis.contract.hl7.Organization;
import org.opencpis.contract.hl7.PulledNotification;
import org.opencpis.contract.upload.CpisError;
import org.opencpis.contract.upload.CpisUploadPortType;
import org.w3c.dom.Element;

/** LA systems outside this deployment pull their notifications over a window (R8, R20). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationPullIT {

  static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  /** Words a field or text giving the reason for an access would use. */
  static final Pattern WHY =
      Pattern.compile("(?i)reason|purpose|justif|because|why|cause|grounds|concern");

  /** The attributes of an element and all under it, as one string. */
  static String raw(Element e) {
    return String.join(" ", Xml.attributes(e));
  }

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R8 R20: each LA that shared the child pulls its own access-to-service notification: who, when, where, never why")
  void pullOverWindow() throws Exception {
    String nhs = TestData.nhsNumber();
    LocalDate dob = LocalDate.of(2013, 5, 5);
    LocalDateTime from = LocalDateTime.now(TestData.LONDON).minusMinutes(1);
    Spine.upload(Spine.LEICESTER)
        .upload(
            file(
                "856",
                child("CITY-" + nhs, nhs, "Ida", "Moon", dob, "CPP", TestData.monthsAgo(8), null)));
    Spine.upload(Spine.MANCHESTER)
        .upload(
            file(
                "352",
                child(
                    "MCR-" + nhs,
                    nhs,
                    "Ida",
                    "Moon",
                    dob,
                    "CPP",
                    TestData.monthsAgo(8).plusDays(1),
                    null)));
    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));

    List<PulledNotification> mine =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> forChild(pull(Spine.LEICESTER, "856", from, null), nhs), l -> l.size() == 1);
    PulledNotification n = mine.get(0);
    assertThat(n.getMessageType().getCode()).isEqualTo("05");
    assertThat(n.getMessageType().getDisplayName()).isEqualTo("Access to Service Notification");
    assertThat(n.getLocalChildId().getExtension()).isEqualTo("CITY-" + nhs);
    assertThat(n.getSubject().getName().getFamily()).isEqualTo("Moon");
    assertThat(n.getSubject().getBirthTime().getValue()).isEqualTo("20130505");
    assertThat(n.getAccess().getOrganization().getId().getExtension()).isEqualTo("RWE");
    assertThat(n.getAccess().getViewerName().getFamily()).isEqualTo("Ada Okafor");
    assertThat(n.getAccess().getJobRole().getDisplayName()).isEqualTo("Nurse Access Role");
    assertThat(n.getAccess().getCareSetting().getCode()).isEqualTo("ED");

    // never why: the notification, as it came over the wire, holds who, when and where and
    // nothing else: no reason, purpose or justification field, and no such text
    CpisUploadPortType port = Spine.upload(Spine.LEICESTER);
    Spine.RawAnswers raw = Spine.rawAnswers(port);
    pull(port, "856", from, null);
    List<Element> forTheChild =
        Xml.elements(Xml.parse(raw.last()), "notification").stream()
            .filter(e -> raw(e).contains("extension=" + nhs))
            .toList();
    assertThat(forTheChild).as("the child's notification in the raw answer").hasSize(1);
    Element notification = forTheChild.get(0);
    assertThat(Xml.elementNames(notification))
        .as("every field of the notification")
        .containsExactlyInAnyOrder(
            "id",
            "messageType",
            "createdAt",
            "localChildId",
            "subject",
            "name",
            "given",
            "family",
            "birthTime",
            "access",
            "time",
            "viewerName",
            "jobRole",
            "organization",
            "careSetting")
        .noneMatch(name -> WHY.matcher(name).find());
    assertThat(Xml.attributes(notification)).noneMatch(a -> WHY.matcher(a).find());
    assertThat(notification.getTextContent()).doesNotContainPattern(WHY);

    // Manchester gets its own, with its own child id; Leicester's answer holds none of Manchester's
    List<PulledNotification> manchester = forChild(pull(Spine.MANCHESTER, "352", from, null), nhs);
    assertThat(manchester)
        .singleElement()
        .satisfies(m -> assertThat(m.getLocalChildId().getExtension()).isEqualTo("MCR-" + nhs));
    assertThat(pull(Spine.LEICESTER, "856", from, null).getNotification())
        .allSatisfy(p -> assertThat(p.getId().getExtension()).endsWith(":856"));

    // a window that ends before the access holds nothing for it
    assertThat(forChild(pull(Spine.LEICESTER, "856", from.minusDays(2), from.minusDays(1)), nhs))
        .isEmpty();
  }

  @Test
  @DisplayName("Security: an LA pulls only its own notifications; a window must be sane")
  void refusals() {
    LocalDateTime now = LocalDateTime.now(TestData.LONDON);
    CpisError other =
        catchThrowableOfType(
            CpisError.class, () -> pull(Spine.LEICESTER, "352", now.minusHours(1), null));
    assertThat(other.getFaultInfo().getCode()).isEqualTo("ACCESS_DENIED");
    CpisError clinician =
        catchThrowableOfType(
            CpisError.class, () -> pull(Spine.CLINICIAN, "856", now.minusHours(1), null));
    assertThat(clinician.getFaultInfo().getCode()).isEqualTo("ACCESS_DENIED");
    CpisError wide =
        catchThrowableOfType(
            CpisError.class, () -> pull(Spine.LEICESTER, "856", now.minusDays(40), now));
    assertThat(wide.getFaultInfo().getCode()).isEqualTo("INVALID_WINDOW");
    assertThat(wide.getFaultInfo().getMessage()).contains("31 days");
    CpisError backwards =
        catchThrowableOfType(
            CpisError.class, () -> pull(Spine.LEICESTER, "856", now, now.minusHours(1)));
    assertThat(backwards.getFaultInfo().getCode()).isEqualTo("INVALID_WINDOW");
  }

  static NotificationPullResponse pull(
      Spine.User user, String la, LocalDateTime low, LocalDateTime high) throws CpisError {
    return pull(Spine.upload(user), la, low, high);
  }

  static NotificationPullResponse pull(
      CpisUploadPortType port, String la, LocalDateTime low, LocalDateTime high) throws CpisError {
    NotificationPullRequest r = new NotificationPullRequest();
    r.setId(UploadFiles.ii(java.util.UUID.randomUUID().toString(), null));
    r.setCommunicationFunctionSnd(UploadFiles.device("200000000" + la));
    Organization org = new Organization();
    org.setId(UploadFiles.ii(null, la));
    r.setLocalAuthority(org);
    IVLTS window = new IVLTS();
    window.setLow(UploadFiles.ts(low.format(TS)));
    if (high != null) {
      window.setHigh(UploadFiles.ts(high.format(TS)));
    }
    r.setAccessTime(window);
    NotificationPullResponse answer = port.pullNotifications(r);
    assertThat(answer.getComplete().isValue()).isTrue();
    return answer;
  }

  static List<PulledNotification> forChild(NotificationPullResponse r, String nhs) {
    return r.getNotification().stream()
        .filter(n -> n.getSubject() != null && nhs.equals(n.getSubject().getId().getExtension()))
        .toList();
  }
}
