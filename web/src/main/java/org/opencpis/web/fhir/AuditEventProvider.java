package org.opencpis.web.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.opencpis.hub.application.QueryAnswer;
import org.opencpis.shared.NhsNumber;

/**
 * {@code GET /AuditEvent?patient:identifier=...}: who looked at the child's information (R19: the
 * 25 most recent, a repeat by the same person within 24 hours once), with each viewer's
 * PractitionerRole included when asked ({@code _include}); and a read of one by id. Reading the
 * history is not itself a view of the child's plans: it is audited, never recorded or notified.
 */
public class AuditEventProvider implements IResourceProvider {

  static final String INCLUDE = "_include";

  /** The national guide's include, and the plain FHIR ones that mean the same. */
  static final Set<String> INCLUDES =
      Set.of(
          "AuditEvent:entity-type=http://terminology.hl7.org/CodeSystem/v3-RoleClass|ASSIGNED",
          "AuditEvent:agent",
          "AuditEvent:agent:PractitionerRole");

  private final FhirQueries queries;

  AuditEventProvider(FhirQueries queries) {
    this.queries = queries;
  }

  @Override
  public Class<AuditEvent> getResourceType() {
    return AuditEvent.class;
  }

  @Search(allowUnknownParams = true)
  public Bundle search(RequestDetails details, HttpServletRequest request) {
    String nhs = PatientSearch.nhsNumber(details, Set.of(INCLUDE));
    boolean include = includes(details.getParameters().get(INCLUDE));
    QueryAnswer a = queries.ask(request, nhs, false);
    List<AuditEvent> events =
        a.history().stream().map(p -> FhirResources.auditEvent(a.nhsNumber(), p)).toList();
    List<PractitionerRole> roles = include ? roles(a) : List.of();
    return SearchBundles.searchset(details, events, roles);
  }

  @Read
  public AuditEvent read(@IdParam IdType id, HttpServletRequest request) {
    String nhs = FhirResources.nhsNumberOf(id.getIdPart());
    if (nhs == null || !NhsNumber.isValid(nhs)) {
      throw SpineOutcomes.notFound("no AuditEvent has this id");
    }
    QueryAnswer a = queries.ask(request, nhs, false);
    return a.history().stream()
        .filter(p -> FhirResources.auditEventId(a.nhsNumber(), p).equals(id.getIdPart()))
        .map(p -> FhirResources.auditEvent(a.nhsNumber(), p))
        .findFirst()
        .orElseThrow(
            () -> SpineOutcomes.notFound("no AuditEvent with this id is in the child's history"));
  }

  /** The viewers of the history, each once. */
  static List<PractitionerRole> roles(QueryAnswer a) {
    Map<String, PractitionerRole> roles = new LinkedHashMap<>();
    for (QueryAnswer.PreviousAccess p : a.history()) {
      roles.computeIfAbsent(
          FhirResources.practitionerRoleId(a.nhsNumber(), p),
          k -> FhirResources.practitionerRole(a.nhsNumber(), p));
    }
    return List.copyOf(roles.values());
  }

  private static boolean includes(String[] values) {
    if (values == null) {
      return false;
    }
    for (String v : values) {
      if (!INCLUDES.contains(v)) {
        throw SpineOutcomes.invalidSearch(
            "_include '"
                + PatientSearch.printable(v)
                + "' is not supported: the viewers' PractitionerRoles are included with "
                + "_include=AuditEvent:entity-type=http://terminology.hl7.org/CodeSystem/"
                + "v3-RoleClass|ASSIGNED");
      }
    }
    return true;
  }
}
