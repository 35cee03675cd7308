package org.opencpis.web.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The channel's rules around every FHIR request (HAPI keeps them out of the providers): GET only,
 * and every error an OperationOutcome coded as the national API codes them; an unexpected failure
 * is a 500 that says nothing of the cause (logged here, without the request's values).
 */
public class FhirChannelInterceptor {

  private static final Logger LOG = Logger.getLogger(FhirChannelInterceptor.class.getName());

  /** Before HAPI looks for a method to answer it, so a POST is 405, not "no such operation". */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
  public boolean onlyGet(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) {
      MethodNotAllowedException e =
          new MethodNotAllowedException(
              "the CP-IS FHIR API is read-only: GET only", RequestTypeEnum.GET);
      e.setOperationOutcome(
          SpineOutcomes.outcome(
              IssueType.NOTSUPPORTED,
              SpineOutcomes.NOT_IMPLEMENTED,
              "Not implemented",
              "the CP-IS FHIR API is read-only: GET only"));
      throw e;
    }
    return true;
  }

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException coded(RequestDetails request, Throwable failure) {
    BaseServerResponseException e;
    if (failure instanceof BaseServerResponseException known) {
      e = known;
    } else {
      LOG.log(
          Level.SEVERE,
          "FHIR "
              + (request == null ? "" : request.getRequestType() + " " + request.getResourceName())
              + " failed: "
              + failure.getClass().getName(),
          failure);
      e = new InternalErrorException("the service could not answer; try again later");
    }
    SpineOutcomes.code(e);
    return e;
  }
}
