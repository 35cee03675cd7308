package org.opencpis.web.fhir;

import jakarta.ejb.EJBAccessException;
import jakarta.servlet.http.HttpServletRequest;
import org.opencpis.hub.application.HubFault;
import org.opencpis.hub.application.QueryAnswer;
import org.opencpis.hub.application.QueryRequest;
import org.opencpis.hub.application.QueryService;

/**
 * The one way the FHIR channel asks the hub: the same query as SOAP's QUPC_IN000006GB01 and HL7's
 * QBP^Q11 (R18-R20), on channel {@value #CHANNEL}, with the hub's refusals as the national API's
 * OperationOutcomes.
 */
final class FhirQueries {

  static final String CHANNEL = "FHIR";

  private static final String DENIED =
      "your role does not carry the CP-IS view permission (B0107 or B0170)";

  private final QueryService queries;

  FhirQueries(QueryService queries) {
    this.queries = queries;
  }

  /**
   * The child's records and history. {@code view} true: a look at the child's CP-IS information,
   * recorded and notified when the caller says it is unscheduled care (and their role notifies, as
   * for SOAP); false: a read of what the hub holds that is not itself a view (the access history, a
   * PractitionerRole), recorded nowhere. Both are audited by the hub.
   */
  QueryAnswer ask(HttpServletRequest request, String nhs, boolean view) {
    FhirCaller caller = new FhirCaller(request);
    if (!caller.mayView()) {
      // the hub refuses it (and audits the refusal) before its headers are looked at
      try {
        queries.query(new QueryRequest(nhs, null, false, null, null, false, false, CHANNEL));
      } catch (EJBAccessException | HubFault refused) {
        // as expected
      }
      throw SpineOutcomes.accessDenied(DENIED);
    }
    boolean unscheduled = caller.unscheduled();
    QueryRequest q =
        new QueryRequest(
            nhs,
            caller.queryEventId(),
            view && unscheduled,
            caller.careSetting(),
            caller.viewer(),
            CHANNEL);
    try {
      return queries.query(q);
    } catch (HubFault f) {
      throw switch (f.code()) {
        case HubFault.ACCESS_DENIED -> SpineOutcomes.accessDenied(f.getMessage());
        case HubFault.INVALID_NHS_NUMBER -> SpineOutcomes.invalidSearch(f.getMessage());
        // the other values the hub checks are the caller's headers
        default -> SpineOutcomes.preconditionFailed(f.getMessage());
      };
    } catch (EJBAccessException e) {
      throw SpineOutcomes.accessDenied(DENIED);
    }
  }
}
