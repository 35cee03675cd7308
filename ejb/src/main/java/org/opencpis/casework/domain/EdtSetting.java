package org.opencpis.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One of a council's settings that escalate out of hours, as its table row keeps it. */
@Embeddable
class EdtSetting {

  @Column(name = "care_setting", nullable = false, length = 20)
  private String careSetting;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "plan_type", nullable = false, length = 8)
  private OutOfHoursEscalation.PlanType planType;

  protected EdtSetting() {}

  EdtSetting(OutOfHoursEscalation.Setting s) {
    this.careSetting = s.careSetting();
    this.planType = s.planType();
  }

  OutOfHoursEscalation.Setting setting() {
    return new OutOfHoursEscalation.Setting(careSetting, planType);
  }
}
