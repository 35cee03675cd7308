package org.opencpis.casework.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.opencpis.casework.domain.Council;
import org.opencpis.casework.domain.Worker;
import org.opencpis.casework.domain.WorkerRole;
import org.opencpis.casework.infrastructure.CaseworkRepository;
import org.opencpis.shared.ReferenceCsv;

/**
 * Development data for the council side: each council's name and the numbers it gives health (from
 * the same public list the hub loads, kept in the council side's own table), and for each council
 * in {@code reference/casework-workers.csv} its virtual workers (CP-IS Virtual Worker, SC CSC
 * Screening – Social Care, Data Quality) and a few staff, whose usernames match the development
 * users of the security domain.
 */
@Singleton
@Startup
@DependsOn("EnumColumnChecks") // a database made before a role was added admits it first
public class CaseworkReferenceData {

  private static final Logger LOG = Logger.getLogger(CaseworkReferenceData.class.getName());

  @Inject CaseworkRepository casework;

  @PostConstruct
  void load() {
    for (String[] f : ReferenceCsv.rows("/reference/local-authorities.csv")) {
      if (casework.council(f[0]).isEmpty()) {
        casework.add(new Council(f[0], f[1], f[2], f[3]));
      }
    }
    int added = 0;
    for (String[] f : ReferenceCsv.rows("/reference/casework-workers.csv")) {
      String la = f[0];
      String username = f[2].isEmpty() ? null : f[2];
      WorkerRole role = WorkerRole.valueOf(f[3]);
      boolean exists =
          username != null
              ? casework.workerByUsername(username).isPresent()
              : casework.virtualWorker(la, role).isPresent();
      if (!exists) {
        casework.add(new Worker(la, f[1], username, role, f[4]));
        added++;
      }
    }
    final int count = added;
    LOG.info(() -> "casework reference data: " + count + " workers added");
  }
}
