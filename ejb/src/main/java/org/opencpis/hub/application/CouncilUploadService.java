package org.opencpis.hub.application;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.opencpis.hub.domain.FileCode;
import org.opencpis.hub.domain.ReceivedRecord;
import org.opencpis.hub.domain.RecordOutcome;
import org.opencpis.hub.domain.SubjectKind;
import org.opencpis.hub.infrastructure.RegisterRepository;
import org.opencpis.notification.CouncilUpload;
import org.opencpis.notification.LaNotification;
import org.opencpis.notification.NotificationIssuer;
import org.opencpis.shared.Settings;

/**
 * Applies a file from a council's own workflow in this deployment exactly as a cpisupload file
 * (same checks, same plan life cycle, its own sequence), and answers the council with an
 * acknowledgement notification, in the same transaction.
 *
 * <p>Unlike a council's own system, the workflow does not resend a file by hand, and numbers its
 * files without gaps (R9: no update lost or reordered). So a file is handed back to its queue, to
 * be delivered again later ({@link NotYet}), and never answered, when it cannot be applied now: the
 * demographic service is unavailable (what a cpisupload file is answered CPF05), or the file before
 * it has not been applied yet (it is waiting for redelivery, or parked). A file that keeps being
 * handed back is parked on CpisRecordUpdatesDLQ with the files after it, and an administrator
 * replays them, in sequence, once the cause is gone (R28).
 */
@Stateless
public class CouncilUploadService {

  /** The file cannot be applied now; nothing of it was kept, and it should be delivered again. */
  @ApplicationException(rollback = true)
  public static class NotYet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotYet(String why) {
      super(why);
    }
  }

  @Inject UploadService uploads;
  @Inject NotificationIssuer issuer;
  @Inject Settings settings;
  @Inject RegisterRepository register;

  /**
   * @throws NotYet when the file must wait (see above)
   */
  public UploadAnswer apply(CouncilUpload file) {
    // the lock orders this check with the upload of the council's other files
    register.lockLocalAuthority(file.laCode());
    Integer last = register.lastAppliedFile(file.laCode(), file.sendingSystem());
    if (last != null && file.fileSequenceId() > last + 1) {
      throw new NotYet(
          "council "
              + file.laCode()
              + " file "
              + file.fileSequenceId()
              + " waits for file "
              + (last + 1));
    }
    List<ReceivedRecord> records =
        file.records().stream()
            .map(
                r ->
                    new ReceivedRecord(
                        r.localChildId(),
                        r.unborn() ? SubjectKind.UNBORN : SubjectKind.CHILD,
                        r.nhsNumber(),
                        r.givenName(),
                        r.familyName(),
                        r.birthDate(),
                        r.planCode(),
                        r.legalStatus(),
                        r.startDate(),
                        r.endDate(),
                        r.deleteDate(),
                        r.officeHoursPhone(),
                        r.emergencyDutyPhone()))
            .toList();
    UploadAnswer answer =
        uploads.upload(
            new UploadFile(
                "council workflow " + file.laCode(),
                true,
                true,
                file.sendingSystem(),
                file.laCode(),
                file.fileSequenceId(),
                records.size(),
                records));
    if (answer.fileCode() == FileCode.CPF05) {
      throw new NotYet(
          "council "
              + file.laCode()
              + " file "
              + file.fileSequenceId()
              + ": the demographic service is unavailable");
    }
    List<LaNotification.RecordResult> results = new ArrayList<>();
    for (RecordOutcome o : answer.outcomes()) {
      CouncilUpload.Record r = file.records().get(o.sequenceNumber() - 1);
      results.add(
          new LaNotification.RecordResult(
              r.localChildId(), r.planCode(), o.code().name(), o.field(), o.detail()));
    }
    issuer.issue(
        new LaNotification(
            "ack:" + file.laCode() + ":" + file.sendingSystem() + ":" + file.fileSequenceId(),
            LaNotification.Type.ACKNOWLEDGEMENT,
            file.laCode(),
            settings.clock().instant(),
            null,
            null,
            null,
            null,
            null,
            new LaNotification.Acknowledgement(
                file.fileSequenceId(), answer.fileCode().name(), answer.detail(), results)));
    return answer;
  }
}
