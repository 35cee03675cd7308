package org.opencpis.ops.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the broker takes a connection (the queues between the contexts live there). */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

  @Resource(lookup = "java:/ConnectionFactory")
  ConnectionFactory broker;

  @Override
  public HealthCheckResponse call() {
    try (Connection c = broker.createConnection()) {
      c.start();
      return HealthCheckResponse.named("broker").up().build();
    } catch (JMSException | RuntimeException e) {
      return Checks.down("broker", e);
    }
  }
}
