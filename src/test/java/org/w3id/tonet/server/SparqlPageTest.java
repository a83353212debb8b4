package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SPARQL endpoint for a person in a browser: a query run from the form answers a page with a
 * table (not raw XML), the query stays in the editor, the cap and the failures are said, and the
 * editor's files are served from the WebJar.
 */
class SparqlPageTest {

  private static final int CAP = 20;
  private static final String BROWSER =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

  @RegisterExtension
  static final ServerOnTestSeed SERVER = new ServerOnTestSeed(b -> b.maxResults(CAP));

  /** The page's text with the entities Mustache writes in attributes undone. */
  private static String html(HttpResponse<byte[]> r) {
    return Http.text(r).replace("&#61;", "=").replace("&#96;", "`");
  }

  private static HttpResponse<byte[]> run(String query) throws Exception {
    return Http.get(SERVER.url() + "sparql?query=" + ServerTest.enc(query), "Accept", BROWSER);
  }

  @Test
  void onlyHttpIrisAreLinksInTheResults() throws Exception {
    HttpResponse<byte[]> r =
        run(
            "SELECT ?x WHERE { VALUES ?x { <javascript:alert(document.cookie)>"
                + " <JavaScript:alert(1)> <data:text/html,%3Cscript%3Ealert(1)%3C/script%3E>"
                + " <vbscript:msgbox(1)> <urn:isbn:4000000000> <http://example.org/a>"
                + " <HTTPS://example.org/b> } }");
    assertEquals(200, r.statusCode());
    String html = html(r);
    // A cell's value, as TermView shows it: a link, or the text alone.
    java.util.regex.Matcher links =
        java.util.regex.Pattern.compile("<span class=\"shown\"><a href=\"([^\"]*)\"").matcher(html);
    java.util.List<String> hrefs = new java.util.ArrayList<>();
    while (links.find()) {
      hrefs.add(links.group(1));
    }
    assertEquals(
        java.util.List.of("http://example.org/a", "HTTPS://example.org/b"),
        hrefs,
        "the cells that are links");
    assertTrue(html.contains("<span>javascript:alert(document.cookie)</span>"), "shown as text");
    assertTrue(html.contains("<span>vbscript:msgbox(1)</span>"), "shown as text");
    assertFalse(html.toLowerCase().contains("href=\"javascript:"), "no javascript: link");
    assertFalse(html.toLowerCase().contains("href=\"data:"), "no data: link");
    assertFalse(html.toLowerCase().contains("href=\"vbscript:"), "no vbscript: link");
  }

  @Test
  void aBrowserRunningASelectGetsATableWithLinksLanguagesAndDatatypes() throws Exception {
    String query =
        "PREFIX tonet: <https://w3id.org/tonet/ontology#> PREFIX schema: <http://schema.org/>"
            + " SELECT ?s ?date ?name WHERE { ?s a tonet:Symposium ; schema:startDate ?date ;"
            + " <http://www.w3.org/2000/01/rdf-schema#label> ?name FILTER(lang(?name) = \"ja\") }"
            + " ORDER BY ?date";
    HttpResponse<byte[]> r = run(query);
    assertEquals(200, r.statusCode());
    assertTrue(
        Http.header(r, "Content-Type").startsWith("text/html"), Http.header(r, "Content-Type"));
    String html = html(r);
    assertTrue(html.contains("<table class=\"results\">"), "a table");
    assertTrue(
        html.contains("<a href=\"" + SERVER.url() + "page/symposium/2012-03-17\""),
        "an IRI of the dataset links to its page");
    assertTrue(
        html.contains(">地域医療ネットワークシンポジウム（パストラルかぞ）</a>"),
        "an IRI of the dataset shown by its label");
    assertTrue(
        html.contains(
            "<code class=\"rdf\">&lt;" + SERVER.url() + "id/symposium/2012-03-17&gt;</code>"),
        "with its IRI one click away");
    assertTrue(
        html.contains(
            ">2012年3月17日 (平成24年)</span> <span class=\"en\" lang=\"en\">17 March 2012</span>"),
        "a date as people read it");
    assertTrue(
        html.contains("<code class=\"rdf\">&quot;2012-03-17&quot;^^xsd:date</code>"),
        "and as the exact term");
    assertTrue(
        html.contains("lang=\"ja\"") && html.contains("&quot;@ja</code>"), "a literal's language");
    assertFalse(html.contains("class=\"lang-tag\""), "no marker where one language stands alone");
    assertTrue(html.contains("8 rows"), "the row count");
    assertTrue(html.matches("(?s).*in \\d+ ms.*"), "the time taken");
    assertTrue(
        html.contains("&amp;format=csv\" rel=\"nofollow\">CSV</a>"), "the same query as CSV");
    assertTrue(
        html.contains(">PREFIX tonet: &lt;https://w3id.org/tonet/ontology#&gt;"),
        "the query stays in the editor");
    assertFalse(html.contains("cut at"), "no cap notice for 8 rows");
  }

