package org.opencpis.web.spine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.soap.Detail;
import jakarta.xml.soap.DetailEntry;
import jakarta.xml.soap.SOAPBody;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.util.Iterator;
import java.util.Set;
import java.util.logging.Logger;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * cpisquery's answers as Spine writes them (docs/spine-national-shape.md §2.2, §3.1, §3.5; W2, W4,
 * F1), on the way out:
 *
 * <ul>
 *   <li>the SOAP header gets what Spine's answers carry besides WS-Addressing's own: {@code
 *       wsa:From/wsa:Address} (this service's address), in the request's WS-Addressing namespace,
 *       and {@code hl7:communicationFunctionRcv} / {@code Snd} (the requester's ASID, ours), copied
 *       from the answer's wrapper;
 *   <li>no records found, QUQI_IN010000UK14, becomes the body's own element (the contract carries
 *       it in CP-ISNHSQueryResponse, so that one operation has one output), with {@code wsa:Action
 *       urn:nhs:names:services:cpisquery/QUQI_IN010000UK14};
 *   <li>a fault gets Spine's {@code nasp:errorList/nasp:error} beside our {@code cpisError} (same
 *       code, the field as its location), and {@code soap:Client} unless it is the service's own
 *       failure (INTERNAL_ERROR, SERVICE_UNAVAILABLE).
 * </ul>
 */
public class NationalAnswerHandler implements SOAPHandler<SOAPMessageContext> {

  static final String HL7 = "urn:hl7-org:v3";
  static final String NASP = "http://national.carerecords.nhs.uk/schema/";

  /** Our choice: Spine's schemas give no value for nasp:codeContext. */
  static final String CODE_CONTEXT = "urn:nhs:names:services:cpisquery";

  private static final Logger LOG = Logger.getLogger(NationalAnswerHandler.class.getName());
  private static final Set<String> WSA =
      Set.of(AnonymousReplyFilter.WSA_2004, AnonymousReplyFilter.WSA_2005);

  @Override
  public boolean handleMessage(SOAPMessageContext context) {
    if (!UnreadableMessageHandler.outbound(context)) {
      return true;
    }
    try {
      SOAPBody body = context.getMessage().getSOAPBody();
      Element answer = firstChild(body);
      if (answer == null || !HL7.equals(answer.getNamespaceURI())) {
        return true;
      }
      Element interaction = firstChild(answer);
      boolean notFound =
          interaction != null && NationalAnswer.FAILED.equals(interaction.getLocalName());
      if (notFound) {
        body.removeChild(answer);
        body.appendChild(interaction);
      }
      SOAPHeader header = context.getMessage().getSOAPHeader();
      if (header == null) {
        header = context.getMessage().getSOAPPart().getEnvelope().addHeader();
      }
      headers(context, header, interaction, notFound);
      context.getMessage().saveChanges();
    } catch (SOAPException e) {
      LOG.warning("could not give a cpisquery answer its national header: " + e.getMessage());
    }
    return true;
  }

  private static void headers(
      SOAPMessageContext context, SOAPHeader header, Element interaction, boolean notFound)
      throws SOAPException {
    Element action = wsa(header, "Action");
    String wsa = action == null ? AnonymousReplyFilter.WSA_2004 : action.getNamespaceURI();
    if (notFound && action != null) {
      action.setTextContent("urn:nhs:names:services:cpisquery/" + NationalAnswer.FAILED);
    }
    Node before = wsa(header, "RelatesTo");
    if (context.get(MessageContext.SERVLET_REQUEST) instanceof HttpServletRequest req) {
      SOAPElement from = header.addChildElement(new QName(wsa, "From", "wsa"));
      from.addChildElement(new QName(wsa, "Address", "wsa"))
          .addTextNode(req.getRequestURL().toString());
      place(header, from, before);
    }
    if (interaction != null) {
      for (String function :
          new String[] {"communicationFunctionRcv", "communicationFunctionSnd"}) {
        Element f = child(interaction, function);
        if (f != null) {
          SOAPElement copy = header.addHeaderElement(new QName(HL7, function, "hl7"));
          copy(f, copy);
          place(header, copy, before);
        }
      }
    }
  }

  /** The attributes and element content of {@code from}, written into {@code to}. */
  private static void copy(Element from, SOAPElement to) throws SOAPException {
    var attributes = from.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node a = attributes.item(i);
      if (a.getNamespaceURI() == null) {
        to.setAttribute(a.getNodeName(), a.getNodeValue());
      }
    }
    for (Node n = from.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        copy(e, to.addChildElement(new QName(ns(e), e.getLocalName(), "hl7")));
      }
    }
  }

  private static void place(SOAPHeader header, Node node, Node before) {
    if (before != null) {
      header.insertBefore(node, before);
    }
  }

  @Override
  public boolean handleFault(SOAPMessageContext context) {
    if (!UnreadableMessageHandler.outbound(context)) {
      return true;
    }
    try {
      SOAPFault fault = context.getMessage().getSOAPBody().getFault();
      Detail detail = fault == null ? null : fault.getDetail();
      Element error = detail == null ? null : cpisError(detail);
      if (error == null) {
        return true;
      }
      String code = text(error, "code");
      if (!SpineFaults.INTERNAL_ERROR.equals(code)
          && !SpineFaults.SERVICE_UNAVAILABLE.equals(code)) {
        fault.setFaultCode(
            new QName(
                SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE,
                "Client",
                fault.getFaultCodeAsQName().getPrefix()));
      }
      errorList(detail, code, text(error, "field"), text(error, "message"));
      context.getMessage().saveChanges();
    } catch (SOAPException e) {
      LOG.warning("could not give a cpisquery fault its national detail: " + e.getMessage());
    }
    return true;
  }

  /**
   * Spine's fault detail (spine2_xslt/generateSOAPFault.xsl): the code before any "|" as errorCode,
   * what follows it (or the field) as location.
   */
  static void errorList(Detail detail, String code, String field, String message)
      throws SOAPException {
    String errorCode = code == null ? "" : code;
    String location = field;
    int bar = errorCode.indexOf('|');
    if (bar >= 0) {
      location = errorCode.substring(bar + 1);
      errorCode = errorCode.substring(0, bar);
    }
    SOAPElement list = detail.addChildElement(new QName(NASP, "errorList", "nasp"));
    SOAPElement e = list.addChildElement(new QName(NASP, "error", "nasp"));
    e.addChildElement(new QName(NASP, "codeContext", "nasp")).addTextNode(CODE_CONTEXT);
    e.addChildElement(new QName(NASP, "errorCode", "nasp")).addTextNode(errorCode);
    e.addChildElement(new QName(NASP, "severity", "nasp")).addTextNode("error");
    e.addChildElement(new QName(NASP, "location", "nasp"))
        .addTextNode(location == null ? "" : location);
    e.addChildElement(new QName(NASP, "description", "nasp"))
        .addTextNode(message == null ? "" : message);
  }

  private static Element cpisError(Detail detail) {
    for (Iterator<?> it = detail.getDetailEntries(); it.hasNext(); ) {
      if (it.next() instanceof DetailEntry e && "cpisError".equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent();
  }

  private static Element wsa(SOAPHeader header, String name) {
    for (Node n = header.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName()) && WSA.contains(ns(e))) {
        return e;
      }
    }
    return null;
  }

  private static String ns(Element e) {
    return e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
  }

  private static Element firstChild(Node parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        return e;
      }
    }
    return null;
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  @Override
  public Set<QName> getHeaders() {
    return Set.of();
  }

  @Override
  public void close(MessageContext context) {}
}
