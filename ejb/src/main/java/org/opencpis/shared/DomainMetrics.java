package org.opencpis.shared;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operator watches of the application, as Micrometer meters in the server's registry
 * (WildFly's micrometer subsystem; Prometheus text at {@code /prometheus} on the management port,
 * 56-metrics.cli). Every label has a bounded set of values (channels, operations, outcome classes,
 * national codes, councils, inboxes): never an NHS number, a person or a free text.
 *
 * <p>Counters count from the node's start (Prometheus takes the rate); the per-council and
 * per-inbox gauges are set by {@code org.opencpis.ops.metrics.MetricsRefresh} from the database and
 * the broker every {@value #REFRESH_SECONDS} seconds.
 */
@ApplicationScoped
public class DomainMetrics {

  public static final int REFRESH_SECONDS = 15;

  private static final Pattern NATIONAL_CODE = Pattern.compile("\\b(CPF\\d\\d|CPR\\d\\d)\\b");
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

  @Inject Instance<MeterRegistry> registries;

  private MeterRegistry registry;

  /** The gauges' values, by name and labels; a series once seen stays (at 0 when emptied). */
  private final Map<Meter.Id, AtomicLong> gauges = new ConcurrentHashMap<>();

  public DomainMetrics() {}

  /** Counting into {@code registry} (tests). */
  DomainMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @PostConstruct
  void init() {
    // the server's registry when the micrometer subsystem is there; otherwise counted in memory.
    // Meters are made through the registry's own methods (counter, gauge), never a builder's
    // register: WildFly's per-deployment registry passes only those on to the scraped registry.
    registry = registries.isResolvable() ? registries.get() : new SimpleMeterRegistry();
  }

  /**
   * One audited call a channel made (every read and change, as the audit trail has it): the
   * operation (e.g. {@code cpis.query}, {@code cpis.upload}), its outcome class (FOUND, NOT_FOUND,
   * REFUSED, DONE, ERROR) and its code (the refusal's code, an upload's CPF code; else none).
   */
  public void call(String channel, String operation, String outcome) {
    String[] words = outcome == null ? new String[] {"UNKNOWN"} : outcome.split(" ", 3);
    String kind = words[0];
    String code = "";
    Matcher national = NATIONAL_CODE.matcher(outcome == null ? "" : outcome);
    if (national.find()) {
      code = national.group(1);
    } else if (("REFUSED".equals(kind) || "ERROR".equals(kind)) && words.length > 1) {
      code = CODE.matcher(words[1]).matches() ? words[1] : "OTHER";
    }
    registry
        .counter(
            "cpis.calls",
            "channel",
            label(channel),
            "operation",
            operation == null ? "NONE" : operation,
            "outcome",
            kind,
            "code",
            code)
        .increment();
  }

  /** An access recorded (R20): a view that the sharing councils are told of. */
  public void access(String channel) {
    registry.counter("cpis.accesses", "channel", label(channel)).increment();
  }

  /** An HL7 message answered over MLLP, by its MSA-1 code (AA, AE, AR; CA, CE, CR). */
  public void hl7Answer(String ackCode) {
    String code = ackCode != null && ackCode.matches("[ACR][AER]") ? ackCode : "OTHER";
    registry.counter("cpis.hl7.messages", "answer", code).increment();
  }

  /** Rows of a bulk NHS-number load processed (matched, loaded or rejected). */
  public void bulkLoadRows(long rows) {
    registry.counter("cpis.bulk.load.rows").increment(rows);
  }

  /** The number of MLLP connections open now, read at each scrape. */
  public <T> void hl7Connections(T state, ToDoubleFunction<T> open) {
    registry.gauge("cpis.hl7.connections.open", Tags.empty(), state, open);
  }

  /** One council inbox's open and overdue steps. */
  public record InboxSteps(String laCode, String inbox, long open, long overdue) {}

  public void steps(List<InboxSteps> inboxes) {
    Map<Tags, Long> open = new HashMap<>();
    Map<Tags, Long> overdue = new HashMap<>();
    for (InboxSteps i : inboxes) {
      Tags t = Tags.of("la", i.laCode(), "inbox", i.inbox());
      open.put(t, i.open());
      overdue.put(t, i.overdue());
    }
    set("cpis.steps.open", open);
    set("cpis.steps.overdue", overdue);
  }

  /** Notifications waiting for each council's workflow, by council. */
  public void waiting(Map<String, Long> perCouncil) {
    set("cpis.notifications.waiting", tagged("la", perCouncil));
  }

  /** Council-workflow files held for the file before them, by council. */
  public void heldFiles(Map<String, Long> perCouncil) {
    set("cpis.council.files.held", tagged("la", perCouncil));
  }

  /** Messages parked on each dead-letter queue, by the queue's short name. */
  public void deadLetters(Map<String, Long> perQueue) {
    set("cpis.dead.letters", tagged("queue", perQueue));
  }

  private static Map<Tags, Long> tagged(String tag, Map<String, Long> values) {
    Map<Tags, Long> out = new HashMap<>();
    values.forEach((k, v) -> out.put(Tags.of(tag, k), v));
    return out;
  }

  /** Sets the series of gauge {@code name}: these values, and 0 for a series no longer listed. */
  private void set(String name, Map<Tags, Long> values) {
    values.forEach(
        (tags, v) ->
            gauges
                .computeIfAbsent(
                    new Meter.Id(name, tags, null, null, Meter.Type.GAUGE),
                    id -> registry.gauge(name, tags, new AtomicLong()))
                .set(v));
    gauges.forEach(
        (id, value) -> {
          if (id.getName().equals(name) && !values.containsKey(Tags.of(id.getTags()))) {
            value.set(0);
          }
        });
  }

  private static String label(String value) {
    return value == null || value.isBlank() ? "NONE" : value.trim().toUpperCase(Locale.ROOT);
  }
}
