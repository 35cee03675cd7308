package org.opencpis.casework.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.opencpis.casework.domain.Council;
import org.opencpis.casework.domain.Worker;
import org.opencpis.casework.domain.WorkerRole;
import org.opencpis.casework.infrastructure.CaseworkRepository;

/**
 * Development data for the council side: for each council in {@code reference/casework-workers.csv}
 * its virtual workers (CP-IS Virtual Worker, SC CSC Screening – Social Care, Data Quality) and a
 * few staff, whose usernames match the development users of the security domain.
 */
@Singleton
@Startup
public class CaseworkReferenceData {

  private static final Logger LOG = Logger.getLogger(CaseworkReferenceData.class.getName());

  @Inject CaseworkRepository casework;

  @PostConstruct
  void load() {
    int added = 0;
    try (var in = getClass().getResourceAsStream("/reference/casework-workers.csv");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",", -1);
        String la = f[0].trim();
        String name = f[1].trim();
        String username = f[2].isBlank() ? null : f[2].trim();
        WorkerRole role = WorkerRole.valueOf(f[3].trim());
        boolean exists =
            username != null
                ? casework.workerByUsername(username).isPresent()
                : casework.virtualWorker(la, role).isPresent();
        if (!exists) {
          casework.add(new Worker(la, name, username, role, f[4].trim()));
          added++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    final int count = added;
    LOG.info(() -> "casework reference data: " + count + " workers added");
    loadCouncils();
  }

  /**
   * Each council's name and the numbers it gives health, from the same public list the hub uses.
   */
  private void loadCouncils() {
    try (var in = getClass().getResourceAsStream("/reference/local-authorities.csv");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (casework.council(f[0].trim()).isEmpty()) {
          casework.add(new Council(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
