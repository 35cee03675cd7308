package org.opencpis.web.spine;

import jakarta.ejb.EJBAccessException;
import jakarta.xml.ws.WebServiceContext;
import java.security.Principal;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpis.contract.hl7.CpisError;
import org.opencpis.hub.application.HubFault;
import org.opencpis.shared.DatabaseUnavailable;
import org.opencpis.web.security.RequiredRoles;

/** Turns the hub's refusals and failures into the contract's cpisError fault detail. */
final class SpineFaults {

  private static final Logger LOG = Logger.getLogger(SpineFaults.class.getName());

  static final String INTERNAL_ERROR = "INTERNAL_ERROR";
  static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

  private SpineFaults() {}

  static CpisError detail(HubFault f) {
    CpisError e = new CpisError();
    e.setCode(f.code());
    e.setField(f.field());
    e.setMessage(f.getMessage());
    return e;
  }

  /**
   * The refusal of a caller whose role may not call the service (the services declare their roles,
   * {@code @RolesAllowed}): ACCESS_DENIED, naming the user and what the role would be.
   */
  static <F extends Exception> F accessDenied(
      WebServiceContext context,
      EJBAccessException refused,
      String what,
      BiFunction<String, CpisError, F> fault) {
    Principal p = context.getUserPrincipal();
    CpisError e = new CpisError();
    e.setCode(HubFault.ACCESS_DENIED);
    e.setMessage(RequiredRoles.message(p == null ? null : p.getName(), refused, what));
    return fault.apply(e.getMessage(), e);
  }

  /** The fault string of a fault with this detail. */
  static String summary(CpisError detail) {
    return SERVICE_UNAVAILABLE.equals(detail.getCode()) ? "service unavailable" : "internal error";
  }

  /**
   * The fault for a failure that is not a refusal, in one place for both services: the database
   * unavailable is SERVICE_UNAVAILABLE (logged in one line: it is expected during an outage),
   * anything else INTERNAL_ERROR (logged with its cause). Either way nothing of the request was
   * kept and the caller sends it again later. Logged without content.
   */
  static CpisError unexpected(String service, RuntimeException e) {
    CpisError err = new CpisError();
    if (DatabaseUnavailable.isCause(e)) {
      LOG.warning(service + " refused: the database is unavailable; nothing was kept");
      err.setCode(SERVICE_UNAVAILABLE);
      err.setMessage(
          "CP-IS cannot reach its database just now and kept nothing of the request; send it again"
              + " in a minute");
      return err;
    }
    LOG.log(Level.SEVERE, service + " failed; the request was not applied", e);
    err.setCode(INTERNAL_ERROR);
    err.setMessage(
        "CP-IS could not complete the request and kept nothing of it; try again in a few minutes");
    return err;
  }
}
