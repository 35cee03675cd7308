package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
import org.opencpis.casework.application.AccessTimelineService;
import org.opencpis.casework.application.Caller;
import org.opencpis.casework.application.CaseworkService;
import org.opencpis.casework.application.PlanService;
import org.opencpis.casework.domain.CaseNote;
import org.opencpis.casework.domain.CaseworkRefusal;
import org.opencpis.casework.domain.Involvement;
import org.opencpis.web.rest.CaseworkViews.AccessView;
import org.opencpis.web.rest.CaseworkViews.CaseNoteView;
import org.opencpis.web.rest.CaseworkViews.ChildView;
import org.opencpis.web.rest.CaseworkViews.PlanView;
import org.opencpis.web.rest.CaseworkViews.StepView;
import org.opencpis.web.rest.CaseworkViews.TimelineView;

/**
 * Children on the caller's council's file: person summary, involvement, case notes, visits,
 * accesses.
 */
@RequestScoped
@Path("/children")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChildResource {

  // The limits are the columns' (casework Child, CaseNote, WorkflowStep); see Limits.

  public record NewChild(
      @Size(max = Limits.PERSON_ID) String laPersonId,
      @Size(max = Limits.NHS_NUMBER) String nhsNumber,
      @Size(max = Limits.NAME) String givenName,
      @Size(max = Limits.NAME) String familyName,
      LocalDate birthDate) {}

  public record InvolvementChange(
      @Size(max = Limits.CODE) String involvement, Long allocatedWorkerId) {}

  public record NewCaseNote(
      @Size(max = Limits.CODE) String contactMethod,
      @Size(max = Limits.CODE) String decision,
      @Size(max = Limits.TEXT) String reason) {}

  public record NewVisit(@Size(max = Limits.TEXT) String summary) {}

  public record NewUnborn(
      @Size(max = Limits.PERSON_ID) String laPersonId, LocalDate expectedDeliveryDate) {}

  public record Birth(
      LocalDate birthDate,
      @Size(max = Limits.NHS_NUMBER) String nhsNumber,
      @Size(max = Limits.NAME) String givenName,
      @Size(max = Limits.NAME) String familyName) {}

  public record Identity(
      @Size(max = Limits.NHS_NUMBER) String nhsNumber,
      @Size(max = Limits.NAME) String givenName,
      @Size(max = Limits.NAME) String familyName,
      LocalDate birthDate) {}

  /**
   * The person summary: the child with the CP-IS status banner, plans, the CP-IS steps, and the
   * attendance timeline of the last 12 months (R25).
   */
  public record PersonSummary(
      ChildView child, List<PlanView> plans, List<StepView> steps, TimelineView timeline) {}

  @EJB CaseworkService casework;
  @EJB PlanService plans;
  @EJB AccessTimelineService timelines;
  @Context SecurityContext security;

  @GET
  public List<ChildView> search(
      @QueryParam("nhsNumber") @Size(max = Limits.NHS_NUMBER) String nhsNumber,
      @QueryParam("familyName") @Size(max = Limits.NAME) String familyName) {
    return casework.children(caller(), nhsNumber, familyName).stream().map(ChildView::of).toList();
  }

  @POST
  public Response add(@Valid NewChild c) {
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
        plans.plans(caller(), id).stream().map(PlanView::of).toList(),
        casework.stepsOfChild(caller(), id).stream().map(s -> StepView.of(s, now)).toList(),
        TimelineView.of(timelines.ofChild(caller(), id)));
  }

  @PUT
  @Path("/{id}/involvement")
  public ChildView involvement(@PathParam("id") long id, @Valid InvolvementChange change) {
    Involvement to =
        Enums.parse(Involvement.class, change == null ? null : change.involvement(), "involvement");
    return ChildView.of(
        casework.changeInvolvement(
            caller(), id, to, change == null ? null : change.allocatedWorkerId()));
  }

  /** R13: an unborn baby of this mother, known by its expected date of delivery. */
  @POST
  @Path("/{id}/unborn")
  public Response addUnborn(@PathParam("id") long motherId, @Valid NewUnborn u) {
    ChildView added =
        ChildView.of(
            plans.addUnborn(
                caller(),
                motherId,
                u == null ? null : u.laPersonId(),
                u == null ? null : u.expectedDeliveryDate()));
    return Response.status(Response.Status.CREATED).entity(added).build();
  }

  /** R16: the birth of an unborn baby: its date of birth and own NHS number. */
  @POST
  @Path("/{id}/birth")
  public ChildView birth(@PathParam("id") long id, @Valid Birth b) {
    if (b == null) {
      throw new CaseworkRefusal(CaseworkRefusal.Kind.INVALID, null, "send the birth as JSON");
    }
    return ChildView.of(
        plans.recordBirth(
            caller(), id, b.birthDate(), b.nhsNumber(), b.givenName(), b.familyName()));
  }

  /** R2 R27: corrects the NHS number, legal name or date of birth; the child is sent again. */
  @PUT
  @Path("/{id}/identity")
  public ChildView identity(@PathParam("id") long id, @Valid Identity i) {
    if (i == null) {
      throw new CaseworkRefusal(CaseworkRefusal.Kind.INVALID, null, "send the corrections as JSON");
    }
    return ChildView.of(
        plans.correctIdentity(
            caller(), id, i.nhsNumber(), i.givenName(), i.familyName(), i.birthDate()));
  }

  @GET
  @Path("/{id}/case-notes")
  public List<CaseNoteView> caseNotes(@PathParam("id") long id) {
    return casework.caseNotes(caller(), id).stream().map(CaseNoteView::of).toList();
  }

  /** R23: a "CP-IS Follow Up Contact" case note: telephone or visit, the decision and why. */
  @POST
  @Path("/{id}/case-notes")
  public Response addCaseNote(@PathParam("id") long id, @Valid NewCaseNote n) {
    if (n == null) {
      throw new CaseworkRefusal(CaseworkRefusal.Kind.INVALID, null, "send the case note as JSON");
    }
    CaseNote note =
        casework.addCaseNote(
            caller(),
            id,
            Enums.parse(CaseNote.ContactMethod.class, n.contactMethod(), "contactMethod"),
            Enums.parse(CaseNote.Decision.class, n.decision(), "decision"),
            n.reason());
    return Response.status(Response.Status.CREATED).entity(CaseNoteView.of(note)).build();
  }

  /** R23: a "CP / CiC visit" step. */
  @POST
  @Path("/{id}/visits")
  public Response addVisit(@PathParam("id") long id, @Valid NewVisit v) {
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

  private Caller caller() {
    return new Caller(security.getUserPrincipal().getName());
  }
}
