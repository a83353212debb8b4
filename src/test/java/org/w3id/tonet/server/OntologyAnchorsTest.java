package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every {@code /ontology#X} link the site emits lands on an anchor of the ontology page: the pages
 * of every resource, the landing page, the query and graph pages (all of them, as the static site
 * writes them, made by the same code the server runs).
 */
class OntologyAnchorsTest {

  private static final String BASE = PublishedSeed.BASE;

  private static Map<String, byte[]> files;

  @BeforeAll
  static void build() throws Exception {
    files = PublishedSeed.files();
  }

  @Test
  void everyOntologyLinkOfEveryPageHasItsAnchor() {
    Set<String> anchors = new TreeSet<>();
    Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(html("ontology.html"));
    while (id.find()) {
      anchors.add(id.group(1));
    }
    Pattern link = Pattern.compile("href=\"" + Pattern.quote(BASE + "ontology#") + "([^\"]+)\"");
    Map<String, String> linkedFrom = new TreeMap<>();
    for (String name : files.keySet()) {
      if (name.endsWith(".html")) {
        Matcher m = link.matcher(html(name));
        while (m.find()) {
          linkedFrom.putIfAbsent(m.group(1), name);
        }
      }
    }
    // The terms issue 10 found without anchors are among the links walked.
    assertTrue(
        linkedFrom.keySet().containsAll(Set.of("City", "Town", "Merger", "CityStatusGranted")),
        linkedFrom.keySet().toString());
    Map<String, String> missing = new TreeMap<>(linkedFrom);
    missing.keySet().removeAll(anchors);
    assertEquals(Map.of(), missing, "linked terms (→ a page linking them) with no anchor");
  }

  @Test
  void individualsShowTheirKindAndTheStandardTermTheyMatch() {
    String page = html("ontology.html");
    int town = page.indexOf("id=\"Town\"");
    assertTrue(town > 0, "tonet:Town has a section");
    String section = page.substring(town, page.indexOf("</section>", town));
    assertTrue(section.contains("ontology#MunicipalityKind"), section);
    assertTrue(section.contains("http://data.e-stat.go.jp/lod/terms/sacs#Town"), section);
  }

  private static String html(String name) {
    return new String(files.get(name), StandardCharsets.UTF_8);
  }
}
