package org.opencpis.it;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Reading the raw XML of an answer: elements by local name, and every name under one. */
final class Xml {

  private Xml() {}

  static Document parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      throw new IllegalStateException("not XML: " + xml, e);
    }
  }

  /** The elements with this local name under {@code root}, in document order, any namespace. */
  static List<Element> elements(Node root, String localName) {
    NodeList all =
        root instanceof Document d
            ? d.getElementsByTagNameNS("*", localName)
            : ((Element) root).getElementsByTagNameNS("*", localName);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < all.getLength(); i++) {
      out.add((Element) all.item(i));
    }
    return out;
  }

  /** The first child element with this local name, or null. */
  static Element child(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  /** The local names of every element under {@code e} (not e itself). */
  static Set<String> elementNames(Element e) {
    Set<String> names = new TreeSet<>();
    NodeList all = e.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      names.add(all.item(i).getLocalName());
    }
    return names;
  }

  /** Every attribute under and on {@code e}, as name=value. */
  static List<String> attributes(Element e) {
    List<String> out = new ArrayList<>();
    addAttributes(e, out);
    NodeList all = e.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      addAttributes((Element) all.item(i), out);
    }
    return out;
  }

  private static void addAttributes(Element e, List<String> out) {
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Node a = attrs.item(i);
      out.add(a.getNodeName() + "=" + a.getNodeValue());
    }
  }

  /** The first child element of {@code parent}, or null. */
  static Element firstElement(Element parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        return e;
      }
    }
    return null;
  }
}