  @Test
  void theFormatLinksGiveTheSameAnswerToMachines() throws Exception {
    HttpResponse<byte[]> r =
        Http.get(
            SERVER.url()
                + "sparql?query="
                + ServerTest.enc("SELECT * { ?s ?p ?o } LIMIT 2")
                + "&format=csv");
    assertEquals(200, r.statusCode());
    assertTrue(Http.header(r, "Content-Type").startsWith("text/csv"));
    assertTrue(Http.text(r).startsWith("s,p,o"), Http.text(r));
  }

  @Test
  void aCutAnswerSaysSoOnThePage() throws Exception {
    String html = Http.text(run("SELECT * WHERE { ?s ?p ?o }"));
    assertTrue(html.contains("cut at " + CAP + " rows"), "the cap is said on the page");
    assertTrue(html.contains("class=\"notice\""), "visibly");
  }

  @Test
  void askIsYesOrNo() throws Exception {
    assertTrue(Http.text(run("ASK { ?s ?p ?o }")).contains("<strong>はい (yes)</strong>"));
    assertTrue(
        Http.text(run("ASK { <urn:x> <urn:y> <urn:z> }")).contains("<strong>いいえ (no)</strong>"));
  }

  @Test
  void constructIsATableOfTriples() throws Exception {
    String html =
        Http.text(
            run(
                "CONSTRUCT { ?s <urn:p> ?o } WHERE { ?s <http://schema.org/startDate> ?o }"
                    + " LIMIT 3"));
    assertTrue(html.contains("<th scope=\"col\">subject</th>"), html);
    assertTrue(html.contains("3 triples"), "the triple count");
    assertTrue(html.contains(">Turtle</a>") && html.contains(">N-Triples</a>"), "graph formats");
  }

  @Test
  void aQueryThatFailsShowsWhyWithTheQueryStillInTheEditor() throws Exception {
    HttpResponse<byte[]> r = run("SELEC * WHERE { ?s ?p ?o }");
    assertEquals(400, r.statusCode());
    String html = Http.text(r);
    assertTrue(html.contains("role=\"alert\""), "the failure is shown");
    assertTrue(html.contains("does not parse"), html);
    assertTrue(html.contains(">SELEC * WHERE { ?s ?p ?o }</textarea>"), "the query is kept");
  }

  @Test
  void theFormOffersTheExampleQueriesAndThePrefixes() throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + "sparql", "Accept", BROWSER);
    String html = html(r);
    assertTrue(html.contains("queries/symposia.rq"), "the example queries are listed");
    assertTrue(
        html.contains("href=\"" + SERVER.url() + "sparql?query="), "each one runs with one click");
    assertTrue(html.contains("data-prefixes=\"{&quot;tonet&quot;:"), "the prefixes to complete");
    assertTrue(html.contains("10,000") || html.contains(Integer.toString(CAP)), "the cap is said");
  }

  @Test
  void curlAndClientsWithoutAPreferenceGetTheServiceDescription() throws Exception {
    for (String accept : new String[] {"*/*", null}) {
      HttpResponse<byte[]> r =
          accept == null
              ? Http.get(SERVER.url() + "sparql")
              : Http.get(SERVER.url() + "sparql", "Accept", accept);
      assertEquals(200, r.statusCode());
      assertTrue(Http.header(r, "Content-Type").startsWith("text/turtle"), "Accept " + accept);
    }
  }

  @ParameterizedTest(name = "/static/{0}")
  @ValueSource(
      strings = {
        "codemirror/lib/codemirror.js",
        "codemirror/mode/sparql/sparql.js",
        "codemirror/addon/hint/show-hint.js",
        "codemirror/lib/codemirror.css",
        "sparql-editor.js"
      })
  void theEditorsFilesAreServed(String file) throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + "static/" + file);
    assertEquals(200, r.statusCode());
    assertTrue(r.body().length > 100);
    assertTrue(
        Http.header(r, "Content-Type")
            .startsWith(file.endsWith(".css") ? "text/css" : "text/javascript"));
  }

  @Test
  void onlyTheEditorsOwnFilesAreServed() throws Exception {
    assertEquals(
        404,
        Http.get(SERVER.url() + "static/codemirror/mode/javascript/javascript.js").statusCode());
    int traversal = Http.get(SERVER.url() + "static/codemirror/../../../log4j2.xml").statusCode();
    assertTrue(traversal == 404 || traversal == 400, "traversal: " + traversal);
  }
}
