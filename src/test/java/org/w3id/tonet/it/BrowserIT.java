package org.w3id.tonet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
import org.w3id.tonet.council.Council;
import org.w3id.tonet.council.CouncilFolder;
import org.w3id.tonet.server.TonetServer;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, installed by .ci/setup; no
 * driver download) opens the landing page, follows a timeline link, and finds the page's title, its
 * schema.org JSON-LD and a console without errors; and opens every kind of page at a phone's width
 * (390 px) and a laptop's (1280 px): nothing wider than the screen, no serious or critical
 * violation that axe-core (npm, installed by .ci/setup) finds, a meta description, and no {@code
 * ^^xsd:} in what the results show. The second council's folder (examples/mizunagi) gets the same
 * walk over its landing page and a page of each kind of its data.
 */
class BrowserIT {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String DRIVER = "/usr/bin/chromedriver";

  private static TonetServer server;

  /** The second council, examples/mizunagi: its pages are made by the same templates. */
  private static TonetServer second;

  private static ChromeDriver browser;
  private static Path profile;

  @BeforeAll
  static void start() throws Exception {
    assertTrue(new File(CHROMIUM).canExecute(), "install chromium: ./.ci/setup");
    assertTrue(new File(DRIVER).canExecute(), "install chromium-driver: ./.ci/setup");
    server = TonetServer.create().port(0).council(TestSeeds.tone()).start();
    second =
        TonetServer.create()
            .port(0)
            .council(Council.read(CouncilFolder.of(Path.of("examples", "mizunagi"))))
            .start();
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
      try {
        if (server != null) {
          server.stop();
        }
      } finally {
        if (second != null) {
          second.stop();
        }
      }
    }
  }

  /** A page's path, and what it is. */
  record Target(String path, String what) {}

  /**
   * The pages a person opens: the landing page, a resource page of each kind in the data (one
   * instance of each tonet class, found by SPARQL), the graph pages, /sparql, HTML results of a
   * query that returns every kind of value, /ontology and every /query/NAME.
   */
  private static List<Target> targets() throws Exception {
    Map<String, Target> pages = new LinkedHashMap<>();
    pages.put("", new Target("", "landing page"));
    pages.putAll(kinds(server));
    for (String g : List.of("data", "ontology", "meta")) {
      pages.put("graph/" + g, new Target("graph/" + g, "graph page"));
    }
    pages.put("sparql", new Target("sparql", "the SPARQL form"));
    String everyKind =
        "PREFIX tonet: <https://w3id.org/tonet/ontology#>\n"
            + "PREFIX schema: <http://schema.org/>\n"
            + "SELECT * WHERE { ?s a tonet:Symposium ; schema:startDate ?date ;"
            + " tonet:attendance ?n ; tonet:attendanceApproximate ?approx ; ?p ?o } LIMIT 80";
    String results = "sparql?query=" + URLEncoder.encode(everyKind, StandardCharsets.UTF_8);
    pages.put(results, new Target(results, "HTML results"));
    pages.put("ontology", new Target("ontology", "the ontology"));
    for (String name : queries()) {
      pages.put("query/" + name, new Target("query/" + name, "example query " + name));
    }
    return new ArrayList<>(pages.values());
  }

  /** One resource page of each tonet kind of a server's data (one instance each, by SPARQL). */
  private static Map<String, Target> kinds(TonetServer on) throws Exception {
    Map<String, Target> pages = new LinkedHashMap<>();
    String kinds =
        "PREFIX tonet: <https://w3id.org/tonet/ontology#>\n"
            + "SELECT ?kind (MIN(STR(?s)) AS ?one) WHERE { ?s a ?kind"
            + " FILTER(STRSTARTS(STR(?kind), STR(tonet:))"
            + " && STRSTARTS(STR(?s), \""
            + on.localUrl()
            + "id/\")) } GROUP BY ?kind";
    for (String[] row : select(on, kinds)) {
      String path = row[1].replace(on.localUrl() + "id/", "page/");
      pages.putIfAbsent(path, new Target(path, "a page of kind " + row[0]));
    }
    return pages;
  }

  /** The example queries' names, from queries/. */
  private static List<String> queries() throws Exception {
    try (var files = Files.list(Path.of("queries"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".rq"))
          .map(n -> n.substring(0, n.length() - 3))
          .sorted()
          .toList();
    }
  }

  /** A SELECT at the endpoint, as rows of CSV cells (the queries here return no commas). */
  private static List<String[]> select(TonetServer on, String query) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            on.localUrl()
                                + "sparql?query="
                                + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .header("Accept", "text/csv")
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body().lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
  }

  @Test
  void everyPageFitsAPhoneAndALaptopAndAxeFindsNothingSerious() throws Exception {
    List<Target> targets = targets();
    assertTrue(targets.size() > 50, "pages of every kind: " + targets.size());
    List<String> problems = walk(server, targets);
    assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    assertNoConsoleErrors("pages of every kind");
  }

  @Test
  void theSecondCouncilsPagesFitAPhoneAndALaptopAndAxeFindsNothingSerious() throws Exception {
    List<Target> targets = new ArrayList<>();
    targets.add(new Target("", "the second council's landing page"));
    targets.addAll(kinds(second).values());
    assertTrue(targets.size() > 20, "pages of every kind: " + targets.size());
    List<String> problems = walk(second, targets);
    assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    assertNoConsoleErrors("the second council's pages");
  }

  /**
   * Opens each page at 390 and 1280 px and lists what is wrong: wider than the screen, no meta
   * description, {@code ^^xsd:} shown, a serious or critical axe-core violation.
   */
  private static List<String> walk(TonetServer on, List<Target> targets) throws Exception {
    String axe = Files.readString(NodeClients.axeCore());
    List<String> problems = new ArrayList<>();
    try {
      for (int width : new int[] {390, 1280}) {
        browser.manage().window().setSize(new Dimension(width, 900));
        for (Target t : targets) {
          browser.get(on.localUrl() + t.path());
          JavascriptExecutor js = browser;
          String where = t.what() + " (/" + t.path() + ") at " + width + " px";
          Number inner = (Number) js.executeScript("return window.innerWidth;");
          assertEquals(width, inner.intValue(), "the window is as wide as asked");
          Number scroll = (Number) js.executeScript("return document.documentElement.scrollWidth;");
          if (scroll.intValue() > width) {
            problems.add(where + ": " + scroll + " px wide");
          }
          String description =
              (String)
                  js.executeScript(
                      "var m = document.querySelector('meta[name=description]');"
                          + " return m ? m.content : '';");
          if (description.isBlank()) {
            problems.add(where + ": no meta description");
          }
          String text = (String) js.executeScript("return document.body.innerText;");
          if (text.contains("^^xsd:")) {
            problems.add(where + ": ^^xsd: in the text shown");
          }
          js.executeScript(axe);
          @SuppressWarnings("unchecked")
          List<String> violations =
              (List<String>)
                  js.executeAsyncScript(
                      "var done = arguments[arguments.length - 1];"
                          + " axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                          + "  done(r.violations"
                          + "   .filter(function (v) {"
                          + "     return v.impact === 'serious' || v.impact === 'critical'; })"
                          + "   .map(function (v) {"
                          + "     return v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                          + "       + v.nodes.map(function (n) { return n.target.join(' '); })"
                          + "         .slice(0, 3).join(', '); }));"
                          + " }, function (e) { done(['axe failed: ' + e]); });");
          violations.forEach(v -> problems.add(where + ": " + v));
        }
      }
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 2000));
    }
    return problems;
  }

  @Test
  void theExactTermIsOneClickAway() throws Exception {
    browser.get(server.localUrl() + "query/symposia");
    WebElement cell = browser.findElement(By.cssSelector("table.results tbody tr td:nth-child(6)"));
    assertEquals("230", cell.getText(), "the number as people read it");
    browser.findElement(By.cssSelector("label[for='show-rdf']")).click();
    assertEquals("\"230\"^^xsd:integer", cell.getText(), "the switch shows the exact term");
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
    assertTrue(browser.getPageSource().contains("2024年3月26日 (令和6年)"), "the date with its era year");
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
