package org.opencpis.web.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.opencpis.web.security.RequiredRoles;

/**
 * A caller whose role may not call the application service behind a request (the services declare
 * who may, {@code @RolesAllowed}): 403 ACCESS_DENIED, naming the user, the role that would do and
 * the request.
 */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

  @Context SecurityContext security;
  @Context UriInfo uri;
  @Context Request request;

  @Override
  public Response toResponse(EJBAccessException e) {
    String who = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    return ApiError.response(
        Response.Status.FORBIDDEN,
        "ACCESS_DENIED",
        null,
        RequiredRoles.message(
            who, e, request.getMethod() + " /" + uri.getPath().replaceFirst("^/", "")));
  }
}
