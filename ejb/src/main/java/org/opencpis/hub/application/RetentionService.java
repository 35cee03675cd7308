package org.opencpis.hub.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.logging.Logger;
import org.opencpis.hub.domain.LocalAuthority;
import org.opencpis.hub.domain.RetentionPolicy;
import org.opencpis.hub.domain.SharedRecord;
import org.opencpis.hub.infrastructure.RegisterRepository;
import org.opencpis.shared.Roles;
import org.opencpis.shared.Settings;

/**
 * Removes for good the information that has left its retention period (R10): ended more than 12
 * months ago, or past its delete date. Queries already ignore it from the day after; the timer
 * makes sure it can never be retrieved again. Information with no end date stays (R11).
 *
 * <p>The purge never interleaves with an upload: it works one council at a time, each in its own
 * short transaction that first locks the council's row, the lock every upload of that council
 * (cpisupload or the council workflow) takes for the whole of its file. So the purge decides on a
 * council's records either before a file or after it, never half-way through, and a record a file
 * has just shared again is seen as shared, not removed from under it (nor does the file fail on a
 * record the purge removed). One transaction per council also keeps the lock short, so a council's
 * uploads wait at most for that council's own purge.
 */
@Stateless
@RolesAllowed(Roles.CPIS_ADMIN)
public class RetentionService {

  private static final Logger LOG = Logger.getLogger(RetentionService.class.getName());

  @Inject RegisterRepository register;
  @Inject Settings settings;
  @Resource SessionContext context;

  @PermitAll
  @Schedule(hour = "2", minute = "15", persistent = false, info = "CP-IS retention purge")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void nightly() {
    purge();
  }

  /** Purges as of today; returns how many records were removed. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int purge() {
    LocalDate today = LocalDate.now(settings.clock());
    RetentionService self = context.getBusinessObject(RetentionService.class);
    int removed = 0;
    for (LocalAuthority la : register.localAuthorities()) {
      removed += self.purgeCouncil(la.odsCode(), today);
    }
    final int count = removed;
    LOG.info(() -> "retention purge as of " + today + ": " + count + " records removed");
    return removed;
  }

  /** One council's purge, in its own transaction, under the council's upload lock. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int purgeCouncil(String laCode, LocalDate today) {
    if (register.lockLocalAuthority(laCode).isEmpty()) {
      return 0;
    }
    RetentionPolicy policy = new RetentionPolicy(settings.retentionMonths());
    int removed = 0;
    for (SharedRecord r : register.retentionCandidates(laCode, today)) {
      if (!r.visibleOn(today, policy)) {
        register.remove(r);
        removed++;
      }
    }
    return removed;
  }
}
