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
import org.opencpis.casework.application.InboxSteps;
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
  @EJB InboxSteps inboxSteps;
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
   * A page of an inbox's steps: open ones (all=true adds completed); flagged=true keeps only
   * flagged steps, overdue=true only overdue ones, organisation= (an ODS code) only accesses from
   * that organisation, careSetting= (ED, MIU, ...) only accesses in that setting, involvement=
   * (OPEN_SOCIAL_CARE, OPEN_EARLY_HELP, CLOSED) only children the council is involved with so;
   * sort=due (the default: flagged first, then by due time), arrived (newest first) or oldest
   * (oldest arrival first); {@code limit} (default {@value #PAGE}, at most 500) from {@code
   * offset}. The page is the body; the total the filters keep is {@value #TOTAL}, and {@code Link}
   * names the next and previous pages (with the same filters). A bad value is 400 naming it.
   */
  @GET
  @Path("/{id}/steps")
  public Response steps(
      @PathParam("id") long id,
      @QueryParam("all") @DefaultValue("false") boolean all,
      @QueryParam("flagged") @DefaultValue("false") boolean flaggedOnly,
      @QueryParam("overdue") @DefaultValue("false") boolean overdueOnly,
      @QueryParam("organisation") String organisation,
      @QueryParam("careSetting") String careSetting,
      @QueryParam("involvement") String involvement,
      @QueryParam("sort") String sort,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("" + PAGE) int limit,
      @Context UriInfo uri) {
    Instant now = casework.now();
    CaseworkService.StepPage page =
        inboxSteps.steps(
            caller(),
            id,
            new InboxSteps.Query(
                all, flaggedOnly, overdueOnly, organisation, careSetting, involvement, sort),
            offset,
            limit);
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

  /**
   * What an inbox's step filters can be set to: the organisations its steps' accesses came from
   * (open steps unless all=true), the care settings (those present and the usual ones) and the
   * involvements.
   */
  @GET
  @Path("/{id}/filters")
  public InboxSteps.FilterValues filters(
      @PathParam("id") long id, @QueryParam("all") @DefaultValue("false") boolean all) {
    return inboxSteps.filterValues(caller(), id, all);
  }

  private Caller caller() {
    return new Caller(security.getUserPrincipal().getName());
  }
}
