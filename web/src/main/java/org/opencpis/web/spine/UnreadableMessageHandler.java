package org.opencpis.web.spine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.soap.Detail;
import jakarta.xml.soap.DetailEntry;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.util.Iterator;
import java.util.Set;
import java.util.logging.Logger;
import javax.xml.namespace.QName;

/**
 * A message the SOAP stack cannot read (not XML the contract's types can hold: an element where
 * none is expected, "seven" for a sequence number) never reaches an endpoint, and the stack would
 * answer it as the server's own failure, with the parser's text and no code. This handler makes it
 * the sender's fault, with a code a system can act on: {@code soap:Client} and the {@code
 * cpisError} {@value #CODE}, the parser's text kept as the message. Faults the endpoints raise
 * (they carry a {@code cpisError} already), and WS-Addressing's own, pass unchanged.
 *
 * <p>Whether the endpoint was reached is known on the request's own thread: the handler's inbound
 * pass clears the mark, {@link #endpointReached()} sets it as an endpoint starts.
 */
public class UnreadableMessageHandler implements SOAPHandler<SOAPMessageContext> {

  static final String CODE = "MESSAGE_NOT_READABLE";
  static final String INCONSISTENT_INTERACTION = QueryMessageReader.INCONSISTENT_INTERACTION;

  private static final Logger LOG = Logger.getLogger(UnreadableMessageHandler.class.getName());
  private static final String CPIS_NS = "urn:hl7-org:v3";
  private static final ThreadLocal<Boolean> REACHED = ThreadLocal.withInitial(() -> false);

  /** Called by each endpoint method first: from here on, a fault is the endpoint's own. */
  static void endpointReached() {
    REACHED.set(true);
  }

  @Override
  public boolean handleMessage(SOAPMessageContext context) {
    if (!outbound(context)) {
      REACHED.set(false);
    }
    return true;
  }

  @Override
  public boolean handleFault(SOAPMessageContext context) {
    if (!outbound(context) || REACHED.get()) {
      return true;
    }
    try {
      SOAPFault fault = context.getMessage().getSOAPBody().getFault();
      if (fault != null && fromTheStack(fault)) {
        QName body = notAnInteractionWeTake(context);
        if (body != null) {
          String message =
              "the message is a "
                  + body.getLocalPart()
                  + ", which cpisquery does not take: it answers "
                  + QueryMessageReader.INTERACTION
                  + " only; nothing of it was kept";
          answer(fault, INCONSISTENT_INTERACTION, "interactionId", message, message);
          context.getMessage().saveChanges();
          LOG.fine(
              "a message that is no interaction cpisquery takes was answered "
                  + INCONSISTENT_INTERACTION);
          return true;
        }
        String text = fault.getFaultString();
        answer(
            fault,
            CODE,
            null,
            "the message could not be read: " + text,
            "the message could not be read as the service's contract defines it ("
                + text
                + "); nothing of it was kept");
        context.getMessage().saveChanges();
        // no message text: it may repeat a value of the request
        LOG.fine("a message the SOAP stack could not read was answered " + CODE);
      }
    } catch (SOAPException e) {
      LOG.warning("could not give an unreadable message's fault its code: " + e.getMessage());
    }
    return true;
  }

  /**
   * The name of the body's element when the message went to cpisquery and is an HL7 v3 element
   * other than the one interaction it takes (Spine's check 4: the interaction must be the body's
   * element), or null.
   */
  private static QName notAnInteractionWeTake(SOAPMessageContext context) {
    if (!(context.get(MessageContext.SERVLET_REQUEST) instanceof HttpServletRequest req)
        || !req.getRequestURI().endsWith("/cpisquery")
        || !(req.getAttribute(AnonymousReplyFilter.BODY_ELEMENT) instanceof QName body)) {
      return null;
    }
    return CPIS_NS.equals(body.getNamespaceURI())
            && !QueryMessageReader.INTERACTION.equals(body.getLocalPart())
        ? body
        : null;
  }

  /** The fault made the sender's, with a cpisError: its code, the field (or null) and message. */
  private static void answer(
      SOAPFault fault, String code, String field, String faultString, String message)
      throws SOAPException {
    fault.setFaultCode(
        new QName(
            SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE,
            "Client",
            fault.getFaultCodeAsQName().getPrefix()));
    fault.setFaultString(faultString);
    Detail detail = fault.getDetail() != null ? fault.getDetail() : fault.addDetail();
    DetailEntry error = detail.addDetailEntry(new QName(CPIS_NS, "cpisError"));
    error.addChildElement(new QName(CPIS_NS, "code")).addTextNode(code);
    if (field != null) {
      error.addChildElement(new QName(CPIS_NS, "field")).addTextNode(field);
    }
    error.addChildElement(new QName(CPIS_NS, "message")).addTextNode(message);
  }

  /** A SOAP 1.1 Client or Server fault without a cpisError: raised by the stack, not by us. */
  private static boolean fromTheStack(SOAPFault fault) {
    QName code = fault.getFaultCodeAsQName();
    if (!SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE.equals(code.getNamespaceURI())
        || !Set.of("Client", "Server").contains(code.getLocalPart())) {
      return false;
    }
    Detail detail = fault.getDetail();
    if (detail == null) {
      return true;
    }
    for (Iterator<?> it = detail.getDetailEntries(); it.hasNext(); ) {
      if (it.next() instanceof DetailEntry e && "cpisError".equals(e.getLocalName())) {
        return false;
      }
    }
    return true;
  }

  /** Whether the message is on its way out (an answer or a fault). */
  static boolean outbound(SOAPMessageContext context) {
    return Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY));
  }

  @Override
  public Set<QName> getHeaders() {
    return Set.of();
  }

  @Override
  public void close(MessageContext context) {}
}
