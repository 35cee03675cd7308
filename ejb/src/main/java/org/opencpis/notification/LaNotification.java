package org.opencpis.notification;

import java.time.Instant;
import java.time.LocalDate;
import org.opencpis.shared.PersonName;

/**
 * A message from the hub to one local authority, as it crosses the seam (a JMS text message of JSON
 * on {@code java:/jms/queue/cpis/LaNotifications}), and as LA systems outside this deployment pull
 * it through cpisupload.
 *
 * <p>Exactly one of {@code access}, {@code inactive}, {@code failure} is set, as {@code type} says.
 * An access notification says who, when and from where, never why (R20).
 *
 * @param notificationId unique per notification; the consumer's key against redelivery
 */
public record LaNotification(
    String notificationId,
    Type type,
    String laCode,
    Instant createdAt,
    String nhsNumber,
    Child child,
    Access access,
    Inactive inactive,
    Failure failure,
    Acknowledgement acknowledgement) {

  /** The kinds of notification, with the national message types where there is one. */
  public enum Type {
    /** Access to Service Notification (REPC_MT000004GB01, type 05). */
    ACCESS_TO_SERVICE,
    /** Inactive NHS Number Notification (REPC_MT000005GB01, type 06). */
    INACTIVE_NHS_NUMBER,
    /** A record the hub could not share, with what to do (R27). */
    RECORD_FAILURE,
    /** The hub's answer to a file of the council's own workflow (REPC_MT000003GB01, type 02). */
    ACKNOWLEDGEMENT
  }

  /**
   * The child as that LA shared it.
   *
   * @param uploadFile the sequence number of the council's file that last brought the record (the
   *     national {@code referredToLAUploadFile}); null when not known (a notification kept before).
   *     One constructor only: JSON-B reads a record through its canonical constructor
   */
  public record Child(
      String localChildId,
      String givenName,
      String familyName,
      LocalDate birthDate,
      Integer uploadFile) {}

  /**
   * Who looked, when, from where, and in which care setting.
   *
   * @param viewerName the viewer's whole name, as a person reads it
   * @param viewer the same name in its parts (null in notifications kept before parts were)
   * @param queryEventId the id the clinical system gave its query (the national event id)
   */
  public record Access(
      String accessEventId,
      Instant accessedAt,
      String viewerName,
      String jobRoleCode,
      String jobRoleName,
      String organisationOds,
      String organisationName,
      String careSetting,
      PersonName viewer,
      String queryEventId,
      String sdsUserId,
      String sdsRoleProfileId,
      String systemAsid) {}

  /** A superseded NHS number and the one that replaced it (R4). */
  public record Inactive(String oldNhsNumber, String currentNhsNumber) {}

  /** The answer to a council upload: the file code, and one outcome per record. */
  public record Acknowledgement(
      int fileSequenceId, String fileCode, String detail, java.util.List<RecordResult> records) {}

  /** One record's answer: the LA's child id, the plan, the national code, field and detail. */
  public record RecordResult(
      String localChildId, String planType, String code, String field, String detail) {}

  /** Why a record was not shared: the national code, the field at fault, what to do. */
  public record Failure(String code, String field, String detail, Integer fileSequenceId) {}
}
