package org.opencpis.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its chromedriver, signed in as one development user. The
 * pages are protected by HTTP Basic: the first page is opened with the credentials in its address,
 * and Chromium reuses them (same realm) for the pages' calls to the REST API.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));

  private final ChromeDriver driver;
  private final Spine.User user;
  private final Path profile;
  private boolean signedIn;

  /** Whether the Debian packages chromium and chromium-driver are installed. */
  public static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  public static Browser as(Spine.User user) {
    return new Browser(user);
  }

  private Browser(Spine.User user) {
    this.user = user;
    try {
      this.profile = Files.createTempDirectory("opencpis-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--window-size=1280,1000",
        "--lang=en-GB",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  /** Opens a page under /cpis/ (e.g. "app/inboxes.html") and waits until its script has run. */
  public Browser open(String page) {
    String base = TestServer.baseUrl();
    String url = base + "/" + page;
    if (!signedIn) {
      url = url.replaceFirst("^http://", "http://" + user.name() + ":" + user.password() + "@");
      signedIn = true;
    }
    driver.get(url);
    awaitReady();
    return this;
  }

  /** Waits until the page is loaded and its script (if any) has rendered it (body[data-ready]). */
  public void awaitReady() {
    await()
        .until(
            d ->
                (Boolean)
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return document.readyState === 'complete' &&"
                                + " (!document.getElementById('content')"
                                + " || document.body.dataset.ready === 'true')"));
  }

  public WebDriverWait await() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.pollingEvery(Duration.ofMillis(100));
    return wait;
  }

  public WebElement find(String css) {
    return await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits until the element's text contains the text given; answers the whole text. */
  public String awaitText(String css, String text) {
    await()
        .withMessage(() -> css + " does not show '" + text + "'; the page says: " + bodyText())
        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    return driver.findElement(By.cssSelector(css)).getText();
  }

  public String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public void click(String css) {
    await().until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
  }

  public void type(String css, String text) {
    WebElement e = find(css);
    e.clear();
    e.sendKeys(text);
  }

  /** Clicks a link (or a button that navigates) and waits for the next page to be ready. */
  public void follow(String css) {
    WebElement body = driver.findElement(By.tagName("body"));
    click(css);
    await().until(ExpectedConditions.stalenessOf(body));
    awaitReady();
  }

  public String title() {
    return driver.getTitle();
  }

  /** Runs a script in the page (a test's own change to it). */
  public Object script(String js) {
    return ((JavascriptExecutor) driver).executeScript(js);
  }

  /** The WCAG 2.2 AA rule sets axe-core checks (its tags). */
  static final List<String> WCAG_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private static String axeScript;

  /**
   * What axe-core (the npm package's axe.min.js, run inside this Chromium) finds against WCAG 2.2
   * AA on the page as it stands: one line per violation, its rule, impact, help and the first
   * elements at fault; empty when there is none.
   */
  public List<String> accessibilityViolations() {
    JavascriptExecutor js = driver;
    js.executeScript(axe());
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object found =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help"
                + " + ' at ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe-core failed: ' + e]));",
            WCAG_AA);
    return ((List<?>) found).stream().map(String::valueOf).toList();
  }

  private static synchronized String axe() {
    if (axeScript == null) {
      try (java.io.InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
        if (in == null) {
          throw new IllegalStateException("axe.min.js is not on the test class path");
        }
        axeScript = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axeScript;
  }

  /** A PNG of the whole page in target/screenshots/, for a person to look at. */
  public Path screenshot(String name) {
    JavascriptExecutor js = driver;
    js.executeScript("window.scrollTo(0, 0)");
    // the window is taller than the page by the browser's own frame
    long height =
        ((Number)
                js.executeScript(
                    "return document.documentElement.scrollHeight"
                        + " + window.outerHeight - window.innerHeight"))
            .longValue();
    Dimension before = driver.manage().window().getSize();
    driver
        .manage()
        .window()
        .setSize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height, 600), 6000)));
    try {
      Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
      Files.createDirectories(dir);
      Path png = dir.resolve(name + ".png");
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          png,
          StandardCopyOption.REPLACE_EXISTING);
      return png;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
