package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.opencpis.casework.application.Caller;
import org.opencpis.casework.application.CaseworkService;
import org.opencpis.web.rest.CaseworkViews.InboxView;
import org.opencpis.web.rest.CaseworkViews.StepView;

/**
 * The inboxes of the caller's council (its virtual workers and the caller's own) and their steps.
 */
@RequestScoped
@Path("/inboxes")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

  @EJB CaseworkService casework;
  @Context SecurityContext security;

  @GET
  public List<InboxView> inboxes() {
    return casework.inboxes(caller()).stream()
        .map(
            w ->
                new InboxView(
                    w.id(), w.name(), w.role().name(), w.teamName(), casework.openSteps(w)))
        .toList();
  }

  /**
   * The steps of an inbox: open ones (all=true adds completed), flagged first, then by due time;
   * flagged=true keeps only flagged steps, overdue=true only overdue ones.
   */
  @GET
  @Path("/{id}/steps")
  public List<StepView> steps(
      @PathParam("id") long id,
      @QueryParam("all") @DefaultValue("false") boolean all,
      @QueryParam("flagged") @DefaultValue("false") boolean flaggedOnly,
      @QueryParam("overdue") @DefaultValue("false") boolean overdueOnly) {
    Instant now = casework.now();
    return casework.steps(caller(), id, all).stream()
        .map(s -> StepView.of(s, now))
        .filter(s -> !flaggedOnly || s.flagged())
        .filter(s -> !overdueOnly || s.overdue())
        .toList();
  }

  private Caller caller() {
    return new Caller(security.getUserPrincipal().getName());
  }
}
