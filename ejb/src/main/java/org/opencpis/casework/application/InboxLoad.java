package org.opencpis.casework.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.opencpis.casework.infrastructure.CaseworkRepository;
import org.opencpis.shared.Settings;

/**
 * How much work waits in the councils' inboxes, for the operators' metrics (and a manager's view):
 * per inbox, the open steps and those past their due time now. Counts only: no child, no step.
 */
@Stateless
public class InboxLoad {

  /** One inbox: its council, its name, open steps, and open steps past their due time. */
  public record Inbox(String laCode, String inbox, long open, long overdue) {}

  @Inject CaseworkRepository repository;
  @Inject Settings settings;

  public List<Inbox> openAndOverdue() {
    return repository.openStepsPerInbox(settings.clock().instant()).stream()
        .map(
            r ->
                new Inbox(
                    (String) r[0],
                    (String) r[1],
                    ((Number) r[2]).longValue(),
                    r[3] == null ? 0 : ((Number) r[3]).longValue()))
        .toList();
  }
}
