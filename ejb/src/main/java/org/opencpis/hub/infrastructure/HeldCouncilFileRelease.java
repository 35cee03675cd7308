package org.opencpis.hub.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpis.hub.application.CouncilUploadService;

/**
 * Applies the council-workflow files held for their predecessors (R9): right after a council's file
 * is applied (after its commit), and every two seconds for all councils, which also picks up what a
 * crash left held and what waited for the demographic service. One release at a time on this node
 * (a singleton); between nodes the council's lock keeps the files in order.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HeldCouncilFileRelease {

  private static final Logger LOG = Logger.getLogger(HeldCouncilFileRelease.class.getName());

  @Inject CouncilUploadService councilUploads;

  private volatile String lastProblem;

  @Resource SessionContext session;

  /**
   * After the commit of a council's applied file: the files held behind it, at once but on a thread
   * of their own (through the bean, so the call is asynchronous: the consumer that applied the file
   * goes on to its next message).
   */
  public void applied(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CouncilUploadService.Applied a) {
    session.getBusinessObject(HeldCouncilFileRelease.class).releaseLater(a.laCode());
  }

  @Asynchronous
  public void releaseLater(String laCode) {
    release(laCode);
  }

  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false, info = "held files")
  void sweep() {
    try {
      for (String la : councilUploads.councilsHoldingFiles()) {
        release(la);
      }
    } catch (RuntimeException e) {
      problem("cannot look for held council files now; they wait", e);
    }
  }

  private void release(String laCode) {
    try {
      while (councilUploads.releaseNext(laCode)) {
        lastProblem = null;
      }
    } catch (CouncilUploadService.NotYet e) {
      problem(e.getMessage() + ": it stays held", null);
    } catch (RuntimeException e) {
      problem("council " + laCode + ": a held file cannot be applied now; it stays held", e);
    }
  }

  /** Logged once while it lasts, not every two seconds. */
  private void problem(String what, RuntimeException e) {
    if (!what.equals(lastProblem)) {
      lastProblem = what;
      LOG.log(Level.WARNING, what, e);
    }
  }
}
