package org.opencpis.notification;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** The one JSON form of {@link LaNotification}, for the queue and the store alike. */
public final class NotificationJson {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private NotificationJson() {}

  public static String write(LaNotification n) {
    return JSONB.toJson(n);
  }

  public static LaNotification read(String json) {
    return JSONB.fromJson(json, LaNotification.class);
  }
}
