package org.opencpis.web.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.IdType;
import org.opencpis.hub.application.QueryAnswer;
import org.opencpis.shared.NhsNumber;

/**
 * {@code GET /CareTeam?patient:identifier=...}: the child's CP-IS information, one CareTeam per
 * council and plan (R18); and a read of one by id. Both are a view of the child: unscheduled care
 * records it and notifies every council that shares the child (R20).
 */
public class CareTeamProvider implements IResourceProvider {

  private final FhirQueries queries;

  CareTeamProvider(FhirQueries queries) {
    this.queries = queries;
  }

  @Override
  public Class<CareTeam> getResourceType() {
    return CareTeam.class;
  }

  @Search(allowUnknownParams = true)
  public Bundle search(RequestDetails details, HttpServletRequest request) {
    String nhs = PatientSearch.nhsNumber(details, Set.of());
    QueryAnswer a = queries.ask(request, nhs, true);
    return SearchBundles.searchset(details, careTeams(a), List.of());
  }

  @Read
  public CareTeam read(@IdParam IdType id, HttpServletRequest request) {
    String nhs = FhirResources.nhsNumberOf(id.getIdPart());
    if (nhs == null || !NhsNumber.isValid(nhs)) {
      throw SpineOutcomes.notFound("no CareTeam has this id");
    }
    QueryAnswer a = queries.ask(request, nhs, true);
    return careTeams(a).stream()
        .filter(t -> t.getIdElement().getIdPart().equals(id.getIdPart()))
        .findFirst()
        .orElseThrow(() -> SpineOutcomes.notFound("no CareTeam with this id is held"));
  }

  private static List<CareTeam> careTeams(QueryAnswer a) {
    return a.records().stream().map(e -> FhirResources.careTeam(a.nhsNumber(), e)).toList();
  }
}
