package org.opencpis.web.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * The national API's answer to a search: always a searchset Bundle with its total (the matches, not
 * the includes), the self link and each entry's search mode; nothing held is total 0.
 */
final class SearchBundles {

  private SearchBundles() {}

  static Bundle searchset(
      RequestDetails request, List<? extends Resource> matches, List<? extends Resource> includes) {
    Bundle b = new Bundle();
    b.setId(UUID.randomUUID().toString());
    b.getMeta().setLastUpdated(new Date());
    b.setType(Bundle.BundleType.SEARCHSET);
    b.setTotal(matches.size());
    b.addLink().setRelation(Bundle.LINK_SELF).setUrl(request.getCompleteUrl());
    String base = request.getFhirServerBase();
    for (Resource r : matches) {
      entry(b, base, r, Bundle.SearchEntryMode.MATCH);
    }
    for (Resource r : includes) {
      entry(b, base, r, Bundle.SearchEntryMode.INCLUDE);
    }
    return b;
  }

  private static void entry(Bundle b, String base, Resource r, Bundle.SearchEntryMode mode) {
    b.addEntry()
        .setFullUrl(base + "/" + r.fhirType() + "/" + r.getIdElement().getIdPart())
        .setResource(r)
        .getSearch()
        .setMode(mode);
  }
}
