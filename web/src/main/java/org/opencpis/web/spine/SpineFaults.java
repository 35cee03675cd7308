package org.opencpis.web.spine;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.xml.ws.WebServiceContext;
import java.security.Principal;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpis.contract.hl7.CpisError;
import org.opencpis.hub.application.HubFault;
import org.opencpis.web.security.RequiredRoles;

/** Turns the hub's refusals into the contract's cpisError fault detail. */
final class SpineFaults {

  private static final Logger LOG = Logger.getLogger(SpineFaults.class.getName());

  static final String INTERNAL_ERROR = "INTERNAL_ERROR";

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

  /** What an unexpected failure is told: retry later, nothing was kept. Logged without content. */
  static CpisError internal(String service, EJBException e) {
    LOG.log(Level.SEVERE, service + " failed; the request was not applied", e);
    CpisError err = new CpisError();
    err.setCode(INTERNAL_ERROR);
    err.setMessage(
        "CP-IS could not complete the request and kept nothing of it; try again in a few minutes");
    return err;
  }
}
