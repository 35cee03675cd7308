package org.opencpis.hub.application;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.opencpis.hub.domain.ReceivedRecord;

/**
 * An LA's upload file as received by a channel. Who sent it is the signed-in caller ({@link
 * UploadService}), never the file.
 *
 * @param sendingSystem the sending system (its ASID): each numbers its files in its own sequence
 */
public record UploadFile(
    @Size(max = 40, message = "the sending system's ASID is at most {max} characters")
        String sendingSystem,
    @Size(max = 10, message = "the sender's ODS code is at most {max} characters") String senderOds,
    Integer fileSequenceId,
    Integer declaredRecordCount,
    List<ReceivedRecord> records) {

  public UploadFile {
    records = records == null ? List.of() : List.copyOf(records);
  }
}
