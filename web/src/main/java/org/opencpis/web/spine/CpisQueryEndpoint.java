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
import org.opencpis.contract.hl7.CPISResult;
import org.opencpis.contract.hl7.ChildRecord;
import org.opencpis.contract.hl7.DetectedIssueEvent;
import org.opencpis.contract.hl7.FailedControlActEvent;
import org.opencpis.contract.hl7.FailureReason;
import org.opencpis.contract.hl7.IVLTS;
import org.opencpis.contract.hl7.Organization;
import org.opencpis.contract.hl7.PN;
import org.opencpis.contract.hl7.QUPCIN000006GB01;
import org.opencpis.contract.hl7.QueryAck;
import org.opencpis.contract.hl7.REPCIN000007GB01;
import org.opencpis.contract.hl7.ResponseControlActEvent;
import org.opencpis.contract.hl7.ResponseSubject;
import org.opencpis.contract.query.CpisError;
import org.opencpis.contract.query.CpisQueryPortType;
import org.opencpis.contract.query.QUQIIN010000UK14;
import org.opencpis.hub.application.HubFault;
import org.opencpis.hub.application.QueryAnswer;
import org.opencpis.hub.application.QueryRequest;
import org.opencpis.hub.application.QueryService;
import org.opencpis.shared.Hl7Dates;
import org.opencpis.shared.Settings;

/**
 * cpisquery: translates QUPC_IN000006GB01 into a {@link QueryRequest} and the hub's answer into
 * REPC_IN000007GB01, or into QUQI_IN010000UK14 (query act failed, NF) when nothing is held.
 */
// what the SOAP stack cannot read is the sender's fault, with a code (UnreadableMessageHandler)
@HandlerChain(file = "handlers.xml")
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

  static final String RESPONSE = "REPC_IN000007GB01";
  static final String FAILED = "QUQI_IN010000UK14";
  static final String VERSION = "V3NPfIT3.0";

  @Resource WebServiceContext context;
  @EJB QueryService queries;
  @Inject Settings settings;

  @Override
  public REPCIN000007GB01 query(QUPCIN000006GB01 body) throws CpisError, QUQIIN010000UK14 {
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
                  "SOAP"));
    } catch (HubFault f) {
      throw new CpisError(f.getMessage(), SpineFaults.detail(f));
    } catch (EJBAccessException e) {
      throw SpineFaults.accessDenied(context, e, "query CP-IS", CpisError::new);
    } catch (RuntimeException e) {
      var detail = SpineFaults.unexpected("cpisquery", e);
      throw new CpisError(SpineFaults.summary(detail), detail);
    }
    Instant now = settings.clock().instant();
    if (!answer.found()) {
      throw new QUQIIN010000UK14("No records found", failed(read, answer, now));
    }
    return found(read, answer, now);
  }

  private REPCIN000007GB01 found(QueryMessageReader.Read read, QueryAnswer a, Instant now) {
    REPCIN000007GB01 m = new REPCIN000007GB01();
    Hl7.answerWrapper(
        m, RESPONSE, VERSION, read.senderAsid(), settings.hubAsid(), now, settings.zone());
    CPISResult result = new CPISResult();
    result.setId(Hl7.ii(Hl7.NHS_NUMBER_ROOT, a.nhsNumber()));
    result.setTotalChildRecords(Hl7.integer(a.records().size()));
    result.setTotalAccessRecords(Hl7.integer(a.history().size()));
    for (QueryAnswer.Entry e : a.records()) {
      ChildRecord r = new ChildRecord();
      Organization la = new Organization();
      la.setId(Hl7.ii(null, e.laOdsCode()));
      la.setName(e.laName());
      if (e.officeHoursPhone() != null) {
        la.getTelecom().add(Hl7.tel(e.officeHoursPhone(), "WP"));
      }
      la.getTelecom().add(Hl7.tel(e.emergencyDutyPhone(), "EC"));
      r.setResponsibleOrganization(la);
      r.setPlanType(Hl7.cv(e.planType().wireCode(), e.planType().displayName()));
      IVLTS time = new IVLTS();
      time.setLow(Hl7.ts(Hl7Dates.format(e.startDate())));
      if (e.endDate() != null) {
        time.setHigh(Hl7.ts(Hl7Dates.format(e.endDate())));
      }
      r.setEffectiveTime(time);
      result.getChildRecord().add(r);
    }
    for (QueryAnswer.PreviousAccess p : a.history()) {
      var r = new org.opencpis.contract.hl7.AccessRecord();
      r.setTime(Hl7.ts(Hl7Dates.format(p.at(), settings.zone())));
      if (p.viewerName() != null) {
        PN name = new PN();
        name.setFamily(p.viewerName());
        r.setViewerName(name);
      }
      if (p.jobRoleCode() != null || p.jobRoleName() != null) {
        r.setJobRole(Hl7.cv(p.jobRoleCode(), p.jobRoleName()));
      }
      Organization org = new Organization();
      org.setId(Hl7.ii(null, p.organisationOds()));
      org.setName(p.organisationName());
      r.setOrganization(org);
      if (p.careSetting() != null) {
        r.setCareSetting(Hl7.cv(p.careSetting(), null));
      }
      result.getAccessRecord().add(r);
    }
    ResponseSubject subject = new ResponseSubject();
    subject.setCpisResult(result);
    ResponseControlActEvent act = new ResponseControlActEvent();
    act.setSubject(subject);
    act.setQueryAck(ack(read, "OK"));
    m.setControlActEvent(act);
    return m;
  }

  private org.opencpis.contract.hl7.QUQIIN010000UK14 failed(
      QueryMessageReader.Read read, QueryAnswer a, Instant now) {
    var m = new org.opencpis.contract.hl7.QUQIIN010000UK14();
    Hl7.answerWrapper(
        m, FAILED, VERSION, read.senderAsid(), settings.hubAsid(), now, settings.zone());
    DetectedIssueEvent issue = new DetectedIssueEvent();
    issue.setCode(Hl7.cv("NF", "No records found"));
    FailureReason reason = new FailureReason();
    reason.setJustifyingDetectedIssueEvent(issue);
    FailedControlActEvent act = new FailedControlActEvent();
    act.setReason(reason);
    act.setQueryAck(ack(read, "NF"));
    m.setControlActEvent(act);
    return m;
  }

  private static QueryAck ack(QueryMessageReader.Read read, String code) {
    QueryAck ack = new QueryAck();
    ack.setQueryId(Hl7.ii(read.eventId(), null));
    ack.setQueryResponseCode(Hl7.cs(code));
    return ack;
  }
}
