package org.opencpis.ops.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the database answers a validity check within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = "java:jboss/datasources/CpisDS")
  DataSource database;

  @Override
  public HealthCheckResponse call() {
    try (Connection c = database.getConnection()) {
      return HealthCheckResponse.named("database")
          .status(c.isValid(TIMEOUT_SECONDS))
          .withData("product", c.getMetaData().getDatabaseProductName())
          .build();
    } catch (SQLException | RuntimeException e) {
      return Checks.down("database", e);
    }
  }
}
