package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.opencpis.casework.application.CouncilSetupService;
import org.opencpis.casework.domain.CaseworkRefusal;
import org.opencpis.casework.domain.WorkerRole;
import org.opencpis.web.rest.CaseworkViews.WorkerView;

/** For administrators: setting up a council's workers and virtual workers. */
@RequestScoped
@Path("/admin/councils/{la}/workers")
@Produces(MediaType.APPLICATION_JSON)
public class CouncilAdminResource {

  /** The limits are the columns' (casework Worker). */
  public record NewWorker(
      @Size(max = 120) String name,
      @Size(max = 80) String username,
      @Size(max = Limits.CODE) String role,
      @Size(max = 120) String team) {}

  @EJB CouncilSetupService councils;

  @GET
  public List<WorkerView> workers(@PathParam("la") @Pattern(regexp = Limits.LA_CODE) String la) {
    return councils.workers(la).stream().map(WorkerView::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(
      @PathParam("la") @Pattern(regexp = Limits.LA_CODE) String la, @Valid NewWorker w) {
    if (w == null || w.role() == null) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID, "role", "send name, username, role and team");
    }
    WorkerRole role = Enums.parse(WorkerRole.class, w.role(), "role");
    WorkerView added =
        WorkerView.of(councils.addWorker(la, w.name(), w.username(), role, w.team()));
    return Response.status(Response.Status.CREATED).entity(added).build();
  }
}
