package org.opencpis.hl7.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** MLLP framing with a cap: what a connection reads, whatever the peer sends. */
class FrameReaderTest {

  static byte[] frames(String... messages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String m : messages) {
      out.write(0x0B);
      out.writeBytes(m.getBytes(StandardCharsets.ISO_8859_1));
      out.write(0x1C);
      out.write(0x0D);
      out.write('\n');
    }
    return out.toByteArray();
  }

  static FrameReader reader(byte[] bytes, int max) {
    return new FrameReader(new ByteArrayInputStream(bytes), max, false);
  }

  @Test
  @DisplayName("Frames one after another, line ends between them skipped, then the end")
  void frames() throws Exception {
    AtomicInteger begun = new AtomicInteger();
    FrameReader r = reader(frames("MSH|1\rPID|1", "MSH|2"), 1024);

    assertThat(new String(r.next(begun::incrementAndGet).bytes(), StandardCharsets.ISO_8859_1))
        .isEqualTo("MSH|1\rPID|1");
    assertThat(new String(r.next(begun::incrementAndGet).bytes(), StandardCharsets.ISO_8859_1))
        .isEqualTo("MSH|2");
    assertThat(r.next(begun::incrementAndGet)).isNull();
    assertThat(begun).hasValue(2);
  }

  @Test
  @DisplayName("A frame over the cap is read to its end, kept up to the cap, and marked oversized")
  void oversized() throws Exception {
    FrameReader r =
        reader(frames("MSH|^~\\&|ENGINE|RWE\rZZZ|" + "x".repeat(5000), "MSH|next"), 2048);

    FrameReader.Frame big = r.next(() -> {});
    FrameReader.Frame next = r.next(() -> {});

    assertThat(big.oversized()).isTrue();
    assertThat(big.bytes()).hasSize(2048);
    assertThat(big.firstSegment()).isEqualTo("MSH|^~\\&|ENGINE|RWE");
    assertThat(next.oversized()).isFalse();
    assertThat(new String(next.bytes(), StandardCharsets.ISO_8859_1)).isEqualTo("MSH|next");
  }

  @Test
  @DisplayName("A frame exactly at the cap is taken")
  void atTheCap() throws Exception {
    assertThat(reader(frames("x".repeat(1024)), 1024).next(() -> {}).oversized()).isFalse();
  }

  @Test
  @DisplayName("A connection closed inside a frame, or bytes outside a frame, end the connection")
  void broken() {
    byte[] unfinished = "\u000BMSH|^~\\&|ENGINE".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> reader(unfinished, 1024).next(() -> {}))
        .isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> reader("GET / HTTP/1.1\r\n".getBytes(), 1024).next(() -> {}))
        .isInstanceOf(FrameReader.MllpProtocolException.class);
  }

  @Test
  @DisplayName("An end block not followed by CR is part of the message")
  void endBlockInside() throws Exception {
    byte[] b = {0x0B, 'a', 0x1C, 'b', 0x1C, 0x0D};

    assertThat(reader(b, 1024).next(() -> {}).bytes()).containsExactly('a', 0x1C, 'b');
  }
}
