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
import java.time.Instant;
import org.opencpis.contract.hl7.CPISNHSQueryAnswer;
import org.opencpis.contract.hl7.QUPCIN000006GB01;
import org.opencpis.contract.query.CpisError;
import org.opencpis.contract.query.CpisQueryPortType;
import org.opencpis.hub.application.HubFault;
import org.opencpis.hub.application.QueryAnswer;
import org.opencpis.hub.application.QueryRequest;
import org.opencpis.hub.application.QueryService;
import org.opencpis.shared.Hl7Dates;
import org.opencpis.shared.InvalidValueException;
import org.opencpis.shared.Settings;

/**
 * cpisquery: translates QUPC_IN000006GB01 into a {@link QueryRequest} and the hub's answer into the
 * national REPC_IN000007GB01, or QUQI_IN010000UK14 (query act failed, NF) when nothing is held
 * ({@link NationalAnswer}); {@link NationalAnswerHandler} gives the answer Spine's SOAP header.
 */
// what the SOAP stack cannot read is the sender's fault, with a code (UnreadableMessageHandler);
// the answer's header and faults as Spine writes them (NationalAnswerHandler)
@HandlerChain(file = "query-handlers.xml")
@WebService(
    serviceName = "cpisquery",
    portName = "CpisQueryPort",
    targetNamespace = "urn:nhs:names:services:cpisquery",
    endpointInterface = "org.opencpis.contract.query.CpisQueryPortType",
    wsdlLocation = "WEB-INF/wsdl/cpisquery.wsdl")
// Answers go back on the caller's own connection only: a non-anonymous wsa:ReplyTo or FaultTo is
// refused with the wsa:OnlyAnonymousAddressSupported fault before the message is processed, so no
// request can make the server open a connection (and post CP-IS data) anywhere.
@Addressing(enabled = true, required = true, responses = AddressingFeature.Responses.ANONYMOUS)
public class CpisQueryEndpoint implements CpisQueryPortType {

  @Resource WebServiceContext context;
  @EJB QueryService queries;
  @Inject Settings settings;

  /**
   * The query's effectiveTime (J4), kept with the access; Spine does not check it, so one that is
   * not a time is kept as none rather than refused.
   */
  private Instant queriedAt(String effectiveTime) {
    try {
      return effectiveTime == null
          ? null
          : Hl7Dates.instant("effectiveTime", effectiveTime, settings.zone());
    } catch (InvalidValueException e) {
      return null;
    }
  }

  @Override
  public CPISNHSQueryAnswer query(QUPCIN000006GB01 body) throws CpisError {
    UnreadableMessageHandler.endpointReached();
    QueryMessageReader.Read read;
    QueryAnswer answer;
    try {
      read = QueryMessageReader.read(body);
      answer =
          queries.query(
              new QueryRequest(
                  read.nhsNumber(),
                  read.eventId(),
                  read.accessEvent(),
                  read.careSetting(),
                  read.viewer(),
                  true,
                  true,
                  "SOAP",
                  queriedAt(read.effectiveTime())));
    } catch (HubFault f) {
      throw new CpisError(f.getMessage(), SpineFaults.detail(f));
    } catch (EJBAccessException e) {
      throw SpineFaults.accessDenied(context, e, "query CP-IS", CpisError::new);
    } catch (RuntimeException e) {
      var detail = SpineFaults.unexpected("cpisquery", e);
      throw new CpisError(SpineFaults.summary(detail), detail);
    }
    NationalAnswer national =
        new NationalAnswer(
            read.senderAsid(), settings.hubAsid(), settings.clock().instant(), settings.zone());
    return answer.found() ? national.found(answer) : national.notFound(read.messageId());
  }
}
