package org.opencpis.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** Role checks that answer 403 with a reason instead of an empty page. */
final class Roles {

  static final String ADMIN = "cpis-admin";

  private Roles() {}

  static void require(SecurityContext security, String role, String what) {
    if (!security.isUserInRole(role)) {
      String who =
          security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
      throw new WebApplicationException(
          ApiError.response(
              Response.Status.FORBIDDEN,
              "ACCESS_DENIED",
              null,
              "user '" + who + "' needs the role " + role + " to " + what));
    }
  }
}
