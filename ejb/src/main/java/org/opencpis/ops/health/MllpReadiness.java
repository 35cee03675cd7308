package org.opencpis.ops.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the HL7 MLLP listener is bound and accepting; the port is in the answer. */
@Readiness
@ApplicationScoped
public class MllpReadiness implements HealthCheck {

  static final String NAME = "mllp-listener";

  @Override
  public HealthCheckResponse call() {
    NodeChecks node = Checks.node();
    if (node == null) {
      return Checks.notDeployed(NAME);
    }
    try {
      int port = node.mllpPort();
      return HealthCheckResponse.named(NAME).status(port > 0).withData("port", port).build();
    } catch (RuntimeException e) {
      return Checks.down(NAME, e);
    }
  }
}
