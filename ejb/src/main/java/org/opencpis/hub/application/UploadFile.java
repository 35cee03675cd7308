package org.opencpis.hub.application;

import java.util.List;
import java.util.Objects;
import org.opencpis.hub.domain.ReceivedRecord;
import org.opencpis.hub.domain.UploadChannel;

/**
 * An LA's upload file as received by a channel, and what the channel knows of its caller.
 *
 * @param callerMayUpload the caller holds the uploader role
 * @param callerActsForSender the caller belongs to the LA the header names as sender
 * @param channel the way the file came, decided by the channel's own code (never by the file): the
 *     council's stream it belongs to
 * @param sendingAsid the sending system the file names (its ASID), kept for the record only
 */
public record UploadFile(
    String caller,
    boolean callerMayUpload,
    boolean callerActsForSender,
    UploadChannel channel,
    String sendingAsid,
    String senderOds,
    Integer fileSequenceId,
    Integer declaredRecordCount,
    List<ReceivedRecord> records) {

  public UploadFile {
    Objects.requireNonNull(channel, "channel");
    records = records == null ? List.of() : List.copyOf(records);
  }
}
