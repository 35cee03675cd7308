package org.opencpis.it;

import java.io.File;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Element;

/**
 * The national CP-IS schemas, read from the directory {@code -Dnational.schemas} names (their
 * {@code CPIS/} folder; they are not in this repository, see
 * src/test/resources/national/README.md): what we answer must be valid against them, as Spine's own
 * clients would parse it. Without the property a test validates nothing and checks the rest.
 */
final class NationalSchemas {

  private NationalSchemas() {}

  /** A national message schema, e.g. {@code REPC_MT000003GB01.xsd}; null without the schemas. */
  static Schema schema(String name) {
    String dir = System.getProperty("national.schemas");
    if (dir == null) {
      return null;
    }
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      // REPC_MT000005GB01 declares maxOccurs="99999", beyond the JDK's default limit of 5000
      f.setProperty("http://www.oracle.com/xml/jaxp/properties/maxOccurLimit", 0);
      return f.newSchema(new File(dir, "Schemas/" + name));
    } catch (Exception e) {
      throw new IllegalStateException("the national schema " + name + " does not load", e);
    }
  }

  /**
   * Fails naming the first error when the element is not valid against the schema; nothing to do
   * without the schemas.
   */
  static void validate(Schema schema, Element e) {
    if (schema == null) {
      return;
    }
    try {
      schema.newValidator().validate(new DOMSource(e));
    } catch (Exception invalid) {
      throw new AssertionError("not valid against the national schema: " + invalid.getMessage());
    }
  }
}
