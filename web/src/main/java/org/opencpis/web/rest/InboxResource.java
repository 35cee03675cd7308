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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.opencpis.casework.application.Caller;
import org.opencpis.casework.application.CaseworkService;
import org.opencpis.casework.application.InboxOverview;
import org.opencpis.web.rest.CaseworkViews.InboxView;
import org.opencpis.web.rest.CaseworkViews.StepView;

/**
 * The inboxes of the caller's council (its virtual workers and the caller's own) and their steps.
 */
@RequestScoped
@Path("/inboxes")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

  /** The steps of one page unless the caller asks for another size. */
  static final int PAGE = 50;

  /** The response header with how many steps the filter keeps in all pages. */
  static final String TOTAL = "X-Total-Count";

  @EJB CaseworkService casework;
  @EJB InboxOverview overview;
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
   * The manager's view: every inbox of the caller's council with its open steps, those due by the
   * end of today and those overdue (counts only).
   */
  @GET
  @Path("/overview")
  public InboxOverview.Overview overview() {
    return overview.overview(caller());
  }

  /**
   * A page of an inbox's steps: open ones (all=true adds completed), flagged first, then by due
   * time; flagged=true keeps only flagged steps, overdue=true only overdue ones; {@code limit}
   * (default {@value #PAGE}, at most 500) from {@code offset}. The page is the body; the total the
   * filter keeps is {@value #TOTAL}, and {@code Link} names the next and previous pages.
   */
  @GET
  @Path("/{id}/steps")
  public Response steps(
      @PathParam("id") long id,
      @QueryParam("all") @DefaultValue("false") boolean all,
      @QueryParam("flagged") @DefaultValue("false") boolean flaggedOnly,
      @QueryParam("overdue") @DefaultValue("false") boolean overdueOnly,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("" + PAGE) int limit,
      @Context UriInfo uri) {
    Instant now = casework.now();
    CaseworkService.StepPage page =
        casework.steps(caller(), id, all, flaggedOnly, overdueOnly, offset, limit);
    List<StepView> steps = page.steps().stream().map(s -> StepView.of(s, now)).toList();
    Response.ResponseBuilder r = Response.ok(steps).header(TOTAL, page.total());
    if (offset + steps.size() < page.total()) {
      r.link(
          uri.getRequestUriBuilder().replaceQueryParam("offset", offset + steps.size()).build(),
          "next");
    }
    if (offset > 0) {
      r.link(
          uri.getRequestUriBuilder()
              .replaceQueryParam("offset", Math.max(0, offset - limit))
              .build(),
          "prev");
    }
    return r.build();
  }

  private Caller caller() {
    return new Caller(security.getUserPrincipal().getName());
  }
}
