package org.opencpis.web.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.opencpis.casework.domain.CaseworkRefusal;

/** A refusal of the council workflow: 404, 403, 409 or 400, with the reason. */
@Provider
public class CaseworkRefusalMapper implements ExceptionMapper<CaseworkRefusal> {

  @Override
  public Response toResponse(CaseworkRefusal r) {
    Response.Status status =
        switch (r.kind()) {
          case NOT_FOUND -> Response.Status.NOT_FOUND;
          case FORBIDDEN -> Response.Status.FORBIDDEN;
          case CONFLICT -> Response.Status.CONFLICT;
          case INVALID -> Response.Status.BAD_REQUEST;
        };
    return ApiError.response(status, r.kind().name(), r.field(), r.getMessage());
  }
}
