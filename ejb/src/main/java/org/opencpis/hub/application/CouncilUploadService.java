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
import org.opencpis.hub.domain.UploadChannel;
import org.opencpis.notification.CouncilUpload;
import org.opencpis.notification.LaNotification;
import org.opencpis.notification.NotificationIssuer;
import org.opencpis.shared.Settings;

/**
 * Applies a file from a council's own workflow in this deployment exactly as a cpisupload file
 * (same checks, same plan life cycle), in the council's own council-workflow stream, and answers
 * the council with an acknowledgement notification, in the same transaction.
 *
 * <p>The stream is {@link UploadChannel#COUNCIL_WORKFLOW} because the file came by the internal
 * queue, whatever sending system the message names: a cpisupload caller can never reach this
 * stream, nor this code its. A file that is not the next one (a redelivery overtaken by a later
 * file) is refused, rolled back and delivered again after the earlier one (R9).
 *
 * <p>Unlike a council's own system, the workflow does not resend a file by hand. So a file is
 * handed back to its queue, to be delivered again later ({@link NotYet}), and never answered, when
 * it cannot be applied now: the file before it has not been applied yet (it waits for redelivery,
 * or is parked), or the demographic service is unavailable (what a cpisupload file is answered
 * CPF05). A file that keeps being handed back is parked on CpisRecordUpdatesDLQ with the files
 * after it, and an administrator replays them, in sequence, once the cause is gone (R28).
 */
@Stateless
public class CouncilUploadService {

  @Inject UploadService uploads;
  @Inject NotificationIssuer issuer;
  @Inject Settings settings;

  /** The file the stream expects, as the out-of-sequence fault names it. */
  private static final java.util.regex.Pattern NEXT =
      java.util.regex.Pattern.compile("(?:next is|first is) (\\d+)");

  /** The file cannot be applied now; nothing of it was kept, and it should be delivered again. */
  @ApplicationException(rollback = true)
  public static class NotYet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotYet(String why) {
      super(why);
    }
  }

  public UploadAnswer apply(CouncilUpload file) {
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
    UploadAnswer answer;
    try {
      answer =
          uploads.uploadFromCouncilWorkflow(
              new UploadFile(
                  UploadChannel.COUNCIL_WORKFLOW,
                  file.sendingSystem(),
                  file.laCode(),
                  file.fileSequenceId(),
                  records.size(),
                  records));
    } catch (HubFault f) {
      if (HubFault.OUT_OF_SEQUENCE.equals(f.code())) {
        java.util.regex.Matcher next = NEXT.matcher(f.getMessage());
        throw new NotYet(
            "council "
                + file.laCode()
                + " file "
                + file.fileSequenceId()
                + " waits for file "
                + (next.find() ? next.group(1) : "before it"));
      }
      throw f;
    }
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
            "ack:"
                + file.laCode()
                + ":"
                + UploadChannel.COUNCIL_WORKFLOW.streamName()
                + ":"
                + file.fileSequenceId(),
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
