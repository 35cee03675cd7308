package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.AdditionalRequestHeadersInterceptor;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;

/**
 * The CP-IS FHIR API as a clinical system calls it: HAPI FHIR's generic client, signed in (Basic),
 * with the national headers and the user's details ({@code NHSD-End-User-Organisation-ODS}, the
 * name in its parts...), and HAPI's validator against base R4 for what comes back.
 */
final class Fhir {

  static final FhirContext CTX = FhirContext.forR4Cached();
  static final String NHS = "https://fhir.nhs.uk/Id/nhs-number";
  static final String SPINE_CODES =
      "https://fhir.nhs.uk/CodeSystem/England-SpineErrorOrWarningCode";
  static final String ASSIGNED_INCLUDE =
      "AuditEvent:entity-type=http://terminology.hl7.org/CodeSystem/v3-RoleClass|ASSIGNED";

  private static final FhirValidator VALIDATOR = validator();

  static {
    CTX.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    CTX.getRestfulClientFactory().setSocketTimeout(30_000);
  }

  private Fhir() {}

  static String base() {
    return TestServer.baseUrl() + "/FHIR/R4";
  }

  /** The headers of Dr Ada Grace Okafor, ED nurse at University Hospitals of Leicester (RWE). */
  static Map<String, String> edNurse() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("NHSD-End-User-Organisation-ODS", "RWE");
    h.put("X-CPIS-Organisation-Name", "University Hospitals of Leicester NHS Trust");
    h.put("NHSD-Session-URID", "555000111333");
    h.put("X-CPIS-User-Prefix", "Dr");
    h.put("X-CPIS-User-Given", "Ada Grace");
    h.put("X-CPIS-User-Family", "Okafor");
    h.put("X-CPIS-User-Job-Role", "R8001");
    h.put("X-CPIS-User-Job-Role-Name", "Nurse Access Role");
    h.put("X-CPIS-Care-Setting", "ED");
    return h;
  }

  static IGenericClient client(Spine.User user, Map<String, String> headers) {
    IGenericClient c = CTX.newRestfulGenericClient(base());
    if (user != null) {
      c.registerInterceptor(new BasicAuthInterceptor(user.name(), user.password()));
    }
    AdditionalRequestHeadersInterceptor h = new AdditionalRequestHeadersInterceptor();
    headers.forEach(h::addHeaderValue);
    c.registerInterceptor(h);
    return c;
  }

  static IGenericClient clinician() {
    return client(Spine.CLINICIAN, edNurse());
  }

  static Bundle careTeams(IGenericClient c, String nhs) {
    return c.search()
        .forResource(CareTeam.class)
        .where(new TokenClientParam("patient:identifier").exactly().systemAndCode(NHS, nhs))
        .returnBundle(Bundle.class)
        .execute();
  }

  /** The national guide's search: the history, with the viewers' PractitionerRoles included. */
  static Bundle auditEvents(IGenericClient c, String nhs) {
    return search(
        c,
        "AuditEvent",
        Map.of(
            "patient:identifier", List.of(NHS + "|" + nhs), "_include", List.of(ASSIGNED_INCLUDE)));
  }

  /** A search with its parameters exactly as given (no escaping of the values). */
  static Bundle search(IGenericClient c, String type, Map<String, List<String>> params) {
    return c.search().forResource(type).whereMap(params).returnBundle(Bundle.class).execute();
  }

  /** The resources of a bundle's entries in one search mode. */
  @SuppressWarnings("unchecked")
  static <T extends IBaseResource> List<T> entries(Bundle b, Bundle.SearchEntryMode mode) {
    return b.getEntry().stream()
        .filter(e -> e.getSearch().getMode() == mode)
        .map(e -> (T) e.getResource())
        .toList();
  }

  /** Validates against base R4 (HAPI's validator): no error, no fatal. */
  static void assertValid(IBaseResource r) {
    ValidationResult result = VALIDATOR.validateWithResult(r);
    List<String> errors =
        result.getMessages().stream()
            .filter(
                m ->
                    m.getSeverity() == ResultSeverityEnum.ERROR
                        || m.getSeverity() == ResultSeverityEnum.FATAL)
            .map(m -> m.getLocationString() + ": " + m.getMessage())
            .toList();
    assertThat(errors)
        .as("%s validates against base R4", CTX.newJsonParser().encodeResourceToString(r))
        .isEmpty();
  }

  private static FhirValidator validator() {
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(CTX),
            new InMemoryTerminologyServerValidationSupport(CTX),
            new CommonCodeSystemsTerminologyService(CTX));
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    return CTX.newValidator().registerValidatorModule(module);
  }
}
