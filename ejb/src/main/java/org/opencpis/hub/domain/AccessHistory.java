package org.opencpis.hub.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What health sees of a child's previous accesses (R19): newest first, at most {@code limit} (25),
 * and a repeat view by the same person within {@code repeatWindow} (24 hours) of a later view that
 * is shown is left out, so one busy shift does not push everyone else off the list.
 */
public record AccessHistory(int limit, Duration repeatWindow) {

  /**
   * @param newestFirst access events of one child, newest first
   */
  public List<AccessEvent> select(List<AccessEvent> newestFirst) {
    List<AccessEvent> shown = new ArrayList<>();
    Map<String, AccessEvent> lastShownBy = new HashMap<>();
    for (AccessEvent e : newestFirst) {
      if (shown.size() >= limit) {
        break;
      }
      String who = e.viewer().identityKey();
      AccessEvent later = lastShownBy.get(who);
      if (later != null
          && Duration.between(e.accessedAt(), later.accessedAt()).compareTo(repeatWindow) < 0) {
        continue;
      }
      shown.add(e);
      lastShownBy.put(who, e);
    }
    return shown;
  }
}
