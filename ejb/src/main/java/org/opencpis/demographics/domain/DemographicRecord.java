package org.opencpis.demographics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the national demographic service (PDS) holds for one NHS number, as far as CP-IS needs it:
 * the legal given and family name, the date of birth, the number that replaced this one (when it
 * was superseded, R4) and whether the record is sensitive (never shared, CPR02).
 *
 * <p>OpenCPIS keeps its own copy as a stand-in for PDS: loaded by an administrator from a CSV file
 * ({@link DemographicCsv}) and, on an empty development database, seeded with a generated test
 * population ({@link SeedPopulation}).
 */
@Entity
@Table(
    name = DemographicRecord.TABLE,
    indexes = @Index(name = "ix_dem_person_superseded_by", columnList = "superseded_by"))
public class DemographicRecord {

  /** The table, named here because the development seed inserts it in JDBC batches. */
  public static final String TABLE = "dem_person";

  @Id
  @Column(name = "nhs_number", length = 10)
  private String nhsNumber;

  @Column(name = "given_name", nullable = false, length = 100)
  private String givenName;

  @Column(name = "family_name", nullable = false, length = 100)
  private String familyName;

  @Column(name = "birth_date", nullable = false)
  private LocalDate birthDate;

  @Column(name = "superseded_by", length = 10)
  private String supersededBy;

  @Column(name = "sensitive", nullable = false)
  private boolean sensitive;

  protected DemographicRecord() {}

  public DemographicRecord(
      String nhsNumber,
      String givenName,
      String familyName,
      LocalDate birthDate,
      String supersededBy,
      boolean sensitive) {
    this.nhsNumber = Objects.requireNonNull(nhsNumber);
    this.givenName = Objects.requireNonNull(givenName);
    this.familyName = Objects.requireNonNull(familyName);
    this.birthDate = Objects.requireNonNull(birthDate);
    this.supersededBy = supersededBy;
    this.sensitive = sensitive;
  }

  /**
   * Takes the values of {@code other} (the same NHS number, as a newer file says).
   *
   * @return whether anything changed
   */
  public boolean updateFrom(DemographicRecord other) {
    if (sameAs(other)) {
      return false;
    }
    this.givenName = other.givenName;
    this.familyName = other.familyName;
    this.birthDate = other.birthDate;
    this.supersededBy = other.supersededBy;
    this.sensitive = other.sensitive;
    return true;
  }

  /** Whether {@code other} holds the same values. */
  public boolean sameAs(DemographicRecord other) {
    return nhsNumber.equals(other.nhsNumber)
        && givenName.equals(other.givenName)
        && familyName.equals(other.familyName)
        && birthDate.equals(other.birthDate)
        && Objects.equals(supersededBy, other.supersededBy)
        && sensitive == other.sensitive;
  }

  public boolean superseded() {
    return supersededBy != null;
  }

  public String nhsNumber() {
    return nhsNumber;
  }

  public String givenName() {
    return givenName;
  }

  public String familyName() {
    return familyName;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  public String supersededBy() {
    return supersededBy;
  }

  public boolean sensitive() {
    return sensitive;
  }
}
