package org.opencpis.it.crash;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The application's database as the harness reads it, straight through JDBC: the {@code CpisDS}
 * datasource of the server configuration in use (its URL, user and password, with the server's
 * expressions resolved) and the JDBC driver of the server's own module, so the harness reads the H2
 * file with the very H2 the server wrote it with. H2 is read after the server has stopped (the file
 * is the server's while it runs); PostgreSQL in a database of the harness's own, created fresh for
 * each run.
 */
final class Database {

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

  final String url;
  private final String user;
  private final String password;
  private final Driver driver;

  private Database(String url, String user, String password, Driver driver) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.driver = driver;
  }

  static Database of(CrashSettings settings, WildFlyProcess server) throws Exception {
    Path config = server.base().resolve("configuration").resolve(settings.serverConfig());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    Document doc = f.newDocumentBuilder().parse(config.toFile());
    Element ds = datasource(doc);
    if (ds == null) {
      throw new IllegalStateException("no CpisDS datasource in " + config);
    }
    Map<String, String> values =
        Map.of(
            "jboss.server.data.dir", server.dataDir().toString(),
            "cpis.db.url", settings.dbUrl().orElse(""),
            "cpis.db.user", settings.dbUser(),
            "cpis.db.password", settings.dbPassword());
    String url = text(ds, "connection-url");
    if (url == null) {
      url = xaProperty(ds, "URL");
    }
    if (url == null) {
      url = xaProperty(ds, "Url");
    }
    if (url == null && xaProperty(ds, "DatabaseName") != null) {
      url =
          "jdbc:postgresql://"
              + xaProperty(ds, "ServerName")
              + ":"
              + xaProperty(ds, "PortNumber")
              + "/"
              + xaProperty(ds, "DatabaseName");
    }
    if (url == null) {
      throw new IllegalStateException("cannot read CpisDS's URL in " + config);
    }
    url = System.getProperty("crash.jdbc.url", resolve(url, values));
    String user = "sa";
    String password = "sa";
    NodeList security = ds.getElementsByTagName("security");
    if (security.getLength() > 0) {
      Element s = (Element) security.item(0);
      user = resolve(attrOrText(s, "user-name"), values);
      password = resolve(attrOrText(s, "password"), values);
    }
    String driverName = text(ds, "driver");
    String module = null;
    NodeList drivers = doc.getElementsByTagName("driver");
    for (int i = 0; i < drivers.getLength(); i++) {
      Element d = (Element) drivers.item(i);
      if (driverName != null && driverName.equals(d.getAttribute("name"))) {
        module = d.getAttribute("module");
      }
    }
    if (module == null || module.isEmpty()) {
      throw new IllegalStateException("no module for CpisDS's driver " + driverName);
    }
    return new Database(url, user, password, driver(settings.jbossHome(), module, url));
  }

  private static Element datasource(Document doc) {
    for (String tag : List.of("datasource", "xa-datasource")) {
      NodeList all = doc.getElementsByTagName(tag);
      for (int i = 0; i < all.getLength(); i++) {
        Element e = (Element) all.item(i);
        if ("CpisDS".equals(e.getAttribute("pool-name"))
            || "java:jboss/datasources/CpisDS".equals(e.getAttribute("jndi-name"))) {
          return e;
        }
      }
    }
    return null;
  }

  private static String text(Element parent, String tag) {
    NodeList l = parent.getElementsByTagName(tag);
    return l.getLength() == 0 ? null : l.item(0).getTextContent().trim();
  }

  private static String attrOrText(Element e, String name) {
    if (e.hasAttribute(name)) {
      return e.getAttribute(name);
    }
    return text(e, name);
  }

  private static String xaProperty(Element ds, String name) {
    NodeList l = ds.getElementsByTagName("xa-datasource-property");
    for (int i = 0; i < l.getLength(); i++) {
      Element p = (Element) l.item(i);
      if (name.equals(p.getAttribute("name"))) {
        return p.getTextContent().trim();
      }
    }
    return null;
  }

  static String resolve(String s, Map<String, String> values) {
    if (s == null) {
      return null;
    }
    Matcher m = EXPRESSION.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null || v.isEmpty()) {
        v = System.getProperty(m.group(1), m.group(2) == null ? "" : m.group(2));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Driver driver(Path jbossHome, String module, String url) throws Exception {
    String path = module.replace('.', '/');
    List<URL> jars = new ArrayList<>();
    for (Path dir :
        List.of(
            jbossHome.resolve("modules/system/layers/base").resolve(path).resolve("main"),
            jbossHome.resolve("modules").resolve(path).resolve("main"))) {
      if (Files.isDirectory(dir)) {
        try (var files = Files.list(dir)) {
          for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
            jars.add(jar.toUri().toURL());
          }
        }
      }
    }
    if (jars.isEmpty()) {
      throw new IllegalStateException("no jar for module " + module + " under " + jbossHome);
    }
    URLClassLoader loader =
        new URLClassLoader(jars.toArray(URL[]::new), Database.class.getClassLoader());
    for (Driver d : ServiceLoader.load(Driver.class, loader)) {
      // the test's own classpath may hold the same driver (PostgreSQL): any that accepts the URL
      if (d.acceptsURL(url)) {
        return d;
      }
    }
    throw new IllegalStateException("no JDBC driver in " + jars + " for " + url);
  }

  Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    Connection c = driver.connect(url, p);
    if (c == null) {
      throw new SQLException("the driver does not take " + url);
    }
    return c;
  }

  /** A fresh PostgreSQL database at {@code url}: dropped if it exists, created empty. */
  void recreatePostgres() throws SQLException {
    execute("DROP DATABASE IF EXISTS " + databaseName() + " WITH (FORCE)");
    execute("CREATE DATABASE " + databaseName());
  }

  void dropPostgres() throws SQLException {
    execute("DROP DATABASE IF EXISTS " + databaseName() + " WITH (FORCE)");
  }

  private void execute(String sql) throws SQLException {
    String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    try (Connection c = driver.connect(admin, p);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private String databaseName() {
    String name = url.substring(url.lastIndexOf('/') + 1);
    int q = name.indexOf('?');
    if (q >= 0) {
      name = name.substring(0, q);
    }
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalStateException("an unexpected database name for the harness: " + name);
    }
    return name;
  }

  /** The H2 file (or files) of the database, for the report. */
  static List<Path> h2Files(Path dataDir) throws IOException {
    Path dir = dataDir.resolve("cpis");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var files = Files.list(dir)) {
      return files.toList();
    }
  }
}
