package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
