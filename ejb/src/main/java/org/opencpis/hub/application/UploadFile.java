package org.opencpis.hub.application;

import java.util.List;
import org.opencpis.hub.domain.ReceivedRecord;

/**
 * An LA's upload file as received by a channel, and what the channel knows of its caller.
 *
 * @param callerMayUpload the caller holds the uploader role
 * @param callerActsForSender the caller belongs to the LA the header names as sender
 * @param sendingSystem the sending system (its ASID): each numbers its files in its own sequence
 */
public record UploadFile(
    String caller,
    boolean callerMayUpload,
    boolean callerActsForSender,
    String sendingSystem,
    String senderOds,
    Integer fileSequenceId,
    Integer declaredRecordCount,
    List<ReceivedRecord> records) {

  public UploadFile {
    records = records == null ? List.of() : List.copyOf(records);
  }
}
