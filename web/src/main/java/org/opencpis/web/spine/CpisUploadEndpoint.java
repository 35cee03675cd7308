package org.opencpis.web.spine;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.soap.Addressing;
import jakarta.xml.ws.soap.AddressingFeature;
import org.opencpis.contract.hl7.IVLTS;
import org.opencpis.contract.hl7.NotificationPullRequest;
import org.opencpis.contract.hl7.NotificationPullResponse;
import org.opencpis.contract.hl7.REPCMT000002GB01;
import org.opencpis.contract.hl7.REPCMT000003GB01;
import org.opencpis.contract.hl7.RecordAck;
import org.opencpis.contract.upload.CpisError;
import org.opencpis.contract.upload.CpisUploadPortType;
import org.opencpis.hub.application.HubFault;
import org.opencpis.hub.application.NotificationPullService;
import org.opencpis.hub.application.UploadAnswer;
import org.opencpis.hub.application.UploadFile;
import org.opencpis.hub.application.UploadService;
import org.opencpis.hub.domain.RecordOutcome;
import org.opencpis.hub.domain.UploadChannel;
import org.opencpis.shared.Settings;

/**
 * cpisupload: translates an LA's upload file into an {@link UploadFile} and the hub's answer into
 * the acknowledgement REPC_MT000003GB01. The caller must be an uploader of the LA the file names.
 */
// what the SOAP stack cannot read is the sender's fault, with a code (UnreadableMessageHandler)
@HandlerChain(file = "handlers.xml")
@WebService(
    serviceName = "cpisupload",
    portName = "CpisUploadPort",
    targetNamespace = "urn:nhs:names:services:cpisupload",
    endpointInterface = "org.opencpis.contract.upload.CpisUploadPortType",
    wsdlLocation = "WEB-INF/wsdl/cpisupload.wsdl")
// Answers go back on the caller's own connection only: a non-anonymous wsa:ReplyTo or FaultTo is
// refused with the wsa:OnlyAnonymousAddressSupported fault before the message is processed, so no
// request can make the server open a connection (and post CP-IS data) anywhere.
@Addressing(enabled = true, required = true, responses = AddressingFeature.Responses.ANONYMOUS)
public class CpisUploadEndpoint implements CpisUploadPortType {

  static final String ACKNOWLEDGEMENT = "REPC_MT000003GB01";

  @Resource WebServiceContext context;
  @EJB UploadService uploads;
  @EJB NotificationPullService pulls;
  @Inject Settings settings;

  @Override
  public REPCMT000003GB01 upload(REPCMT000002GB01 body) throws CpisError {
    UnreadableMessageHandler.endpointReached();
    if (body == null) {
      throw new CpisError(
          "no upload file",
          SpineFaults.detail(
              new HubFault(
                  HubFault.MANDATORY_DATA_MISSING + "|REPC_MT000002GB01",
                  "REPC_MT000002GB01",
                  "the body holds no REPC_MT000002GB01 upload file")));
    }
    UploadMessageReader.Read read = UploadMessageReader.read(body);
    UploadAnswer answer;
    try {
      answer =
          uploads.upload(
              new UploadFile(
                  // the council's cpisupload stream: the service checks the caller acts for the
                  // LA; the ASID the file names is kept for the record and keys nothing
                  UploadChannel.CPISUPLOAD,
                  read.senderAsid(),
                  read.senderOds(),
                  read.fileSequenceId(),
                  read.recordCount(),
                  read.records()));
    } catch (HubFault f) {
      throw new CpisError(f.getMessage(), SpineFaults.detail(f));
    } catch (EJBAccessException e) {
      throw SpineFaults.accessDenied(context, e, "upload to CP-IS", CpisError::new);
    } catch (RuntimeException e) {
      var detail = SpineFaults.unexpected("cpisupload", e);
      throw new CpisError(SpineFaults.summary(detail), detail);
    }
    return acknowledgement(read, answer);
  }

  @Override
  public NotificationPullResponse pullNotifications(NotificationPullRequest body) throws CpisError {
    UnreadableMessageHandler.endpointReached();
    String la =
        body == null
            ? null
            : Hl7.ext(body.getLocalAuthority() == null ? null : body.getLocalAuthority().getId());
    IVLTS window = body == null ? null : body.getAccessTime();
    NotificationPullService.Pulled pulled;
    try {
      pulled =
          pulls.pull(
              la,
              window == null ? null : Hl7.value(window.getLow()),
              window == null ? null : Hl7.value(window.getHigh()));
    } catch (HubFault f) {
      throw new CpisError(f.getMessage(), SpineFaults.detail(f));
    } catch (EJBAccessException e) {
      throw SpineFaults.accessDenied(context, e, "pull an LA's notifications", CpisError::new);
    } catch (RuntimeException e) {
      var detail = SpineFaults.unexpected("cpisupload pull", e);
      throw new CpisError(SpineFaults.summary(detail), detail);
    }
    return NotificationPullWriter.write(
        pulled,
        Hl7.asid(body.getCommunicationFunctionSnd()),
        settings.hubAsid(),
        settings.clock().instant(),
        settings.zone());
  }

  private REPCMT000003GB01 acknowledgement(UploadMessageReader.Read read, UploadAnswer a) {
    REPCMT000003GB01 ack = new REPCMT000003GB01();
    Hl7.answerWrapper(
        ack,
        ACKNOWLEDGEMENT,
        "V3NPfIT3.0",
        read.senderAsid(),
        settings.hubAsid(),
        settings.clock().instant(),
        settings.zone());
    if (a.fileSequenceId() != null) {
      ack.setFileSequenceId(Hl7.integer(a.fileSequenceId()));
    }
    ack.setFileResponseCode(Hl7.cv(a.fileCode().name(), a.fileCode().meaning()));
    ack.setDetail(a.detail());
    ack.setRecordsLoaded(Hl7.integer(a.loaded()));
    ack.setRecordsRejected(Hl7.integer(a.rejected()));
    for (RecordOutcome o : a.outcomes()) {
      RecordAck r = new RecordAck();
      r.setSequenceNumber(Hl7.integer(o.sequenceNumber()));
      if (o.localChildId() != null) {
        r.setLocalChildId(Hl7.ii(null, o.localChildId()));
      }
      r.setResponseCode(Hl7.cv(o.code().name(), o.code().meaning()));
      r.setField(o.field());
      r.setDetail(o.detail());
      ack.getRecordAck().add(r);
    }
    return ack;
  }
}
