package org.opencpis.it.crash;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Holds the database against the clients' own records. For every request a client sent:
 *
 * <ul>
 *   <li>an acknowledged SOAP query or QBP^Q11 has exactly one access event (its query event id); an
 *       acknowledged ADT^A04 exactly one for its visit, made by that message; an A08 adds none;
 *       every acknowledged HL7 message has its kept answer (so a repeat is answered, not redone);
 *   <li>every access event names the councils that share the child, has one access-to-service
 *       notification per council and one CPIS Follow Up step per council with casework here;
 *   <li>an acknowledged cpisupload file has one submission and its children are shared, with the
 *       file's sequence;
 *   <li>an acknowledged plan change has one record update to the hub, answered and applied, and the
 *       council's plan and the hub's record both end on the last change's date;
 *   <li>a request cut off by a kill counts as recovered when, in the end, it took effect once
 *       (resent and answered, or committed before the kill); never twice.
 * </ul>
 */
final class Reconciler {

  private static final DateTimeFormatter HL7_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  record AccessRow(
      String id, String queryEventId, String channel, Set<String> laCodes, String nhs) {}

  record Submission(String la, String sender, int sequence, String fileCode) {}

  record SharedRow(String la, String nhs, String localChildId, Integer sequence, LocalDate end) {}

  record OutboxRow(long childId, int sequence, String payload, String fileCode) {}

  /** What the database holds, read once. */
  static final class Snapshot {
    final List<AccessRow> events = new ArrayList<>();
    final Map<String, List<AccessRow>> eventsByQueryId = new HashMap<>();
    final Set<String> accessNotifications = new HashSet<>();
    final Map<String, Integer> followUpSteps = new HashMap<>();
    final Set<String> caseworkCouncils = new TreeSet<>();
    final Map<String, Integer> keptAnswers = new HashMap<>();
    final Map<String, List<Submission>> submissions = new HashMap<>();
    final Map<String, SharedRow> shared = new HashMap<>();
    final Map<Long, List<OutboxRow>> outbox = new HashMap<>();
    final Map<Long, LocalDate> planEnds = new HashMap<>();

    /** Council-workflow files still held for their predecessor (none, once all is drained). */
    long heldCouncilFiles;

    static String submissionKey(String la, String sender, int seq) {
      return la + "|" + sender + "|" + seq;
    }

    static String sharedKey(String la, String nhs, String localChildId) {
      return la + "|" + nhs + "|" + localChildId;
    }
  }

  static Snapshot read(Connection c) throws SQLException {
    Snapshot s = new Snapshot();
    try (Statement st = c.createStatement()) {
      try (ResultSet r =
          st.executeQuery(
              "select id, query_event_id, channel, la_codes, nhs_number from hub_access_event")) {
        while (r.next()) {
          AccessRow a =
              new AccessRow(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  new TreeSet<>(List.of(r.getString(4).split(","))),
                  r.getString(5));
          s.events.add(a);
          s.eventsByQueryId.computeIfAbsent(a.queryEventId(), k -> new ArrayList<>()).add(a);
        }
      }
      try (ResultSet r =
          st.executeQuery("select id from ntf_issued where type = 'ACCESS_TO_SERVICE'")) {
        while (r.next()) {
          s.accessNotifications.add(r.getString(1));
        }
      }
      try (ResultSet r =
          st.executeQuery("select source_key from cw_step where type = 'CPIS_FOLLOW_UP'")) {
        while (r.next()) {
          s.followUpSteps.merge(r.getString(1), 1, Integer::sum);
        }
      }
      try (ResultSet r =
          st.executeQuery(
              "select distinct la_code from cw_worker where role = 'CPIS_VIRTUAL_WORKER'")) {
        while (r.next()) {
          s.caseworkCouncils.add(r.getString(1));
        }
      }
      try (ResultSet r =
          st.executeQuery(
              "select control_id from hl7_received_message where sending_facility = '"
                  + AdtClient.FACILITY
                  + "'")) {
        while (r.next()) {
          s.keptAnswers.merge(r.getString(1), 1, Integer::sum);
        }
      }
      try (ResultSet r =
          st.executeQuery(
              // sender: the name of the file's stream at the hub (CPISUPLOAD or the council
              // workflow's)
              "select la_code, sender, file_sequence, file_code from hub_upload_submission")) {
        while (r.next()) {
          Submission u =
              new Submission(r.getString(1), r.getString(2), r.getInt(3), r.getString(4));
          s.submissions
              .computeIfAbsent(
                  Snapshot.submissionKey(u.la(), u.sender(), u.sequence()), k -> new ArrayList<>())
              .add(u);
        }
      }
      try (ResultSet r =
          st.executeQuery(
              "select la_code, nhs_number, local_child_id, file_sequence, end_date"
                  + " from hub_shared_record")) {
        while (r.next()) {
          Date end = r.getDate(5);
          int seq = r.getInt(4);
          SharedRow h =
              new SharedRow(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  r.wasNull() ? null : seq,
                  end == null ? null : end.toLocalDate());
          s.shared.put(Snapshot.sharedKey(h.la(), h.nhs(), h.localChildId()), h);
        }
      }
      try (ResultSet r =
          st.executeQuery("select child_id, file_sequence, payload, file_code from cw_outbox")) {
        while (r.next()) {
          OutboxRow o = new OutboxRow(r.getLong(1), r.getInt(2), r.getString(3), r.getString(4));
          s.outbox.computeIfAbsent(o.childId(), k -> new ArrayList<>()).add(o);
        }
      }
      try (ResultSet r = st.executeQuery("select count(*) from hub_held_council_file")) {
        r.next();
        s.heldCouncilFiles = r.getLong(1);
      }
      try (ResultSet r = st.executeQuery("select id, end_date from cw_plan")) {
        while (r.next()) {
          Date end = r.getDate(2);
          s.planEnds.put(r.getLong(1), end == null ? null : end.toLocalDate());
        }
      }
    }
    return s;
  }

