package org.opencpis.web.spine;

import jakarta.ejb.EJBException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpis.contract.hl7.CpisError;
import org.opencpis.hub.application.HubFault;

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
