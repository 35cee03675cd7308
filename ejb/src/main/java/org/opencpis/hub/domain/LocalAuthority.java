package org.opencpis.hub.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A local authority that shares information with the hub: its ODS code, its name and the two
 * numbers health calls (office hours, and the emergency duty team out of hours). It also keeps the
 * sequence id of the last upload file applied, so files are applied in order.
 */
@Entity
@Table(name = "hub_local_authority")
public class LocalAuthority {

  @Id
  @Column(name = "ods_code", length = 10)
  private String odsCode;

  @Column(nullable = false, length = 120)
  private String name;

  @Column(name = "office_hours_phone", length = 40)
  private String officeHoursPhone;

  @Column(name = "emergency_duty_phone", length = 40)
  private String emergencyDutyPhone;

  protected LocalAuthority() {}

  public LocalAuthority(
      String odsCode, String name, String officeHoursPhone, String emergencyDutyPhone) {
    this.odsCode = odsCode;
    this.name = name;
    this.officeHoursPhone = officeHoursPhone;
    this.emergencyDutyPhone = emergencyDutyPhone;
  }

  public String odsCode() {
    return odsCode;
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
}
