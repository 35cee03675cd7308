package org.opencpis.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
}
