package org.opencpis.demographics.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.opencpis.audit.Audited;
import org.opencpis.demographics.domain.DemographicCsv;
import org.opencpis.demographics.domain.DemographicMatcher;
import org.opencpis.demographics.domain.DemographicRecord;
import org.opencpis.demographics.domain.Subject;
import org.opencpis.demographics.domain.Verification;
import org.opencpis.demographics.infrastructure.DemographicsRepository;
import org.opencpis.shared.Roles;

/**
 * The demographic service as the hub uses it, standing in for the national one (PDS): verifies a
 * submitted person (R2), resolves superseded NHS numbers (R4), and loads the records from an
 * administrator's file.
 *
 * <p>"Unavailable" is real: when the system property {@value DemographicsSettings#AVAILABLE} is
 * {@code false} (an administrator's switch in the management console, 36-demographics.cli), {@link
 * #verify} throws {@link DemographicsUnavailableException}, as a call to the national service would
 * on a timeout, and the hub answers the whole file CPF05. Resolving a number for a query does not
 * fail: it falls back to the number as asked.
 */
@Stateless
@RolesAllowed(Roles.CPIS_ADMIN)
public class DemographicsService {

  private static final Logger LOG = Logger.getLogger(DemographicsService.class.getName());
  private static final int FLUSH_EVERY = 500;

  @Inject DemographicsRepository repository;

  /**
   * Checks a submitted person against the demographic record of their NHS number.
   *
   * @throws DemographicsUnavailableException when the service does not answer (resubmit later)
   */
  @PermitAll
  public Verification verify(Subject s) {
    if (!DemographicsSettings.available()) {
      throw new DemographicsUnavailableException(
          "the demographics service is unavailable ("
              + DemographicsSettings.AVAILABLE
              + " is false)");
    }
    return DemographicMatcher.verify(s, repository::find);
  }

  /**
   * The current NHS number for {@code nhsNumber} and every number superseded into it. A number the
   * store does not know, or any number while the service is unavailable, stands for itself.
   */
  @PermitAll
  public Identity resolve(String nhsNumber) {
    if (!DemographicsSettings.available()) {
      LOG.fine("demographics unavailable: an NHS number is used as given");
      return Identity.of(nhsNumber);
    }
    String current = DemographicMatcher.current(nhsNumber, repository::find);
    Set<String> numbers = new LinkedHashSet<>();
    numbers.add(current);
    Set<String> frontier = Set.of(current);
    for (int i = 0; i < DemographicMatcher.MAX_CHAIN && !frontier.isEmpty(); i++) {
      Set<String> older = new HashSet<>(repository.supersededInto(frontier));
      older.removeAll(numbers);
      numbers.addAll(older);
      frontier = older;
    }
    return new Identity(current, new ArrayList<>(numbers));
  }

  /** The record held for a number, and the number now in use for it. */
  @Audited(value = "admin.demographics", subject = 0)
  public Optional<Held> held(String nhsNumber) {
    return repository
        .find(nhsNumber)
        .map(r -> new Held(r, DemographicMatcher.current(nhsNumber, repository::find)));
  }

  /** A record as held, with the end of its chain of replacements. */
  public record Held(DemographicRecord record, String currentNhsNumber) {}

  /** How many records the store holds, how many of them superseded and sensitive. */
  public record Summary(long records, long superseded, long sensitive) {}

  public Summary summary() {
    return new Summary(
        repository.count(), repository.countSuperseded(), repository.countSensitive());
  }

  /**
   * Loads a demographic file ({@link DemographicCsv}): each line adds a record, updates the one
   * held for its NHS number, or changes nothing; a line that cannot be read is refused with the
   * reason, and never stops the others. A header line and lines starting with # are skipped.
   */
  public LoadReport load(String csv, ZoneId zone) {
    LocalDate today = LocalDate.now(zone);
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    List<LoadReport.Rejected> rejected = new ArrayList<>();
    int lineNo = 0;
    int done = 0;
    boolean first = true;
    try (BufferedReader in = new BufferedReader(new StringReader(csv == null ? "" : csv))) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (first && DemographicCsv.isHeader(line)) {
          first = false;
          continue;
        }
        first = false;
        DemographicCsv.Row row = DemographicCsv.parse(line, today);
        String problem = row.ok() ? loopProblem(row.record()) : row.problem();
        if (problem != null) {
          rejected.add(new LoadReport.Rejected(lineNo, row.nhsNumber(), problem));
          continue;
        }
        Optional<DemographicRecord> held = repository.find(row.nhsNumber());
        if (held.isEmpty()) {
          repository.add(row.record());
          added++;
        } else if (held.get().updateFrom(row.record())) {
          updated++;
        } else {
          unchanged++;
        }
        if (++done % FLUSH_EVERY == 0) {
          repository.flushAndClear();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LoadReport report = new LoadReport(added, updated, unchanged, rejected.size(), rejected);
    LOG.info(
        () ->
            "demographic file loaded: "
                + report.added()
                + " added, "
                + report.updated()
                + " updated, "
                + report.unchanged()
                + " unchanged, "
                + report.rejected()
                + " rejected");
    return report;
  }

  /** A replacement that would lead back to the row's own number makes a loop: refused. */
  private String loopProblem(DemographicRecord r) {
    String at = r.supersededBy();
    for (int i = 0; at != null && i < DemographicMatcher.MAX_CHAIN; i++) {
      if (at.equals(r.nhsNumber())) {
        return "supersededBy " + r.supersededBy() + " leads back to this NHS number (a loop)";
      }
      at = repository.find(at).map(DemographicRecord::supersededBy).orElse(null);
    }
    return null;
  }
}
