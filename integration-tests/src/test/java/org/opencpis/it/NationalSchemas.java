package org.opencpis.it;

import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Element;

/**
 * The national CP-IS schemas copied in src/test/resources/national/ (see its README): what we
 * answer must be valid against them, as Spine's own clients would parse it.
 */
final class NationalSchemas {

  private NationalSchemas() {}

  /** A national message schema, e.g. {@code REPC_MT000003GB01.xsd}. */
  static Schema schema(String name) {
    try {
      URL url = NationalSchemas.class.getResource("/national/CPIS/Schemas/" + name);
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      // REPC_MT000005GB01 declares maxOccurs="99999", beyond the JDK's default limit of 5000
      f.setProperty("http://www.oracle.com/xml/jaxp/properties/maxOccurLimit", 0);
      return f.newSchema(new StreamSource(url.openStream(), url.toExternalForm()));
    } catch (Exception e) {
      throw new IllegalStateException("the national schema " + name + " does not load", e);
    }
  }

  /** Fails naming the first error when the element is not valid against the schema. */
  static void validate(Schema schema, Element e) {
    try {
      schema.newValidator().validate(new DOMSource(e));
    } catch (Exception invalid) {
      throw new AssertionError("not valid against the national schema: " + invalid.getMessage());
    }
  }
}
