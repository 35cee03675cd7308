package org.opencpis.hub.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.logging.Logger;
import org.opencpis.hub.domain.RetentionPolicy;
import org.opencpis.hub.domain.SharedRecord;
import org.opencpis.hub.infrastructure.RegisterRepository;
import org.opencpis.shared.Roles;
import org.opencpis.shared.Settings;

/**
 * Removes for good the information that has left its retention period (R10): ended more than 12
 * months ago, or past its delete date. Queries already ignore it from the day after; the timer
 * makes sure it can never be retrieved again. Information with no end date stays (R11).
 */
@Stateless
@RolesAllowed(Roles.CPIS_ADMIN)
public class RetentionService {

  private static final Logger LOG = Logger.getLogger(RetentionService.class.getName());

  @Inject RegisterRepository register;
  @Inject Settings settings;

  @PermitAll
  @Schedule(hour = "2", minute = "15", persistent = false, info = "CP-IS retention purge")
  public void nightly() {
    purge();
  }

  /** Purges as of today; returns how many records were removed. */
  public int purge() {
    return purge(LocalDate.now(settings.clock()));
  }

  int purge(LocalDate today) {
    RetentionPolicy policy = new RetentionPolicy(settings.retentionMonths());
    int removed = 0;
    for (SharedRecord r : register.retentionCandidates(today)) {
      if (!r.visibleOn(today, policy)) {
        register.remove(r);
        removed++;
      }
    }
    final int count = removed;
    LOG.info(() -> "retention purge as of " + today + ": " + count + " records removed");
    return removed;
  }
}
