package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.util.List;
import org.opencpis.casework.application.Caller;
import org.opencpis.casework.application.PlanService;
import org.opencpis.casework.domain.CareLegalStatus;
import org.opencpis.casework.domain.CaseworkRefusal;
import org.opencpis.casework.domain.PlanKind;
import org.opencpis.web.rest.CaseworkViews.PlanView;

/**
 * Child protection plans and care episodes on a child's file (for an unborn: the pre-birth plan).
 * Every change is sent to CP-IS within seconds (R9); care episodes other than s31, s38 and s20 stay
 * on the council's file (R7).
 */
@RequestScoped
@Path("/children/{childId}/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

  public record NewPlan(
      @Size(max = Limits.CODE) String type,
      @Size(max = Limits.CODE) String legalStatus,
      LocalDate startDate,
      LocalDate endDate) {}

  public record PlanEnd(LocalDate endDate) {}

  @EJB PlanService plans;
  @Context SecurityContext security;

  @GET
  public List<PlanView> list(@PathParam("childId") long childId) {
    return plans.plans(caller(), childId).stream().map(PlanView::of).toList();
  }

  @POST
  public Response add(@PathParam("childId") long childId, @Valid NewPlan p) {
    if (p == null) {
      throw new CaseworkRefusal(CaseworkRefusal.Kind.INVALID, null, "send the plan as JSON");
    }
    PlanView added =
        PlanView.of(
            plans.addPlan(
                caller(),
                childId,
                Enums.parse(PlanKind.class, p.type(), "type"),
                Enums.parse(CareLegalStatus.class, p.legalStatus(), "legalStatus"),
                p.startDate(),
                p.endDate()));
    return Response.status(Response.Status.CREATED).entity(added).build();
  }

  @PUT
  @Path("/{planId}")
  public PlanView end(
      @PathParam("childId") long childId, @PathParam("planId") long planId, PlanEnd e) {
    return PlanView.of(plans.endPlan(caller(), childId, planId, e == null ? null : e.endDate()));
  }

  /** The plan was recorded in error: CP-IS removes the information. */
  @DELETE
  @Path("/{planId}")
  public PlanView remove(@PathParam("childId") long childId, @PathParam("planId") long planId) {
    return PlanView.of(plans.removePlan(caller(), childId, planId));
  }

  private Caller caller() {
    return new Caller(security.getUserPrincipal().getName());
  }
}
