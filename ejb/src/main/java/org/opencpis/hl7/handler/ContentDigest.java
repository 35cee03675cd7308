package org.opencpis.hl7.handler;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.opencpis.hl7.Hl7Codec;

/**
 * What makes two messages with the same MSH-3, MSH-4 and MSH-10 the same message, so that the
 * second is a resend and gets the first answer: a SHA-256 of the message as HAPI encodes it again
 * (so that segment terminators, trailing separators and escapes written differently do not count),
 * with MSH-7 (date/time of message) left out: an engine that builds a message again for a resend
 * may stamp it anew, and MSH-7 says nothing about the child or the attendance. Everything else
 * counts, so a query for another child, or another attendance, under a used control id is not a
 * repeat (AR 205).
 */
final class ContentDigest {

  private static final Pattern SEGMENTS = Pattern.compile("\r\n|\r|\n");

  private ContentDigest() {}

  static String of(Hl7Codec codec, Message m, String raw) {
    String text;
    try {
      text = codec.encode(m);
    } catch (HL7Exception | RuntimeException e) {
      text = raw;
    }
    return sha256(withoutMessageTime(text));
  }

  /** The digest of a message kept before digests were (its text), or null when none was kept. */
  static String ofKept(Hl7Codec codec, String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return of(codec, codec.parse(raw), raw);
    } catch (HL7Exception | RuntimeException e) {
      return sha256(withoutMessageTime(raw));
    }
  }

  /** The segments joined by CR, without empty ones, MSH-7 emptied. */
  static String withoutMessageTime(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (String segment : SEGMENTS.split(text)) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.startsWith("MSH") && segment.length() > 3) {
        String sep = Pattern.quote(String.valueOf(segment.charAt(3)));
        String[] f = segment.split(sep, -1);
        // f[0] MSH, f[1] MSH-2, ..., f[6] MSH-7
        if (f.length > 6) {
          f[6] = "";
          segment = String.join(String.valueOf(segment.charAt(3)), f);
        }
      }
      b.append(segment).append('\r');
    }
    return b.toString();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
