package org.opencpis.it;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.AddressingFeature;
import java.util.Map;
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

  public static CpisQueryPortType query(User user) {
    CpisQueryPortType port = new Cpisquery().getCpisQueryPort(new AddressingFeature(true, true));
    configure((BindingProvider) port, "/spine/cpisquery", user);
    return port;
  }

  public static CpisUploadPortType upload(User user) {
    CpisUploadPortType port = new Cpisupload().getCpisUploadPort(new AddressingFeature(true, true));
    configure((BindingProvider) port, "/spine/cpisupload", user);
    return port;
  }

  private static void configure(BindingProvider port, String path, User user) {
    Map<String, Object> ctx = port.getRequestContext();
    ctx.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, TestServer.baseUrl() + path);
    if (user != null) {
      ctx.put(BindingProvider.USERNAME_PROPERTY, user.name());
      ctx.put(BindingProvider.PASSWORD_PROPERTY, user.password());
    }
  }
}
