package org.opencpis.hub.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.opencpis.audit.Audited;
import org.opencpis.demographics.application.DemographicsService;
import org.opencpis.demographics.application.DemographicsUnavailableException;
import org.opencpis.demographics.domain.Verification;
import org.opencpis.hub.domain.FileCode;
import org.opencpis.hub.domain.IdentityCheck;
import org.opencpis.hub.domain.LocalAuthority;
import org.opencpis.hub.domain.RecordOutcome;
import org.opencpis.hub.domain.RecordUpdate;
import org.opencpis.hub.domain.SharedRecord;
import org.opencpis.hub.domain.UploadChannel;
import org.opencpis.hub.domain.UploadContent;
import org.opencpis.hub.domain.UploadRecordValidator;
import org.opencpis.hub.domain.UploadStream;
import org.opencpis.hub.domain.UploadSubmission;
import org.opencpis.hub.infrastructure.RegisterRepository;
import org.opencpis.notification.LaNotification;
import org.opencpis.notification.NotificationIssuer;
import org.opencpis.shared.Roles;
import org.opencpis.shared.Settings;

/**
 * Applies an LA's upload file to the register: the plan life cycle (new, changed, ended, deleted
 * information) in one transaction per file. Files of one LA are applied one at a time (the LA's row
 * is locked for the transaction, as the retention purge locks it) and strictly in sequence order,
 * per channel ({@link UploadStream}); a file sent again under its number is answered with its first
 * acknowledgement and changes nothing, and other content under a number already taken is refused.
 *
 * <p>An LA's system uploads as {@value Roles#LA_UPLOADER} and for its own council only: the
 * header's sender must be a council whose role ({@code la-<code>}) the signed-in caller holds.
 */
@Stateless
@RolesAllowed(Roles.LA_UPLOADER)
public class UploadService {

  private static final Logger LOG = Logger.getLogger(UploadService.class.getName());

  @Resource SessionContext session;
  @Inject RegisterRepository register;
  @Inject Settings settings;
  @Inject Validator validator;
  @Inject DemographicsService demographics;
  @Inject NotificationIssuer issuer;

  /** A file a council's system sent (cpisupload), for the council the signed-in caller acts for. */
  @Audited(value = "cpis.upload", change = true)
  public UploadAnswer upload(UploadFile file) {
    requireChannel(file, UploadChannel.CPISUPLOAD);
    String caller = session.getCallerPrincipal().getName();
    boolean actsForSender =
        file.senderOds() != null && session.isCallerInRole(Roles.council(file.senderOds()));
    return apply(file, caller, actsForSender);
  }

  /**
   * A file of a council's own workflow in this deployment, taken from its queue (the message-driven
   * bean has no caller): it is that council's by construction.
   */
  @PermitAll
  @Audited(value = "cpis.upload.councilWorkflow", change = true)
  public UploadAnswer uploadFromCouncilWorkflow(UploadFile file) {
    requireChannel(file, UploadChannel.COUNCIL_WORKFLOW);
    return apply(file, "council workflow " + file.senderOds(), true);
  }

  /** Each entry point serves one channel: no caller can put a file in another channel's stream. */
  private static void requireChannel(UploadFile file, UploadChannel channel) {
    if (file.channel() != channel) {
      throw new IllegalArgumentException(
          "a " + file.channel() + " file cannot be uploaded as " + channel);
    }
  }