  private final World world;
  private final Snapshot db;
  private final Report report;

  Reconciler(World world, Snapshot db, Report report) {
    this.world = world;
    this.db = db;
    this.report = report;
  }

  private List<AccessRow> events(String queryEventId) {
    return db.eventsByQueryId.getOrDefault(queryEventId, List.of());
  }

  void soap(Ledger.Channel<SoapQueryClient.Query> channel, Map<String, Long> parked) {
    Report.Row row = base("SOAP query (B0107)", channel);
    for (SoapQueryClient.Query q : channel.sent()) {
      int k = events(q.key).size();
      if (q.acked() && k == 0) {
        row.lost++;
        row.sample("query " + q.key + " was answered; no access event");
      }
      if (q.inFlightAtKill && k == 1) {
        row.recovered++;
      }
      if (k > 1) {
        row.duplicated += k - 1;
        row.sample("query " + q.key + ": " + k + " access events");
      }
      row.parked += parkedFor(events(q.key), parked);
    }
  }

  void adt(
      Ledger.Channel<Hl7Client.Hl7Message> channel,
      Collection<AdtClient.Visit> visits,
      Map<String, Long> parked) {
    Report.Row row = base("HL7 ADT^A04/A08 (MLLP)", channel);
    for (AdtClient.Visit v : visits) {
      Hl7Client.Hl7Message a04 = v.a04();
      Hl7Client.Hl7Message a08 = v.a08()[0];
      List<AccessRow> byA04 = events(a04.key);
      List<AccessRow> byA08 = a08 == null ? List.of() : events(a08.key);
      int k = byA04.size() + byA08.size();
      // an A04 answered AA made its visit's access; an A08 answered AA finds one
      if (a04.sent && a04.acked() && byA04.isEmpty()) {
        lost(
            row,
            "A04 "
                + a04.key
                + " (visit "
                + v.visit()
                + ") was answered AA; no access event from it"
                + (byA08.isEmpty() ? "" : " (the A08 made one: the attendance had been lost)")
                + keptAnswerNote(a04));
      } else if (a04.acked() && !keptAnswer(a04)) {
        lost(row, "A04 " + a04.key + " was answered AA; its kept answer is gone");
      }
      if (a08 != null && a08.acked() && (k == 0 || !keptAnswer(a08))) {
        lost(
            row,
            "A08 "
                + a08.key
                + " was answered AA; "
                + (k == 0 ? "the visit has no access event" : "its kept answer is gone"));
      }
      if (k > 1) {
        row.duplicated += k - 1;
        row.sample("visit " + v.visit() + ": " + k + " access events");
      }
      for (Hl7Client.Hl7Message m : a08 == null ? List.of(a04) : List.of(a04, a08)) {
        if (m.inFlightAtKill && m.acked() && k == 1 && keptAnswer(m)) {
          row.recovered++;
        }
      }
      List<AccessRow> all = new ArrayList<>(byA04);
      all.addAll(byA08);
      row.parked += parkedFor(all, parked);
    }
  }

