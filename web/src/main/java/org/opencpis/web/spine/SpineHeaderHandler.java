package org.opencpis.web.spine;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads the ASIDs Spine carries in the SOAP header of the council-side messages (the national
 * upload {@code hl7:File} and the notification pulls, whose bodies have no transmission wrapper):
 * {@code hl7:communicationFunctionSnd/hl7:device/hl7:id/@extension} is the sending system, {@code
 * hl7:communicationFunctionRcv/...} the receiving one. The endpoint reads them with {@link
 * #senderAsid}. A header without them leaves them null; they are kept for the record and key
 * nothing (who may upload is the signed-in caller).
 */
public class SpineHeaderHandler implements SOAPHandler<SOAPMessageContext> {

  static final String HL7 = "urn:hl7-org:v3";
  static final QName SND = new QName(HL7, "communicationFunctionSnd");
  static final QName RCV = new QName(HL7, "communicationFunctionRcv");
  private static final String SENDER = "org.opencpis.spine.senderAsid";
  private static final String RECEIVER = "org.opencpis.spine.receiverAsid";

  /** The sending system's ASID the request's SOAP header names, or null. */
  static String senderAsid(WebServiceContext context) {
    return (String) context.getMessageContext().get(SENDER);
  }

  @Override
  public boolean handleMessage(SOAPMessageContext context) {
    if (Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
      return true;
    }
    try {
      SOAPHeader header = context.getMessage().getSOAPHeader();
      put(context, SENDER, header == null ? null : asid(header, SND));
      put(context, RECEIVER, header == null ? null : asid(header, RCV));
    } catch (SOAPException e) {
      // a message without a readable header names no ASID; the body decides the answer
      put(context, SENDER, null);
    }
    return true;
  }

  private static void put(SOAPMessageContext context, String key, String value) {
    context.put(key, value);
    context.setScope(key, MessageContext.Scope.APPLICATION);
  }

  /** The extension of the first device id under the header block, or null. */
  private static String asid(SOAPHeader header, QName block) {
    NodeList blocks = header.getElementsByTagNameNS(block.getNamespaceURI(), block.getLocalPart());
    for (int i = 0; i < blocks.getLength(); i++) {
      if (blocks.item(i).getParentNode() != header) {
        continue;
      }
      Element device = child((Element) blocks.item(i), "device");
      Element id = device == null ? null : child(device, "id");
      if (id != null) {
        return Hl7.blankToNull(id.getAttribute("extension"));
      }
    }
    return null;
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && HL7.equals(e.getNamespaceURI())
          && name.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  @Override
  public boolean handleFault(SOAPMessageContext context) {
    return true;
  }

  @Override
  public void close(MessageContext context) {}

  @Override
  public Set<QName> getHeaders() {
    return Set.of(SND, RCV);
  }
}
