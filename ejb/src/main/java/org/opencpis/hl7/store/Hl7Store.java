package org.opencpis.hl7.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The HL7 adapter's tables: received messages with their answers, and attendances. */
@ApplicationScoped
public class Hl7Store {

  @PersistenceContext(unitName = "cpis")
  EntityManager em;

  public Optional<ReceivedMessage> received(String key) {
    return Optional.ofNullable(em.find(ReceivedMessage.class, key));
  }

  public Optional<Attendance> attendance(String facility, String visitNumber) {
    return Optional.ofNullable(em.find(Attendance.class, attendanceId(facility, visitNumber)));
  }

  public Attendance newAttendance(String facility, String visitNumber, java.time.Instant at) {
    Attendance a = new Attendance(attendanceId(facility, visitNumber), facility, visitNumber, at);
    em.persist(a);
    return a;
  }

  /** Removes the messages (and their answers) received before {@code before}; returns how many. */
  public int forgetMessagesBefore(java.time.Instant before) {
    return em.createQuery("delete from ReceivedMessage m where m.receivedAt < :before")
        .setParameter("before", before)
        .executeUpdate();
  }

  public void add(Object entity) {
    em.persist(entity);
  }

  /** Writes what is pending now, so a duplicate key fails here rather than at commit. */
  public void flush() {
    em.flush();
  }

  static String attendanceId(String facility, String visitNumber) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest((facility + "|" + visitNumber).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
