package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.opencpis.casework.application.CouncilSetupService;
import org.opencpis.casework.application.CouncilSetupService.PatternThresholds;
import org.opencpis.casework.domain.CaseworkRefusal;

/**
 * For administrators: a council's own thresholds of the access pattern that flags a CP-IS step
 * (R25), in place of the service's ({@code cpis.pattern.*}).
 */
@RequestScoped
@Path("/admin/councils/{la}/pattern-thresholds")
@Produces(MediaType.APPLICATION_JSON)
public class CouncilPatternResource {

  /** Both set: the council's own; both null: the service's again. */
  public record Thresholds(Integer accessesIn30Days, Integer organisationsIn7Days) {}

  @EJB CouncilSetupService councils;

  @GET
  public PatternThresholds get(@PathParam("la") @Pattern(regexp = Limits.LA_CODE) String la) {
    return councils.patternThresholds(la);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public PatternThresholds set(
      @PathParam("la") @Pattern(regexp = Limits.LA_CODE) String la, Thresholds t) {
    if (t == null) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          "accessesIn30Days",
          "send accessesIn30Days and organisationsIn7Days (both null: the service's thresholds)");
    }
    return councils.setPatternThresholds(la, t.accessesIn30Days(), t.organisationsIn7Days());
  }
}
