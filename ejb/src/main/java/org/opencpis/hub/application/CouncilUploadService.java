package org.opencpis.hub.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.opencpis.hub.domain.ReceivedRecord;
import org.opencpis.hub.domain.RecordOutcome;
import org.opencpis.hub.domain.SubjectKind;
import org.opencpis.notification.CouncilUpload;
import org.opencpis.notification.LaNotification;
import org.opencpis.notification.NotificationIssuer;
import org.opencpis.shared.Settings;

/**
 * Applies a file from a council's own workflow in this deployment exactly as a cpisupload file
 * (same checks, same plan life cycle, its own sequence), and answers the council with an
 * acknowledgement notification, in the same transaction.
 */
@Stateless
public class CouncilUploadService {

  @Inject UploadService uploads;
  @Inject NotificationIssuer issuer;
  @Inject Settings settings;

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
    UploadAnswer answer =
        uploads.uploadFromCouncilWorkflow(
            new UploadFile(
                file.sendingSystem(),
                file.laCode(),
                file.fileSequenceId(),
                records.size(),
                records));
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
