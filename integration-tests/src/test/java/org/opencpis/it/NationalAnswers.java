package org.opencpis.it;

import java.util.Iterator;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reading a national cpisquery answer as it came over the wire (XPath with the prefixes {@code
 * soap}, {@code hl7}, {@code npfitlc}, {@code nasp}; WS-Addressing by local-name, since it comes in
 * the request's namespace), and validating its interaction against the national XSDs.
 *
 * <p>The national schemas are not in this repository (github:nhsdigitalmait/SPINE_schema has no
 * licence; see src/test/resources/national/README.md): give their CPIS/ directory as {@code
 * -Dnational.schemas=<dir>} to validate; without it the validation is skipped, the rest runs.
 */
final class NationalAnswers {

  private NationalAnswers() {}

  static String xpath(Node doc, String path) {
    try {
      return xp().evaluate(path, doc);
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(path, e);
    }
  }

  static int count(Node doc, String path) {
    try {
      return ((NodeList) xp().evaluate(path, doc, XPathConstants.NODESET)).getLength();
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(path, e);
    }
  }

  static Element element(Node doc, String path) {
    try {
      return (Element) xp().evaluate(path, doc, XPathConstants.NODE);
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(path, e);
    }
  }

  /**
   * Validates {@code interaction} against the national schema of that interaction (e.g.
   * Schemas/REPC_IN000007GB01.xsd), when {@code -Dnational.schemas} names them; a failure names the
   * schema's error.
   */
  static void validate(Element interaction) throws Exception {
    schemas();
    NationalSchemas.validate(
        NationalSchemas.schema(interaction.getLocalName() + ".xsd"), interaction);
  }

  /** The national schemas' CPIS/ directory; a test that needs it is skipped without it. */
  static String schemas() {
    String dir = System.getProperty("national.schemas");
    Assumptions.assumeTrue(dir != null, "-Dnational.schemas not given: not validated");
    return dir;
  }

  private static XPath xp() {
    XPath x = XPathFactory.newInstance().newXPath();
    x.setNamespaceContext(
        new NamespaceContext() {
          @Override
          public String getNamespaceURI(String prefix) {
            return switch (prefix) {
              case "soap" -> "http://schemas.xmlsoap.org/soap/envelope/";
              case "hl7" -> "urn:hl7-org:v3";
              case "npfitlc" -> "NPFIT:HL7:Localisation";
              case "nasp" -> "http://national.carerecords.nhs.uk/schema/";
              default -> XMLConstants.NULL_NS_URI;
            };
          }

          @Override
          public String getPrefix(String uri) {
            return null;
          }

          @Override
          public Iterator<String> getPrefixes(String uri) {
            return null;
          }
        });
    return x;
  }
}