  private UploadAnswer apply(UploadFile file, String caller, boolean callerActsForSender) {
    RequestChecks.valid(validator, file);
    Instant now = settings.clock().instant();
    String digest =
        UploadContent.digest(
            file.senderOds(), file.fileSequenceId(), file.declaredRecordCount(), file.records());
    UploadSubmission submission =
        new UploadSubmission(
            file.senderOds(),
            file.channel(),
            file.sendingAsid(),
            file.fileSequenceId(),
            file.declaredRecordCount(),
            file.records().size(),
            digest,
            now);
    String missing = missingHeaderField(file);
    if (missing != null) {
      return corrupt(submission, "the header has no " + missing + ": nothing was loaded");
    }
    LocalAuthority la =
        register
            .lockLocalAuthority(file.senderOds())
            .orElseThrow(
                () ->
                    new HubFault(
                        HubFault.UNKNOWN_SENDER,
                        "header/sender/id",
                        "'" + file.senderOds() + "' is not a local authority known to CP-IS"));
    if (!callerActsForSender) {
      throw new HubFault(
          HubFault.ACCESS_DENIED,
          "header/sender/id",
          "user '"
              + caller
              + "' may not upload for local authority "
              + la.odsCode()
              + " ("
              + la.name()
              + ")");
    }
    int seq = file.fileSequenceId();
    UploadStream stream = register.uploadStream(la.odsCode(), file.channel());
    if (file.declaredRecordCount() != file.records().size()) {
      return corrupt(
          submission,
          stream,
          "the header's recordCount says "
              + file.declaredRecordCount()
              + " but the file holds "
              + file.records().size()
              + " records: nothing was loaded; send the whole file again");
    }
    UploadStream.Admission admission = stream.admit(seq);
    if (admission == UploadStream.Admission.TAKEN) {
      return answeredBefore(la, stream, seq, digest);
    }
    if (admission == UploadStream.Admission.AHEAD) {
      throw outOfSequence(la, stream, seq);
    }

    List<RecordOutcome> outcomes = new ArrayList<>();
    // every record is checked before any is applied: a file the demographic service cannot
    // check (CPF05) changes nothing
    List<RecordUpdate> accepted = new ArrayList<>();
    List<LaNotification> inactive = new ArrayList<>();
    int position = 0;
    for (var received : file.records()) {
      position++;
      var checked = UploadRecordValidator.check(la.odsCode(), position, received);
      if (!checked.ok()) {
        outcomes.add(checked.refusal());
        continue;
      }
      RecordUpdate update = checked.update();
      Verification identity;
      try {
        identity = demographics.verify(IdentityCheck.subjectOf(update));
      } catch (DemographicsUnavailableException e) {
        return demographicsUnavailable(submission, stream, e);
      }
      RecordOutcome refused = IdentityCheck.refusal(position, update, identity);
      if (refused != null) {
        outcomes.add(refused);
        if (identity.outcome() == Verification.Outcome.SUPERSEDED) {
          inactive.add(inactiveNumber(update, identity, stream, seq, position, now));
        }
        continue;
      }
      accepted.add(update);
      outcomes.add(RecordOutcome.success(position, update.localChildId()));
    }
    accepted.forEach(u -> apply(u, seq, now));
    inactive.forEach(issuer::issue);
    submission.answered(outcomes);
    stream.answered(seq, submission.fileCode());
    register.add(submission);
    LOG.info(
        () ->
            "upload LA "
                + la.odsCode()
                + " file "
                + seq
                + ": "
                + submission.fileCode()
                + " ("
                + submission.loaded()
                + " loaded, "
                + submission.rejected()
                + " rejected)");
    return UploadAnswer.of(submission);
  }

  /**
   * A file under a number the stream has already taken: the same content is a repeat, answered as
   * the first time, changing nothing; other content would be lost if it were answered so, and is
   * refused naming the field.
   */
  private UploadAnswer answeredBefore(
      LocalAuthority la, UploadStream stream, int seq, String digest) {
    var first = register.submissionThatTook(la.odsCode(), stream.channel(), seq);
    if (first.isPresent() && first.get().sameContent(digest)) {
      return UploadAnswer.of(first.get());
    }
    throw new HubFault(
        HubFault.SEQUENCE_REUSED,
        "File/id",
        "file "
            + seq
            + " of "
            + la.name()
            + " ("
            + la.odsCode()
            + ") was already "
            + first
                .map(s -> "answered " + s.fileCode().name() + " on " + s.receivedAt() + " for ")
                .orElse("received with ")
            + "different content; nothing of this file was loaded. A sequence id is used once:"
            + " send this content as file "
            + stream.next()
            + ", the next");
  }

