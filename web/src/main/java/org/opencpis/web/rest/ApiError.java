package org.opencpis.web.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every refusal of the REST API: a code, the field at fault, and why. */
public record ApiError(String code, String field, String message) {

  static Response response(Response.Status status, String code, String field, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new ApiError(code, field, message))
        .build();
  }
}
