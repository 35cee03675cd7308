package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opencpis.hub.application.QueryAnswer;
import org.opencpis.hub.application.QueryRequest;
import org.opencpis.hub.application.QueryService;
import org.opencpis.hub.domain.Viewer;
import org.opencpis.shared.PersonName;

/**
 * What health sees, as JSON for the clinician's page (R18-R20): the same query as cpisquery's
 * QUPC_IN000006GB01, on channel "WEB". It is a POST because every query that finds information
 * records an access and notifies the councils (R20): it is neither safe nor idempotent.
 *
 * <p>The viewer is the signed-in user (their user name stands for the smartcard's SDS user id, so
 * the 24-hour repeat rule works per person) with the name, job role, organisation and care setting
 * the page sends: a web clinician has no smartcard session here to read them from.
 */
@RequestScoped
@Path("/health/cpis")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HealthQueryResource {

  /**
   * The query: the NHS number and who is looking, from where. The viewer's name comes in its parts
   * ({@code viewer}: prefix, given, family, suffix) or as one string ({@code viewerName}, kept
   * whole as the family part); the parts win when both are sent.
   */
  public record HealthQuery(
      @Size(max = Limits.NHS_NUMBER) String nhsNumber,
      @Size(max = 20) String careSetting,
      @Size(max = 200) String viewerName,
      PersonName viewer,
      @Size(max = 120) String jobRole,
      @Size(max = 10) String organisationOds,
      @Size(max = 160) String organisationName) {}

  /** One plan of one council: who to call, the plan type and its dates. */
  public record CouncilRecord(
      String laOdsCode,
      String laName,
      String officeHoursPhone,
      String emergencyDutyPhone,
      String planType,
      String planTypeName,
      LocalDate startDate,
      LocalDate endDate) {}

  /** One earlier access: when, who (the whole name and its parts), from where. */
  public record PreviousAccess(
      Instant at,
      String viewerName,
      PersonName viewer,
      String jobRole,
      String organisationOds,
      String organisationName,
      String careSetting) {}

  /** The answer: per council and plan, and the previous accesses (25 at most). */
  public record HealthAnswer(
      String nhsNumber,
      List<CouncilRecord> records,
      List<PreviousAccess> previousAccesses,
      boolean accessRecorded) {}

  @EJB QueryService queries;
  @Context SecurityContext security;

  @POST
  public HealthAnswer query(@Valid HealthQuery q) {
    if (q == null) {
      throw invalid(null, "send the query as JSON");
    }
    String org = required(q.organisationOds(), "organisationOds", "your organisation's ODS code");
    PersonName name =
        q.viewer() != null && !q.viewer().isEmpty()
            ? q.viewer()
            : PersonName.unparsed(required(q.viewerName(), "viewerName", "your name"));
    Viewer viewer =
        new Viewer(
            sdsUserId(security.getUserPrincipal().getName()),
            null,
            null,
            name,
            null,
            blankToNull(q.jobRole()),
            org.toUpperCase(Locale.ROOT),
            blankToNull(q.organisationName()));
    String setting = blankToNull(q.careSetting());
    QueryAnswer a =
        queries.query(
            new QueryRequest(
                q.nhsNumber() == null ? null : q.nhsNumber().replace(" ", ""),
                UUID.randomUUID().toString().toUpperCase(Locale.ROOT),
                true,
                setting == null ? null : setting.toUpperCase(Locale.ROOT),
                viewer,
                "WEB"));
    if (!a.found()) {
      throw new WebApplicationException(
          ApiError.response(
              Response.Status.NOT_FOUND,
              "NO_RECORDS_FOUND",
              "nhsNumber",
              "No CP-IS information held for this NHS number"));
    }
    return new HealthAnswer(
        a.nhsNumber(),
        a.records().stream()
            .map(
                e ->
                    new CouncilRecord(
                        e.laOdsCode(),
                        e.laName(),
                        e.officeHoursPhone(),
                        e.emergencyDutyPhone(),
                        e.planType().name(),
                        e.planType().displayName(),
                        e.startDate(),
                        e.endDate()))
            .toList(),
        a.history().stream()
            .map(
                p ->
                    new PreviousAccess(
                        p.at(),
                        p.viewerName(),
                        p.viewer(),
                        p.jobRoleName() != null ? p.jobRoleName() : p.jobRoleCode(),
                        p.organisationOds(),
                        p.organisationName(),
                        p.careSetting()))
            .toList(),
        a.accessEventId() != null);
  }

  private static String required(String value, String field, String what) {
    String v = blankToNull(value);
    if (v == null) {
      throw invalid(field, what + " is required: every view is recorded with who looked");
    }
    return v;
  }

  private static WebApplicationException invalid(String field, String message) {
    return new WebApplicationException(
        ApiError.response(Response.Status.BAD_REQUEST, "INVALID", field, message));
  }

  /** The column holds 20 characters, as an SDS user id has 12. */
  private static String sdsUserId(String userName) {
    return userName.length() <= 20 ? userName : userName.substring(0, 20);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
