package org.opencpis.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the small reference files shipped with the application: comma-separated, # comments. */
public final class ReferenceCsv {

  private ReferenceCsv() {}

  /** The rows of a classpath resource, each split into trimmed fields. */
  public static List<String[]> rows(String resource) {
    InputStream in = ReferenceCsv.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("reference file " + resource + " is missing");
    }
    List<String[]> rows = new ArrayList<>();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split(",", -1);
        for (int i = 0; i < fields.length; i++) {
          fields[i] = fields[i].trim();
        }
        rows.add(fields);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
