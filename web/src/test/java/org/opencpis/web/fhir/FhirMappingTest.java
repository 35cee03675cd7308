package org.opencpis.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.hub.application.QueryAnswer;
import org.opencpis.hub.domain.PlanType;
import org.opencpis.hub.domain.SubjectKind;
import org.opencpis.shared.PersonName;

class FhirMappingTest {

  static final String NHS = "9990001006";

  @Test
  @DisplayName(
      "R18: an unborn child's plan is a CareTeam of category 818901000000100 under the mother")
  void unbornCareTeam() {
    CareTeam t =
        FhirResources.careTeam(
            NHS,
            new QueryAnswer.Entry(
                "855",
                "Leicestershire County Council",
                "0116 1",
                "0116 2",
                PlanType.UCPP,
                LocalDate.of(2026, 1, 5),
                null,
                NHS,
                SubjectKind.UNBORN,
                "LCC-UB-0009",
                "Lena",
                "Brown",
                LocalDate.of(1999, 6, 7)));
    assertThat(t.getIdElement().getIdPart()).isEqualTo(NHS + "-855-UCPP");
    assertThat(FhirResources.nhsNumberOf(t.getIdElement().getIdPart())).isEqualTo(NHS);
    assertThat(t.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("818901000000100");
    assertThat(t.getTelecom())
        .extracting(ContactPoint::getUse)
        .containsExactly(ContactPoint.ContactPointUse.WORK, ContactPoint.ContactPointUse.MOBILE);
    assertThat(t.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-01-05");
    assertThat(t.getSubject().getIdentifier().getValue()).isEqualTo(NHS);
    assertThat(t.getSubject().getDisplay()).as("the mother, as shared").isEqualTo("Lena Brown");
  }

  @Test
  @DisplayName("R19: one viewer is one PractitionerRole id, however often they looked")
  void practitionerRoleIdIsPerViewer() {
    PersonName name = new PersonName("Dr", List.of("Ada", "Grace"), "Okafor", null);
    QueryAnswer.PreviousAccess first = access(Instant.parse("2026-11-01T10:00:00Z"), name);
    QueryAnswer.PreviousAccess later = access(Instant.parse("2026-11-03T10:00:00Z"), name);
    assertThat(FhirResources.practitionerRoleId(NHS, first))
        .isEqualTo(FhirResources.practitionerRoleId(NHS, later));
    assertThat(FhirResources.auditEventId(NHS, first))
        .isNotEqualTo(FhirResources.auditEventId(NHS, later));
    PractitionerRole r = FhirResources.practitionerRole(NHS, first);
    assertThat(r.getPractitioner().getDisplay()).isEqualTo("Dr Ada Grace Okafor");
  }

  @Test
  @DisplayName(
      "The search value: the NHS number's system and a valid number, else INVALID_SEARCH_DATA")
  void searchValue() {
    assertThat(PatientSearch.nhsNumber(FhirResources.NHS_NUMBER + "|999 000 1006")).isEqualTo(NHS);
    for (String bad :
        List.of(NHS, "https://example.org|" + NHS, FhirResources.NHS_NUMBER + "|9990001007")) {
      InvalidRequestException e =
          catchThrowableOfType(InvalidRequestException.class, () -> PatientSearch.nhsNumber(bad));
      OperationOutcome o = (OperationOutcome) e.getOperationOutcome();
      assertThat(o.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
          .isEqualTo("INVALID_SEARCH_DATA");
      assertThat(o.getIssueFirstRep().getDiagnostics()).doesNotContain("9990001007");
    }
  }

  private static QueryAnswer.PreviousAccess access(Instant at, PersonName name) {
    return new QueryAnswer.PreviousAccess(
        at,
        "Q-" + at.toEpochMilli(),
        name,
        true,
        "555000111222",
        "555000111333",
        null,
        "R8001",
        "Nurse Access Role",
        "RWE",
        "University Hospitals of Leicester NHS Trust",
        "ED");
  }
}
