package org.opencpis.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeadLettersOrderTest {

  static DeadLetters.Copy file(String la, int seq, long sentAt, int position) {
    return new DeadLetters.Copy(la + "#" + seq, Map.of(), la, seq, sentAt, position);
  }

  static DeadLetters.Copy other(String body, long sentAt, int position) {
    return new DeadLetters.Copy(body, Map.of(), null, null, sentAt, position);
  }

  static List<String> bodies(List<DeadLetters.Copy> copies) {
    return copies.stream().map(DeadLetters.Copy::body).toList();
  }

  @Test
  @DisplayName("R9 R28: a council's files parked out of order are replayed in their sequence")
  void groupInSequence() {
    List<DeadLetters.Copy> parked = new ArrayList<>();
    // parked in the order their attempts ran out, with the same send time for 2 and 3
    parked.add(file("855", 3, 1_000, 0));
    parked.add(file("855", 1, 1_000, 1));
    parked.add(file("352", 7, 900, 2));
    parked.add(file("855", 2, 999, 3));
    parked.add(file("352", 6, 950, 4));

    List<String> order = bodies(DeadLetters.inSendingOrder(parked));

    assertThat(order.stream().filter(b -> b.startsWith("855")))
        .containsExactly("855#1", "855#2", "855#3");
    assertThat(order.stream().filter(b -> b.startsWith("352"))).containsExactly("352#6", "352#7");
    assertThat(order).hasSize(5);
  }

  @Test
  @DisplayName("R28: messages without a group go back in the order they were first sent")
  void byTimeSent() {
    List<DeadLetters.Copy> parked =
        List.of(other("c", 30, 0), other("a", 10, 1), other("b", 20, 2), other("a2", 10, 3));

    assertThat(bodies(DeadLetters.inSendingOrder(parked))).containsExactly("a", "a2", "b", "c");
  }
}
