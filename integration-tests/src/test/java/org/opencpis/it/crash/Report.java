package org.opencpis.it.crash;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The harness's verdict: per channel what was sent, acknowledged, in flight at a kill, recovered,
 * lost, duplicated and parked; the dead-letter queues; the API checks after each restart; and the
 * problems, any one of which fails the run.
 */
final class Report {

  /** One line of the table. */
  static final class Row {
    /** Of the errors, requests left without any answer by a server that was up. */
    long unanswered;

    final String name;
    long sent;
    long acked;
    long inFlight;
    long recovered;
    long lost;
    long duplicated;
    long parked;
    long errors;
    final List<String> samples = new ArrayList<>();
    final List<String> errorSamples = new ArrayList<>();
    final List<String> errorKinds = new ArrayList<>();

    Row(String name) {
      this.name = name;
    }

    void sample(String s) {
      if (samples.size() < 6) {
        samples.add(s);
      }
    }

    void errorSample(String s) {
      if (errorSamples.size() < 3) {
        errorSamples.add(s);
      }
    }
  }

  final List<Row> rows = new ArrayList<>();
  final Map<String, Long> deadLetters = new LinkedHashMap<>();
  final List<String> problems = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  Row row(String name) {
    Row r = new Row(name);
    rows.add(r);
    return r;
  }

  void problem(String p) {
    problems.add(p);
  }

  boolean passed() {
    return problems.isEmpty();
  }

  String table() {
    StringBuilder b = new StringBuilder();
    String fmt = "%-32s %9s %9s %9s %9s %7s %7s %7s %7s%n";
    b.append(
        String.format(
            Locale.ROOT,
            fmt,
            "channel",
            "sent",
            "acked",
            "in flight",
            "recovered",
            "lost",
            "dupl.",
            "parked",
            "errors"));
    for (Row r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              fmt,
              r.name,
              r.sent,
              r.acked,
              r.inFlight,
              r.recovered,
              r.lost,
              r.duplicated,
              r.parked,
              r.errors));
    }
    b.append("dead-letter queues:");
    deadLetters.forEach((q, n) -> b.append(' ').append(q).append('=').append(n));
    b.append('\n');
    for (Row r : rows) {
      for (String s : r.samples) {
        b.append("  ").append(r.name).append(": ").append(s).append('\n');
      }
      for (String s : r.errorKinds) {
        b.append("  ").append(r.name).append(": errors ").append(s).append('\n');
      }
      for (String s : r.errorSamples) {
        b.append("  ").append(r.name).append(": error ").append(s).append('\n');
      }
    }
    for (String n : notes) {
      b.append(n).append('\n');
    }
    if (problems.isEmpty()) {
      b.append("PASSED: nothing acknowledged was lost, nothing duplicated, nothing parked\n");
    } else {
      b.append("FAILED:\n");
      for (String p : problems) {
        b.append("  - ").append(p).append('\n');
      }
    }
    return b.toString();
  }
}
