package org.opencpis.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpis.shared.DatabaseUnavailable;

/**
 * What the API says when something fails that is not a refusal, in the same JSON shape as every
 * other refusal, without internals: the database unavailable is a 503 SERVICE_UNAVAILABLE with
 * Retry-After (logged in one line: it is expected during an outage); anything else a 500 whose
 * cause goes to the server log. HTTP errors pass through.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  static final int RETRY_AFTER_SECONDS = 30;

  @Override
  public Response toResponse(Exception e) {
    if (e instanceof WebApplicationException w) {
      return w.getResponse();
    }
    if (DatabaseUnavailable.isCause(e)) {
      LOG.warning("REST request refused: the database is unavailable; nothing of it was kept");
      return Response.fromResponse(
              ApiError.response(
                  Response.Status.SERVICE_UNAVAILABLE,
                  "SERVICE_UNAVAILABLE",
                  null,
                  "OpenCPIS cannot reach its database just now and kept nothing of the request;"
                      + " send it again in a minute"))
          .header("Retry-After", RETRY_AFTER_SECONDS)
          .build();
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
