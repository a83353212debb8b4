package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.publish.Quality;

/**
 * What the pages say about where things come from and how good the data is: a reading is shown as a
 * reading, sources include the gazetteer's rows and the rules, terms are named in both languages,
 * and the landing page shows the build's quality. Read from the static site, which renders every
 * page as the server does.
 */
class ProvenancePagesTest {

  private static String page(String path) throws Exception {
    byte[] page = PublishedSeed.files().get(path);
    assertNotNull(page, path);
    return new String(page, StandardCharsets.UTF_8);
  }

  @Test
  void aReadingIsShownAsAReading() throws Exception {
    String html = page("page/org/system-working-group.html");
    assertTrue(html.contains("class=\"readings\""), "a section for our reading");
    assertTrue(html.contains("当方の読み取り"), html);
    assertTrue(html.contains("is our reading"), html);
    // A resource whose statements are all the source's has no such section.
    assertFalse(page("page/org/human-network-section.html").contains("class=\"readings\""));
  }

  @Test
  void theDateBasisAndTheKindsAreNamedInBothLanguages() throws Exception {
    String html = page("page/assembly/extraordinary/2.html");
    assertTrue(html.contains("日付不明</a> <span lang=\"en\">Date unknown</span>"), html);
    assertTrue(html.contains("臨時総会 · Extraordinary general assembly"), html);
    assertTrue(page("index.html").contains("日付不明、この間 (date unknown, between these days)"));
  }

  @Test
  void sourcesIncludeGazetteerRowsAndRules() throws Exception {
    String place = page("page/venue/pastoral-kazo.html");
    assertTrue(place.contains("page/source/gazetteer/venue/pastoral-kazo"), place);
    assertTrue(place.contains("23行目"), "and its seed line");
    String year = page("page/fiscal-year/2019.html");
    assertTrue(year.contains("page/rule/fiscal-year"), "the rule of its bounds");
    assertFalse(year.contains("70行目"), "a row inside the year that does not write it");
  }

  @Test
  void theLandingPageShowsTheBuildsQuality() throws Exception {
    String html = page("index.html");
    assertTrue(html.contains("id=\"quality\""));
    Quality q = Quality.of(TestSeeds.seedBuild());
    for (Quality.Measurement m : q.measurements()) {
      assertTrue(html.contains(m.labelJa()), m.labelJa());
    }
  }
}