  private static void lost(Report.Row row, String why) {
    row.lost++;
    row.sample(why);
  }

  void qbp(
      Ledger.Channel<Hl7Client.Hl7Message> channel,
      Map<String, String> tags,
      Map<String, Long> parked) {
    Report.Row row = base("HL7 QBP^Q11 (MLLP)", channel);
    for (Hl7Client.Hl7Message m : channel.sent()) {
      List<AccessRow> ev = events(tags.get(m.key));
      if (m.acked() && (ev.isEmpty() || !keptAnswer(m))) {
        lost(
            row,
            "QBP "
                + m.key
                + " was answered OK; "
                + (ev.isEmpty()
                    ? "no access event" + keptAnswerNote(m)
                    : "its kept answer is gone"));
      }
      if (ev.size() > 1) {
        row.duplicated += ev.size() - 1;
        row.sample("QBP " + m.key + ": " + ev.size() + " access events");
      }
      if (m.inFlightAtKill && m.acked() && ev.size() == 1 && keptAnswer(m)) {
        row.recovered++;
      }
      row.parked += parkedFor(ev, parked);
    }
  }

  /** Whether the message and its answer are kept (so a repeat is answered, not processed). */
  private boolean keptAnswer(Hl7Client.Hl7Message m) {
    return db.keptAnswers.getOrDefault(m.key, 0) > 0;
  }

  private String keptAnswerNote(Hl7Client.Hl7Message m) {
    return keptAnswer(m) ? "" : ", nor its kept answer";
  }

  /**
   * Every access event (whichever client made it): the councils it names, its notifications, its
   * steps.
   */
  void fanOut(long accessEventsParked, long notificationsParked) {
    Report.Row notifications = new Report.Row("access -> notification per LA");
    Report.Row steps = new Report.Row("notification -> step (casework LA)");
    for (AccessRow e : db.events) {
      World.Target t = world.targetsByNhs.get(e.nhs());
      Set<String> expected = t == null ? e.laCodes() : t.councils();
      if (!expected.equals(e.laCodes())) {
        notifications.lost++;
        notifications.sample(
            "access "
                + e.id()
                + " names councils "
                + e.laCodes()
                + "; "
                + expected
                + " share the child");
      }
      for (String la : expected) {
        notifications.sent++;
        if (db.accessNotifications.contains(e.id() + ":" + la)) {
          notifications.acked++;
          if (db.caseworkCouncils.contains(la)) {
            steps.sent++;
            int n = db.followUpSteps.getOrDefault(e.id() + ":" + la, 0);
            if (n >= 1) {
              steps.acked++;
            } else {
              steps.lost++;
              steps.sample("notification " + e.id() + ":" + la + " made no step");
            }
            if (n > 1) {
              steps.duplicated += n - 1;
            }
          }
        } else {
          notifications.lost++;
          notifications.sample("access " + e.id() + ": no notification to " + la);
        }
      }
    }
    notifications.parked = accessEventsParked;
    steps.parked = notificationsParked;
    report.rows.add(notifications);
    report.rows.add(steps);
  }

  void uploads(Ledger.Channel<UploadClient.File> channel) {
    Report.Row row = base("cpisupload file", channel);
    for (UploadClient.File f : channel.sent()) {
      List<Submission> subs =
          db.submissions.getOrDefault(
              Snapshot.submissionKey(f.la, "CPISUPLOAD", f.sequence), List.of());
      boolean applied =
          subs.size() >= 1
              && f.people.stream()
                  .allMatch(
                      p -> {
                        SharedRow h =
                            db.shared.get(
                                Snapshot.sharedKey(f.la, p.nhs(), World.localId(f.la, p)));
                        return h != null && Objects.equals(h.sequence(), f.sequence);
                      });
      if (f.acked() && !applied) {
        row.lost++;
        row.sample(
            "file "
                + f.key
                + " was answered CPF02; "
                + (subs.isEmpty() ? "no submission" : "its children are not shared"));
      }
      if (subs.size() > 1) {
        row.duplicated += subs.size() - 1;
        row.sample("file " + f.key + ": " + subs.size() + " submissions");
      }
      if (f.inFlightAtKill && f.acked() && applied) {
        row.recovered++;
      }
    }
  }

