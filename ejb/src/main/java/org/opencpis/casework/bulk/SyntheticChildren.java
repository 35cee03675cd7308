package org.opencpis.casework.bulk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import org.opencpis.casework.domain.CaseworkRefusal;
import org.opencpis.casework.domain.Child;
import org.opencpis.shared.Roles;
import org.opencpis.shared.Setting;

/**
 * Synthetic children without NHS numbers, for measuring the bulk load at scale (the benchmark
 * harness, integration-tests {@code bench/BulkLoadBench}). Person ids are {@code prefix + n}; names
 * and dates of birth are made up. Administrators only, and only on a development server: the system
 * property {@value #ENABLED} is true in the development configurations (30-settings.cli) and false
 * in the production one (cli/production), where the endpoint answers 404.
 */
@Stateless
@RolesAllowed(Roles.CPIS_ADMIN)
public class SyntheticChildren {

  /** At most this many a call: one transaction each. */
  public static final int MAX_PER_CALL = 10_000;

  @PersistenceContext(unitName = "cpis")
  EntityManager em;

  /** The system property that offers the development endpoints (read at each use). */
  public static final String ENABLED = "cpis.development-endpoints";

  /** Adds children {@code prefix+from} to {@code prefix+(from+count-1)} to a council's file. */
  public int create(String laCode, String prefix, int from, int count) {
    if (!Setting.flag(ENABLED, false)) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.NOT_FOUND,
          "synthetic-children",
          "synthetic children are a development endpoint, not offered on this server ("
              + ENABLED
              + " is not true)");
    }
    if (count < 1 || count > MAX_PER_CALL || from < 0 || prefix == null || prefix.isBlank()) {
      throw new IllegalArgumentException(
          "say a prefix, from >= 0 and a count between 1 and " + MAX_PER_CALL);
    }
    LocalDate born = LocalDate.of(2012, 1, 1);
    for (int i = from; i < from + count; i++) {
      em.persist(
          new Child(laCode, prefix + i, null, "Synthetic", "Child" + i, born.plusDays(i % 4000)));
      if ((i - from + 1) % 1000 == 0) {
        em.flush();
        em.clear();
      }
    }
    return count;
  }
}
