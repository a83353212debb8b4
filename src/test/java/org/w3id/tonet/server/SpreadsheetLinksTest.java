package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a spreadsheet user reaches on the server: the CSV links of an example query's page (plain
 * and for Excel: the same rows after a byte order mark), the CSV for Excel on the SPARQL results
 * page, and the CSV tables, their metadata and the event list among the downloads.
 */
class SpreadsheetLinksTest {

  @RegisterExtension static final ServerOnTestSeed SERVER = new ServerOnTestSeed();

  private static String link(String html, String label) {
    Matcher m =
        Pattern.compile("<a href=\"([^\"]+)\" download>" + Pattern.quote(label)).matcher(html);
    assertTrue(m.find(), "no link " + label + " in " + html);
    return unescape(m.group(1));
  }

  /** An attribute's text as the browser reads it: character references replaced. */
  private static String unescape(String attribute) {
    Matcher m = Pattern.compile("&#([0-9]+);|&amp;").matcher(attribute);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String c = m.group(1) == null ? "&" : Character.toString(Integer.parseInt(m.group(1)));
      m.appendReplacement(out, Matcher.quoteReplacement(c));
    }
    return m.appendTail(out).toString();
  }

  @Test
  void anExampleQuerysPageLinksToItsResultsAsCsvAndAsCsvForExcel() throws Exception {
    String page = Http.text(Http.get(SERVER.url() + "query/municipalities"));
    HttpResponse<byte[]> plain = Http.get(link(page, "CSV<"));
    HttpResponse<byte[]> excel = Http.get(link(page, "CSV（Excel 用）"));
    assertEquals(200, plain.statusCode());
    assertEquals(200, excel.statusCode());
    assertTrue(Http.header(excel, "Content-Type").startsWith("text/csv"));
    byte[] e = excel.body();
    assertEquals((byte) 0xEF, e[0]);
    assertEquals((byte) 0xBB, e[1]);
    assertEquals((byte) 0xBF, e[2]);
    String rows = new String(e, 3, e.length - 3, StandardCharsets.UTF_8);
    assertEquals(Http.text(plain), rows, "the same rows after the byte order mark");
    assertTrue(rows.contains("112101"), rows);
    assertTrue(rows.contains("加須市"), rows);
  }

  @Test
  void theSparqlResultsPageOffersCsvForExcel() throws Exception {
    String query = "SELECT ?s WHERE { ?s a <https://w3id.org/tonet/ontology#Municipality> }";
    String page =
        Http.text(
            Http.get(
                SERVER.url()
                    + "sparql?query="
                    + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8),
                "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
    Matcher m = Pattern.compile("<a href=\"([^\"]+)\"[^>]*>CSV \\(Excel\\)</a>").matcher(page);
    assertTrue(m.find(), page);
    String href = unescape(m.group(1));
    assertTrue(href.endsWith("&format=csv-excel"), href);
    HttpResponse<byte[]> excel = Http.get(href);
    assertEquals(200, excel.statusCode());
    byte[] e = excel.body();
    assertEquals((byte) 0xEF, e[0], "a byte order mark");
    String rows = new String(e, 3, e.length - 3, StandardCharsets.UTF_8);
    assertEquals(10, rows.lines().count(), "the header and the nine municipalities: " + rows);
  }

  @Test
  void theLandingPageListsThemAmongTheDownloads() throws Exception {
    String landing = Http.text(Http.get(SERVER.url()));
    for (String name :
        new String[] {"tonet-places.excel.csv", "event-list.csv", "tonet-imi.jsonld"}) {
      assertTrue(landing.contains("downloads/" + name + "\">" + name + "</a>"), name);
    }
  }

  @Test
  void theTablesTheirMetadataAndTheEventListAreDownloads() throws Exception {
    for (String name :
        new String[] {
          "tonet-places.csv",
          "tonet-places.excel.csv",
          "event-list.csv",
          "csv-metadata.json",
          "tonet-imi.jsonld"
        }) {
      HttpResponse<byte[]> r = Http.get(SERVER.url() + "downloads/" + name);
      assertEquals(200, r.statusCode(), name);
      String type = Http.header(r, "Content-Type");
      assertTrue(
          name.endsWith(".csv")
              ? type.startsWith("text/csv")
              : name.endsWith(".json")
                  ? type.startsWith("application/csvm+json")
                  : type.startsWith("application/ld+json"),
          name + ": " + type);
    }
  }

  @Test
  void everyFileForSpreadsheetsIsADistributionOfVoidAndInSha256sums() throws Exception {
    String base = SERVER.url();
    org.apache.jena.rdf.model.Model description =
        org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
    org.apache.jena.riot.RDFParser.fromString(
            Http.text(Http.get(base + "void", "Accept", "text/turtle")),
            org.apache.jena.riot.Lang.TURTLE)
        .base(base)
        .parse(description);
    java.util.Map<String, String> sums = new java.util.HashMap<>();
    for (String line : Http.text(Http.get(base + "downloads/SHA256SUMS")).split("\n")) {
      String[] parts = line.split("  ", 2);
      sums.put(parts[1], parts[0]);
    }
    java.util.List<String> names = new java.util.ArrayList<>();
    for (String kind :
        new String[] {
          "assemblies", "symposia", "milestones", "organizations", "places", "agenda-items"
        }) {
      names.add("tonet-" + kind + ".csv");
      names.add("tonet-" + kind + ".excel.csv");
    }
    names.addAll(java.util.List.of("csv-metadata.json", "event-list.csv", "tonet-imi.jsonld"));
    org.apache.jena.rdf.model.Resource dataset = description.getResource(base + "id/dataset");
    for (String name : names) {
      org.apache.jena.rdf.model.Resource url = description.getResource(base + "downloads/" + name);
      java.util.List<org.apache.jena.rdf.model.Resource> distributions =
          description
              .listSubjectsWithProperty(org.apache.jena.vocabulary.DCAT.downloadURL, url)
              .toList();
      assertEquals(1, distributions.size(), name + " is one distribution of /void");
      assertTrue(
          dataset.hasProperty(org.apache.jena.vocabulary.DCAT.distribution, distributions.get(0)),
          name + " is the dataset's");
      byte[] file = Http.get(base + "downloads/" + name).body();
      assertEquals(
          org.w3id.tonet.publish.Exporter.sha256(file), sums.get(name), name + " in SHA256SUMS");
    }
  }
}
