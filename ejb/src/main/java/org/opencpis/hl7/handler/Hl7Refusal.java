package org.opencpis.hl7.handler;

/**
 * Why a message is not accepted, as HL7 says it: AR (the sender parks it: it will never succeed) or
 * AE (the sender may send it again later), an error code from HL7 table 0357, the field at fault
 * (ERR-2) and a sentence for the person who reads the sender's error queue (ERR-8).
 */
public class Hl7Refusal extends Exception {

  private static final long serialVersionUID = 1L;

  private final String ackCode;
  private final int errorCode;
  private final String segment;
  private final int field;

  private Hl7Refusal(String ackCode, int errorCode, String segment, int field, String message) {
    super(message, null, false, false);
    this.ackCode = ackCode;
    this.errorCode = errorCode;
    this.segment = segment;
    this.field = field;
  }

  /** 100: the message cannot be read. */
  public static Hl7Refusal unreadable(String why) {
    return new Hl7Refusal(
        "AR", 100, null, 0, why.length() <= 200 ? why : why.substring(0, 200) + "...");
  }

  /** 101: a required field is empty. */
  public static Hl7Refusal missing(String segment, int field, String what) {
    return new Hl7Refusal(
        "AR", 101, segment, field, segment + "-" + field + " (" + what + ") is required");
  }

  /** 102: a value of the wrong form (an NHS number failing its check digit, say). */
  public static Hl7Refusal badValue(String segment, int field, String why) {
    return new Hl7Refusal("AR", 102, segment, field, segment + "-" + field + " " + why);
  }

  /** 103: a value not in the table it must come from (an unknown sending facility, say). */
  public static Hl7Refusal unknownValue(String segment, int field, String why) {
    return new Hl7Refusal("AR", 103, segment, field, segment + "-" + field + " " + why);
  }

  /**
   * 102 for the whole message: a frame larger than the listener takes. AR, not AE: sending it again
   * cannot succeed.
   */
  public static Hl7Refusal tooLarge(int maxBytes) {
    return new Hl7Refusal(
        "AR",
        102,
        null,
        0,
        "the message is larger than "
            + maxBytes
            + " bytes (cpis.hl7.max-frame-bytes) and was not processed");
  }

  /** 102 for the whole message, with no one field at fault. */
  public static Hl7Refusal badMessage(String why) {
    return new Hl7Refusal("AR", 102, null, 0, "the message " + why);
  }

  /** 200: a message type this service does not take. */
  public static Hl7Refusal unsupportedType(String type) {
    return new Hl7Refusal(
        "AR", 200, "MSH", 9, "message type '" + type + "' is not supported (ADT, QBP)");
  }

  /** 201: an event this service does not take. */
  public static Hl7Refusal unsupportedEvent(String type, String event, String supported) {
    return new Hl7Refusal(
        "AR",
        201,
        "MSH",
        9,
        "event '" + type + "^" + event + "' is not supported (" + supported + ")");
  }

  /**
   * 205: the control id (MSH-10) was used by this sender for another message. AR: a resend under
   * the same id can never succeed; the sender must give the message a new id.
   */
  public static Hl7Refusal duplicateKey() {
    return new Hl7Refusal(
        "AR",
        205,
        "MSH",
        10,
        "MSH-10 message control id was already used by this sender for a different message;"
            + " nothing was processed: send it with a new control id");
  }

  /** 207, AE: something that may work later (the database or the broker is unavailable). */
  public static Hl7Refusal tryLater(String why) {
    return new Hl7Refusal("AE", 207, null, 0, why);
  }

  public String ackCode() {
    return ackCode;
  }

  public boolean retryable() {
    return "AE".equals(ackCode);
  }

  public int errorCode() {
    return errorCode;
  }

  /** The text of the error code in HL7 table 0357. */
  public String errorText() {
    return switch (errorCode) {
      case 100 -> "Segment sequence error";
      case 101 -> "Required field missing";
      case 102 -> "Data type error";
      case 103 -> "Table value not found";
      case 200 -> "Unsupported message type";
      case 201 -> "Unsupported event code";
      case 205 -> "Duplicate key identifier";
      default -> "Application internal error";
    };
  }

  /** The segment at fault, or null. */
  public String segment() {
    return segment;
  }

  /** The field position at fault, or 0. */
  public int field() {
    return field;
  }
}
