package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.opencpis.audit.AuditAdminService;
import org.opencpis.audit.AuditChain;
import org.opencpis.audit.AuditEntry;
import org.opencpis.audit.AuditSearch;

/**
 * For administrators: the audit trail of every read and change of CP-IS data, searched, and its
 * hash chain verified (README, "The audit trail").
 */
@RequestScoped
@Path("/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  /** One row as kept. */
  public record Row(
      long seq,
      Instant at,
      String channel,
      String operation,
      String request,
      String principal,
      String claimedUser,
      String claimedOrganisation,
      String subject,
      String outcome,
      String prevHash,
      String hash) {

    static Row of(AuditEntry e) {
      return new Row(
          e.seq(),
          e.at(),
          e.channel(),
          e.operation(),
          e.request(),
          e.principal(),
          e.claimedUser(),
          e.claimedOrganisation(),
          e.subject(),
          e.outcome(),
          e.prevHash(),
          e.hash());
    }
  }

  /** A page of rows, newest first; {@code more} when older ones match too. */
  public record Rows(List<Row> rows, int page, int size, boolean more) {}

  /** Whether the chain is intact, or the first row where it breaks and why. */
  public record Verification(boolean intact, long rowsChecked, Long brokenAt, String reason) {}

  /** What a purge removed. */
  public record PurgeResult(int removed) {}

  @EJB AuditAdminService audit;

  /**
   * Rows by subject (an NHS number, a resource id), principal, channel (SOAP, HL7, REST, PAGE) and
   * time ({@code from} inclusive, {@code to} exclusive, ISO instants); {@code size} at most 200.
   */
  @GET
  public Rows search(
      @QueryParam("subject") @Size(max = AuditEntry.SUBJECT) String subject,
      @QueryParam("principal") @Size(max = AuditEntry.PRINCIPAL) String principal,
      @QueryParam("channel") @Size(max = AuditEntry.CHANNEL) String channel,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    AuditAdminService.Found f =
        audit.search(
            new AuditSearch(
                subject, principal, channel, instant("from", from), instant("to", to), page, size));
    return new Rows(f.rows().stream().map(Row::of).toList(), f.page(), f.size(), f.more());
  }

  @GET
  @Path("/verify")
  public Verification verify() {
    AuditChain.Result r = audit.verify();
    return new Verification(r.intact(), r.rows(), r.brokenAt(), r.reason());
  }

  /**
   * Removes the rows older than {@code cpis.audit.retention-days} now, as the nightly timer does;
   * the kept chain still verifies from its anchor.
   */
  @POST
  @Path("/retention/run")
  public PurgeResult runRetention() {
    return new PurgeResult(audit.purge().removed());
  }

  private static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new WebApplicationException(
          ApiError.response(
              Response.Status.BAD_REQUEST,
              "INVALID_DATA",
              field,
              field + " is an instant such as 2026-12-01T09:00:00Z"));
    }
  }
}
