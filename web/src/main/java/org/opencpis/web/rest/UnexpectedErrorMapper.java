package org.opencpis.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the API says when something unexpected fails: a 500 in the same JSON shape as every other
 * refusal, without internals; the cause goes to the server log. HTTP errors pass through.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Override
  public Response toResponse(Exception e) {
    if (e instanceof WebApplicationException w) {
      return w.getResponse();
    }
    LOG.log(Level.SEVERE, "REST request failed; nothing of it was kept", e);
    return ApiError.response(
        Response.Status.INTERNAL_SERVER_ERROR,
        "INTERNAL_ERROR",
        null,
        "OpenCPIS could not complete the request and kept nothing of it; try again, and tell the"
            + " administrator if it keeps failing");
  }
}
