package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.opencpis.casework.application.BulkRouting;
import org.opencpis.casework.application.Caller;

/**
 * Routing many CPIS Follow Ups by one route where it is unambiguous (R22): each step as {@code POST
 * /steps/{id}/<route>} routes it, each in its own transaction; the ones the route does not fit are
 * listed with the reason, unchanged.
 */
@RequestScoped
@Path("/steps/bulk-route")
@Produces(MediaType.APPLICATION_JSON)
public class BulkRouteResource {

  /**
   * The request: the route as the single-step API names it, and 1 to 500 step ids (checked by the
   * service, after who may call it).
   */
  public record BulkRoute(List<Long> stepIds, @Size(max = Limits.CODE) String route) {}

  @EJB BulkRouting routing;
  @Context SecurityContext security;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public BulkRouting.Outcome route(@Valid BulkRoute body) {
    return routing.route(
        new Caller(security.getUserPrincipal().getName()),
        body == null ? null : body.route(),
        body == null ? null : body.stepIds());
  }
}
