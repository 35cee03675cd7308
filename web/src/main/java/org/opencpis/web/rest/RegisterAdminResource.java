package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opencpis.hub.application.RegisterAdminService;
import org.opencpis.hub.application.RetentionService;
import org.opencpis.hub.domain.UploadChannel;
import org.opencpis.hub.domain.UploadSubmission;

/**
 * For administrators: what the register holds for a child, a council's upload streams and kept
 * files, and the retention purge on demand.
 */
@RequestScoped
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class RegisterAdminResource {

  /** A record as held, whether or not health can still see it. */
  public record HeldRecord(
      String laCode,
      String planType,
      String subjectKind,
      String localChildId,
      LocalDate startDate,
      LocalDate endDate,
      LocalDate deleteDate) {}

  /** How many accesses are recorded for a child. */
  public record AccessCount(String nhsNumber, long accesses) {}

  /** A council's stream of files by one channel: the last number taken and the next expected. */
  public record Stream(String channel, int lastFileSequenceId, int nextFileSequenceId) {}

  /** The answer to one record of a kept file. */
  public record RecordAnswer(
      int sequenceNumber, String localChildId, String code, String field, String detail) {}

  /** A file as kept with its answer. */
  public record Submission(
      long id,
      String channel,
      String sendingAsid,
      Integer fileSequenceId,
      Instant receivedAt,
      String fileCode,
      String detail,
      Integer declaredRecordCount,
      int receivedRecordCount,
      int loaded,
      int rejected,
      String contentDigest,
      List<RecordAnswer> records) {}

  /** A council's streams and its kept files, newest first. */
  public record Uploads(
      String laCode, String name, List<Stream> streams, List<Submission> submissions) {}

  /** What a purge did. */
  public record PurgeResult(int removed) {}

  @EJB RegisterAdminService register;
  @EJB RetentionService retention;

  @GET
  @Path("/register/{nhsNumber}")
  public List<HeldRecord> held(@PathParam("nhsNumber") String nhsNumber) {
    return register.heldFor(nhsNumber).stream()
        .map(
            r ->
                new HeldRecord(
                    r.laCode(),
                    r.planType().name(),
                    r.subjectKind().name(),
                    r.localChildId(),
                    r.startDate(),
                    r.endDate(),
                    r.deleteDate()))
        .toList();
  }

  @GET
  @Path("/register/{nhsNumber}/accesses")
  public AccessCount accesses(@PathParam("nhsNumber") String nhsNumber) {
    return new AccessCount(nhsNumber, register.accessCount(nhsNumber));
  }

  /**
   * A council's upload streams (one per channel: CPISUPLOAD, COUNCIL_WORKFLOW) and the files it
   * sent, kept with their answers whatever they were (R28); {@code channel} and {@code
   * fileSequenceId} narrow the files, {@code max} (50; at most 500) bounds them.
   */
  @GET
  @Path("/uploads/{la}")
  public Uploads uploads(
      @PathParam("la") String la,
      @QueryParam("channel") String channel,
      @QueryParam("fileSequenceId") Integer fileSequenceId,
      @QueryParam("max") @DefaultValue("50") int max) {
    RegisterAdminService.Uploads u =
        register.uploads(
            la, Enums.parse(UploadChannel.class, channel, "channel"), fileSequenceId, max);
    return new Uploads(
        u.localAuthority().odsCode(),
        u.localAuthority().name(),
        u.streams().stream().map(s -> new Stream(s.channel().name(), s.last(), s.next())).toList(),
        u.submissions().stream().map(RegisterAdminResource::submission).toList());
  }

  private static Submission submission(UploadSubmission s) {
    return new Submission(
        s.id(),
        channelOf(s.streamName()),
        s.sendingAsid(),
        s.fileSequence(),
        s.receivedAt(),
        s.fileCode().name(),
        s.detail(),
        s.declaredCount(),
        s.receivedCount(),
        s.loaded(),
        s.rejected(),
        s.contentDigest(),
        s.outcomes().stream()
            .map(
                o ->
                    new RecordAnswer(
                        o.sequenceNumber(),
                        o.localChildId(),
                        o.code().name(),
                        o.field(),
                        o.detail()))
            .toList());
  }

  private static String channelOf(String streamName) {
    for (UploadChannel c : UploadChannel.values()) {
      if (c.streamName().equals(streamName)) {
        return c.name();
      }
    }
    return streamName;
  }

  @POST
  @Path("/retention/run")
  public PurgeResult runRetention() {
    return new PurgeResult(retention.purge());
  }
}
