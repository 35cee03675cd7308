package org.opencpis.hub.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import org.opencpis.hub.domain.AccessEvent;
import org.opencpis.hub.domain.Viewer;
import org.opencpis.messaging.Outbox;

/**
 * Publishes each recorded access on the persistent queue {@code java:/jms/queue/cpis/AccessEvents},
 * through the outbox, in the caller's transaction: the access and its message are kept together or
 * not at all, and the message is sent only once the access is committed.
 */
@ApplicationScoped
public class AccessEventPublisher {

  public static final String QUEUE = "java:/jms/queue/cpis/AccessEvents";

  @Inject Outbox outbox;

  public void publish(AccessEvent e) {
    Viewer v = e.viewer();
    JsonArrayBuilder las = Json.createArrayBuilder();
    e.laCodes().forEach(las::add);
    JsonObjectBuilder viewer =
        Json.createObjectBuilder()
            .add("name", nz(v.name()))
            .add("jobRoleCode", nz(v.jobRoleCode()))
            .add("jobRoleName", nz(v.jobRoleName()))
            .add("sdsUserId", nz(v.sdsUserId()))
            .add("systemAsid", nz(v.systemAsid()))
            .add("organisationOds", nz(v.organisationOds()))
            .add("organisationName", nz(v.organisationName()));
    String body =
        Json.createObjectBuilder()
            .add("accessEventId", e.id())
            .add("nhsNumber", e.nhsNumber())
            .add("accessedAt", e.accessedAt().toString())
            .add("channel", e.channel())
            .add("careSetting", nz(e.careSetting()))
            .add("viewer", viewer)
            .add("laCodes", las)
            .build()
            .toString();
    outbox.put(QUEUE, body, Map.of("accessEventId", e.id()));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
