package org.opencpis.ops.health;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Shared by the checks: the application's side, and a failure told by its kind only. */
final class Checks {

  private Checks() {}

  /** The application's {@link NodeChecks}, or null while it is not deployed. */
  static NodeChecks node() {
    try {
      return (NodeChecks) new InitialContext().lookup(NodeChecks.JNDI);
    } catch (NamingException e) {
      return null;
    }
  }

  /** Down, with the kind of failure only: a driver's message can carry a URL or a user name. */
  static HealthCheckResponse down(String name, Exception e) {
    return HealthCheckResponse.named(name)
        .down()
        .withData("error", e.getClass().getSimpleName())
        .build();
  }

  static HealthCheckResponse notDeployed(String name) {
    return HealthCheckResponse.named(name)
        .down()
        .withData("error", "the application is not deployed")
        .build();
  }
}
