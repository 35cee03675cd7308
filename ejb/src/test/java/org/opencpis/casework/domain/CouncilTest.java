package org.opencpis.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
