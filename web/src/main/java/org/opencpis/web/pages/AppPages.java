package org.opencpis.web.pages;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Serves the pages under /app from one GOV.UK page shell ({@code WEB-INF/app-shell.html}): each
 * page is its title, the navigation item it belongs to and its script module; the content is drawn
 * by that script from the REST API. Signed-in access comes from web.xml (/app/*).
 */
@WebServlet(
    urlPatterns = {
      "/app/inboxes.html",
      "/app/workload.html",
      "/app/step.html",
      "/app/person.html",
      "/app/clipboard.html",
      "/app/health.html",
      "/app/audit.html"
    })
public class AppPages extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** A navigation item: its page and label. */
  record Item(String page, String label) {}

  /** A page: its title, the navigation shown on it, the item it belongs to, its script. */
  record Page(String title, List<Item> nav, String active, String script) {}

  private static final List<Item> COUNCIL =
      List.of(
          new Item("inboxes", "Inboxes"),
          new Item("workload", "Workload"),
          new Item("clipboard", "My clipboard"),
          new Item("person", "People"),
          new Item("health", "What health sees"));

  private static final Map<String, Page> PAGES =
      Map.of(
          "inboxes", new Page("Inboxes", COUNCIL, "inboxes", "inboxes"),
          "workload", new Page("Workload", COUNCIL, "workload", "workload"),
          "step", new Page("Step", COUNCIL, "inboxes", "step"),
          "person", new Page("Person summary", COUNCIL, "person", "person"),
          "clipboard", new Page("My clipboard", COUNCIL, "clipboard", "clipboard"),
          "health",
              new Page(
                  "What health sees",
                  List.of(new Item("health", "What health sees")),
                  "health",
                  "health"),
          "audit",
              new Page("Audit trail", List.of(new Item("audit", "Audit trail")), "audit", "audit"));

  private String shell;

  @Override
  public void init() throws ServletException {
    try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/app-shell.html")) {
      if (in == null) {
        throw new ServletException("WEB-INF/app-shell.html is missing");
      }
      shell = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ServletException(e);
    }
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getServletPath();
    String name = path.substring(path.lastIndexOf('/') + 1, path.length() - ".html".length());
    Page page = PAGES.get(name);
    if (page == null) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    resp.setContentType("text/html;charset=UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.getWriter()
        .write(
            shell
                .replace("{{title}}", page.title())
                .replace("{{nav}}", nav(page))
                .replace("{{script}}", page.script()));
  }

  static String nav(Page page) {
    StringBuilder b = new StringBuilder();
    for (Item item : page.nav()) {
      boolean active = item.page().equals(page.active());
      b.append("          <li class=\"govuk-service-navigation__item")
          .append(active ? " govuk-service-navigation__item--active" : "")
          .append("\">\n            <a class=\"govuk-service-navigation__link\" href=\"")
          .append(item.page())
          .append(".html\"")
          .append(
              active
                  ? " aria-current=\"true\"><strong class=\"govuk-service-navigation__active-fallback\">"
                  : ">")
          .append(item.label())
          .append(active ? "</strong>" : "")
          .append("</a>\n          </li>\n");
    }
    return b.toString();
  }
}
