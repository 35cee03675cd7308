package org.opencpis.web.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The national API's errors: an OperationOutcome with one issue, its FHIR issue type and its code
 * in NHS England's {@value #SYSTEM}, and a diagnostics sentence for a person.
 */
final class SpineOutcomes {

  static final String SYSTEM = "https://fhir.nhs.uk/CodeSystem/England-SpineErrorOrWarningCode";

  static final String INVALID_SEARCH_DATA = "INVALID_SEARCH_DATA";
  static final String PRECONDITION_FAILED = "PRECONDITION_FAILED";
  static final String ACCESS_DENIED = "ACCESS_DENIED";
  static final String NO_RECORD_FOUND = "NO_RECORD_FOUND";
  static final String NOT_IMPLEMENTED = "NOT_IMPLEMENTED";
  static final String INVALID_REQUEST_MESSAGE = "INVALID_REQUEST_MESSAGE";
  static final String INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR";

  private SpineOutcomes() {}

  /** 400 invalid / INVALID_SEARCH_DATA: the search (its parameters, the NHS number) is wrong. */
  static InvalidRequestException invalidSearch(String diagnostics) {
    InvalidRequestException e = new InvalidRequestException(diagnostics);
    e.setOperationOutcome(
        outcome(
            IssueType.INVALID, INVALID_SEARCH_DATA, "Invalid search data provided", diagnostics));
    return e;
  }

  /** 400 invalid / PRECONDITION_FAILED: a request header is missing or has a wrong value. */
  static InvalidRequestException preconditionFailed(String diagnostics) {
    InvalidRequestException e = new InvalidRequestException(diagnostics);
    e.setOperationOutcome(
        outcome(
            IssueType.INVALID,
            PRECONDITION_FAILED,
            "Required condition was not fulfilled",
            diagnostics));
    return e;
  }

  /** 403 forbidden / ACCESS_DENIED. */
  static ForbiddenOperationException accessDenied(String diagnostics) {
    ForbiddenOperationException e = new ForbiddenOperationException(diagnostics);
    e.setOperationOutcome(
        outcome(
            IssueType.FORBIDDEN,
            ACCESS_DENIED,
            "Access has been denied to process this request",
            diagnostics));
    return e;
  }

  /** 404 not-found / NO_RECORD_FOUND: a read of an id nothing visible answers to. */
  static ResourceNotFoundException notFound(String diagnostics) {
    ResourceNotFoundException e = new ResourceNotFoundException(diagnostics);
    e.setOperationOutcome(
        outcome(IssueType.NOTFOUND, NO_RECORD_FOUND, "No record found", diagnostics));
    return e;
  }

  /**
   * Gives an error HAPI made itself (unknown resource type, unsupported interaction, a wrong {@code
   * _format}) the national coding, keeping its status and its message.
   */
  static void code(BaseServerResponseException e) {
    if (e.getOperationOutcome() instanceof OperationOutcome o
        && o.getIssueFirstRep().getDetails().getCodingFirstRep().hasSystem()) {
      return;
    }
    int status = e.getStatusCode();
    OperationOutcome o;
    if (status == 403 || status == 401) {
      o =
          outcome(
              IssueType.FORBIDDEN,
              ACCESS_DENIED,
              "Access has been denied to process this request",
              e.getMessage());
    } else if (status == 404 || status == 410) {
      o = outcome(IssueType.NOTFOUND, NO_RECORD_FOUND, "No record found", e.getMessage());
    } else if (status == 405 || status == 501) {
      o = outcome(IssueType.NOTSUPPORTED, NOT_IMPLEMENTED, "Not implemented", e.getMessage());
    } else if (status < 500) {
      o =
          outcome(
              IssueType.INVALID,
              INVALID_REQUEST_MESSAGE,
              "Invalid request message",
              e.getMessage());
    } else {
      o =
          outcome(
              IssueType.EXCEPTION,
              INTERNAL_SERVER_ERROR,
              "Unexpected internal server error",
              "the service could not answer; try again later");
    }
    e.setOperationOutcome(o);
  }

  static OperationOutcome outcome(IssueType type, String code, String display, String diagnostics) {
    CodeableConcept details = new CodeableConcept();
    details.addCoding().setSystem(SYSTEM).setCode(code).setDisplay(display);
    OperationOutcome o = new OperationOutcome();
    o.addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(type)
        .setDetails(details)
        .setDiagnostics(diagnostics);
    return o;
  }
}
