package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.opencpis.notification.DeadLetters;
import org.opencpis.notification.NotificationAdmin;

/**
 * For administrators: parked (dead-letter) messages and their replay; resending a notification
 * (R28).
 */
@RequestScoped
@Path("/admin/messaging")
@Produces(MediaType.APPLICATION_JSON)
public class MessagingAdminResource {

  public record Replayed(String queue, int replayed) {}

  public record Resent(String notificationId) {}

  @EJB DeadLetters deadLetters;
  @EJB NotificationAdmin notifications;

  @GET
  @Path("/dead-letters/{queue}")
  public List<DeadLetters.Parked> parked(@PathParam("queue") String queue) {
    return deadLetters.parked(known(queue));
  }

  @POST
  @Path("/dead-letters/{queue}/replay")
  public Replayed replay(@PathParam("queue") String queue) {
    return new Replayed(queue, deadLetters.replay(known(queue)));
  }

  @POST
  @Path("/notifications/{id}/resend")
  public Resent resend(@PathParam("id") String id) {
    if (!notifications.resend(id)) {
      throw new WebApplicationException(
          ApiError.response(Response.Status.NOT_FOUND, "NOT_FOUND", "id", "no notification " + id));
    }
    return new Resent(id);
  }

  /**
   * Resends the notifications the hub issued to a council over a window of access times (ISO
   * instants, {@code to} defaults to now; at most 31 days): for a council whose workflow is set up
   * after they arrived. Acknowledgements are not resent; a notification already worked makes no
   * second step.
   */
  @POST
  @Path("/notifications/resend")
  public NotificationAdmin.WindowResent resendWindow(
      @QueryParam("la") String la, @QueryParam("from") String from, @QueryParam("to") String to) {
    if (la == null || !la.matches("[A-Z0-9]{3,10}")) {
      throw invalid("la", "give the council's code, e.g. la=330");
    }
    Instant low = instant("from", from, null);
    Instant high = instant("to", to, Instant.now());
    if (!low.isBefore(high)) {
      throw invalid("to", "the window must end after it starts");
    }
    if (low.plus(NotificationAdmin.MAX_WINDOW).isBefore(high)) {
      throw invalid("from", "a window covers at most 31 days");
    }
    return notifications.resendWindow(la, low, high);
  }

  private static Instant instant(String field, String value, Instant fallback) {
    if (value == null || value.isBlank()) {
      if (fallback != null) {
        return fallback;
      }
      throw invalid(field, "give an ISO instant, e.g. 2026-11-20T09:00:00Z");
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw invalid(field, "'" + value + "' is not an ISO instant, e.g. 2026-11-20T09:00:00Z");
    }
  }

  private static WebApplicationException invalid(String field, String message) {
    return new WebApplicationException(
        ApiError.response(Response.Status.BAD_REQUEST, "INVALID", field, message));
  }

  private static String known(String queue) {
    if (!DeadLetters.QUEUES.containsKey(queue)) {
      throw new WebApplicationException(
          ApiError.response(
              Response.Status.NOT_FOUND,
              "NOT_FOUND",
              "queue",
              "no queue '"
                  + queue
                  + "': one of "
                  + DeadLetters.QUEUES.keySet().stream().sorted().toList()));
    }
    return queue;
  }
}
