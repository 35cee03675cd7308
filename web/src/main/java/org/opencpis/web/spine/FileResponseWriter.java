package org.opencpis.web.spine;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.opencpis.contract.hl7.COCTTP146100GB01LACInformation;
import org.opencpis.contract.hl7.CV;
import org.opencpis.contract.hl7.CountValue;
import org.opencpis.contract.hl7.REPCMT000002GB01CPISRecord;
import org.opencpis.contract.hl7.REPCMT000002GB01CommunicationFunctionSnd;
import org.opencpis.contract.hl7.REPCMT000002GB01File;
import org.opencpis.contract.hl7.REPCMT000002GB01Organisation;
import org.opencpis.contract.hl7.REPCMT000002GB01PertinentInformation;
import org.opencpis.contract.hl7.REPCMT000002GB01Record;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse.AcknowledgementFile;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse.AcknowledgementRecord;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse.Message;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse.Message.CPISLAAcknowledgementResponse;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse.Message.CPISLAAcknowledgementResponse.PertinentInformation1;
import org.opencpis.hub.application.UploadAnswer;
import org.opencpis.hub.domain.FileCode;
import org.opencpis.hub.domain.RecordCode;
import org.opencpis.hub.domain.RecordOutcome;
import org.opencpis.shared.Hl7Dates;

/**
 * Writes the hub's answer to an upload file as the national acknowledgement {@code
 * hl7:FileResponse} (REPC_MT000003GB01), valid against the national schema: the file code with its
 * national displayName (no codeSystem: the national schema fixes it), a code per record (code
 * system {@value #RECORD_CODE_SYSTEM}) at its 1-based position in {@code location}, the council as
 * received, the counts, and each record echoed in file order (valid: its subject; invalid: its plan
 * and subject). Why a record was refused (the field and the reason) has no element of its own
 * nationally: it goes in the record code's {@code originalText} (HL7's "text that served as the
 * basis of the coding", allowed by the national CE), e.g. {@code childSubject/id: NHS number ...}.
 * The national file code allows no content, so why a whole file was CPF01 or CPF05 is kept with the
 * submission only ({@code GET /api/admin/uploads/{la}}).
 */
final class FileResponseWriter {

  static final String RECORD_CODE_SYSTEM = "2.16.840.1.113883.2.1.3.2.4.17.473";
  static final String LA_ROOT = "2.16.840.1.113883.2.1.3.2.4.19.1";

  /** CPVocab.xsd CP-ISUploadFileResponse_displayName, in code order (schema-enforced). */
  static final Map<String, String> FILE_DISPLAY =
      Map.of(
          "CPF01", "File Level Error",
          "CPF02", "Successful File Upload",
          "CPF03", "Partial File Upload",
          "CPF04", "Unsuccessful File Upload",
          "CPF05", "PDS Error - PDS Unavailable",
          "CPF06",
              "Spine ii rejected the request because this version of the CPIS Client is no longer"
                  + " supported");

  /** CPVocab.xsd CP-ISUploadRecordResponse_displayName, spelled as there ("Unsucessful"). */
  static final Map<RecordCode, String> RECORD_DISPLAY =
      Map.of(
          RecordCode.CPR01, "PDS Error - No Match Found for NHS Number",
          RecordCode.CPR02, "PDS Error - NHS Number Matched, but Sensitive Record",
          RecordCode.CPR03, "PDS Error - NHS Number not Verified",
          RecordCode.CPR04, "PDS Error - NHS Number Format Incorrect",
          RecordCode.CPR05, "PDS Error - NHS Number Verified, but Superseded",
          RecordCode.CPR06, "Successful Record Upload",
          RecordCode.CPR07, "Unsucessful Record Upload");

  private FileResponseWriter() {}

  static String display(FileCode code) {
    return FILE_DISPLAY.get(code.name());
  }

