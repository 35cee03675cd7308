package org.opencpis.hub.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NotificationPullServiceTest {

  static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  @DisplayName(
      "a national pull that fits carries all; one that does not stops before an instant it can carry whole")
  void carried() {
    assertThat(NotificationPullService.carried(List.of(T, T.plusSeconds(1)), 3)).isEqualTo(2);
    assertThat(NotificationPullService.carried(List.of(T, T.plusSeconds(1), T.plusSeconds(2)), 3))
        .isEqualTo(3);
    // four read, three fit: the fourth's instant starts the next pull
    assertThat(
            NotificationPullService.carried(
                List.of(T, T.plusSeconds(1), T.plusSeconds(2), T.plusSeconds(3)), 3))
        .isEqualTo(3);
    // the third and fourth share an instant: both go to the next pull, none is skipped
    assertThat(
            NotificationPullService.carried(
                List.of(T, T.plusSeconds(1), T.plusSeconds(2), T.plusSeconds(2)), 3))
        .isEqualTo(2);
    // all at one instant: no instant to cut at, all are carried
    assertThat(NotificationPullService.carried(List.of(T, T, T, T), 3)).isEqualTo(4);
  }
}
