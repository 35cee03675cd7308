package org.opencpis.ops.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the demographics service is available: without it no upload can be checked (R2) and
 * every file is answered CPF05, to be sent again.
 */
@Readiness
@ApplicationScoped
public class DemographicsReadiness implements HealthCheck {

  static final String NAME = "demographics";

  @Override
  public HealthCheckResponse call() {
    NodeChecks node = Checks.node();
    if (node == null) {
      return Checks.notDeployed(NAME);
    }
    try {
      return HealthCheckResponse.named(NAME)
          .status(node.demographicsAvailable())
          .withData("property", node.demographicsProperty())
          .build();
    } catch (RuntimeException e) {
      return Checks.down(NAME, e);
    }
  }
}
