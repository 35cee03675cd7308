package org.opencpis.web.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.opencpis.hub.application.QueryAnswer;
import org.opencpis.shared.NhsNumber;

/**
 * A read of the PractitionerRole an AuditEvent's agent points to: who looked at the child, as the
 * access history has them. Audited, never recorded as a view.
 */
public class PractitionerRoleProvider implements IResourceProvider {

  private final FhirQueries queries;

  PractitionerRoleProvider(FhirQueries queries) {
    this.queries = queries;
  }

  @Override
  public Class<PractitionerRole> getResourceType() {
    return PractitionerRole.class;
  }

  @Read
  public PractitionerRole read(@IdParam IdType id, HttpServletRequest request) {
    String nhs = FhirResources.nhsNumberOf(id.getIdPart());
    if (nhs == null || !NhsNumber.isValid(nhs)) {
      throw SpineOutcomes.notFound("no PractitionerRole has this id");
    }
    QueryAnswer a = queries.ask(request, nhs, false);
    return AuditEventProvider.roles(a).stream()
        .filter(r -> r.getIdElement().getIdPart().equals(id.getIdPart()))
        .findFirst()
        .orElseThrow(
            () ->
                SpineOutcomes.notFound(
                    "no PractitionerRole with this id is in the child's history"));
  }
}
