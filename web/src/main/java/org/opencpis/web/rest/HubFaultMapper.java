package org.opencpis.web.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.opencpis.hub.application.HubFault;

/** A refusal of the hub: 403 when it is about who is asking, 400 otherwise, with the reason. */
@Provider
public class HubFaultMapper implements ExceptionMapper<HubFault> {

  @Override
  public Response toResponse(HubFault f) {
    Response.Status status =
        HubFault.ACCESS_DENIED.equals(f.code())
            ? Response.Status.FORBIDDEN
            : Response.Status.BAD_REQUEST;
    return ApiError.response(status, f.code(), f.field(), f.getMessage());
  }
}