  void planChanges(Ledger.Channel<PlanChangeClient.Change> channel, long recordUpdatesParked) {
    Report.Row row = base("REST plan change (council)", channel);
    row.parked = recordUpdatesParked;
    if (db.heldCouncilFiles > 0) {
      report.problem(
          db.heldCouncilFiles + " council-workflow files are still held for their predecessor");
    }
    Map<World.PlanChild, List<PlanChangeClient.Change>> byChild =
        channel.sent().stream().collect(Collectors.groupingBy(c -> c.child));
    for (var e : byChild.entrySet()) {
      World.PlanChild child = e.getKey();
      List<OutboxRow> files = db.outbox.getOrDefault(child.childId, List.of());
      LocalDate lastApplied = null;
      long lostBefore = row.lost;
      for (PlanChangeClient.Change c : e.getValue()) {
        String marker = "\"endDate\":\"" + c.endDate.format(HL7_DATE) + "\"";
        List<OutboxRow> mine = files.stream().filter(o -> o.payload().contains(marker)).toList();
        boolean applied =
            mine.size() >= 1
                && mine.stream()
                    .allMatch(
                        o ->
                            "CPF02".equals(o.fileCode())
                                && !db.submissions
                                    .getOrDefault(
                                        Snapshot.submissionKey(
                                            // the council workflow's stream (UploadChannel)
                                            child.la, "OPENCPIS-CASEWORK", o.sequence()),
                                        List.of())
                                    .isEmpty());
        if (!mine.isEmpty() && (lastApplied == null || c.endDate.isAfter(lastApplied))) {
          lastApplied = c.endDate;
        }
        if (c.acked() && !applied) {
          row.lost++;
          row.sample(
              "change "
                  + c.key
                  + " was answered 2xx; "
                  + (mine.isEmpty()
                      ? "no record update to the hub"
                      : "its record update was not applied (" + mine.get(0).fileCode() + ")"));
        }
        if (mine.size() > 1) {
          row.duplicated += mine.size() - 1;
          row.sample("change " + c.key + ": " + mine.size() + " record updates");
        }
        if (c.inFlightAtKill && applied) {
          row.recovered++;
        }
      }
      LocalDate planEnd = db.planEnds.get(child.planId);
      SharedRow hub =
          db.shared.get(Snapshot.sharedKey(child.la, child.person.nhs(), child.laPersonId));
      LocalDate hubEnd = hub == null ? null : hub.end();
      if (lastApplied != null && (!lastApplied.equals(planEnd) || !lastApplied.equals(hubEnd))) {
        row.lost++;
        row.sample(
            "child "
                + child.childId
                + " ("
                + child.la
                + "): last change "
                + lastApplied
                + ", the council's plan ends "
                + planEnd
                + ", the hub's record "
                + hubEnd);
      }
    }
  }

  void reads(Ledger.Channel<ApiReader.Read> channel) {
    base("REST reads (staff, admin)", channel);
  }

  /** The common columns from the client's own records. */
  private <R extends Ledger.Request> Report.Row base(String name, Ledger.Channel<R> channel) {
    Report.Row row = report.row(name);
    row.sent = channel.count(r -> true);
    row.acked = channel.count(Ledger.Request::acked);
    row.inFlight = channel.count(r -> r.inFlightAtKill);
    row.errors = channel.errorCount.get();
    row.unanswered = channel.unansweredCount.get();
    channel.errorSamples.forEach(row::errorSample);
    channel.errorKinds.forEach((k, n) -> row.errorKinds.add(n.get() + " x " + k));
    return row;
  }

  /** Parked messages (by access event id) of these events. */
  private static long parkedFor(List<AccessRow> events, Map<String, Long> parked) {
    long n = 0;
    for (AccessRow e : events) {
      n += parked.getOrDefault(e.id(), 0L);
    }
    return n;
  }
}
