package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.opencpis.hub.application.RegisterAdminService;

/** The local authorities known to the hub, with the numbers health is given. */
@RequestScoped
@Path("/local-authorities")
@Produces(MediaType.APPLICATION_JSON)
public class LocalAuthorityResource {

  /** One LA as the API shows it. */
  public record LocalAuthorityView(
      String odsCode, String name, String officeHoursPhone, String emergencyDutyPhone) {}

  @EJB RegisterAdminService register;

  @GET
  public List<LocalAuthorityView> list() {
    return register.localAuthorities().stream()
        .map(
            la ->
                new LocalAuthorityView(
                    la.odsCode(), la.name(), la.officeHoursPhone(), la.emergencyDutyPhone()))
        .toList();
  }
}
