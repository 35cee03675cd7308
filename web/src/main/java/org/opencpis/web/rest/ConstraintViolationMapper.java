package org.opencpis.web.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.Map;

/**
 * A request that breaks the constraints its records and parameters declare (Bean Validation, see
 * {@link Limits}): 400 {@code INVALID}, naming the field (the first, when several are at fault).
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException e) {
    ConstraintViolation<?> v =
        e.getConstraintViolations() == null
            ? null
            : e.getConstraintViolations().stream()
                .min(Comparator.comparing(x -> x.getPropertyPath().toString()))
                .orElse(null);
    if (v == null) {
      return ApiError.response(
          Response.Status.BAD_REQUEST, "INVALID", null, "the request is not valid");
    }
    String field = field(v.getPropertyPath());
    return ApiError.response(Response.Status.BAD_REQUEST, "INVALID", field, message(field, v));
  }

  private static String field(Path path) {
    String name = null;
    for (Path.Node n : path) {
      name = n.getName();
    }
    return name;
  }

  private static String message(String field, ConstraintViolation<?> v) {
    Map<String, Object> attrs = v.getConstraintDescriptor().getAttributes();
    if (v.getConstraintDescriptor().getAnnotation() instanceof Size
        && v.getInvalidValue() instanceof CharSequence s) {
      return field
          + " is at most "
          + attrs.get("max")
          + " characters long (this one has "
          + s.length()
          + ")";
    }
    return field + " " + v.getMessage();
  }
}
