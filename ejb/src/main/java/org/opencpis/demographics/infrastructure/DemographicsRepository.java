package org.opencpis.demographics.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.opencpis.demographics.domain.DemographicRecord;

/** The demographic records, by NHS number. */
@ApplicationScoped
public class DemographicsRepository {

  private static final int BATCH = 1000;

  @PersistenceContext(unitName = "cpis")
  EntityManager em;

  /** The persistence unit's datasource, for the development seed's batch inserts. */
  @Resource(lookup = "java:jboss/datasources/CpisDS")
  DataSource dataSource;

  public Optional<DemographicRecord> find(String nhsNumber) {
    return Optional.ofNullable(em.find(DemographicRecord.class, nhsNumber));
  }

  public void add(DemographicRecord r) {
    em.persist(r);
  }

  /** The numbers that were replaced by one of {@code numbers} (one step back in their chains). */
  public List<String> supersededInto(Collection<String> numbers) {
    return em.createQuery(
            "select p.nhsNumber from DemographicRecord p where p.supersededBy in :numbers",
            String.class)
        .setParameter("numbers", numbers)
        .getResultList();
  }

  public long count() {
    return em.createQuery("select count(p) from DemographicRecord p", Long.class).getSingleResult();
  }

  public long countSuperseded() {
    return em.createQuery(
            "select count(p) from DemographicRecord p where p.supersededBy is not null", Long.class)
        .getSingleResult();
  }

  public long countSensitive() {
    return em.createQuery(
            "select count(p) from DemographicRecord p where p.sensitive = true", Long.class)
        .getSingleResult();
  }

  /** Writes what was loaded so far and forgets it, so a large file does not fill the memory. */
  public void flushAndClear() {
    em.flush();
    em.clear();
  }

  /**
   * Inserts many new records in JDBC batches, in the caller's transaction (the datasource is the
   * persistence unit's, so the connection joins it): for the development seed, where persisting
   * entities one by one would take far longer.
   */
  public void insertAll(List<DemographicRecord> records) {
    String sql =
        "insert into "
            + DemographicRecord.TABLE
            + " (nhs_number, given_name, family_name, birth_date, superseded_by, sensitive)"
            + " values (?, ?, ?, ?, ?, ?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int pending = 0;
      for (DemographicRecord r : records) {
        ps.setString(1, r.nhsNumber());
        ps.setString(2, r.givenName());
        ps.setString(3, r.familyName());
        ps.setObject(4, r.birthDate());
        ps.setString(5, r.supersededBy());
        ps.setBoolean(6, r.sensitive());
        ps.addBatch();
        if (++pending == BATCH) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot insert the demographic records", e);
    }
  }
}
