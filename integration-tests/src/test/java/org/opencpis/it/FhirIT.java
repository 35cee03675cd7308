package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;
import static org.opencpis.it.UploadFiles.lac;
import static org.opencpis.it.UploadFiles.unborn;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.CapturingInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11, CP-IS over FHIR R4 (/cpis/FHIR/R4) through HAPI FHIR's generic client, as a clinical
 * system calls NHS England's CP-IS FHIR API: CareTeams and AuditEvents by NHS number, the national
 * codes, headers and errors; every resource returned validates against base R4.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FhirIT {

  static final LocalDate DOB = LocalDate.of(2017, 3, 9);
  static final LocalDate START = TestData.monthsAgo(8);

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  /** A child with a CPP from Leicestershire (855) and a LAC (s31) from Manchester (352). */
  static String sharedByTwoCouncils() throws Exception {
    String nhs = TestData.nhsNumber();
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(file("855", child("F-" + nhs, nhs, "Zara", "Hill", DOB, "CPP", START, null)));
    Spine.upload(Spine.MANCHESTER)
        .upload(file("352", lac("MF-" + nhs, nhs, "Zara", "Hill", DOB, "s31", START.plusDays(3))));
    return nhs;
  }

  @Test
  @DisplayName(
      "R18 R20: two councils, CPP and LAC at once: one CareTeam each with the national codes; the unscheduled view reaches both as a CPIS Follow Up step")
  void twoCouncilsCppAndLac() throws Exception {
    String nhs = sharedByTwoCouncils();
    IGenericClient fhir = Fhir.clinician();
    CapturingInterceptor capture = new CapturingInterceptor();
    fhir.registerInterceptor(capture);

    Bundle b = Fhir.careTeams(fhir, nhs);

    Fhir.assertValid(b);
    assertThat(b.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
    assertThat(b.getTotal()).isEqualTo(2);
    assertThat(b.getLink(Bundle.LINK_SELF).getUrl()).startsWith(Fhir.base() + "/CareTeam?");
    assertThat(URLDecoder.decode(b.getLink(Bundle.LINK_SELF).getUrl(), StandardCharsets.UTF_8))
        .endsWith("patient:identifier=" + Fhir.NHS + "|" + nhs);
    assertThat(capture.getLastResponse().getMimeType()).isEqualTo("application/fhir+json");
    List<CareTeam> teams = Fhir.entries(b, Bundle.SearchEntryMode.MATCH);
    assertThat(teams).hasSize(2);
    CareTeam cpp = byCouncil(teams, "855");
    Fhir.assertValid(cpp);
    assertThat(cpp.getCategoryFirstRep().getCodingFirstRep().getSystem())
        .isEqualTo("http://snomed.info/sct");
    assertThat(cpp.getCategoryFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("342191000000101");
    assertThat(cpp.getName()).isEqualTo("Leicestershire County Council");
    assertThat(cpp.getManagingOrganizationFirstRep().getIdentifier().getValue()).isEqualTo("855");
    assertThat(cpp.getSubject().getIdentifier().getSystem()).isEqualTo(Fhir.NHS);
    assertThat(cpp.getSubject().getIdentifier().getValue()).isEqualTo(nhs);
    assertThat(cpp.getPeriod().getStartElement().getValueAsString()).isEqualTo(START.toString());
    assertThat(cpp.getPeriod().hasEnd()).isFalse();
    assertThat(cpp.getTelecom())
        .extracting(ContactPoint::getSystem, ContactPoint::getUse, ContactPoint::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ContactPoint.ContactPointSystem.PHONE,
                ContactPoint.ContactPointUse.WORK,
                "01164960111"),
            org.assertj.core.groups.Tuple.tuple(
                ContactPoint.ContactPointSystem.PHONE,
                ContactPoint.ContactPointUse.MOBILE,
                "01164960999"));
    CareTeam lac = byCouncil(teams, "352");
    Fhir.assertValid(lac);
    assertThat(lac.getCategoryFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("764841000000100");
    assertThat(lac.getManagingOrganizationFirstRep().getIdentifier().getValue()).isEqualTo("352");
    assertThat(lac.getPeriod().getStartElement().getValueAsString())
        .isEqualTo(START.plusDays(3).toString());
    assertThat(b.getEntry())
        .extracting(Bundle.BundleEntryComponent::getFullUrl)
        .contains(Fhir.base() + "/CareTeam/" + cpp.getIdElement().getIdPart());

    // R20: unscheduled (no header = true), so recorded once and notified to both councils
    assertThat(Children.accesses(nhs)).isEqualTo(1);
    JsonObject leics =
        Council.awaitStepFor(
            Spine.LEICS_ADMIN, Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER"), nhs, 1);
    JsonObject manc =
        Council.awaitStepFor(
            Spine.MANC_ADMIN, Council.inbox(Spine.MANC_ADMIN, "CPIS_VIRTUAL_WORKER"), nhs, 1);
    assertThat(leics.getString("typeName")).isEqualTo("CPIS Follow Up");
    assertThat(manc.getString("typeName")).isEqualTo("CPIS Follow Up");
    JsonObject access = leics.getJsonObject("access");
    assertThat(access.getString("organisationOds")).isEqualTo("RWE");
    assertThat(access.getString("viewerName")).isEqualTo("Dr Ada Grace Okafor");
    assertThat(access.getString("jobRole")).isEqualTo("Nurse Access Role");
    assertThat(access.getString("careSetting")).isEqualTo("ED");

    // a read of one CareTeam by its id answers the same resource
    CareTeam read =
        fhir.read().resource(CareTeam.class).withId(cpp.getIdElement().getIdPart()).execute();
    Fhir.assertValid(read);
    assertThat(read.getName()).isEqualTo("Leicestershire County Council");
    assertThat(read.getCategoryFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("342191000000101");
  }

  @Test
  @DisplayName(
      "R19: the access history as AuditEvents (PAT with the NHS number, ASSIGNED pointing to the included PractitionerRole: SDS role profile, name in parts, role, organisation); readable by id")
  void accessHistory() throws Exception {
    String nhs = sharedByTwoCouncils();
    IGenericClient fhir = Fhir.clinician();
    Fhir.careTeams(fhir, nhs);
    Instant after = Instant.now().plusSeconds(2);

    Bundle b = Fhir.auditEvents(fhir, nhs);

    Fhir.assertValid(b);
    assertThat(b.getTotal()).isEqualTo(1);
    List<AuditEvent> events = Fhir.entries(b, Bundle.SearchEntryMode.MATCH);
    List<PractitionerRole> roles = Fhir.entries(b, Bundle.SearchEntryMode.INCLUDE);
    assertThat(events).hasSize(1);
    assertThat(roles).hasSize(1);
    AuditEvent e = events.get(0);
    Fhir.assertValid(e);
    assertThat(e.getRecorded()).isBefore(java.util.Date.from(after));
    assertThat(e.getRecorded()).isAfter(java.util.Date.from(after.minusSeconds(120)));
    assertThat(e.getType().getSystem())
        .isEqualTo("http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle");
    AuditEvent.AuditEventAgentComponent pat = e.getAgent().get(0);
    assertThat(pat.getType().getCodingFirstRep().getCode()).isEqualTo("PAT");
    assertThat(pat.getWho().getIdentifier().getValue()).isEqualTo(nhs);
    assertThat(pat.getRequestor()).isFalse();
    AuditEvent.AuditEventAgentComponent assigned = e.getAgent().get(1);
    assertThat(assigned.getType().getCodingFirstRep().getSystem())
        .isEqualTo("http://terminology.hl7.org/CodeSystem/v3-RoleClass");
    assertThat(assigned.getType().getCodingFirstRep().getCode()).isEqualTo("ASSIGNED");
    assertThat(assigned.getRequestor()).isTrue();
    PractitionerRole role = roles.get(0);
    Fhir.assertValid(role);
    assertThat(assigned.getWho().getReference())
        .isEqualTo("PractitionerRole/" + role.getIdElement().getIdPart());
    assertThat(role.getIdentifierFirstRep().getSystem())
        .isEqualTo("https://fhir.nhs.uk/Id/sds-role-profile-id");
    assertThat(role.getIdentifierFirstRep().getValue()).isEqualTo("555000111333");
    assertThat(role.getOrganization().getIdentifier().getValue()).isEqualTo("RWE");
    assertThat(role.getOrganization().getDisplay())
        .isEqualTo("University Hospitals of Leicester NHS Trust");
    assertThat(role.getCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("R8001");
    assertThat(role.getCodeFirstRep().getCodingFirstRep().getDisplay())
        .isEqualTo("Nurse Access Role");
    Practitioner who = (Practitioner) role.getContained().get(0);
    assertThat(who.getIdentifierFirstRep().getValue()).isEqualTo(Spine.CLINICIAN.name());
    assertThat(who.getNameFirstRep().getFamily()).isEqualTo("Okafor");
    assertThat(who.getNameFirstRep().getGiven())
        .extracting(Object::toString)
        .containsExactly("Ada", "Grace");
    assertThat(who.getNameFirstRep().getPrefixAsSingleString()).isEqualTo("Dr");
    assertThat(role.getPractitioner().getDisplay()).isEqualTo("Dr Ada Grace Okafor");

    // without _include, the matches only
    Bundle plain =
        Fhir.search(
            fhir, "AuditEvent", Map.of("patient:identifier", List.of(Fhir.NHS + "|" + nhs)));
    assertThat(plain.getEntry()).hasSize(1);

    // reads, by the ids the search gave
    AuditEvent readEvent =
        fhir.read().resource(AuditEvent.class).withId(e.getIdElement().getIdPart()).execute();
    Fhir.assertValid(readEvent);
    assertThat(readEvent.getRecorded()).isEqualTo(e.getRecorded());
    PractitionerRole readRole =
        fhir.read()
            .resource(PractitionerRole.class)
            .withId(role.getIdElement().getIdPart())
            .execute();
    Fhir.assertValid(readRole);
    assertThat(readRole.getIdentifierFirstRep().getValue()).isEqualTo("555000111333");

    // reading the history is not a view: still the one access
    assertThat(Children.accesses(nhs)).isEqualTo(1);

    // R19: the same person again within 24 hours is shown once
    Fhir.careTeams(fhir, nhs);
    assertThat(Children.accesses(nhs)).isEqualTo(2);
    assertThat(Fhir.auditEvents(fhir, nhs).getTotal()).isEqualTo(1);
  }

  @Test
  @DisplayName("R19: at most the 25 most recent accesses are AuditEvents, newest first")
  void cappedAt25() throws Exception {
    String nhs = sharedByTwoCouncils();
    var soap = Spine.query(Spine.CLINICIAN);
    for (int i = 0; i < 30; i++) {
      soap.query(
          byPerson(
              nhs,
              new QueryMessages.Clinician(
                  "5552000000" + String.format("%02d", i),
                  "Nurse",
                  "Number" + i,
                  "R8001",
                  "Nurse Access Role",
                  "RWE",
                  "University Hospitals of Leicester NHS Trust",
                  "ED")));
    }

    Bundle b = Fhir.auditEvents(Fhir.clinician(), nhs);

    assertThat(Children.accesses(nhs)).isEqualTo(30);
    assertThat(b.getTotal()).isEqualTo(25);
    List<AuditEvent> events = Fhir.entries(b, Bundle.SearchEntryMode.MATCH);
    assertThat(events).hasSize(25);
    List<PractitionerRole> roles = Fhir.entries(b, Bundle.SearchEntryMode.INCLUDE);
    assertThat(roles).hasSize(25);
    assertThat(events.get(0).getAgent().get(1).getName()).isEqualTo("Nurse Number29");
    assertThat(events.get(24).getAgent().get(1).getName()).isEqualTo("Nurse Number5");
    Fhir.assertValid(b);
  }

  @Test
  @DisplayName(
      "R13 R18: an unborn child's plan is found under the mother's NHS number (category 818901000000100)")
  void unbornUnderMother() throws Exception {
    String mother = TestData.nhsNumber();
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(
            file(
                "855",
                unborn("FU-" + mother, mother, "Lena", "Hill", LocalDate.of(1996, 1, 4), START)));

    Bundle b = Fhir.careTeams(Fhir.clinician(), mother);

    assertThat(b.getTotal()).isEqualTo(1);
    CareTeam t = (CareTeam) b.getEntryFirstRep().getResource();
    Fhir.assertValid(t);
    assertThat(t.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("818901000000100");
    assertThat(t.getSubject().getIdentifier().getValue()).isEqualTo(mother);
  }

  @Test
  @DisplayName(
      "R10 R18: a plan is visible through its end date + 12 months; the day after, 200 with total 0; nothing held is total 0 too")
  void retentionBoundaryAndNothingHeld() throws Exception {
    LocalDate today = TestData.today();
    String lastDay = TestData.nhsNumber();
    String dayAfter = TestData.nhsNumber();
    LocalDate start = today.minusYears(3);
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(
            file(
                "855",
                child(
                    "FR-1" + lastDay,
                    lastDay,
                    "Rae",
                    "Hill",
                    DOB,
                    "CPP",
                    start,
                    today.minusMonths(12)),
                child(
                    "FR-2" + dayAfter,
                    dayAfter,
                    "Sam",
                    "Hill",
                    DOB,
                    "CPP",
                    start,
                    today.minusMonths(12).minusDays(1))));
    IGenericClient fhir = Fhir.clinician();

    Bundle visible = Fhir.careTeams(fhir, lastDay);
    assertThat(visible.getTotal()).isEqualTo(1);
    CareTeam t = (CareTeam) visible.getEntryFirstRep().getResource();
    assertThat(t.getPeriod().getEndElement().getValueAsString())
        .isEqualTo(today.minusMonths(12).toString());

    Bundle gone = Fhir.careTeams(fhir, dayAfter);
    Fhir.assertValid(gone);
    assertThat(gone.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
    assertThat(gone.getTotal()).isZero();
    assertThat(gone.getEntry()).isEmpty();
    assertThat(gone.getLink(Bundle.LINK_SELF).getUrl()).startsWith(Fhir.base() + "/CareTeam?");
    assertThat(Children.accesses(dayAfter)).as("nothing seen, nothing recorded").isZero();

    String nobody = TestData.nhsNumber();
    assertThat(Fhir.careTeams(fhir, nobody).getTotal()).isZero();
    Bundle noHistory = Fhir.auditEvents(fhir, nobody);
    Fhir.assertValid(noHistory);
    assertThat(noHistory.getTotal()).isZero();
  }

  @Test
  @DisplayName(
      "R20: scheduled care (IsUnscheduledAccessEvent: false) is answered and audited, neither in the history nor notified; unscheduled is both")
  void scheduledVersusUnscheduled() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    Map<String, String> scheduled = new HashMap<>(Fhir.edNurse());
    scheduled.put("IsUnscheduledAccessEvent", "false");
    long before = AuditIT.last();

    IGenericClient scheduledClient = Fhir.client(Spine.CLINICIAN, scheduled);
    CapturingInterceptor capture = new CapturingInterceptor();
    scheduledClient.registerInterceptor(capture);
    Bundle b = Fhir.careTeams(scheduledClient, nhs);

    assertThat(b.getTotal()).isEqualTo(1);
    assertThat(accessEvent(capture)).as("nothing recorded, nothing to cite").isNull();
    JsonObject row = AuditIT.onlyRowSince(before);
    assertThat(row.getString("channel")).isEqualTo("FHIR");
    assertThat(row.getString("operation")).isEqualTo("cpis.query");
    assertThat(row.getString("request")).isEqualTo("GET /FHIR/R4/CareTeam");
    assertThat(row.getString("principal")).isEqualTo(Spine.CLINICIAN.name());
    assertThat(row.getString("claimedOrganisation")).isEqualTo("RWE");
    assertThat(row.getString("subject")).isEqualTo(nhs);
    assertThat(row.getString("outcome")).isEqualTo("FOUND");
    assertThat(Children.accesses(nhs)).isZero();
    assertThat(Fhir.auditEvents(Fhir.clinician(), nhs).getTotal()).isZero();

    // B0170 is never notified, whatever the header says
    IGenericClient silentClient = Fhir.client(Spine.SILENT_VIEWER, Fhir.edNurse());
    silentClient.registerInterceptor(capture);
    Bundle silent = Fhir.careTeams(silentClient, nhs);
    assertThat(silent.getTotal()).isEqualTo(1);
    assertThat(accessEvent(capture)).isNull();
    assertThat(Children.accesses(nhs)).isZero();

    // unscheduled, said outright: recorded, notified
    Map<String, String> unscheduled = new HashMap<>(Fhir.edNurse());
    unscheduled.put("IsUnscheduledAccessEvent", "true");
    IGenericClient unscheduledClient = Fhir.client(Spine.CLINICIAN, unscheduled);
    unscheduledClient.registerInterceptor(capture);
    Fhir.careTeams(unscheduledClient, nhs);
    assertThat(Children.accesses(nhs)).isEqualTo(1);
    assertThat(accessEvent(capture)).as("the recorded access is named").isNotBlank();
    JsonObject step = Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1);
    assertThat(step.getString("typeName")).isEqualTo("CPIS Follow Up");
    assertThat(
            Council.steps(Spine.LEICS_ADMIN, inbox, "all=true")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(s -> !s.isNull("notifiedChild"))
                .filter(s -> nhs.equals(s.getJsonObject("notifiedChild").getString("nhsNumber")))
                .count())
        .as("the scheduled and B0170 reads made no step")
        .isEqualTo(1);
    assertThat(Fhir.auditEvents(Fhir.clinician(), nhs).getTotal()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "Errors are OperationOutcomes: 400 invalid INVALID_SEARCH_DATA, 400 invalid PRECONDITION_FAILED, 403 forbidden ACCESS_DENIED; never a 500; TraceID echoed")
  void errors() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    IGenericClient fhir = Fhir.clinician();
    String search = "INVALID_SEARCH_DATA";
    String header = "PRECONDITION_FAILED";

    assertError(
        () -> Fhir.careTeams(fhir, TestData.nhsNumberWithBadCheckDigit()), 400, "invalid", search);
    assertError(
        () ->
            Fhir.search(
                fhir,
                "CareTeam",
                Map.of(
                    "patient:identifier",
                    List.of(Fhir.NHS + "|" + nhs),
                    "status",
                    List.of("active"))),
        400,
        "invalid",
        search);
    assertError(
        () ->
            Fhir.search(
                fhir,
                "CareTeam",
                Map.of("patient:identifier", List.of("https://example.org/mrn|" + nhs))),
        400,
        "invalid",
        search);
    assertError(
        () -> Fhir.search(fhir, "CareTeam", Map.of("patient:identifier", List.of(nhs))),
        400,
        "invalid",
        search);
    assertError(() -> Fhir.search(fhir, "CareTeam", Map.of()), 400, "invalid", search);
    assertError(() -> Fhir.search(fhir, "AuditEvent", Map.of()), 400, "invalid", search);
    assertError(
        () ->
            Fhir.search(
                fhir,
                "AuditEvent",
                Map.of(
                    "patient:identifier",
                    List.of(Fhir.NHS + "|" + nhs),
                    "_include",
                    List.of("AuditEvent:patient"))),
        400,
        "invalid",
        search);

    Map<String, String> badFlag = new HashMap<>(Fhir.edNurse());
    badFlag.put("IsUnscheduledAccessEvent", "maybe");
    assertError(
        () -> Fhir.careTeams(Fhir.client(Spine.CLINICIAN, badFlag), nhs), 400, "invalid", header);
    Map<String, String> noOrganisation = new HashMap<>(Fhir.edNurse());
    noOrganisation.remove("NHSD-End-User-Organisation-ODS");
    assertError(
        () -> Fhir.careTeams(Fhir.client(Spine.CLINICIAN, noOrganisation), nhs),
        400,
        "invalid",
        header);
    Map<String, String> noName = new HashMap<>(Fhir.edNurse());
    noName.remove("X-CPIS-User-Family");
    assertError(
        () -> Fhir.careTeams(Fhir.client(Spine.CLINICIAN, noName), nhs), 400, "invalid", header);

    assertError(
        () -> Fhir.careTeams(Fhir.client(Spine.NO_ROLE, Fhir.edNurse()), nhs),
        403,
        "forbidden",
        "ACCESS_DENIED");
    assertError(
        () -> Fhir.auditEvents(Fhir.client(Spine.LEICESTERSHIRE, Fhir.edNurse()), nhs),
        403,
        "forbidden",
        "ACCESS_DENIED");
    assertThat(Children.accesses(nhs)).as("no refusal recorded a view").isZero();
    assertError(
        () -> fhir.read().resource(CareTeam.class).withId(nhs + "-855-LAC").execute(),
        404,
        "not-found",
        "NO_RECORD_FOUND");
    assertError(
        () -> fhir.read().resource(AuditEvent.class).withId("nonsense").execute(),
        404,
        "not-found",
        "NO_RECORD_FOUND");
    assertError(() -> fhir.read().resource("Patient").withId(nhs).execute(), 404, null, null);
    assertThat(Children.accesses(nhs))
        .as("a read by id is a look at the child's information, even for a plan not held")
        .isEqualTo(1);

    // raw HTTP: the TraceID comes back, on an answer and on an error; POST is refused; anonymous
    String trace = UUID.randomUUID().toString();
    HttpResponse<String> ok =
        get(Spine.CLINICIAN, careTeamPath(nhs), trace, "application/fhir+json");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("TraceID")).hasValue(trace);
    HttpResponse<String> bad =
        get(Spine.CLINICIAN, "/CareTeam?patient:identifier=x", trace, "application/fhir+json");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("TraceID")).hasValue(trace);
    assertOutcome(
        Fhir.CTX.newJsonParser().parseResource(OperationOutcome.class, bad.body()),
        "invalid",
        search);
    HttpResponse<String> post =
        send(
            Spine.CLINICIAN,
            HttpRequest.newBuilder(URI.create(Fhir.base() + "/CareTeam"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"CareTeam\"}")),
            trace,
            "application/fhir+json");
    assertThat(post.statusCode()).isEqualTo(405);
    assertOutcome(
        Fhir.CTX.newJsonParser().parseResource(OperationOutcome.class, post.body()),
        "not-supported",
        "NOT_IMPLEMENTED");
    assertThat(get(null, careTeamPath(nhs), trace, "application/fhir+json").statusCode())
        .isEqualTo(401);
    assertThat(Children.accesses(nhs)).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "R18: the same answers in XML (application/fhir+xml), by the client's encoding and by Accept")
  void xml() throws Exception {
    String nhs = sharedByTwoCouncils();
    IGenericClient fhir = Fhir.clinician();
    fhir.setEncoding(EncodingEnum.XML);
    CapturingInterceptor capture = new CapturingInterceptor();
    fhir.registerInterceptor(capture);

    Bundle b = Fhir.careTeams(fhir, nhs);
    assertThat(capture.getLastResponse().getMimeType()).isEqualTo("application/fhir+xml");
    assertThat(b.getTotal()).isEqualTo(2);
    Fhir.assertValid(b);
    Bundle history = Fhir.auditEvents(fhir, nhs);
    assertThat(capture.getLastResponse().getMimeType()).isEqualTo("application/fhir+xml");
    assertThat(history.getTotal()).isEqualTo(1);
    Fhir.assertValid(history);

    HttpResponse<String> raw =
        get(Spine.CLINICIAN, careTeamPath(nhs), "xml-1", "application/fhir+xml");
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/fhir+xml");
    Bundle parsed = Fhir.CTX.newXmlParser().parseResource(Bundle.class, raw.body());
    assertThat(parsed.getTotal()).isEqualTo(2);
    HttpResponse<String> error = get(Spine.CLINICIAN, "/CareTeam", "xml-2", "application/fhir+xml");
    assertThat(error.statusCode()).isEqualTo(400);
    assertOutcome(
        Fhir.CTX.newXmlParser().parseResource(OperationOutcome.class, error.body()),
        "invalid",
        "INVALID_SEARCH_DATA");
  }

  @Test
  @DisplayName("The CapabilityStatement at /metadata, public: CareTeam and AuditEvent by patient")
  void capabilityStatement() {
    CapabilityStatement c =
        Fhir.client(null, Map.of()).capabilities().ofType(CapabilityStatement.class).execute();
    Fhir.assertValid(c);
    assertThat(c.getFhirVersion().toCode()).isEqualTo("4.0.1");
    assertThat(c.getRestFirstRep().getResource())
        .extracting(r -> r.getType())
        .containsExactly("CareTeam", "AuditEvent", "PractitionerRole");
    assertThat(c.getRestFirstRep().getResource().get(0).getSearchParamFirstRep().getName())
        .isEqualTo("patient");
  }

  // --- helpers

  static CareTeam byCouncil(List<CareTeam> teams, String ods) {
    return teams.stream()
        .filter(t -> ods.equals(t.getManagingOrganizationFirstRep().getIdentifier().getValue()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no CareTeam of council " + ods));
  }

  interface Call {
    Object call() throws Exception;
  }

  /** The access a CareTeam view recorded, as its answer names it; null when none. */
  static String accessEvent(CapturingInterceptor capture) {
    List<String> h = capture.getLastResponse().getHeaders("X-CPIS-Access-Event");
    return h == null || h.isEmpty() ? null : h.get(0);
  }

  static void assertError(Call call, int status, String issueCode, String spineCode) {
    BaseServerResponseException e =
        catchThrowableOfType(BaseServerResponseException.class, call::call);
    assertThat(e).as("refused with %s", status).isNotNull();
    assertThat(e.getStatusCode()).as(e.getMessage()).isEqualTo(status);
    OperationOutcome o = (OperationOutcome) e.getOperationOutcome();
    assertThat(o).as("an OperationOutcome").isNotNull();
    Fhir.assertValid(o);
    if (issueCode != null) {
      assertOutcome(o, issueCode, spineCode);
    }
  }

  static void assertOutcome(OperationOutcome o, String issueCode, String spineCode) {
    OperationOutcome.OperationOutcomeIssueComponent issue = o.getIssueFirstRep();
    assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    assertThat(issue.getCode().toCode()).isEqualTo(issueCode);
    assertThat(issue.getDetails().getCodingFirstRep().getSystem()).isEqualTo(Fhir.SPINE_CODES);
    assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo(spineCode);
    assertThat(issue.getDiagnostics()).isNotBlank();
  }

  static String careTeamPath(String nhs) {
    return "/CareTeam?patient:identifier="
        + URLEncoder.encode(Fhir.NHS + "|" + nhs, StandardCharsets.UTF_8);
  }

  static HttpResponse<String> get(Spine.User user, String path, String trace, String accept)
      throws Exception {
    return send(user, HttpRequest.newBuilder(URI.create(Fhir.base() + path)).GET(), trace, accept);
  }

  static HttpResponse<String> send(
      Spine.User user, HttpRequest.Builder b, String trace, String accept) throws Exception {
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (user.name() + ":" + user.password()).getBytes(StandardCharsets.UTF_8)));
    }
    Fhir.edNurse().forEach(b::header);
    b.header("TraceID", trace).header("Accept", accept).timeout(Duration.ofSeconds(30));
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
