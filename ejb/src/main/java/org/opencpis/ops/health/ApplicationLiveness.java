package org.opencpis.ops.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the application's EJB container answers. */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    NodeChecks node = Checks.node();
    if (node == null) {
      return Checks.notDeployed("opencpis");
    }
    try {
      node.mllpPort();
      return HealthCheckResponse.named("opencpis").up().build();
    } catch (RuntimeException e) {
      return Checks.down("opencpis", e);
    }
  }
}
