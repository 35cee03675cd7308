package org.opencpis.web.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Map;
import java.util.Set;
import org.opencpis.shared.NhsNumber;

/**
 * A search by the child's NHS number, as the national API takes it: {@code
 * patient:identifier=https://fhir.nhs.uk/Id/nhs-number|<nhs>}, once; anything else in the query is
 * refused (400 INVALID_SEARCH_DATA), never ignored.
 */
final class PatientSearch {

  static final String PATIENT_IDENTIFIER = "patient:identifier";

  /** HAPI's own parameters, which any search may carry. */
  private static final Set<String> GENERAL = Set.of("_format", "_pretty");

  private PatientSearch() {}

  /**
   * The NHS number searched for (ten digits), after checking that only {@code allowed} parameters
   * (besides {@value #PATIENT_IDENTIFIER} and the general ones) were given.
   */
  static String nhsNumber(RequestDetails request, Set<String> allowed) {
    Map<String, String[]> params = request.getParameters();
    for (String name : params.keySet()) {
      if (!name.equals(PATIENT_IDENTIFIER) && !GENERAL.contains(name) && !allowed.contains(name)) {
        throw SpineOutcomes.invalidSearch(
            "the search parameter '"
                + printable(name)
                + "' is not supported: search by "
                + PATIENT_IDENTIFIER
                + "="
                + FhirResources.NHS_NUMBER
                + "|<NHS number>");
      }
    }
    String[] values = params.get(PATIENT_IDENTIFIER);
    if (values == null || values.length == 0) {
      throw SpineOutcomes.invalidSearch(
          "the search needs the child's NHS number: "
              + PATIENT_IDENTIFIER
              + "="
              + FhirResources.NHS_NUMBER
              + "|<NHS number>");
    }
    if (values.length > 1 || values[0].contains(",")) {
      throw SpineOutcomes.invalidSearch("search for one NHS number at a time");
    }
    return nhsNumber(values[0]);
  }

  /** {@code system|value}: the system must be the NHS number's, the value a valid NHS number. */
  static String nhsNumber(String token) {
    int bar = token.indexOf('|');
    if (bar < 0) {
      throw SpineOutcomes.invalidSearch(
          "the identifier needs its system: " + FhirResources.NHS_NUMBER + "|<NHS number>");
    }
    String system = token.substring(0, bar);
    String value = token.substring(bar + 1).replace(" ", "");
    if (!FhirResources.NHS_NUMBER.equals(system)) {
      throw SpineOutcomes.invalidSearch(
          "the identifier system '"
              + printable(system)
              + "' is not the NHS number's ("
              + FhirResources.NHS_NUMBER
              + ")");
    }
    if (!NhsNumber.isValid(value)) {
      throw SpineOutcomes.invalidSearch(
          "the value is not a valid NHS number (ten digits, the last its check digit)");
    }
    return NhsNumber.of(value).value();
  }

  static String printable(String v) {
    String s = v.length() > 60 ? v.substring(0, 60) + "..." : v;
    return s.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
