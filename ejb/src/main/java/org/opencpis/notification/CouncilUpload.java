package org.opencpis.notification;

import java.util.List;

/**
 * A file of record updates from a council's own workflow in this deployment to the hub (R9): the
 * same content as a cpisupload file, numbered in the council workflow's own sequence, sent as JSON
 * on {@code java:/jms/queue/cpis/RecordUpdates} grouped by LA (JMSXGroupID), so the files of one
 * council are applied one at a time, in order. The hub answers with an ACKNOWLEDGEMENT
 * notification.
 */
public record CouncilUpload(
    String laCode, String sendingSystem, int fileSequenceId, List<Record> records) {

  public static final String QUEUE = "java:/jms/queue/cpis/RecordUpdates";
  public static final String SENDING_SYSTEM = "OPENCPIS-CASEWORK";

  /**
   * One record: a child's plan under the child's NHS number, or an unborn's plan under the mother's
   * (unborn = true; the name and birth date are then the mother's).
   */
  public record Record(
      String localChildId,
      boolean unborn,
      String nhsNumber,
      String givenName,
      String familyName,
      String birthDate,
      String planCode,
      String legalStatus,
      String startDate,
      String endDate,
      String deleteDate,
      String officeHoursPhone,
      String emergencyDutyPhone) {}
}