  private static HubFault outOfSequence(LocalAuthority la, UploadStream stream, int seq) {
    return new HubFault(
        HubFault.OUT_OF_SEQUENCE,
        "File/id",
        "file "
            + seq
            + " is not the next file of "
            + la.name()
            + " ("
            + la.odsCode()
            + "): "
            + (stream.last() == 0
                ? "no file has been applied yet, so the first is 1"
                : "the last file applied is " + stream.last() + ", so the next is " + stream.next())
            + ". Files are applied strictly in order, none skipped: send file "
            + stream.next()
            + " first; nothing of this file was loaded");
  }

  private void apply(RecordUpdate u, int seq, Instant now) {
    register
        .record(u.laCode(), u.nhsNumber().value(), u.planType(), u.localChildId())
        .ifPresentOrElse(
            existing -> existing.apply(u, seq, now),
            () -> register.add(SharedRecord.from(u, seq, now)));
  }

  /**
   * R28, R26a: the demographic service did not answer, so no record could be checked: nothing is
   * applied, the submission is kept with CPF05, and on cpisupload the stream's sequence does not
   * move, so the LA sends the same file (same sequence id) again. (The council workflow never sends
   * a number twice: its file takes the number, and the council is told to save the child again.)
   */
  private UploadAnswer demographicsUnavailable(
      UploadSubmission submission, UploadStream stream, DemographicsUnavailableException e) {
    submission.demographicsUnavailable(
        FileCode.CPF05.meaning()
            + ": nothing was loaded; send the same file again, with the same File/id");
    stream.answered(submission.fileSequence(), submission.fileCode());
    register.add(submission);
    LOG.warning(
        () ->
            "upload LA "
                + submission.laCode()
                + " file "
                + submission.fileSequence()
                + ": CPF05, "
                + e.getMessage());
    return UploadAnswer.of(submission);
  }

  /**
   * R4: the Inactive NHS Number Notification to the LA that sent a superseded number, carrying the
   * current one so the LA can fix its record. Its id is derived from the file and the record's
   * position, so it is issued once.
   */
  private static LaNotification inactiveNumber(
      RecordUpdate u, Verification v, UploadStream stream, int seq, int position, Instant now) {
    String key = stream.laCode() + "|" + stream.channel().streamName() + "|" + seq + "|" + position;
    return new LaNotification(
        "inactive:" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)),
        LaNotification.Type.INACTIVE_NHS_NUMBER,
        u.laCode(),
        now,
        v.currentNhsNumber(),
        new LaNotification.Child(
            u.localChildId(), u.givenName(), u.familyName(), u.birthDate(), seq),
        null,
        new LaNotification.Inactive(u.nhsNumber().value(), v.currentNhsNumber()),
        null,
        null);
  }

  private UploadAnswer corrupt(UploadSubmission submission, String why) {
    return corrupt(submission, null, why);
  }

  private UploadAnswer corrupt(UploadSubmission submission, UploadStream stream, String why) {
    submission.corrupt(why);
    if (stream != null) {
      stream.answered(submission.fileSequence(), submission.fileCode());
    }
    register.add(submission);
    LOG.info(() -> "upload from " + submission.laCode() + " corrupt (CPF01): " + why);
    return UploadAnswer.of(submission);
  }

  private static String missingHeaderField(UploadFile f) {
    if (f.senderOds() == null || f.senderOds().isBlank()) {
      return "sender";
    }
    if (f.fileSequenceId() == null) {
      return "fileSequenceId";
    }
    if (f.declaredRecordCount() == null) {
      return "recordCount";
    }
    return null;
  }
}
