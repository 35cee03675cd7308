package org.opencpis.it.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The crash harness, short version: three kills -9 under load, 6-15 s apart, on the database of the
 * build's server configuration (H2 by default; PostgreSQL with
 * -Dcpis.server.config=standalone-full-postgres.xml, in a database of its own). Its own WildFly,
 * not Arquillian's, on port offset 150 (-Dcrash.port.offset). Skipped with -Dcrash.skip=true. The
 * long version is the same test with -Pcrash (crash.mode=long; see the README).
 */
class CrashIT {

  @Test
  @DisplayName(
      "R28: nothing acknowledged is lost or duplicated or parked across three kills -9 under load,"
          + " and the server answers normally after each restart")
  void nothingAcknowledgedIsLostAcrossKills() throws Exception {
    assumeFalse(Boolean.getBoolean("crash.skip"), "crash.skip=true");
    CrashSettings settings = CrashSettings.fromSystemProperties();
    // bounded: the harness bounds each wait itself; this is the backstop
    Duration limit =
        Duration.ofSeconds(
            settings.startTimeoutSeconds() * (settings.kills() + 1L)
                + (long) settings.loadMaxSeconds() * settings.kills()
                + settings.finalLoadSeconds()
                + settings.drainTimeoutSeconds()
                + 600);
    Report report =
        assertTimeoutPreemptively(limit, () -> new CrashHarness(settings, System.out).run());
    assertThat(report.problems).as(report.table()).isEmpty();
  }
}
