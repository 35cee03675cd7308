package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opencpis.casework.application.Caller;
import org.opencpis.casework.application.CaseworkService;
import org.opencpis.casework.domain.CaseNote;
import org.opencpis.casework.domain.CaseworkRefusal;
import org.opencpis.casework.domain.Involvement;
import org.opencpis.web.rest.CaseworkViews.AccessView;
import org.opencpis.web.rest.CaseworkViews.CaseNoteView;
import org.opencpis.web.rest.CaseworkViews.ChildView;
import org.opencpis.web.rest.CaseworkViews.StepView;

/**
 * Children on the caller's council's file: person summary, involvement, case notes, visits,
 * accesses.
 */
@RequestScoped
@Path("/children")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChildResource {

  public record NewChild(
      String laPersonId,
      String nhsNumber,
      String givenName,
      String familyName,
      LocalDate birthDate) {}

  public record InvolvementChange(String involvement, Long allocatedWorkerId) {}

  public record NewCaseNote(String contactMethod, String decision, String reason) {}

  public record NewVisit(String summary) {}

  /** The person summary: the child, and the CP-IS steps about them. */
  public record PersonSummary(ChildView child, List<StepView> steps) {}

  @EJB CaseworkService casework;
  @Context SecurityContext security;

  @GET
  public List<ChildView> search(
      @QueryParam("nhsNumber") String nhsNumber, @QueryParam("familyName") String familyName) {
    return casework.children(caller(), nhsNumber, familyName).stream().map(ChildView::of).toList();
  }

  @POST
  public Response add(NewChild c) {
    if (c == null) {
      throw new CaseworkRefusal(CaseworkRefusal.Kind.INVALID, null, "send the child as JSON");
    }
    ChildView added =
        ChildView.of(
            casework.addChild(
                caller(),
                c.laPersonId(),
                c.nhsNumber(),
                c.givenName(),
                c.familyName(),
                c.birthDate()));
    return Response.status(Response.Status.CREATED).entity(added).build();
  }

  @GET
  @Path("/{id}")
  public PersonSummary summary(@PathParam("id") long id) {
    Instant now = casework.now();
    return new PersonSummary(
        ChildView.of(casework.child(caller(), id)),
        casework.stepsOfChild(caller(), id).stream().map(s -> StepView.of(s, now)).toList());
  }

  @PUT
  @Path("/{id}/involvement")
  public ChildView involvement(@PathParam("id") long id, InvolvementChange change) {
    Involvement to =
        parse(Involvement.class, change == null ? null : change.involvement(), "involvement");
    return ChildView.of(
        casework.changeInvolvement(
            caller(), id, to, change == null ? null : change.allocatedWorkerId()));
  }

  @GET
  @Path("/{id}/case-notes")
  public List<CaseNoteView> caseNotes(@PathParam("id") long id) {
    return casework.caseNotes(caller(), id).stream().map(CaseNoteView::of).toList();
  }

  /** R23: a "CP-IS Follow Up Contact" case note: telephone or visit, the decision and why. */
  @POST
  @Path("/{id}/case-notes")
  public Response addCaseNote(@PathParam("id") long id, NewCaseNote n) {
    if (n == null) {
      throw new CaseworkRefusal(CaseworkRefusal.Kind.INVALID, null, "send the case note as JSON");
    }
    CaseNote note =
        casework.addCaseNote(
            caller(),
            id,
            parse(CaseNote.ContactMethod.class, n.contactMethod(), "contactMethod"),
            parse(CaseNote.Decision.class, n.decision(), "decision"),
            n.reason());
    return Response.status(Response.Status.CREATED).entity(CaseNoteView.of(note)).build();
  }

  /** R23: a "CP / CiC visit" step. */
  @POST
  @Path("/{id}/visits")
  public Response addVisit(@PathParam("id") long id, NewVisit v) {
    StepView visit =
        StepView.of(
            casework.recordVisit(caller(), id, v == null ? null : v.summary()), casework.now());
    return Response.status(Response.Status.CREATED).entity(visit).build();
  }

  /** R25: the accesses to this child's CP-IS information the council was notified of. */
  @GET
  @Path("/{id}/accesses")
  public List<AccessView> accesses(@PathParam("id") long id) {
    return casework.accessHistory(caller(), id).stream().map(AccessView::of).toList();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          field,
          "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private Caller caller() {
    return new Caller(security.getUserPrincipal().getName());
  }
}
