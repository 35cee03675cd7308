package org.opencpis.it;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.AddressingFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.HTTPConduit;
import org.opencpis.contract.query.CpisQueryPortType;
import org.opencpis.contract.query.Cpisquery;
import org.opencpis.contract.upload.CpisUploadPortType;
import org.opencpis.contract.upload.Cpisupload;

/** Real CXF JAX-WS clients of the two spine services, with WS-Addressing and HTTP Basic. */
public final class Spine {

  /** Development users (ear/src/main/server/cpis-users.properties). */
  public record User(String name, String password) {}

  public static final User CLINICIAN = new User("ed.clinician", "clinician-pass");
  public static final User SILENT_VIEWER = new User("ooh.silent", "silent-pass");
  public static final User NO_ROLE = new User("no.role", "norole-pass");
  public static final User LEICESTERSHIRE = new User("leicestershire.upload", "leics-pass");
  public static final User LEICESTER = new User("leicester.upload", "leicester-pass");
  public static final User MANCHESTER = new User("manchester.upload", "manchester-pass");
  public static final User ADMIN = new User("cpis.admin", "admin-pass");
  public static final User BIRMINGHAM = new User("birmingham.upload", "birmingham-pass");
  public static final User LEEDS = new User("leeds.upload", "leeds-pass");

  // council staff (casework)
  public static final User LEICS_ADMIN = new User("leics.admin", "leics-admin-pass");
  public static final User LEICS_SW = new User("leics.sw", "leics-sw-pass");
  public static final User LEICS_SW2 = new User("leics.sw2", "leics-sw2-pass");
  public static final User LEICS_EH = new User("leics.eh", "leics-eh-pass");
  public static final User LEICS_SCREENING = new User("leics.screening", "leics-screening-pass");
  public static final User MANC_ADMIN = new User("manc.admin", "manc-admin-pass");
  public static final User LEEDS_ADMIN = new User("leeds.admin", "leeds-admin-pass");

  private Spine() {}

  /**
   * A raw SOAP 1.1 POST to a spine path ({@code /spine/cpisquery}), HTTP/1.1 with HTTP Basic, for
   * the messages our own generated client would never send; {@code soapAction} may be null.
   */
  public static HttpResponse<String> soapPost(
      String path, HttpRequest.BodyPublisher body, User user, String soapAction) throws Exception {
    String token =
        Base64.getEncoder()
            .encodeToString((user.name() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + path))
            .header("Content-Type", "text/xml; charset=utf-8")
            .header("Authorization", "Basic " + token)
            .timeout(Duration.ofSeconds(60))
            .POST(body);
    if (soapAction != null) {
      req.header("SOAPAction", "\"" + soapAction + "\"");
    }
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static CpisQueryPortType query(User user) {
    return query(user, TestServer.baseUrl());
  }

  /** A cpisquery client of the server at {@code baseUrl} (e.g. http://localhost:8230/cpis). */
  public static CpisQueryPortType query(User user, String baseUrl) {
    CpisQueryPortType port = new Cpisquery().getCpisQueryPort(new AddressingFeature(true, true));
    configure((BindingProvider) port, baseUrl + "/spine/cpisquery", user);
    // no records found comes as the body's own QUQI_IN010000UK14, as Spine sends it
    ClientProxy.getClient(port).getInInterceptors().add(new SpineAnswer.NotFoundInWrapper());
    return port;
  }

  /**
   * A cpisquery client over HTTPS at {@code baseUrl} (e.g. https://localhost:8543/cpis) with this
   * TLS context: its client certificate, if it has one, and the certificates it trusts; and HTTP
   * Basic when {@code user} is not null.
   */
  public static CpisQueryPortType query(User user, String baseUrl, SSLContext tls) {
    return overTls(query(user, baseUrl), tls);
  }

  /** A cpisupload client over HTTPS, as {@link #query(User, String, SSLContext)}. */
  public static CpisUploadPortType upload(User user, String baseUrl, SSLContext tls) {
    return overTls(upload(user, baseUrl), tls);
  }

  private static <T> T overTls(T port, SSLContext tls) {
    TLSClientParameters params = new TLSClientParameters();
    params.setSslContext(tls);
    ((HTTPConduit) ClientProxy.getClient(port).getConduit()).setTlsClientParameters(params);
    return port;
  }

  public static CpisUploadPortType upload(User user) {
    return upload(user, TestServer.baseUrl());
  }

  /** A cpisupload client of the server at {@code baseUrl}. */
  public static CpisUploadPortType upload(User user, String baseUrl) {
    CpisUploadPortType port = new Cpisupload().getCpisUploadPort(new AddressingFeature(true, true));
    configure((BindingProvider) port, baseUrl + "/spine/cpisupload", user);
    return port;
  }

  /**
   * Keeps the raw XML of the answers a CXF client receives (the SOAP envelope as it came over the
   * wire), so a test can check what the answer does not hold, not only what its Java view shows.
   */
  public static final class RawAnswers extends AbstractPhaseInterceptor<Message> {

    private volatile String last;

    private RawAnswers() {
      super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(Message message) {
      InputStream in = message.getContent(InputStream.class);
      if (in == null) {
        return;
      }
      try {
        byte[] body = in.readAllBytes();
        last = new String(body, StandardCharsets.UTF_8);
        message.setContent(InputStream.class, new ByteArrayInputStream(body));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The last answer received, as XML. */
    public String last() {
      return last;
    }
  }

  /** Starts keeping the raw answers of this client port. */
  public static RawAnswers rawAnswers(Object port) {
    RawAnswers raw = new RawAnswers();
    Client client = ClientProxy.getClient(port);
    client.getInInterceptors().add(raw);
    client.getInFaultInterceptors().add(raw);
    return raw;
  }

  /**
   * Makes this client port name a sending system in the SOAP header, as Spine carries it for the
   * council-side messages ({@code hl7:communicationFunctionSnd/hl7:device/hl7:id}).
   */
  public static <T> T senderAsid(T port, String asid) {
    try {
      var doc =
          javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance()
              .newDocumentBuilder()
              .newDocument();
      var snd = doc.createElementNS("urn:hl7-org:v3", "hl7:communicationFunctionSnd");
      var device = doc.createElementNS("urn:hl7-org:v3", "hl7:device");
      var id = doc.createElementNS("urn:hl7-org:v3", "hl7:id");
      id.setAttribute("root", "1.2.826.0.1285.0.2.0.107");
      id.setAttribute("extension", asid);
      device.appendChild(id);
      snd.appendChild(device);
      ((BindingProvider) port)
          .getRequestContext()
          .put(
              org.apache.cxf.headers.Header.HEADER_LIST,
              new java.util.ArrayList<>(
                  java.util.List.of(
                      new org.apache.cxf.headers.Header(
                          new javax.xml.namespace.QName(
                              "urn:hl7-org:v3", "communicationFunctionSnd"),
                          snd))));
      return port;
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void configure(BindingProvider port, String address, User user) {
    Map<String, Object> ctx = port.getRequestContext();
    ctx.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address);
    if (user != null) {
      ctx.put(BindingProvider.USERNAME_PROPERTY, user.name());
      ctx.put(BindingProvider.PASSWORD_PROPERTY, user.password());
    }
  }
}
