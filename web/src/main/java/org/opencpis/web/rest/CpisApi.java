package org.opencpis.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, at /cpis/api; its OpenAPI document is served at /openapi. */
@ApplicationPath("/api")
public class CpisApi extends Application {}
