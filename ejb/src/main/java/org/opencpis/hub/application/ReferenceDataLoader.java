package org.opencpis.hub.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.opencpis.hub.domain.LocalAuthority;
import org.opencpis.hub.infrastructure.RegisterRepository;
import org.opencpis.shared.ReferenceCsv;

/**
 * Loads the local authorities known to the hub from {@code reference/local-authorities.csv} (code,
 * name, office-hours phone, emergency-duty phone) when they are not there yet. The codes are the
 * councils' public 3-digit LA numbers; the phone numbers are Ofcom's drama ranges.
 */
@Singleton
@Startup
public class ReferenceDataLoader {

  private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class.getName());

  @Inject RegisterRepository register;

  @PostConstruct
  void load() {
    int added = 0;
    for (String[] f : ReferenceCsv.rows("/reference/local-authorities.csv")) {
      if (register.localAuthority(f[0]).isEmpty()) {
        register.add(new LocalAuthority(f[0], f[1], f[2], f[3]));
        added++;
      }
    }
    final int count = added;
    LOG.info(() -> "reference data: " + count + " local authorities added");
  }
}