  static REPCMT000003GB01FileResponse write(
      REPCMT000002GB01File file,
      UploadMessageReader.Read read,
      UploadAnswer a,
      Instant now,
      ZoneId zone) {
    REPCMT000003GB01FileResponse r = new REPCMT000003GB01FileResponse();
    r.setCreationTime(Hl7.ts(Hl7Dates.format(now, zone)));
    // the file's id as the council sent it (e.g. "000042"), else its sequence number
    r.setId(
        Hl7.ii(
            null,
            read.fileId() != null
                ? read.fileId()
                : a.fileSequenceId() == null ? "0" : a.fileSequenceId().toString()));
    r.setTransmissionQuantity(Hl7.integer(read.records().size()));
    AcknowledgementFile.AcknowledgementFileDetail fileDetail =
        new AcknowledgementFile.AcknowledgementFileDetail();
    // the national file code has empty content: why a file was CPF01 or CPF05 is not in the
    // acknowledgement (the hub keeps it with the submission, GET /api/admin/uploads/{la})
    fileDetail.setCode(Hl7.cv(a.fileCode().name(), display(a.fileCode())));
    AcknowledgementFile ackFile = new AcknowledgementFile();
    ackFile.getAcknowledgementFileDetail().add(fileDetail);
    r.setAcknowledgementFile(ackFile);
    if (!a.outcomes().isEmpty()) {
      AcknowledgementRecord records = new AcknowledgementRecord();
      for (RecordOutcome o : a.outcomes()) {
        AcknowledgementRecord.AcknowledgementRecordDetail d =
            new AcknowledgementRecord.AcknowledgementRecordDetail();
        CV code = Hl7.cv(o.code().name(), RECORD_DISPLAY.get(o.code()));
        code.setCodeSystem(RECORD_CODE_SYSTEM);
        code.setOriginalText(why(o));
        d.setCode(code);
        d.setLocation(Integer.toString(o.sequenceNumber()));
        records.getAcknowledgementRecordDetail().add(d);
      }
      r.setAcknowledgementRecord(records);
    }
    r.setCommunicationFunctionRcv(council(file));
    r.setFailedReturnedCPISRecords(count(a.rejected()));
    List<REPCMT000002GB01Record> sent = file.getRecord();
    for (RecordOutcome o : a.outcomes()) {
      int i = o.sequenceNumber() - 1;
      if (i < 0 || i >= sent.size() || sent.get(i).getCPISRecord() == null) {
        continue;
      }
      r.getMessage().add(echo(sent.get(i).getCPISRecord(), o.loaded()));
    }
    r.setSuccessfulReturnedCPISRecords(count(a.loaded()));
    return r;
  }

  /** The council the file came from, as it named itself (its id under the LA root). */
  /** A refused record's field and reason ("childSubject/id: ..."), or null for a loaded one. */
  static String why(RecordOutcome o) {
    if (o.detail() == null) {
      return null;
    }
    return o.field() == null ? o.detail() : o.field() + ": " + o.detail();
  }

  private static REPCMT000002GB01CommunicationFunctionSnd council(REPCMT000002GB01File file) {
    REPCMT000002GB01CommunicationFunctionSnd rcv = new REPCMT000002GB01CommunicationFunctionSnd();
    REPCMT000002GB01Organisation sent =
        file.getCommunicationFunctionSnd() == null
            ? null
            : file.getCommunicationFunctionSnd().getOrganisation();
    REPCMT000002GB01Organisation org = new REPCMT000002GB01Organisation();
    if (sent != null) {
      String root = sent.getId() == null ? null : Hl7.blankToNull(sent.getId().getRoot());
      org.setId(Hl7.ii(root == null ? LA_ROOT : root, Hl7.ext(sent.getId())));
      org.setName(sent.getName());
      org.getTelecom().addAll(sent.getTelecom());
    }
    rcv.setOrganisation(org);
    return rcv;
  }

  private static Message echo(REPCMT000002GB01CPISRecord record, boolean valid) {
    PertinentInformation1 p = new PertinentInformation1();
    if (valid) {
      PertinentInformation1.ValidCPISRecord v = new PertinentInformation1.ValidCPISRecord();
      v.getSubject().addAll(record.getSubject());
      p.setValidCPISRecord(v);
    } else {
      // the legal status is our extension: the national echo carries none
      for (REPCMT000002GB01PertinentInformation i : record.getPertinentInformation()) {
        COCTTP146100GB01LACInformation lac = i.getCOCTTP146100GB01LACInformation();
        if (lac != null) {
          lac.setLegalStatus(null);
        }
      }
      p.setInvalidCPISRecord(record);
    }
    CPISLAAcknowledgementResponse response = new CPISLAAcknowledgementResponse();
    response.setPertinentInformation1(p);
    Message m = new Message();
    m.setCPISLAAcknowledgementResponse(response);
    return m;
  }

  private static CountValue count(int n) {
    CountValue c = new CountValue();
    c.setValue(Hl7.integer(n));
    return c;
  }
}
