package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.opencpis.demographics.application.DemographicsService;
import org.opencpis.demographics.application.LoadReport;
import org.opencpis.shared.Settings;

/**
 * For administrators: the demographic store standing in for the national one (PDS). Load a CSV file
 * ({@code nhsNumber,givenName,familyName,birthDate,supersededBy,sensitive}), see how much is held,
 * look one number up.
 */
@RequestScoped
@Path("/admin/demographics")
@Produces(MediaType.APPLICATION_JSON)
public class DemographicsResource {

  /** A record as held, and the number now in use for it. */
  public record Person(
      String nhsNumber,
      String givenName,
      String familyName,
      LocalDate birthDate,
      String supersededBy,
      boolean sensitive,
      String currentNhsNumber) {}

  @EJB DemographicsService demographics;
  @Inject Settings settings;

  /** Loads a file: per line added, updated, unchanged or rejected with the reason. */
  @POST
  @Consumes("text/csv")
  public LoadReport load(String csv) {
    return demographics.load(csv, settings.zone());
  }

  @GET
  public DemographicsService.Summary summary() {
    return demographics.summary();
  }

  @GET
  @Path("/{nhsNumber}")
  public Response person(@PathParam("nhsNumber") String nhsNumber) {
    return demographics
        .held(nhsNumber.replace(" ", ""))
        .map(
            h ->
                Response.ok(
                        new Person(
                            h.record().nhsNumber(),
                            h.record().givenName(),
                            h.record().familyName(),
                            h.record().birthDate(),
                            h.record().supersededBy(),
                            h.record().sensitive(),
                            h.currentNhsNumber()))
                    .build())
        .orElseGet(
            () ->
                ApiError.response(
                    Response.Status.NOT_FOUND,
                    "NOT_FOUND",
                    "nhsNumber",
                    "no demographic record for this NHS number"));
  }
}
