package org.opencpis.hub.application;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.opencpis.hub.domain.ReceivedRecord;
import org.opencpis.hub.domain.UploadChannel;

/**
 * An LA's upload file as received by a channel. Who sent it is the signed-in caller ({@link
 * UploadService}), never the file.
 *
 * @param channel the way the file came, decided by the channel's own code (never by the file): the
 *     council's stream it belongs to
 * @param sendingAsid the sending system the file names (its ASID), kept for the record only
 */
public record UploadFile(
    UploadChannel channel,
    @Size(max = 40, message = "the sending system's ASID is at most {max} characters")
        String sendingAsid,
    @Size(max = 10, message = "the sender's ODS code is at most {max} characters") String senderOds,
    Integer fileSequenceId,
    Integer declaredRecordCount,
    List<ReceivedRecord> records)
    implements org.opencpis.audit.AuditedRequest {

  /** The council's file: its sender and sequence number. */
  @Override
  public String auditSubject() {
    return "file " + senderOds + " " + fileSequenceId + " (" + records.size() + " records)";
  }

  @Override
  public String claimedUser() {
    return sendingAsid;
  }

  @Override
  public String claimedOrganisation() {
    return senderOds;
  }

  public UploadFile {
    Objects.requireNonNull(channel, "channel");
    records = records == null ? List.of() : List.copyOf(records);
  }
}
