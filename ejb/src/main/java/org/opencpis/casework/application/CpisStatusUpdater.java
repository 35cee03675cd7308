package org.opencpis.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.opencpis.notification.LaNotification;

/** Keeps each child's CP-IS status (R26) from the hub's acknowledgements. */
@ApplicationScoped
public class CpisStatusUpdater {

  public void acknowledged(LaNotification n, Instant now) {
    // filled in with the council-side plan lifecycle
  }
}
