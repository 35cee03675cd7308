package org.opencpis.web.fhir;

import ca.uhn.fhir.rest.annotation.Metadata;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * {@code GET /metadata}: what this server offers, as the national producer's CapabilityStatement
 * describes it (CareTeam and AuditEvent: read and search by patient; PractitionerRole: read and
 * included), served to anyone, as the WSDLs are.
 */
public class CpisCapabilityStatement {

  private static final Date PUBLISHED = new Date();

  /** HAPI hands its server to a conformance provider; this statement is written out whole. */
  public void setRestfulServer(RestfulServer server) {
    // nothing to learn from it
  }

  @Metadata
  public CapabilityStatement capabilities(RequestDetails request) {
    CapabilityStatement c = new CapabilityStatement();
    c.setId("OpenCPIS-FHIR-API");
    c.setName("OpenCPISFHIRAPI");
    c.setTitle("OpenCPIS: CP-IS FHIR R4 API");
    c.setStatus(Enumerations.PublicationStatus.ACTIVE);
    c.setDate(PUBLISHED);
    c.setPublisher("OpenCPIS");
    c.setDescription(
        "Child Protection Information Sharing over FHIR R4, as NHS England's CP-IS FHIR API: a"
            + " child's CareTeams (one per council and plan) and the access history (AuditEvent,"
            + " with the viewers' PractitionerRoles), by NHS number.");
    c.setKind(CapabilityStatementKind.INSTANCE);
    c.getSoftware().setName("OpenCPIS");
    c.getImplementation()
        .setDescription("OpenCPIS CP-IS FHIR API")
        .setUrl(request.getFhirServerBase());
    c.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
    c.addFormat("application/fhir+json");
    c.addFormat("application/fhir+xml");
    CapabilityStatementRestComponent rest = c.addRest().setMode(RestfulCapabilityMode.SERVER);
    rest.getSecurity()
        .setDescription(
            "HTTP Basic or a client certificate; roles B0107 (view, recorded and notified) and"
                + " B0170 (view, not notified). Headers TraceID and IsUnscheduledAccessEvent.")
        .addService()
        .addCoding()
        .setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
        .setCode("Basic");
    CapabilityStatementRestResourceComponent careTeam = resource(rest, "CareTeam");
    careTeam.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
    patient(careTeam);
    CapabilityStatementRestResourceComponent audit = resource(rest, "AuditEvent");
    audit.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
    audit.addSearchInclude(
        "AuditEvent:entity-type=http://terminology.hl7.org/CodeSystem/v3-RoleClass|ASSIGNED");
    patient(audit);
    resource(rest, "PractitionerRole");
    return c;
  }

  private static CapabilityStatementRestResourceComponent resource(
      CapabilityStatementRestComponent rest, String type) {
    CapabilityStatementRestResourceComponent r = rest.addResource().setType(type);
    r.setProfile("http://hl7.org/fhir/StructureDefinition/" + type);
    r.addInteraction().setCode(TypeRestfulInteraction.READ);
    return r;
  }

  private static void patient(CapabilityStatementRestResourceComponent r) {
    r.addSearchParam()
        .setName("patient")
        .setDefinition("http://hl7.org/fhir/SearchParameter/clinical-patient")
        .setType(Enumerations.SearchParamType.TOKEN)
        .setDocumentation(
            "patient:identifier=https://fhir.nhs.uk/Id/nhs-number|<NHS number> (required)");
  }
}
