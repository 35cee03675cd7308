package org.opencpis.hl7.handler;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.preparser.PreParser;
import ca.uhn.hl7v2.util.Terser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What the MSH of a received message says that the answer needs: who sent it, what it is, its
 * control id, its version and character set.
 */
public record Header(
    String sendingApplication,
    String sendingFacility,
    String receivingApplication,
    String receivingFacility,
    String type,
    String event,
    String controlId,
    String processingId,
    String version,
    String charset) {

  /** Reads the MSH of a parsed message. */
  public static Header of(Message m) throws HL7Exception {
    Segment msh = (Segment) m.get("MSH");
    return new Header(
        Terser.get(msh, 3, 0, 1, 1),
        Terser.get(msh, 4, 0, 1, 1),
        Terser.get(msh, 5, 0, 1, 1),
        Terser.get(msh, 6, 0, 1, 1),
        upper(Terser.get(msh, 9, 0, 1, 1)),
        upper(Terser.get(msh, 9, 0, 2, 1)),
        Terser.get(msh, 10, 0, 1, 1),
        Terser.get(msh, 11, 0, 1, 1),
        Terser.get(msh, 12, 0, 1, 1),
        Terser.get(msh, 18, 0, 1, 1));
  }

  /** Reads what it can of a message that cannot be parsed; blanks where nothing is readable. */
  public static Header ofUnparseable(String raw) {
    String[] f;
    try {
      f =
          PreParser.getFields(
              raw, "MSH-3", "MSH-4", "MSH-5", "MSH-6", "MSH-9-1", "MSH-9-2", "MSH-10", "MSH-11",
              "MSH-12", "MSH-18");
    } catch (HL7Exception | RuntimeException e) {
      f = new String[10];
    }
    return new Header(f[0], f[1], f[2], f[3], upper(f[4]), upper(f[5]), f[6], f[7], f[8], f[9]);
  }

  /**
   * The message's identity for duplicate detection (same MSH-3, MSH-4, MSH-10): a SHA-256 of the
   * three, so any length fits the key column.
   */
  public String key() {
    String k = nz(sendingApplication) + "|" + nz(sendingFacility) + "|" + nz(controlId);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(k.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean isQuery() {
    return "QBP".equals(type);
  }

  private static String upper(String s) {
    return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
