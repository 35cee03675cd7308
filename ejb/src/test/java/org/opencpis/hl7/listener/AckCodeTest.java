package org.opencpis.hl7.listener;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AckCodeTest {

  @Test
  void theAnswersMsa1() {
    assertThat(MllpConnection.ackCode("MSH|^~\\&|CPIS|OPENCPIS|||||ACK|1|P|2.5\rMSA|AA|C1\r"))
        .isEqualTo("AA");
    assertThat(MllpConnection.ackCode("MSH|^~\\&|CPIS\rMSA|AR|C2\rERR|||100\r")).isEqualTo("AR");
    assertThat(MllpConnection.ackCode("MSH|^~\\&|CPIS\rMSA|AE\r")).isEqualTo("AE");
    assertThat(MllpConnection.ackCode("MSH|^~\\&|CPIS\rQAK|x\r")).isNull();
  }
}
