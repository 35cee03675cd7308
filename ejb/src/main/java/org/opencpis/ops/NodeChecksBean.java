package org.opencpis.ops;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.opencpis.demographics.application.DemographicsSettings;
import org.opencpis.hl7.listener.MllpListener;
import org.opencpis.ops.health.NodeChecks;

/** The application's side of the health checks ({@link NodeChecks}): reads state, changes none. */
@Singleton
@Lock(LockType.READ)
@Local(NodeChecks.class)
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeChecksBean implements NodeChecks {

  @EJB MllpListener mllp;

  @Override
  public int mllpPort() {
    return mllp.port();
  }

  @Override
  public boolean demographicsAvailable() {
    return DemographicsSettings.available();
  }

  @Override
  public String demographicsProperty() {
    return DemographicsSettings.AVAILABLE;
  }
}
