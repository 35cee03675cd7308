package org.opencpis.hl7.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.hl7.Hl7Settings;

class MessageRetentionTest {

  static final Instant NOW = Instant.parse("2026-11-25T03:05:00Z");

  final List<Instant> cutoffs = new ArrayList<>();

  MessageRetention retention() {
    MessageRetention r = new MessageRetention();
    r.settings = new Hl7Settings();
    r.store =
        new Hl7Store() {
          @Override
          public int forgetMessagesBefore(Instant before) {
            cutoffs.add(before);
            return 7;
          }
        };
    return r;
  }

  @AfterEach
  void clear() {
    System.clearProperty("cpis.hl7.message-retention-days");
  }

  @Test
  @DisplayName("Received HL7 messages are forgotten after 30 days by default")
  void defaultPeriod() {
    assertThat(retention().purge(NOW)).isEqualTo(7);
    assertThat(cutoffs).containsExactly(Instant.parse("2026-10-26T03:05:00Z"));
  }

  @Test
  @DisplayName("The period is the setting cpis.hl7.message-retention-days")
  void setting() {
    System.setProperty("cpis.hl7.message-retention-days", "7");
    retention().purge(NOW);
    assertThat(cutoffs).containsExactly(Instant.parse("2026-11-18T03:05:00Z"));
  }
}
