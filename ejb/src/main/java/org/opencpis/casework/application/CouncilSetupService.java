package org.opencpis.casework.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.opencpis.casework.domain.CaseworkRefusal;
import org.opencpis.casework.domain.CaseworkRefusal.Kind;
import org.opencpis.casework.domain.Worker;
import org.opencpis.casework.domain.WorkerRole;
import org.opencpis.casework.infrastructure.CaseworkRepository;
import org.opencpis.shared.Roles;

/** An administrator sets up a council's workers and virtual workers. */
@Stateless
@RolesAllowed(Roles.CPIS_ADMIN)
public class CouncilSetupService {

  @Inject CaseworkRepository casework;

  public Worker addWorker(
      String laCode, String name, String username, WorkerRole role, String team) {
    if (laCode == null || !laCode.matches("[A-Z0-9]{3,10}")) {
      throw new CaseworkRefusal(Kind.INVALID, "laCode", "'" + laCode + "' is not a council code");
    }
    if (name == null || name.isBlank() || role == null) {
      throw new CaseworkRefusal(Kind.INVALID, "name", "a worker needs a name and a role");
    }
    if (role.isVirtual() && username != null) {
      throw new CaseworkRefusal(Kind.INVALID, "username", "a virtual worker does not sign in");
    }
    if (!role.isVirtual() && (username == null || username.isBlank())) {
      throw new CaseworkRefusal(
          Kind.INVALID, "username", "a person needs the username they sign in with");
    }
    if (username != null && casework.workerByUsername(username).isPresent()) {
      throw new CaseworkRefusal(
          Kind.CONFLICT, "username", "'" + username + "' is a worker already");
    }
    if (role.isVirtual() && casework.virtualWorker(laCode, role).isPresent()) {
      throw new CaseworkRefusal(
          Kind.CONFLICT, "role", "council " + laCode + " has its " + role + " already");
    }
    Worker w = new Worker(laCode, name.trim(), username, role, team);
    casework.add(w);
    return w;
  }

  public List<Worker> workers(String laCode) {
    return casework.workers(laCode);
  }
}
