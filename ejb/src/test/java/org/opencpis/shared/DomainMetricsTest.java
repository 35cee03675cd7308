package org.opencpis.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainMetricsTest {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final DomainMetrics metrics = new DomainMetrics(registry);

  double calls(String outcome, String code) {
    var c =
        registry
            .find("cpis.calls")
            .tag("operation", "cpis.query")
            .tag("outcome", outcome)
            .tag("code", code)
            .counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void outcomesAreClassedWithoutTheirVariablePart() {
    metrics.call("soap", "cpis.query", "FOUND access 6f1c2e4a-0000-4000-8000-000000000001");
    metrics.call("SOAP", "cpis.query", "FOUND");
    metrics.call("SOAP", "cpis.query", "NOT_FOUND");
    metrics.call("SOAP", "cpis.query", "REFUSED INVALID_NHS_NUMBER");
    metrics.call("SOAP", "cpis.query", "REFUSED 9990000018 is not valid");

    assertThat(calls("FOUND", "")).isEqualTo(2);
    assertThat(calls("NOT_FOUND", "")).isEqualTo(1);
    assertThat(calls("REFUSED", "INVALID_NHS_NUMBER")).isEqualTo(1);
    assertThat(calls("REFUSED", "OTHER")).as("a value is never a label").isEqualTo(1);
    assertThat(registry.getMeters())
        .allSatisfy(m -> assertThat(m.getId().getTags().toString()).doesNotContain("9990000018"));
  }

  @Test
  void anUploadIsCountedByItsNationalFileCode() {
    metrics.call("SOAP", "cpis.upload", "DONE CPF01 loaded 3 rejected 0");
    metrics.call("SOAP", "cpis.upload", "DONE CPF02 loaded 2 rejected 1");
    assertThat(registry.find("cpis.calls").tag("code", "CPF01").counter().count()).isEqualTo(1);
    assertThat(registry.find("cpis.calls").tag("code", "CPF02").counter().count()).isEqualTo(1);
  }

  @Test
  void aGaugeSeriesNoLongerListedFallsToZero() {
    metrics.steps(
        List.of(
            new DomainMetrics.InboxSteps("855", "CP-IS Virtual Worker", 7, 2),
            new DomainMetrics.InboxSteps("213", "CP-IS Virtual Worker", 1, 0)));
    metrics.steps(List.of(new DomainMetrics.InboxSteps("855", "CP-IS Virtual Worker", 5, 1)));
    metrics.deadLetters(Map.of("AccessEvents", 3L));

    assertThat(registry.find("cpis.steps.open").tag("la", "855").gauge().value()).isEqualTo(5);
    assertThat(registry.find("cpis.steps.overdue").tag("la", "855").gauge().value()).isEqualTo(1);
    assertThat(registry.find("cpis.steps.open").tag("la", "213").gauge().value()).isZero();
    assertThat(registry.find("cpis.dead.letters").tag("queue", "AccessEvents").gauge().value())
        .isEqualTo(3);
  }

  @Test
  void hl7AnswersByTheirCodeOnly() {
    metrics.hl7Answer("AA");
    metrics.hl7Answer("AE");
    metrics.hl7Answer("<script>");
    assertThat(registry.find("cpis.hl7.messages").tag("answer", "AA").counter().count())
        .isEqualTo(1);
    assertThat(registry.find("cpis.hl7.messages").tag("answer", "OTHER").counter().count())
        .isEqualTo(1);
  }
}
