package org.opencpis.hub.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What health sees of a child's previous accesses (R19): newest first, at most {@code limit} (25),
 * and a repeat view by the same person within {@code repeatWindow} (24 hours) of a later view that
 * is shown is left out, so one busy shift does not push everyone else off the list.
 */
public record AccessHistory(int limit, Duration repeatWindow) {

  /**
   * The accesses shown, reading the history in growing prefixes ({@code firstRead}, then four times
   * more each time, to at most {@code maxRead}) from {@code newest} (how many of the most recent,
   * newest first). Each access is decided by the newer ones only, so the rule over a prefix gives
   * the same first entries as over the whole: a prefix that already shows the limit, or is the
   * whole history, is the answer. The usual child costs one read of {@code firstRead} rows however
   * long its history.
   */
  public List<AccessEvent> select(
      IntFunction<List<AccessEvent>> newest, int firstRead, int maxRead) {
    for (int read = Math.min(firstRead, maxRead); ; read = Math.min(read * 4, maxRead)) {
      List<AccessEvent> prefix = newest.apply(read);
      List<AccessEvent> shown = select(prefix);
      if (shown.size() >= limit || prefix.size() < read || read >= maxRead) {
        return shown;
      }
    }
  }

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
