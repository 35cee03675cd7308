package org.opencpis.hl7.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message received over MLLP and the answer it was given, kept in the transaction that processed
 * it: a repeat (same MSH-3, MSH-4, MSH-10 and the same content: its digest) is answered from here,
 * identically, and never processed again (HL7's guidance on duplicate transmissions); another
 * message under the same key is refused.
 */
@Entity
@Table(
    name = "hl7_received_message",
    // the retention purge's "received before" (V2__hl7_received_at_index.sql)
    indexes = @Index(name = "ix_hl7_received_at", columnList = "received_at"))
public class ReceivedMessage {

  /** The longest message or answer text the table holds. */
  public static final int MAX_TEXT = 200_000;

  /** SHA-256 of MSH-3|MSH-4|MSH-10. */
  @Id
  @Column(length = 64)
  private String id;

  @Column(name = "sending_application", length = 200)
  private String sendingApplication;

  @Column(name = "sending_facility", length = 200)
  private String sendingFacility;

  @Column(name = "control_id", length = 200)
  private String controlId;

  /** SHA-256 of the message's content, MSH-7 left out (see the handler's ContentDigest). */
  @Column(name = "content_digest", length = 64)
  private String digest;

  @Column(name = "message_type", length = 20)
  private String messageType;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  /** AA, AE or AR. */
  @Column(name = "ack_code", length = 2)
  private String ackCode;

  /** The message's text, when it fits (the digest identifies it either way). */
  @Column(name = "message", length = MAX_TEXT)
  private String message;

  @Column(name = "answer", length = MAX_TEXT)
  private String answer;

  protected ReceivedMessage() {}

  public ReceivedMessage(
      String id,
      String sendingApplication,
      String sendingFacility,
      String controlId,
      String digest,
      String messageType,
      Instant receivedAt,
      String ackCode,
      String message,
      String answer) {
    this.id = id;
    this.sendingApplication = cut(sendingApplication, 200);
    this.sendingFacility = cut(sendingFacility, 200);
    this.controlId = cut(controlId, 200);
    this.digest = digest;
    this.messageType = cut(messageType, 20);
    this.receivedAt = receivedAt;
    this.ackCode = ackCode;
    this.message = message == null || message.length() > MAX_TEXT ? null : message;
    if (answer.length() > MAX_TEXT) {
      throw new IllegalArgumentException("an answer longer than " + MAX_TEXT + " is not kept");
    }
    this.answer = answer;
  }

  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  public String id() {
    return id;
  }

  public String answer() {
    return answer;
  }

  public String digest() {
    return digest;
  }

  public String message() {
    return message;
  }

  public String ackCode() {
    return ackCode;
  }
}
