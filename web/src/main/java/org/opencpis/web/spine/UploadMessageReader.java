package org.opencpis.web.spine;

import static org.opencpis.web.spine.Hl7.blankToNull;
import static org.opencpis.web.spine.Hl7.ext;
import static org.opencpis.web.spine.Hl7.value;

import java.util.List;
import org.opencpis.contract.hl7.ChildSubject;
import org.opencpis.contract.hl7.PN;
import org.opencpis.contract.hl7.PlanInformation;
import org.opencpis.contract.hl7.REPCMT000002GB01;
import org.opencpis.contract.hl7.TEL;
import org.opencpis.contract.hl7.UploadHeader;
import org.opencpis.contract.hl7.UploadRecord;
import org.opencpis.hub.domain.ReceivedRecord;
import org.opencpis.hub.domain.SubjectKind;

/** Reads an upload file into the hub's terms, values as text; checking them is the hub's job. */
final class UploadMessageReader {

  /** The header and the records, as read. */
  record Read(
      String senderAsid,
      String senderOds,
      Integer fileSequenceId,
      Integer recordCount,
      List<ReceivedRecord> records) {}

  private UploadMessageReader() {}

  static Read read(REPCMT000002GB01 m) {
    UploadHeader h = m.getHeader();
    String sender = h == null || h.getSender() == null ? null : ext(h.getSender().getId());
    Integer seq =
        h == null || h.getFileSequenceId() == null ? null : h.getFileSequenceId().getValue();
    Integer count = h == null || h.getRecordCount() == null ? null : h.getRecordCount().getValue();
    List<ReceivedRecord> records = m.getRecord().stream().map(UploadMessageReader::record).toList();
    return new Read(Hl7.asid(m.getCommunicationFunctionSnd()), sender, seq, count, records);
  }

  private static ReceivedRecord record(UploadRecord r) {
    SubjectKind kind = null;
    ChildSubject subject = null;
    if (r.getChildSubject() != null) {
      kind = SubjectKind.CHILD;
      subject = r.getChildSubject();
    } else if (r.getUnbornChildSubject() != null) {
      kind = SubjectKind.UNBORN;
      subject = r.getUnbornChildSubject().getMother();
    }
    PN name = subject == null ? null : subject.getName();
    PlanInformation info = r.getInformation();
    return new ReceivedRecord(
        ext(r.getLocalChildId()),
        kind,
        subject == null ? null : ext(subject.getId()),
        name == null ? null : given(name),
        name == null ? null : name.getFamily(),
        subject == null ? null : value(subject.getBirthTime()),
        info == null || info.getCode() == null ? null : info.getCode().getCode(),
        info == null || info.getLegalStatus() == null ? null : info.getLegalStatus().getCode(),
        info == null || info.getEffectiveTime() == null
            ? null
            : value(info.getEffectiveTime().getLow()),
        info == null || info.getEffectiveTime() == null
            ? null
            : value(info.getEffectiveTime().getHigh()),
        info == null ? null : value(info.getDeleteDate()),
        telecom(r.getTelecom(), "WP"),
        telecom(r.getTelecom(), "EC"));
  }

  private static String given(PN name) {
    return blankToNull(
        String.join(
            " ", name.getGiven().stream().map(Hl7::blankToNull).filter(g -> g != null).toList()));
  }

  private static String telecom(List<TEL> telecoms, String use) {
    return telecoms.stream()
        .filter(t -> use.equals(t.getUse()))
        .map(t -> blankToNull(t.getValue()))
        .filter(v -> v != null)
        .map(v -> v.startsWith("tel:") ? v.substring(4) : v)
        .findFirst()
        .orElse(null);
  }
}
