package org.opencpis.web.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not the JSON the operation takes: 400 {@code INVALID_JSON}, naming the field. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<UnreadableBody> {

  @Override
  public Response toResponse(UnreadableBody e) {
    return ApiError.response(
        Response.Status.BAD_REQUEST, "INVALID_JSON", e.field(), e.getMessage());
  }
}
