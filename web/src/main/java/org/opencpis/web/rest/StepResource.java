package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.opencpis.casework.application.AccessTimelineService;
import org.opencpis.casework.application.Caller;
import org.opencpis.casework.application.CaseworkService;
import org.opencpis.web.rest.CaseworkViews.ClipboardView;
import org.opencpis.web.rest.CaseworkViews.StepView;

/** A workflow step and the actions on it (R22, R23). */
@RequestScoped
@Path("/steps/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class StepResource {

  /** Body of a completion: the case note that records the decision. */
  public record Completion(Long caseNoteId) {}

  @EJB CaseworkService casework;
  @EJB AccessTimelineService timelines;
  @Context SecurityContext security;

  /** The step, with the attendance timeline of its child (R25). */
  @GET
  public StepView step(@PathParam("id") long id) {
    return StepView.of(casework.step(caller(), id), casework.now(), timelines.ofStep(caller(), id));
  }

  @POST
  @Path("/start")
  public StepView start(@PathParam("id") long id) {
    return StepView.of(casework.start(caller(), id), casework.now());
  }

  /** Open to social care: clipboard notification to the key worker; the step completes. */
  @POST
  @Path("/notify-allocated-team")
  public ClipboardView notifyAllocatedTeam(@PathParam("id") long id) {
    return ClipboardView.of(casework.notifyAllocatedTeam(caller(), id));
  }

  /** Open to Early Help: notification to the Early Help worker; the step completes. */
  @POST
  @Path("/notify-early-help")
  public ClipboardView notifyEarlyHelp(@PathParam("id") long id) {
    return ClipboardView.of(casework.notifyEarlyHelp(caller(), id));
  }

  /** Not open: next action to SC CSC Screening; answers the new screening step. */
  @POST
  @Path("/refer-to-screening")
  public StepView referToScreening(@PathParam("id") long id) {
    return StepView.of(casework.referToScreening(caller(), id), casework.now());
  }

  @POST
  @Path("/complete")
  @Consumes(MediaType.APPLICATION_JSON)
  public StepView complete(@PathParam("id") long id, Completion body) {
    return StepView.of(
        casework.complete(caller(), id, body == null ? null : body.caseNoteId()), casework.now());
  }

  private Caller caller() {
    return new Caller(security.getUserPrincipal().getName());
  }
}
