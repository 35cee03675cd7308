package org.opencpis.hl7.listener;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads MLLP frames (start block 0x0B, the message, end block 0x1C 0x0D) with a cap on their size.
 * A frame larger than the cap is read to its end but kept only up to the cap, so that its MSH can
 * still be answered; nothing larger than the cap is ever held. Line ends between frames are
 * skipped; anything else outside a frame is a protocol error.
 */
final class FrameReader {

  static final int START = 0x0B;
  static final int END = 0x1C;
  static final int CR = 0x0D;

  /** A frame: its bytes (at most the cap), and whether more were sent than the cap allows. */
  record Frame(byte[] bytes, boolean oversized) {

    /** The first segment (MSH) as ISO-8859-1 text: its fields are ASCII whatever MSH-18 says. */
    String firstSegment() {
      int end = 0;
      while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') {
        end++;
      }
      return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** The frame as it came, start and end blocks included (for HAPI's decoder). */
    byte[] framed() {
      byte[] out = new byte[bytes.length + 3];
      out[0] = START;
      System.arraycopy(bytes, 0, out, 1, bytes.length);
      out[out.length - 2] = END;
      out[out.length - 1] = CR;
      return out;
    }
  }

  /** Told when a frame begins (its start block has been read). */
  interface Start {
    void begun();
  }

  private final InputStream in;
  private final int maxBytes;
  private boolean startRead;

  /**
   * @param startRead the start block of the first frame was read already (by whoever looked at the
   *     first byte of the connection)
   */
  FrameReader(InputStream in, int maxBytes, boolean startRead) {
    this.in = in;
    this.maxBytes = maxBytes;
    this.startRead = startRead;
  }

  /** The next frame, or null when the peer closed the connection between frames. */
  Frame next(Start start) throws IOException {
    if (!startRead) {
      int b;
      do {
        b = in.read();
        if (b < 0) {
          return null;
        }
      } while (b == CR || b == '\n');
      if (b != START) {
        throw new MllpProtocolException("a byte outside a frame (not an MLLP start block)");
      }
    }
    startRead = false;
    start.begun();
    ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
    long size = 0;
    int b = in.read();
    while (true) {
      if (b < 0) {
        throw new EOFException("the connection closed inside a frame");
      }
      if (b == END) {
        int next = in.read();
        if (next == CR) {
          break;
        }
        // an end block not followed by CR is data
        size = keep(buf, size, END);
        b = next;
        continue;
      }
      size = keep(buf, size, b);
      b = in.read();
    }
    return new Frame(buf.toByteArray(), size > maxBytes);
  }

  private long keep(ByteArrayOutputStream buf, long size, int b) {
    if (size < maxBytes) {
      buf.write(b);
    }
    return size + 1;
  }

  /** The peer does not speak MLLP. */
  static final class MllpProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    MllpProtocolException(String message) {
      super(message);
    }
  }
}
