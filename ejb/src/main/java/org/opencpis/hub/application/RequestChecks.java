package org.opencpis.hub.application;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;

/**
 * Checks a request of any channel against the constraints its records declare (lengths of the
 * columns that keep them), before anything is kept: a violation is the hub's refusal {@code
 * ErrorBase1712.INVALID_DATA|<field>}, which every channel answers as its own kind of refusal (a
 * SOAP fault, an HTTP 400, an HL7 AR), never as an internal error.
 */
final class RequestChecks {

  private RequestChecks() {}

  static void valid(Validator validator, Object request) {
    Set<ConstraintViolation<Object>> violations = validator.validate(request);
    violations.stream()
        .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .ifPresent(
            v -> {
              String field = v.getPropertyPath().toString();
              throw new HubFault(
                  HubFault.INVALID_DATA + "|" + field, field, field + ": " + v.getMessage());
            });
  }
}
