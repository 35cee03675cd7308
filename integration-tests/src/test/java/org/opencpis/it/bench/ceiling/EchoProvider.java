package org.opencpis.it.bench.ceiling;

import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import javax.xml.transform.Source;

/**
 * The SOAP ceiling: a JAX-WS endpoint of the same server (CXF, as cpisquery) that answers the body
 * it was sent, unchanged, with no work: what the server, HTTP and SOAP cost on their own. Deployed
 * by the benchmark harness in its ceiling WAR at {@code /ceiling/spine/echo}; never in the EAR.
 */
@WebServiceProvider(
    serviceName = "Echo",
    portName = "EchoPort",
    targetNamespace = "urn:opencpis:bench:ceiling")
@ServiceMode(Service.Mode.PAYLOAD)
@BindingType(SOAPBinding.SOAP11HTTP_BINDING)
public class EchoProvider implements Provider<Source> {

  @Override
  public Source invoke(Source request) {
    return request;
  }
}
