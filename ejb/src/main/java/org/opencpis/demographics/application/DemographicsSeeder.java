package org.opencpis.demographics.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;
import org.opencpis.demographics.domain.DemographicRecord;
import org.opencpis.demographics.domain.SeedPopulation;
import org.opencpis.demographics.infrastructure.DemographicsRepository;
import org.opencpis.shared.Setting;

/**
 * Seeds an empty demographic store, at startup, with the generated development population ({@link
 * SeedPopulation}: {@value #SEED_SIZE} records, default 12,000; 0 seeds nothing, as production
 * should). A store that holds anything is left alone.
 */
@Singleton
@Startup
public class DemographicsSeeder {

  static final String SEED_SIZE = DemographicsSettings.SEED_SIZE;
  static final int DEFAULT_SEED_SIZE = 12_000;

  private static final Logger LOG = Logger.getLogger(DemographicsSeeder.class.getName());

  @Inject DemographicsRepository repository;

  @PostConstruct
  void seed() {
    int size = seedSize();
    if (size <= 0) {
      LOG.info(() -> "demographic store: no development seed (" + SEED_SIZE + " is 0)");
      return;
    }
    if (repository.count() > 0) {
      LOG.info("demographic store holds records already: not seeded");
      return;
    }
    long t0 = System.nanoTime();
    List<DemographicRecord> people =
        SeedPopulation.generate(size, LocalDate.now(Setting.zone("cpis.zone", "Europe/London")));
    long t1 = System.nanoTime();
    repository.insertAll(people);
    long t2 = System.nanoTime();
    LOG.info(
        () ->
            "demographic store seeded with "
                + people.size()
                + " generated records in "
                + (t2 - t0) / 1_000_000
                + " ms (generated in "
                + (t1 - t0) / 1_000_000
                + " ms, inserted in "
                + (t2 - t1) / 1_000_000
                + " ms)");
  }

  static int seedSize() {
    return Setting.integer(SEED_SIZE, DEFAULT_SEED_SIZE, 0);
  }
}
