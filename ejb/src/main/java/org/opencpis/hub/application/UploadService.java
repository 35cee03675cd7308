package org.opencpis.hub.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.opencpis.hub.domain.LocalAuthority;
import org.opencpis.hub.domain.RecordOutcome;
import org.opencpis.hub.domain.RecordUpdate;
import org.opencpis.hub.domain.SharedRecord;
import org.opencpis.hub.domain.UploadRecordValidator;
import org.opencpis.hub.domain.UploadStream;
import org.opencpis.hub.domain.UploadSubmission;
import org.opencpis.hub.infrastructure.RegisterRepository;
import org.opencpis.shared.Settings;

/**
 * Applies an LA's upload file to the register: the plan life cycle (new, changed, ended, deleted
 * information) in one transaction per file. Files of one LA are applied one at a time and in
 * sequence order; a file applied once is answered again with the same acknowledgement and changes
 * nothing.
 */
@Stateless
public class UploadService {

  private static final Logger LOG = Logger.getLogger(UploadService.class.getName());

  @Inject RegisterRepository register;
  @Inject Settings settings;

  public UploadAnswer upload(UploadFile file) {
    Instant now = settings.clock().instant();
    if (!file.callerMayUpload()) {
      throw new HubFault(
          HubFault.ACCESS_DENIED, null, "user '" + file.caller() + "' may not upload to CP-IS");
    }
    UploadSubmission submission =
        new UploadSubmission(
            file.senderOds(),
            sender(file),
            file.fileSequenceId(),
            file.declaredRecordCount(),
            file.records().size(),
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
    if (!file.callerActsForSender()) {
      throw new HubFault(
          HubFault.ACCESS_DENIED,
          "header/sender/id",
          "user '"
              + file.caller()
              + "' may not upload for local authority "
              + la.odsCode()
              + " ("
              + la.name()
              + ")");
    }
    if (file.declaredRecordCount() != file.records().size()) {
      return corrupt(
          submission,
          "the header's recordCount says "
              + file.declaredRecordCount()
              + " but the file holds "
              + file.records().size()
              + " records: nothing was loaded; send the whole file again");
    }
    int seq = file.fileSequenceId();
    UploadStream stream = register.uploadStream(la.odsCode(), sender(file));
    if (stream.hasAppliedFile(seq)) {
      return register
          .appliedSubmission(la.odsCode(), stream.sender(), seq)
          .map(UploadAnswer::of)
          .orElseThrow(
              () ->
                  new HubFault(
                      HubFault.OUT_OF_SEQUENCE,
                      "header/fileSequenceId",
                      "file "
                          + seq
                          + " comes before file "
                          + stream.lastFileSequence()
                          + ", already applied: send it again with sequence id "
                          + (stream.lastFileSequence() + 1)
                          + " or later"));
    }

    List<RecordOutcome> outcomes = new ArrayList<>();
    int position = 0;
    for (var received : file.records()) {
      position++;
      var checked = UploadRecordValidator.check(la.odsCode(), position, received);
      if (!checked.ok()) {
        outcomes.add(checked.refusal());
        continue;
      }
      apply(checked.update(), seq, now);
      outcomes.add(RecordOutcome.success(position, checked.update().localChildId()));
    }
    stream.fileApplied(seq);
    submission.answered(outcomes);
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

  private void apply(RecordUpdate u, int seq, Instant now) {
    register
        .record(u.laCode(), u.nhsNumber().value(), u.planType(), u.localChildId())
        .ifPresentOrElse(
            existing -> existing.apply(u, seq, now),
            () -> register.add(SharedRecord.from(u, seq, now)));
  }

  private UploadAnswer corrupt(UploadSubmission submission, String why) {
    submission.corrupt(why);
    register.add(submission);
    LOG.info(() -> "upload from " + submission.laCode() + " corrupt (CPF01): " + why);
    return UploadAnswer.of(submission);
  }

  private static String sender(UploadFile f) {
    return f.sendingSystem() == null || f.sendingSystem().isBlank()
        ? "-"
        : f.sendingSystem().trim();
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
