package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.opencpis.hub.application.RegisterAdminService;
import org.opencpis.hub.application.RetentionService;

/** For administrators: what the register holds for a child, and the retention purge on demand. */
@RequestScoped
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class RegisterAdminResource {

  /** A record as held, whether or not health can still see it. */
  public record HeldRecord(
      String laCode,
      String planType,
      String subjectKind,
      String localChildId,
      LocalDate startDate,
      LocalDate endDate,
      LocalDate deleteDate) {}

  /** How many accesses are recorded for a child. */
  public record AccessCount(String nhsNumber, long accesses) {}

  /** What a purge did. */
  public record PurgeResult(int removed) {}

  @EJB RegisterAdminService register;
  @EJB RetentionService retention;

  @GET
  @Path("/register/{nhsNumber}")
  public List<HeldRecord> held(@PathParam("nhsNumber") String nhsNumber) {
    return register.heldFor(nhsNumber).stream()
        .map(
            r ->
                new HeldRecord(
                    r.laCode(),
                    r.planType().name(),
                    r.subjectKind().name(),
                    r.localChildId(),
                    r.startDate(),
                    r.endDate(),
                    r.deleteDate()))
        .toList();
  }

  @GET
  @Path("/register/{nhsNumber}/accesses")
  public AccessCount accesses(@PathParam("nhsNumber") String nhsNumber) {
    return new AccessCount(nhsNumber, register.accessCount(nhsNumber));
  }

  @POST
  @Path("/retention/run")
  public PurgeResult runRetention() {
    return new PurgeResult(retention.purge());
  }
}
