package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.opencpis.casework.application.Caller;
import org.opencpis.casework.application.CaseworkService;
import org.opencpis.web.rest.CaseworkViews.ClipboardView;
import org.opencpis.web.rest.CaseworkViews.WorkerView;

/** A worker's clipboard notifications, and completing a follow-up (R23). */
@RequestScoped
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ClipboardResource {

  /** Body of a follow-up completion: a case note, or a CP / CiC visit step. */
  public record FollowUpCompletion(Long caseNoteId, Long visitStepId) {}

  @EJB CaseworkService casework;
  @Context SecurityContext security;

  @GET
  @Path("workers/me")
  public WorkerView me() {
    return WorkerView.of(casework.worker(caller()));
  }

  @GET
  @Path("workers/{id}/clipboard")
  public List<ClipboardView> clipboard(
      @PathParam("id") long workerId, @QueryParam("all") @DefaultValue("false") boolean all) {
    return casework.clipboard(caller(), workerId, all).stream().map(ClipboardView::of).toList();
  }

  @POST
  @Path("clipboard/{id}/complete")
  @Consumes(MediaType.APPLICATION_JSON)
  public ClipboardView complete(@PathParam("id") long id, FollowUpCompletion body) {
    return ClipboardView.of(
        casework.completeFollowUp(
            caller(),
            id,
            body == null ? null : body.caseNoteId(),
            body == null ? null : body.visitStepId()));
  }

  private Caller caller() {
    return new Caller(security.getUserPrincipal().getName());
  }
}
