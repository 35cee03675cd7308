package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.opencpis.casework.application.Caller;
import org.opencpis.casework.bulk.BulkLoad;
import org.opencpis.casework.bulk.BulkLoadRow;
import org.opencpis.casework.bulk.BulkLoadService;
import org.opencpis.casework.bulk.RowOutcome;
import org.opencpis.casework.domain.CaseworkRefusal;

/**
 * The weekly bulk NHS-number load (R5) of the caller's council, for its performance team (role
 * la-performance, declared by {@link BulkLoadService}): send a CSV file, follow its job, read the
 * per-row report, restart it.
 */
@RequestScoped
@Path("/bulk-loads")
@Produces(MediaType.APPLICATION_JSON)
public class BulkLoadResource {

  /** A load: status, counts and timings. */
  public record LoadView(
      long id,
      String laCode,
      String submittedBy,
      Instant submittedAt,
      String status,
      Long executionId,
      int rows,
      int processed,
      int applied,
      int unchanged,
      int rejected,
      Instant startedAt,
      Instant finishedAt,
      Long elapsedMillis,
      String report) {}

  /** The answer to a start or restart: 202, the load and the batch execution. */
  public record Accepted(long loadId, long executionId, String status, int rows, String self) {}

  /** One line of the report. NHS numbers of rejected rows are masked. */
  public record RowView(
      long line, String personId, String nhsNumber, String outcome, String reason) {
    static RowView of(BulkLoadRow r) {
      return new RowView(
          r.lineNumber(), r.personId(), r.nhsNumber(), r.outcome().name(), r.reason());
    }
  }

  @EJB BulkLoadService bulk;
  @Context SecurityContext security;
  @Context UriInfo uri;

  /** Stores the file and starts its job: 202 with the load id and the batch execution id. */
  @POST
  @Consumes("text/csv")
  public Response start(String csv) {
    if (csv == null || csv.isBlank()) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          "file",
          "send the file as text/csv: a header line (LA person id, NHS number, optionally given"
              + " name, family name, date of birth), then one row per child");
    }
    BulkLoadService.Started s = bulk.submit(caller(), csv);
    return accepted(s);
  }

  @GET
  public List<LoadView> loads() {
    return bulk.loads(caller()).stream().map(this::view).toList();
  }

  @GET
  @Path("/{id}")
  public LoadView load(@PathParam("id") long id) {
    return view(bulk.load(caller(), id));
  }

  /**
   * The per-row report, by line: {@code ?outcome=REJECTED}, paged by {@code first} and {@code max}.
   */
  @GET
  @Path("/{id}/rows")
  public List<RowView> rows(
      @PathParam("id") long id,
      @QueryParam("outcome") String outcome,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("1000") int max) {
    return bulk.rows(caller(), id, outcome(outcome), first, max).stream().map(RowView::of).toList();
  }

  /** Restarts a FAILED or STOPPED load after its last committed chunk; 409 otherwise. */
  @POST
  @Path("/{id}/restart")
  public Response restart(@PathParam("id") long id) {
    return accepted(bulk.restart(caller(), id));
  }

  private Response accepted(BulkLoadService.Started s) {
    String self =
        uri.getBaseUriBuilder().path("bulk-loads").path("{id}").build(s.load().id()).toString();
    return Response.accepted(
            new Accepted(s.load().id(), s.executionId(), "STARTED", s.load().rowCount(), self))
        .header("Location", self)
        .build();
  }

  private LoadView view(BulkLoad l) {
    Instant end = l.finishedAt();
    Long elapsed =
        l.startedAt() == null
            ? null
            : Duration.between(l.startedAt(), end == null ? Instant.now() : end).toMillis();
    return new LoadView(
        l.id(),
        l.laCode(),
        l.submittedBy(),
        l.submittedAt(),
        bulk.status(l).name(),
        l.executionId(),
        l.rowCount(),
        l.processed(),
        l.applied(),
        l.unchanged(),
        l.rejected(),
        l.startedAt(),
        end,
        elapsed,
        uri.getBaseUriBuilder()
            .path("bulk-loads")
            .path("{id}")
            .path("rows")
            .build(l.id())
            .toString());
  }

  private static RowOutcome outcome(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return RowOutcome.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          "outcome",
          "'" + value + "' is not one of " + java.util.Arrays.toString(RowOutcome.values()));
    }
  }

  private Caller caller() {
    return new Caller(security.getUserPrincipal().getName());
  }
}
