package org.opencpis.casework.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opencpis.casework.domain.OutboxEntry;
import org.opencpis.casework.domain.OutboxSequence;
import org.opencpis.messaging.Outbox;
import org.opencpis.notification.CouncilUpload;

/**
 * Sends a child's records to the hub (R9): takes the council's next file sequence id (locked, so
 * files are numbered in the order they are made), keeps the file, and puts it in the outbox for the
 * CpisRecordUpdates queue grouped by council, all in the caller's transaction. The relay sends the
 * outbox in the order it was written, so the council's files reach the hub in sequence.
 */
@ApplicationScoped
public class HubOutbox {

  private static final Jsonb JSON = JsonbBuilder.create();

  @PersistenceContext(unitName = "cpis")
  EntityManager em;

  @Inject Outbox outbox;

  public OutboxEntry send(
      String laCode, Long childId, List<CouncilUpload.Record> records, Instant now) {
    OutboxSequence seq = em.find(OutboxSequence.class, laCode, LockModeType.PESSIMISTIC_WRITE);
    if (seq == null) {
      seq = new OutboxSequence(laCode);
      em.persist(seq);
      em.flush();
    }
    int n = seq.next();
    String payload =
        JSON.toJson(new CouncilUpload(laCode, CouncilUpload.SENDING_SYSTEM, n, records));
    OutboxEntry entry = new OutboxEntry(laCode, n, childId, payload, now);
    em.persist(entry);
    put(entry);
    return entry;
  }

  /**
   * Sends a file again as it was, under its own number (the hub answers a repeat as the first time,
   * and sends its acknowledgement again), for a file that stays unanswered.
   */
  public void sendAgain(OutboxEntry entry) {
    put(entry);
  }

  private void put(OutboxEntry entry) {
    outbox.put(
        CouncilUpload.QUEUE,
        entry.payload(),
        Map.of(
            "JMSXGroupID",
            entry.laCode(),
            "laCode",
            entry.laCode(),
            "fileSequenceId",
            entry.fileSequence()));
  }

  /** Files sent before {@code before} and still unanswered, oldest first per council. */
  public List<OutboxEntry> unanswered(Instant before, int max) {
    return em.createQuery(
            "select e from OutboxEntry e where e.answeredAt is null and e.sentAt < :before"
                + " order by e.laCode, e.fileSequence",
            OutboxEntry.class)
        .setParameter("before", before)
        .setMaxResults(max)
        .getResultList();
  }

  /** Whether a later file for the same child is still waiting for its answer. */
  public boolean newerUnanswered(OutboxEntry entry) {
    return em.createQuery(
                "select count(e) from OutboxEntry e where e.childId = :child"
                    + " and e.fileSequence > :seq and e.answeredAt is null and e.laCode = :la",
                Long.class)
            .setParameter("child", entry.childId())
            .setParameter("seq", entry.fileSequence())
            .setParameter("la", entry.id().substring(0, entry.id().indexOf(':')))
            .getSingleResult()
        > 0;
  }

  public OutboxEntry entry(String laCode, int fileSequence) {
    return em.find(OutboxEntry.class, OutboxEntry.key(laCode, fileSequence));
  }
}
