package org.opencpis.hub.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.opencpis.hub.domain.AccessEvent;
import org.opencpis.hub.domain.Viewer;

/**
 * Publishes each recorded access on the persistent queue {@code java:/jms/queue/cpis/AccessEvents},
 * inside the caller's transaction: the access and its message are kept together or not at all.
 */
@ApplicationScoped
public class AccessEventPublisher {

  public static final String QUEUE = "java:/jms/queue/cpis/AccessEvents";

  @Inject JMSContext jms;

  @Resource(lookup = QUEUE)
  Queue queue;

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
    jms.createProducer()
        .setDeliveryMode(DeliveryMode.PERSISTENT)
        .setProperty("accessEventId", e.id())
        .send(queue, body);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
