package org.opencpis.it.bench.ceiling;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The no-work ceiling deployment, built with ShrinkWrap: {@code ceiling.war} (context root {@code
 * /ceiling}) with the SOAP echo at {@code /ceiling/spine/echo} and the MLLP echo started at
 * deployment, HAPI in its own WEB-INF/lib (the EAR's copy is the EAR's own).
 */
public final class Ceiling {

  public static final String SOAP_PATH = "/ceiling/spine/echo";

  private static final String WEB_XML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
        <servlet>
          <servlet-name>echo</servlet-name>
          <servlet-class>%s</servlet-class>
        </servlet>
        <servlet-mapping>
          <servlet-name>echo</servlet-name>
          <url-pattern>/spine/echo</url-pattern>
        </servlet-mapping>
      </web-app>
      """
          .formatted(EchoProvider.class.getName());

  /**
   * The server's EJBs default to the cpis security domain (20-security.cli); the WAR's web side
   * must use the same one (one domain per class loader). No constraint: the echo asks no one.
   */
  private static final String JBOSS_WEB_XML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <jboss-web>
        <security-domain>cpis</security-domain>
      </jboss-web>
      """;

  private Ceiling() {}

  /** Writes the WAR into {@code dir} and returns its path. */
  public static Path write(Path dir) {
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, "ceiling.war")
            .addClasses(EchoProvider.class, MllpEcho.class, MllpEcho.Ack.class)
            .addAsLibraries(
                jarOf(ca.uhn.hl7v2.DefaultHapiContext.class).toFile(),
                jarOf(ca.uhn.hl7v2.model.v25.message.ACK.class).toFile())
            .setWebXML(new StringAsset(WEB_XML))
            .addAsWebInfResource(new StringAsset(JBOSS_WEB_XML), "jboss-web.xml");
    Path file = dir.resolve("ceiling.war");
    war.as(ZipExporter.class).exportTo(file.toFile(), true);
    return file;
  }

  private static Path jarOf(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
