package org.opencpis.hub.application;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.opencpis.hub.domain.FileCode;
import org.opencpis.hub.domain.HeldCouncilFile;
import org.opencpis.hub.domain.ReceivedRecord;
import org.opencpis.hub.domain.RecordOutcome;
import org.opencpis.hub.domain.SubjectKind;
import org.opencpis.hub.domain.UploadChannel;
import org.opencpis.hub.domain.UploadStream;
import org.opencpis.hub.infrastructure.RegisterRepository;
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
 * stream, nor this code its.
 *
 * <p>Unlike a council's own system, the workflow does not resend a file by hand, and a file may
 * come before the one it follows (a redelivery after a crash overtaken by a later file). Such a
 * file is held, whole, in the hub's database ({@link HeldCouncilFile}) and the message is taken;
 * once the file before it has been applied, {@link #releaseNext} applies it in its turn (R9), so
 * its place never depends on the broker redelivering it at the right moment. A file that cannot be
 * applied now because the demographic service is unavailable (what a cpisupload file is answered
 * CPF05) is handed back to its queue ({@link NotYet}), never answered; one that keeps being handed
 * back is parked on CpisRecordUpdatesDLQ, and an administrator replays it once the cause is gone;
 * the files after it wait held (R28).
 */
@Stateless
public class CouncilUploadService {

  private static final Logger LOG = Logger.getLogger(CouncilUploadService.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject UploadService uploads;
  @Inject NotificationIssuer issuer;
  @Inject Settings settings;
  @Inject RegisterRepository register;
  @Inject Event<Applied> appliedEvents;

  /** A council's file was applied: the files held behind it may follow (after the commit). */
  public record Applied(String laCode) {}

  /** The file cannot be applied now; nothing of it was kept, and it should be delivered again. */
  @ApplicationException(rollback = true)
  public static class NotYet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotYet(String why) {
      super(why);
    }
  }

  /**
   * A file from the queue: applied if it is the next one (or a repeat), held if a file before it
   * has not been applied yet. The council's streams are locked first, so a file is never held while
   * the one before it is being applied.
   *
   * @return whether the file was applied now (false: held)
   */
  public boolean receive(CouncilUpload file) {
    if (register.lockLocalAuthority(file.laCode()).isPresent()) {
      UploadStream stream = register.uploadStream(file.laCode(), UploadChannel.COUNCIL_WORKFLOW);
      if (stream.admit(file.fileSequenceId()) == UploadStream.Admission.AHEAD) {
        hold(file, stream.next());
        return false;
      }
    }
    apply(file);
    appliedEvents.fire(new Applied(file.laCode()));
    return true;
  }

  private void hold(CouncilUpload file, int waitedFor) {
    if (register.heldFile(file.laCode(), file.fileSequenceId()).isEmpty()) {
      register.add(
          new HeldCouncilFile(
              file.laCode(),
              file.fileSequenceId(),
              waitedFor,
              JSON.toJson(file),
              settings.clock().instant()));
    }
    LOG.warning(
        "council "
            + file.laCode()
            + " file "
            + file.fileSequenceId()
            + " waits for file "
            + waitedFor
            + ": held until that one has been applied");
  }

  /**
   * Applies the council's first held file if its turn has come, in a transaction of its own, and
   * releases it. A file the demographic service cannot check now stays held ({@link NotYet}).
   *
   * @return whether a file was applied (so the next held one may follow)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean releaseNext(String laCode) {
    if (register.lockLocalAuthority(laCode).isEmpty()) {
      return false;
    }
    Optional<HeldCouncilFile> first = register.firstHeldFile(laCode);
    if (first.isEmpty()) {
      return false;
    }
    HeldCouncilFile held = first.get();
    UploadStream stream = register.uploadStream(laCode, UploadChannel.COUNCIL_WORKFLOW);
    if (stream.admit(held.fileSequence()) == UploadStream.Admission.AHEAD) {
      return false;
    }
    apply(JSON.fromJson(held.payload(), CouncilUpload.class));
    register.release(held);
    LOG.info(
        "council "
            + laCode
            + " file "
            + held.fileSequence()
            + ", held since "
            + held.heldAt()
            + " for file "
            + held.waitedFor()
            + ", applied");
    return true;
  }

  /** The councils that have files held. */
  public List<String> councilsHoldingFiles() {
    return register.councilsWithHeldFiles();
  }

  /** How many files each council has held. */
  public Map<String, Long> heldFilesPerCouncil() {
    return register.heldFilesPerCouncil();
  }

  private UploadAnswer apply(CouncilUpload file) {
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
    // the council's streams are locked and the file is the next one or a repeat: never out of
    // sequence here
    UploadAnswer answer =
        uploads.uploadFromCouncilWorkflow(
            new UploadFile(
                UploadChannel.COUNCIL_WORKFLOW,
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
    String ackId =
        "ack:"
            + file.laCode()
            + ":"
            + UploadChannel.COUNCIL_WORKFLOW.streamName()
            + ":"
            + file.fileSequenceId();
    // a file sent again (the council resends what stays unanswered) has its acknowledgement sent
    // again: the first one may be what was lost
    if (issuer.resend(ackId)) {
      return answer;
    }
    issuer.issue(
        new LaNotification(
            ackId,
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
