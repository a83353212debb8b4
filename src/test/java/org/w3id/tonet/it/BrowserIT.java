package org.w3id.tonet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.server.TonetServer;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, installed by .ci/setup; no
 * driver download) opens the landing page, follows a timeline link, and finds the page's title, its
 * schema.org JSON-LD and a console without errors.
 */
class BrowserIT {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String DRIVER = "/usr/bin/chromedriver";

  private static TonetServer server;
  private static ChromeDriver browser;
  private static Path profile;

  @BeforeAll
  static void start() throws Exception {
    assertTrue(new File(CHROMIUM).canExecute(), "install chromium: ./.ci/setup");
    assertTrue(new File(DRIVER).canExecute(), "install chromium-driver: ./.ci/setup");
    server = TonetServer.create().port(0).council(TestSeeds.tone()).start();
    profile = Files.createTempDirectory("tonet-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,2000",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      if (server != null) {
        server.stop();
      }
    }
  }

  @Test
  void openTheTimelineFollowALinkAndFindTheEvent() throws Exception {
    browser.get(server.localUrl());
    assertTrue(browser.getTitle().startsWith("とねっと協議会の経過"), browser.getTitle());
    assertEquals(2, browser.findElements(By.cssSelector("svg.chart")).size(), "two charts");
    List<WebElement> fiscalYears = browser.findElements(By.cssSelector(".timeline > li"));
    assertEquals(15, fiscalYears.size(), "FY2009 to FY2023");
    assertNoConsoleErrors("landing page");

    WebElement link =
        browser.findElement(By.cssSelector("#timeline a[href$='/page/assembly/extraordinary/24']"));
    clickAndWaitForTheNextPage(link);
    assertTrue(
        browser.getCurrentUrl().endsWith("/page/assembly/extraordinary/24"),
        browser.getCurrentUrl());
    assertEquals("第24回協議会臨時総会 — とねっと協議会の経過 LOD", browser.getTitle());
    assertEquals("第24回協議会臨時総会", browser.findElement(By.tagName("h1")).getText());
    String json =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return document.querySelector('script[type=\"application/ld+json\"]').textContent;");
    assertTrue(json.contains("\"@type\":\"Event\""), json);
    assertTrue(json.contains("\"startDate\":\"2024-03-26\""), json);
    assertTrue(browser.getPageSource().contains("令和6年3月26日"), "the date in era form");
    assertNoConsoleErrors("event page");

    Path shot = Path.of("target", "browser-event-page.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void theQueryFormIsAPlainFormUnderTheEditor() {
    browser.get(server.localUrl() + "sparql");
    WebElement form = browser.findElement(By.cssSelector("form[action$='/sparql']"));
    assertEquals("get", form.getAttribute("method"));
    // Without scripts this textarea is the editor; with them CodeMirror shows it and keeps it.
    WebElement area = browser.findElement(By.cssSelector("textarea[name='query']"));
    assertTrue(area.getDomProperty("value").contains("tonet:Symposium"));
    assertEquals(
        1, browser.findElements(By.cssSelector(".CodeMirror")).size(), "the editor is loaded");
    assertTrue(
        browser.findElements(By.cssSelector(".CodeMirror .cm-keyword")).size() > 0,
        "SPARQL is highlighted");
    assertNoConsoleErrors("SPARQL form");
  }

  @Test
  void aQueryRunFromTheEditorAnswersATable() throws Exception {
    browser.get(server.localUrl() + "sparql");
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0]);",
            "PREFIX tonet: <https://w3id.org/tonet/ontology#>\n"
                + "SELECT ?assembly WHERE { ?assembly a tonet:OrdinaryGeneralAssembly }"
                + " ORDER BY ?assembly");
    clickAndWaitForTheNextPage(
        browser.findElement(By.cssSelector("form.editor button[type='submit']")));
    List<WebElement> rows = browser.findElements(By.cssSelector("table.results tbody tr"));
    assertEquals(12, rows.size(), "the 12 ordinary general assemblies");
    WebElement first = rows.get(0).findElement(By.tagName("a"));
    assertTrue(
        first.getAttribute("href").contains("/page/assembly/ordinary/"),
        first.getAttribute("href"));
    assertTrue(
        browser.findElement(By.cssSelector("#answer .note")).getText().contains("12 rows"),
        browser.findElement(By.cssSelector("#answer .note")).getText());
    assertTrue(
        browser
            .findElement(By.cssSelector("textarea[name='query']"))
            .getDomProperty("value")
            .contains("OrdinaryGeneralAssembly"),
        "the query stays in the editor");
    assertNoConsoleErrors("SPARQL results");

    // One click from the editor: an example query, and its result in the same page.
    browser.findElement(By.cssSelector("details.examples summary")).click();
    clickAndWaitForTheNextPage(
        browser.findElement(By.cssSelector("details.examples a[href*='query=']")));
    assertTrue(
        browser.findElements(By.cssSelector("table.results tbody tr")).size() > 0,
        "an example query answers a table");
    Path shot = Path.of("target", "browser-sparql-results.png");
    Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    assertNoConsoleErrors("example query");
  }

  @Test
  void theExampleQueryPageRunsAtTheEndpointAsATable() throws Exception {
    browser.get(server.localUrl() + "query/symposia");
    clickAndWaitForTheNextPage(browser.findElement(By.partialLinkText("run at the endpoint")));
    assertEquals(
        8, browser.findElements(By.cssSelector("table.results tbody tr")).size(), "8 symposia");
    assertNoConsoleErrors("symposia at the endpoint");
  }

  /**
   * Clicks something that loads another page and waits, at most 30 s, until that page has loaded: a
   * click on a link or a submit button returns before the browser has left the old page, and
   * elements looked up at once may still be the old page's (or none at all).
   */
  private static void clickAndWaitForTheNextPage(WebElement target) throws InterruptedException {
    JavascriptExecutor js = browser;
    js.executeScript("window.tonetOldPage = true;");
    target.click();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Object loaded =
          js.executeScript(
              "return window.tonetOldPage === undefined && document.readyState === 'complete';");
      if (Boolean.TRUE.equals(loaded)) {
        return;
      }
      assertTrue(System.nanoTime() < deadline, "the next page did not load within 30 s");
      Thread.sleep(50);
    }
  }

  private static void assertNoConsoleErrors(String where) {
    List<LogEntry> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    assertTrue(errors.isEmpty(), where + ": console errors " + errors);
  }
}
