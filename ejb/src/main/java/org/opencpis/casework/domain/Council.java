package org.opencpis.casework.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A council using OpenCPIS's workflow, with the numbers it gives health on every record. */
@Entity
@Table(name = "cw_council")
public class Council {

  @Id
  @Column(name = "la_code", length = 10)
  private String laCode;

  @Column(nullable = false, length = 120)
  private String name;

  @Column(name = "office_hours_phone", length = 40)
  private String officeHoursPhone;

  @Column(name = "emergency_duty_phone", nullable = false, length = 40)
  private String emergencyDutyPhone;

  // the council's own pattern thresholds (R25); none: the service's (cpis.pattern.*)
  @Column(name = "pattern_accesses_30d")
  private Integer patternAccessesIn30Days;

  @Column(name = "pattern_organisations_7d")
  private Integer patternOrganisationsIn7Days;

  // out-of-hours escalation to the Emergency Duty Team (R24, R25); null: off, until the
  // council's administrator turns it on
  @Column(name = "edt_escalation")
  private Boolean edtEscalation;

  @Column(name = "edt_flagged_patterns")
  private Boolean edtFlaggedPatterns;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "cw_council_edt_setting", joinColumns = @JoinColumn(name = "la_code"))
  @OrderColumn(name = "position")
  private List<EdtSetting> edtSettings = new ArrayList<>();

  /** The most a threshold can be: beyond it no pattern would ever flag. */
  public static final int MAX_THRESHOLD = 50;

  protected Council() {}

  public Council(String laCode, String name, String officeHoursPhone, String emergencyDutyPhone) {
    this.laCode = laCode;
    this.name = name;
    this.officeHoursPhone = officeHoursPhone;
    this.emergencyDutyPhone = emergencyDutyPhone;
  }

  public String laCode() {
    return laCode;
  }

  public String name() {
    return name;
  }

  public String officeHoursPhone() {
    return officeHoursPhone;
  }

  public String emergencyDutyPhone() {
    return emergencyDutyPhone;
  }

  /** Whether the council set its own thresholds. */
  public boolean hasOwnPatternThresholds() {
    return patternAccessesIn30Days != null;
  }

  /** The thresholds that flag a pattern for this council's children (R25). */
  public AccessPattern.Thresholds patternThresholds(AccessPattern.Thresholds service) {
    return hasOwnPatternThresholds()
        ? new AccessPattern.Thresholds(patternAccessesIn30Days, patternOrganisationsIn7Days)
        : service;
  }

  /**
   * The council's own thresholds (R25): a pattern is flagged at {@code accessesIn30Days} accesses
   * in 30 days, or at {@code organisationsIn7Days} organisations in 7; each 1 to {@value
   * #MAX_THRESHOLD}. Null for both: the service's again.
   */
  public void setPatternThresholds(Integer accessesIn30Days, Integer organisationsIn7Days) {
    if (accessesIn30Days == null && organisationsIn7Days == null) {
      patternAccessesIn30Days = null;
      patternOrganisationsIn7Days = null;
      return;
    }
    check(accessesIn30Days, "accessesIn30Days");
    check(organisationsIn7Days, "organisationsIn7Days");
    patternAccessesIn30Days = accessesIn30Days;
    patternOrganisationsIn7Days = organisationsIn7Days;
  }

  private static void check(Integer value, String field) {
    if (value == null || value < 1 || value > MAX_THRESHOLD) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          field,
          field + " is a whole number from 1 to " + MAX_THRESHOLD + ", not " + value);
    }
  }

  /** What goes to the council's Emergency Duty Team out of hours (R24, R25). */
  public OutOfHoursEscalation.Policy escalationPolicy() {
    return new OutOfHoursEscalation.Policy(
        Boolean.TRUE.equals(edtEscalation),
        !Boolean.FALSE.equals(edtFlaggedPatterns),
        edtSettings.stream().map(EdtSetting::setting).toList());
  }

  public void setEscalationPolicy(OutOfHoursEscalation.Policy policy) {
    edtEscalation = policy.enabled();
    edtFlaggedPatterns = policy.flaggedPatterns();
    edtSettings.clear();
    policy.settings().forEach(s -> edtSettings.add(new EdtSetting(s)));
  }
}
