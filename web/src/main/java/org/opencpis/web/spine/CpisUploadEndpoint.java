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
import org.opencpis.contract.hl7.NationalNotificationPull;
import org.opencpis.contract.hl7.NotificationPullRequest;
import org.opencpis.contract.hl7.NotificationPullResponse;
import org.opencpis.contract.hl7.REPCMT000002GB01File;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse;
import org.opencpis.contract.hl7.REPCMT000004GB01CPISAccessToServiceNotification;
import org.opencpis.contract.hl7.REPCMT000005GB01CPISInactiveNHSNumberNotification;
import org.opencpis.contract.upload.CpisError;
import org.opencpis.contract.upload.CpisUploadPortType;
import org.opencpis.hub.application.HubFault;
import org.opencpis.hub.application.NotificationPullService;
import org.opencpis.hub.application.UploadAnswer;
import org.opencpis.hub.application.UploadFile;
import org.opencpis.hub.application.UploadService;
import org.opencpis.hub.domain.UploadChannel;
import org.opencpis.notification.LaNotification;
import org.opencpis.shared.Settings;

/**
 * cpisupload: translates an LA's national upload file ({@code hl7:File}, REPC_MT000002GB01) into an
 * {@link UploadFile} and the hub's answer into the national acknowledgement ({@code
 * hl7:FileResponse}, REPC_MT000003GB01). The caller must be an uploader of the LA the file names.
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

  @Resource WebServiceContext context;
  @EJB UploadService uploads;
  @EJB NotificationPullService pulls;
  @Inject Settings settings;

  @Override
  public REPCMT000003GB01FileResponse upload(REPCMT000002GB01File body) throws CpisError {
    UnreadableMessageHandler.endpointReached();
    if (body == null) {
      throw new CpisError(
          "no upload file",
          SpineFaults.detail(
              new HubFault(
                  HubFault.MANDATORY_DATA_MISSING + "|File",
                  "File",
                  "the body holds no hl7:File upload file (REPC_MT000002GB01)")));
    }
    UploadMessageReader.Read read;
    UploadAnswer answer;
    try {
      read = UploadMessageReader.read(body, SpineHeaderHandler.senderAsid(context));
      answer =
          uploads.upload(
              new UploadFile(
                  // the council's cpisupload stream: the service checks the caller acts for the
                  // LA; the ASID the header names is kept for the record and keys nothing
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
    return FileResponseWriter.write(
        body, read, answer, settings.clock().instant(), settings.zone());
  }

  @Override
  public REPCMT000004GB01CPISAccessToServiceNotification accessToService(
      NationalNotificationPull body) throws CpisError {
    UnreadableMessageHandler.endpointReached();
    return NationalNotificationWriter.accessToService(
        pull(body, LaNotification.Type.ACCESS_TO_SERVICE), laName(body), settings.zone());
  }

  @Override
  public REPCMT000005GB01CPISInactiveNHSNumberNotification inactiveNhsNumbers(
      NationalNotificationPull body) throws CpisError {
    UnreadableMessageHandler.endpointReached();
    return NationalNotificationWriter.inactiveNhsNumbers(
        pull(body, LaNotification.Type.INACTIVE_NHS_NUMBER), laName(body), settings.zone());
  }

  /** A national pull: the council by LocalAuthority/@id, the window by AccessTime/@low,@high. */
  private NotificationPullService.Pulled pull(
      NationalNotificationPull body, LaNotification.Type type) throws CpisError {
    var la = body == null ? null : body.getLocalAuthority();
    var window = body == null ? null : body.getAccessTime();
    try {
      return pulls.pull(
          la == null ? null : Hl7.blankToNull(la.getId()),
          type,
          window == null ? null : window.getLow(),
          window == null ? null : window.getHigh());
    } catch (HubFault f) {
      throw new CpisError(f.getMessage(), SpineFaults.detail(f));
    } catch (EJBAccessException e) {
      throw SpineFaults.accessDenied(context, e, "pull an LA's notifications", CpisError::new);
    } catch (RuntimeException e) {
      var detail = SpineFaults.unexpected("cpisupload national pull", e);
      throw new CpisError(SpineFaults.summary(detail), detail);
    }
  }

  private static String laName(NationalNotificationPull body) {
    return body == null || body.getLocalAuthority() == null
        ? null
        : Hl7.blankToNull(body.getLocalAuthority().getName());
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
}
