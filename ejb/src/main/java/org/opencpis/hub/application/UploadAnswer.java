package org.opencpis.hub.application;

import java.util.List;
import org.opencpis.hub.domain.FileCode;
import org.opencpis.hub.domain.RecordOutcome;
import org.opencpis.hub.domain.UploadSubmission;

/** The acknowledgement of an upload file: the file code, and one outcome per record. */
public record UploadAnswer(
    Integer fileSequenceId,
    FileCode fileCode,
    String detail,
    int loaded,
    int rejected,
    List<RecordOutcome> outcomes)
    implements org.opencpis.audit.AuditedOutcome {

  /** The file code, and how many records were loaded and rejected. */
  @Override
  public String auditOutcome() {
    return "DONE " + fileCode + " loaded " + loaded + " rejected " + rejected;
  }

  static UploadAnswer of(UploadSubmission s) {
    return new UploadAnswer(
        s.fileSequence(), s.fileCode(), s.detail(), s.loaded(), s.rejected(), s.outcomes());
  }
}
