package org.opencpis.web.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opencpis.hub.domain.Viewer;
import org.opencpis.shared.PersonName;
import org.opencpis.shared.Roles;

/**
 * Who is asking over FHIR, and from where: the one seam between the HTTP request and the hub's
 * {@link Viewer}. Today the container authenticates the caller (HTTP Basic or a client certificate,
 * as for the SOAP services) and the user's details come in request headers that stand for what a
 * CIS2 token's claims would carry; an OIDC bearer token (WildFly's elytron-oidc-client) plugs in
 * here, its claims read instead of the headers, and nothing else changes.
 *
 * <ul>
 *   <li>the principal's name stands for the smartcard's SDS user id (the 24-hour repeat rule is per
 *       person);
 *   <li>{@value #ROLE_PROFILE}: the SDS role profile id (as on NHS England's API platform);
 *   <li>{@value #ORGANISATION}: the organisation's ODS code (required);
 *   <li>{@value #FAMILY} (required), {@value #GIVEN} (space-separated), {@value #PREFIX}, {@value
 *       #SUFFIX}: the user's name in its parts;
 *   <li>{@value #JOB_ROLE}, {@value #JOB_ROLE_NAME}, {@value #ORGANISATION_NAME}, {@value
 *       #CARE_SETTING}.
 * </ul>
 *
 * <p>Requiring headers also means a cross-site link or image cannot make a signed-in clinician's
 * browser record a view in their name: a page elsewhere cannot set them.
 */
final class FhirCaller {

  static final String TRACE_ID = "TraceID";
  static final String UNSCHEDULED = "IsUnscheduledAccessEvent";
  static final String ROLE_PROFILE = "NHSD-Session-URID";
  static final String ORGANISATION = "NHSD-End-User-Organisation-ODS";
  static final String ORGANISATION_NAME = "X-CPIS-Organisation-Name";
  static final String FAMILY = "X-CPIS-User-Family";
  static final String GIVEN = "X-CPIS-User-Given";
  static final String PREFIX = "X-CPIS-User-Prefix";
  static final String SUFFIX = "X-CPIS-User-Suffix";
  static final String JOB_ROLE = "X-CPIS-User-Job-Role";
  static final String JOB_ROLE_NAME = "X-CPIS-User-Job-Role-Name";
  static final String CARE_SETTING = "X-CPIS-Care-Setting";

  private final HttpServletRequest request;

  FhirCaller(HttpServletRequest request) {
    this.request = request;
  }

  /** Whether the caller holds a CP-IS view role (B0107 or B0170). */
  boolean mayView() {
    return request.isUserInRole(Roles.VIEW_AND_NOTIFY) || request.isUserInRole(Roles.VIEW_SILENTLY);
  }

  /**
   * Whether the view is unscheduled care ({@value #UNSCHEDULED}: true, or no header), so recorded
   * and notified to the councils as a B0107 view; false = scheduled care, answered but recorded
   * nowhere (still audited).
   */
  boolean unscheduled() {
    String v = request.getHeader(UNSCHEDULED);
    if (v == null) {
      return true;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw SpineOutcomes.preconditionFailed(
              "the header " + UNSCHEDULED + " is true or false, not '" + printable(v) + "'");
    };
  }

  /** The caller's trace reference, echoed on the response; null when none was sent. */
  static String traceId(HttpServletRequest request) {
    String v = request.getHeader(TRACE_ID);
    if (v == null || v.isBlank()) {
      return null;
    }
    // a value that would break the response header, or swell it, is not echoed
    return v.length() <= 200 && v.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? v.trim() : null;
  }

  /** The trace reference, as the query's event id (a fresh one when the caller sent none). */
  String queryEventId() {
    String t = traceId(request);
    return t != null && t.length() <= 80 ? t : java.util.UUID.randomUUID().toString();
  }

  String careSetting() {
    String s = optional(CARE_SETTING, 20);
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  /** The viewer the hub records, from the principal and the user's headers. */
  Viewer viewer() {
    String user = request.getUserPrincipal().getName();
    String family = required(FAMILY, 200, "your family name");
    String org = required(ORGANISATION, 10, "your organisation's ODS code");
    String given = optional(GIVEN, 500);
    List<String> givens =
        given == null ? List.of() : Arrays.stream(given.split("\\s+")).limit(5).toList();
    PersonName name =
        PersonName.ofParts(optional(PREFIX, 40), givens, family, optional(SUFFIX, 40));
    return new Viewer(
        user.length() <= 20 ? user : user.substring(0, 20),
        optional(ROLE_PROFILE, 20),
        null,
        name,
        optional(JOB_ROLE, 20),
        optional(JOB_ROLE_NAME, 120),
        org.toUpperCase(Locale.ROOT),
        optional(ORGANISATION_NAME, 160));
  }

  private String required(String header, int max, String what) {
    String v = optional(header, max);
    if (v == null) {
      throw SpineOutcomes.preconditionFailed(
          "the header "
              + header
              + " ("
              + what
              + ") is required: every view is recorded with who"
              + " looked");
    }
    return v;
  }

  private String optional(String header, int max) {
    String v = request.getHeader(header);
    if (v == null || v.isBlank()) {
      return null;
    }
    v = v.trim();
    if (v.length() > max) {
      throw SpineOutcomes.preconditionFailed(
          "the header " + header + " is at most " + max + " characters");
    }
    return v;
  }

  private static String printable(String v) {
    String s = v.length() > 20 ? v.substring(0, 20) + "..." : v;
    return s.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
