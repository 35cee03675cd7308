package org.opencpis.casework.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencpis.audit.Audited;
import org.opencpis.casework.domain.Worker;
import org.opencpis.casework.infrastructure.CaseworkRepository;
import org.opencpis.shared.Roles;
import org.opencpis.shared.Settings;

/**
 * The manager's view of a council's inboxes (R21, R24): for every inbox of the caller's council
 * (the virtual workers' and each worker's own), how many steps are open, how many are due by the
 * end of today and how many are overdue, against the due times the working-hours clock gave each
 * step. Counts only: no child, no step, so every council staff member may see them.
 */
@Stateless
@RolesAllowed(Roles.LA_STAFF)
public class InboxOverview {

  /** One inbox's load; {@code oldestOpen} is when its oldest open step arrived (null: none). */
  public record Row(
      long inboxId,
      String name,
      String role,
      String team,
      long open,
      long dueToday,
      long overdue,
      Instant oldestOpen) {}

  /** The council's inboxes at {@code asOf}, virtual workers first. */
  public record Overview(String laCode, Instant asOf, Instant endOfToday, List<Row> inboxes) {}

  @EJB CaseworkService casework;
  @Inject CaseworkRepository repository;
  @Inject Settings settings;

  @Audited("casework.inboxOverview")
  public Overview overview(Caller caller) {
    Worker me = casework.worker(caller);
    Instant now = settings.clock().instant();
    Instant endOfToday = endOfDay(now, settings.zone());
    Map<Long, Object[]> counts = new HashMap<>();
    for (Object[] r : repository.inboxOverview(me.laCode(), now, endOfToday)) {
      counts.put(((Number) r[0]).longValue(), r);
    }
    List<Row> rows =
        repository.workers(me.laCode()).stream()
            .sorted(
                Comparator.comparing((Worker w) -> !w.role().isVirtual())
                    .thenComparing(Worker::name, String.CASE_INSENSITIVE_ORDER))
            .map(
                w -> {
                  Object[] c = counts.get(w.id());
                  return new Row(
                      w.id(),
                      w.name(),
                      w.role().name(),
                      w.teamName(),
                      c == null ? 0 : number(c[1]),
                      c == null ? 0 : number(c[3]),
                      c == null ? 0 : number(c[2]),
                      c == null ? null : (Instant) c[4]);
                })
            .toList();
    return new Overview(me.laCode(), now, endOfToday, rows);
  }

  /** Midnight at the end of {@code now}'s day where the council works. */
  static Instant endOfDay(Instant now, ZoneId zone) {
    ZonedDateTime local = now.atZone(zone);
    return local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
  }

  private static long number(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }
}
