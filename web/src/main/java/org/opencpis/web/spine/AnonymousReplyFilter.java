package org.opencpis.web.spine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Refuses a spine request that asks for its answer or its fault to be sent anywhere but back on its
 * own connection (a non-anonymous {@code wsa:ReplyTo} or {@code wsa:FaultTo}, in the 2005/08 or the
 * 2004/08 namespace), before the SOAP stack sees it. The stack would otherwise answer 202 and post
 * the answer, CP-IS data, or at least its fault, to the address in the header: no request may make
 * the server open a connection. Nothing is recorded; the fault goes back on the connection.
 */
@WebFilter(urlPatterns = "/spine/*")
public class AnonymousReplyFilter extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(AnonymousReplyFilter.class.getName());

  static final String WSA_2005 = "http://www.w3.org/2005/08/addressing";
  static final String WSA_2004 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
  private static final Set<String> ANONYMOUS =
      Set.of(WSA_2005 + "/anonymous", WSA_2005 + "/none", WSA_2004 + "/role/anonymous");
  private static final String SOAP_11 = "http://schemas.xmlsoap.org/soap/envelope/";

  private static final XMLInputFactory XML = xmlInputFactory();

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(req.getMethod())) {
      chain.doFilter(req, res);
      return;
    }
    byte[] body = req.getInputStream().readAllBytes();
    Optional<String> elsewhere = nonAnonymousReply(body);
    if (elsewhere.isPresent()) {
      LOG.warning(
          () ->
              req.getRequestURI()
                  + ": refused a request from "
                  + req.getRemoteUser()
                  + " whose "
                  + elsewhere.get()
                  + " is not anonymous");
      String service = req.getRequestURI().substring(req.getRequestURI().lastIndexOf('/') + 1);
      refuse(res, elsewhere.get(), addressingNamespace(body), service);
      return;
    }
    bodyElement(body).ifPresent(name -> req.setAttribute(BODY_ELEMENT, name));
    chain.doFilter(new BufferedRequest(req, body), res);
  }

  /**
   * The request attribute holding the name of the body's element (a {@link QName}), for a fault
   * raised before the body could be bound ({@link UnreadableMessageHandler}).
   */
  static final String BODY_ELEMENT = AnonymousReplyFilter.class.getName() + ".bodyElement";

  /** The name of the first element in the SOAP body, if the envelope has one. */
  static Optional<QName> bodyElement(byte[] envelope) {
    XMLStreamReader r = null;
    try {
      r = XML.createXMLStreamReader(new ByteArrayInputStream(envelope));
      boolean inBody = false;
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if (inBody) {
          return Optional.of(r.getName());
        }
        inBody = SOAP_11.equals(r.getNamespaceURI()) && "Body".equals(r.getLocalName());
      }
      return Optional.empty();
    } catch (XMLStreamException e) {
      return Optional.empty();
    } finally {
      close(r);
    }
  }

  private static void close(XMLStreamReader r) {
    if (r != null) {
      try {
        r.close();
      } catch (XMLStreamException ignored) {
        // nothing held
      }
    }
  }

  /**
   * The WS-Addressing namespace the request's header uses (2004/08 as Spine's stylesheets write it,
   * or the W3C's 2005/08), so that a refusal answers in kind; 2005/08 when it uses neither.
   */
  static String addressingNamespace(byte[] envelope) {
    XMLStreamReader r = null;
    try {
      r = XML.createXMLStreamReader(new ByteArrayInputStream(envelope));
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String ns = r.getNamespaceURI();
        if (WSA_2004.equals(ns) || WSA_2005.equals(ns)) {
          return ns;
        }
        if (SOAP_11.equals(ns) && "Body".equals(r.getLocalName())) {
          break;
        }
      }
    } catch (XMLStreamException e) {
      // not XML: answered in 2005/08
    } finally {
      close(r);
    }
    return WSA_2005;
  }

  /** The header (ReplyTo or FaultTo) that names an address other than anonymous, if any. */
  static Optional<String> nonAnonymousReply(byte[] envelope) {
    XMLStreamReader r = null;
    try {
      r = XML.createXMLStreamReader(new ByteArrayInputStream(envelope));
      String header = null;
      while (r.hasNext()) {
        int e = r.next();
        if (e != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String ns = r.getNamespaceURI();
        String name = r.getLocalName();
        if (SOAP_11.equals(ns) && "Body".equals(name)) {
          return Optional.empty(); // the headers are behind us
        }
        if (WSA_2005.equals(ns) || WSA_2004.equals(ns)) {
          if ("ReplyTo".equals(name) || "FaultTo".equals(name)) {
            header = "wsa:" + name;
          } else if ("Address".equals(name) && header != null) {
            String address = r.getElementText().trim();
            if (!ANONYMOUS.contains(address)) {
              return Optional.of(header);
            }
            header = null;
          }
        }
      }
      return Optional.empty();
    } catch (XMLStreamException e) {
      return Optional.empty(); // not XML: the SOAP stack answers it with its own fault
    } finally {
      close(r);
    }
  }

  private static void refuse(
      HttpServletResponse res, String header, String addressing, String service)
      throws IOException {
    res.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR); // a SOAP 1.1 fault
    res.setContentType("text/xml; charset=utf-8");
    String message =
        header
            + " must be anonymous: CP-IS answers on the connection the request came on, and sends"
            + " nothing anywhere else";
    res.getOutputStream()
        .write(
            ("<soap:Envelope xmlns:soap=\""
                    + SOAP_11
                    + "\"><soap:Body><soap:Fault>"
                    + "<faultcode xmlns:wsa=\""
                    + addressing
                    + "\">wsa:OnlyAnonymousAddressSupported</faultcode>"
                    + "<faultstring>"
                    + message
                    + "</faultstring><detail><cpisError xmlns=\"urn:hl7-org:v3\">"
                    + "<code>ONLY_ANONYMOUS_ADDRESS_SUPPORTED</code><field>"
                    + header
                    + "</field><message>"
                    + message
                    + "</message></cpisError>"
                    // Spine's fault detail (NationalAnswerHandler.errorList)
                    + "<nasp:errorList xmlns:nasp=\""
                    + NationalAnswerHandler.NASP
                    + "\"><nasp:error><nasp:codeContext>"
                    + "urn:nhs:names:services:"
                    + service
                    + "</nasp:codeContext><nasp:errorCode>ONLY_ANONYMOUS_ADDRESS_SUPPORTED"
                    + "</nasp:errorCode><nasp:severity>error</nasp:severity><nasp:location>"
                    + header
                    + "</nasp:location><nasp:description>"
                    + message
                    + "</nasp:description></nasp:error></nasp:errorList>"
                    + "</detail></soap:Fault></soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8));
  }

  private static XMLInputFactory xmlInputFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }
}
