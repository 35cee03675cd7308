package org.opencpis.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.opencpis.casework.bulk.SyntheticChildren;
import org.opencpis.casework.domain.CaseworkRefusal;

/**
 * For administrators: synthetic children (no NHS number) on a council's file, to measure the bulk
 * NHS-number load at scale. Person ids are {@code prefix + n} for n in [from, from + count).
 */
@RequestScoped
@Path("/admin/councils/{la}/synthetic-children")
@Produces(MediaType.APPLICATION_JSON)
public class SyntheticChildrenResource {

  @EJB SyntheticChildren synthetic;

  @POST
  public Map<String, Object> create(
      @PathParam("la") @Pattern(regexp = Limits.LA_CODE) String la,
      @QueryParam("prefix") String prefix,
      @QueryParam("from") int from,
      @QueryParam("count") int count) {
    if (prefix == null
        || !prefix.matches("[A-Za-z0-9-]{1,20}")
        || from < 0
        || count < 1
        || count > SyntheticChildren.MAX_PER_CALL) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          "count",
          "say prefix (letters, digits, '-'), from >= 0 and count between 1 and "
              + SyntheticChildren.MAX_PER_CALL);
    }
    return Map.of("laCode", la, "created", synthetic.create(la, prefix, from, count));
  }
}
