package org.opencpis.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.opencpis.shared.InvalidSettingException;
import org.opencpis.worktime.WorkingCalendar;
import org.opencpis.worktime.WorkingCalendars;

/**
 * The working-hours calendar (R24), read-only: when a step that arrives at {@code from} and is
 * given {@code hours} working hours falls due. Any signed-in user.
 */
@RequestScoped
@Path("/worktime")
@Produces(MediaType.APPLICATION_JSON)
public class WorktimeResource {

  /** Longest span asked for: a working year, with room. */
  static final int MAX_HOURS = 10_000;

  /**
   * A due time. {@code workingTime}: whether {@code from} itself is inside working hours (if not,
   * the count starts at the next working morning).
   */
  public record Due(String from, int hours, String due, boolean workingTime) {}

  @Inject WorkingCalendars calendars;

  @GET
  @Path("/due")
  public Due due(@QueryParam("from") String from, @QueryParam("hours") String hours) {
    Instant start = instant(from);
    int h = hours(hours);
    WorkingCalendar calendar;
    try {
      calendar = calendars.current();
    } catch (InvalidSettingException e) {
      throw new WebApplicationException(
          ApiError.response(
              Response.Status.INTERNAL_SERVER_ERROR,
              "INVALID_SETTING",
              e.property(),
              e.getMessage()));
    }
    Instant due = calendar.addWorkingTime(start, Duration.ofHours(h));
    return new Due(start.toString(), h, due.toString(), calendar.isWorkingTime(start));
  }

  private static Instant instant(String from) {
    if (from == null || from.isBlank()) {
      throw badParameter("from", "is required: an instant such as 2026-11-20T16:30:00Z");
    }
    try {
      return Instant.parse(from.trim());
    } catch (DateTimeParseException e) {
      throw badParameter(
          "from", "'" + from + "' is not an ISO-8601 instant such as 2026-11-20T16:30:00Z");
    }
  }

  private static int hours(String hours) {
    if (hours == null || hours.isBlank()) {
      throw badParameter("hours", "is required: a whole number of working hours");
    }
    try {
      int h = Integer.parseInt(hours.trim());
      if (h >= 0 && h <= MAX_HOURS) {
        return h;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw badParameter(
        "hours", "'" + hours + "' is not a whole number of working hours from 0 to " + MAX_HOURS);
  }

  private static WebApplicationException badParameter(String field, String why) {
    return new WebApplicationException(
        ApiError.response(
            Response.Status.BAD_REQUEST, "INVALID_PARAMETER", field, field + " " + why));
  }
}
