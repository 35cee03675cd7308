package org.opencpis.web.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

  static final String ACCESS_EVENT = "X-CPIS-Access-Event";

  private final FhirQueries queries;

  CareTeamProvider(FhirQueries queries) {
    this.queries = queries;
  }

  @Override
  public Class<CareTeam> getResourceType() {
    return CareTeam.class;
  }

  @Search(allowUnknownParams = true)
  public Bundle search(
      RequestDetails details, HttpServletRequest request, HttpServletResponse response) {
    String nhs = PatientSearch.nhsNumber(details, Set.of());
    QueryAnswer a = recorded(queries.ask(request, nhs, true), response);
    return SearchBundles.searchset(details, careTeams(a), List.of());
  }

  @Read
  public CareTeam read(
      @IdParam IdType id, HttpServletRequest request, HttpServletResponse response) {
    String nhs = FhirResources.nhsNumberOf(id.getIdPart());
    if (nhs == null || !NhsNumber.isValid(nhs)) {
      throw SpineOutcomes.notFound("no CareTeam has this id");
    }
    QueryAnswer a = recorded(queries.ask(request, nhs, true), response);
    return careTeams(a).stream()
        .filter(t -> t.getIdElement().getIdPart().equals(id.getIdPart()))
        .findFirst()
        .orElseThrow(() -> SpineOutcomes.notFound("no CareTeam with this id is held"));
  }

  /**
   * Names the access the view recorded (and notified to the councils) in {@value #ACCESS_EVENT}, so
   * the caller can cite it; absent when nothing was recorded (nothing held, scheduled care or a
   * role that views silently).
   */
  private static QueryAnswer recorded(QueryAnswer a, HttpServletResponse response) {
    if (a.accessEventId() != null) {
      response.setHeader(ACCESS_EVENT, a.accessEventId());
    }
    return a;
  }

  private static List<CareTeam> careTeams(QueryAnswer a) {
    return a.records().stream().map(e -> FhirResources.careTeam(a.nhsNumber(), e)).toList();
  }
}
