package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.opencpis.casework.application.CouncilSetupService;
import org.opencpis.casework.domain.CaseworkRefusal;
import org.opencpis.casework.domain.OutOfHoursEscalation;
import org.opencpis.web.rest.CaseworkViews.WorkerView;

/**
 * For administrators: what of a council's CP-IS work also goes to its Emergency Duty Team out of
 * working hours (R24, R25): flagged patterns, and care settings that always escalate for a plan
 * type (e.g. ED for a child on a CPP).
 */
@RequestScoped
@Path("/admin/councils/{la}/edt-escalation")
@Produces(MediaType.APPLICATION_JSON)
public class CouncilEscalationResource {

  /** A care setting (as health names it, e.g. ED) that escalates for a child on the plan type. */
  public record Setting(@Size(max = 20) String careSetting, @Size(max = 8) String planType) {}

  public record Escalation(
      Boolean enabled, Boolean flaggedPatterns, @Size(max = 30) List<@Valid Setting> settings) {}

  /** The settings, and the Emergency Duty Team's inbox (null when the council has none). */
  public record EscalationView(
      boolean enabled, boolean flaggedPatterns, List<Setting> settings, WorkerView inbox) {
    static EscalationView of(CouncilSetupService.Escalation e) {
      return new EscalationView(
          e.policy().enabled(),
          e.policy().flaggedPatterns(),
          e.policy().settings().stream()
              .map(s -> new Setting(s.careSetting(), s.planType().name()))
              .toList(),
          WorkerView.of(e.inbox()));
    }
  }

  @EJB CouncilSetupService councils;

  @GET
  public EscalationView get(@PathParam("la") @Pattern(regexp = Limits.LA_CODE) String la) {
    return EscalationView.of(councils.escalation(la));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public EscalationView set(
      @PathParam("la") @Pattern(regexp = Limits.LA_CODE) String la, @Valid Escalation e) {
    if (e == null || e.enabled() == null) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          "enabled",
          "send enabled (true or false), flaggedPatterns and settings"
              + " [{\"careSetting\":\"ED\",\"planType\":\"CPP\"}]");
    }
    List<OutOfHoursEscalation.Setting> settings =
        e.settings() == null
            ? List.of()
            : e.settings().stream()
                .map(
                    s ->
                        new OutOfHoursEscalation.Setting(
                            s == null ? null : s.careSetting(),
                            s == null
                                ? null
                                : Enums.parse(
                                    OutOfHoursEscalation.PlanType.class, s.planType(), "planType")))
                .toList();
    var policy =
        new OutOfHoursEscalation.Policy(
            e.enabled(), e.flaggedPatterns() == null || e.flaggedPatterns(), settings);
    return EscalationView.of(councils.setEscalation(la, policy));
  }
}
