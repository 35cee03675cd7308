package org.opencpis.hub.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.opencpis.hub.domain.LocalAuthority;
import org.opencpis.hub.infrastructure.RegisterRepository;

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
    try (var in = getClass().getResourceAsStream("/reference/local-authorities.csv");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (register.localAuthority(f[0].trim()).isEmpty()) {
          register.add(new LocalAuthority(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim()));
          added++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    final int count = added;
    LOG.info(() -> "reference data: " + count + " local authorities added");
  }
}
