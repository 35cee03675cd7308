package org.opencpis.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CouncilTest {

  static final AccessPattern.Thresholds SERVICE = new AccessPattern.Thresholds(3, 2);

  final Council council = new Council("855", "Leicestershire", "0116 000", "0116 999");

  @Test
  @DisplayName(
      "R25: a council's own pattern thresholds replace the service's; cleared, the service's again")
  void ownThresholds() {
    assertThat(council.patternThresholds(SERVICE)).isEqualTo(SERVICE);
    assertThat(council.hasOwnPatternThresholds()).isFalse();

    council.setPatternThresholds(2, 3);
    assertThat(council.patternThresholds(SERVICE)).isEqualTo(new AccessPattern.Thresholds(2, 3));
    assertThat(council.hasOwnPatternThresholds()).isTrue();

    council.setPatternThresholds(null, null);
    assertThat(council.patternThresholds(SERVICE)).isEqualTo(SERVICE);
  }

  @Test
  @DisplayName("R25: a threshold is 1 to 50, both are given together; a refusal changes nothing")
  void badThresholds() {
    council.setPatternThresholds(4, 2);
    for (Integer[] bad :
        new Integer[][] {{0, 2}, {3, 0}, {51, 2}, {3, 51}, {null, 2}, {3, null}, {-1, -1}}) {
      assertThatThrownBy(() -> council.setPatternThresholds(bad[0], bad[1]))
          .isInstanceOf(CaseworkRefusal.class)
          .hasMessageContaining("from 1 to 50");
    }
    assertThat(council.patternThresholds(SERVICE)).isEqualTo(new AccessPattern.Thresholds(4, 2));
  }

  @Test
  @DisplayName(
      "R24 R25: out-of-hours escalation is off until set; set, the council keeps its choice;"
          + " turned off, the settings stay for next time")
  void escalationPolicy() {
    assertThat(council.escalationPolicy()).isEqualTo(OutOfHoursEscalation.Policy.OFF);
    var edCpp = new OutOfHoursEscalation.Setting("ED", OutOfHoursEscalation.PlanType.CPP);
    council.setEscalationPolicy(new OutOfHoursEscalation.Policy(true, false, List.of(edCpp)));
    assertThat(council.escalationPolicy())
        .isEqualTo(new OutOfHoursEscalation.Policy(true, false, List.of(edCpp)));
    council.setEscalationPolicy(new OutOfHoursEscalation.Policy(false, true, List.of(edCpp)));
    assertThat(council.escalationPolicy().enabled()).isFalse();
    assertThat(council.escalationPolicy().settings()).containsExactly(edCpp);
  }
}
