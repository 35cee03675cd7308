package org.opencpis.hub.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.opencpis.hub.domain.LocalAuthority;
import org.opencpis.hub.domain.SharedRecord;
import org.opencpis.hub.infrastructure.RegisterRepository;
import org.opencpis.shared.InvalidValueException;
import org.opencpis.shared.NhsNumber;
import org.opencpis.shared.Roles;

/** What an administrator may look at in the register: LAs, and what is held for a child. */
@Stateless
@RolesAllowed(Roles.CPIS_ADMIN)
public class RegisterAdminService {

  @Inject RegisterRepository register;

  /** The LAs and the numbers health is given: for any signed-in user. */
  @PermitAll
  public List<LocalAuthority> localAuthorities() {
    return register.localAuthorities();
  }

  /** How many access events are recorded for a child. */
  public long accessCount(String nhsNumber) {
    try {
      return register.accessCount(NhsNumber.of(nhsNumber).value());
    } catch (InvalidValueException e) {
      throw new HubFault(HubFault.INVALID_NHS_NUMBER, "nhsNumber", e.getMessage());
    }
  }

  /** Every record held for a child, visible or not (until the retention timer removes it). */
  public List<SharedRecord> heldFor(String nhsNumber) {
    try {
      return register.recordsFor(NhsNumber.of(nhsNumber).value());
    } catch (InvalidValueException e) {
      throw new HubFault(HubFault.INVALID_NHS_NUMBER, "nhsNumber", e.getMessage());
    }
  }
}
