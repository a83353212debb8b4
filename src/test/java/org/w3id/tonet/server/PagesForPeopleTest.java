package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pages as a person reads them: the landing page tells the story before the ways to use the
 * data and the counts; values read as people read them (the exact term only behind the switch);
 * every page has a meta description made from its data; a kind is named once.
 */
class PagesForPeopleTest {

  @RegisterExtension static final ServerOnTestSeed SERVER = new ServerOnTestSeed();

  private static final Pattern META =
      Pattern.compile("<meta name=\"description\" content=\"([^\"]+)\">");
  private static final Pattern RDF_TERM =
      Pattern.compile("<code class=\"rdf\">.*?</code>| title=\"[^\"]*\"");

  private static String page(String path) throws Exception {
    var r = Http.get(SERVER.url() + path, "Accept", "text/html");
    assertEquals(200, r.statusCode(), path);
    return Http.text(r);
  }

  private static String description(String html) {
    Matcher m = META.matcher(html);
    assertTrue(m.find(), "a meta description");
    return m.group(1);
  }

  /** What a reader sees before switching to the exact RDF terms. */
  private static String shown(String html) {
    return RDF_TERM.matcher(html).replaceAll("");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "page/assembly/extraordinary/24",
        "page/place/shiraoka",
        "page/source/157963e9056f/line/80",
        "sparql",
        "sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D",
        "query/symposia",
        "ontology",
        "graph/data",
        "no/such/page"
      })
  void everyPageHasAMetaDescriptionInJapaneseAndEnglish(String path) throws Exception {
    var r = Http.get(SERVER.url() + path, "Accept", "text/html");
    String meta = description(Http.text(r));
    assertTrue(meta.codePoints().anyMatch(c -> c >= 0x3040 && c <= 0x9fff), "Japanese: " + meta);
    assertTrue(meta.matches(".*[A-Za-z]{4,} [A-Za-z]{2,}.*"), "English: " + meta);
  }

  @Test
  void descriptionsAreMadeFromTheData() throws Exception {
    String meta = description(page("page/assembly/extraordinary/24"));
    assertTrue(meta.startsWith("第24回協議会臨時総会（臨時総会、2024年3月26日 (令和6年)）。"), meta);
    assertTrue(meta.contains("24th Extraordinary General Assembly"), meta);
    assertTrue(meta.contains("26 March 2024"), meta);
    String landing = description(page(""));
    assertTrue(landing.contains("Linked Open Data にしたもの"), landing);
    assertTrue(
        description(page("query/symposia")).contains("symposia: day, venue"), "the question");
  }

  @Test
  void theLandingPageTellsTheStoryBeforeTheWaysToUseTheDataAndTheCounts() throws Exception {
    String html = page("");
    int story = html.indexOf("id=\"story-h\"");
    int glance = html.indexOf("id=\"glance-h\"");
    int use = html.indexOf("id=\"use-h\"");
    int timeline = html.indexOf("id=\"timeline-h\"");
    int counts = html.indexOf("id=\"counts-h\"");
    assertTrue(0 < story && story < glance && glance < use && use < timeline && timeline < counts);
    String facts = html.substring(story, html.indexOf("id=\"highlights\""));
    assertTrue(facts.contains("埼玉利根保健医療圏医療連携推進協議会</a>"), "the organization, from the data");
    assertTrue(facts.contains("<time datetime=\"2010-07-20\">2010年7月20日</time>"), "set up");
    assertTrue(facts.contains(">白岡市</a>"), "the area it served");
    assertTrue(facts.contains("<strong>41</strong> 総会"), "its general assemblies");
    String highlights = html.substring(html.indexOf("id=\"highlights\""), glance);
    assertTrue(highlights.contains("参加登録者35,000人を超える"), "a milestone");
    assertTrue(highlights.contains("約230人"), "a symposium with its attendance");
    assertTrue(highlights.contains("システムの試験運用開始"), "a launch");
    assertTrue(highlights.contains("解散（案）について"), "the proposal to dissolve");
  }

  @Test
  void rowsOfOneSentenceAreToldApartInJapanese() throws Exception {
    String html = page("");
    assertTrue(html.contains("を設置（ヒューマンネットワーク担当部会）</a>"), "the one section");
    assertTrue(html.contains("を設置（ITネットワーク担当部会）</a>"), "the other");
  }

  @Test
  void valuesReadAsPeopleReadThem() throws Exception {
    String symposium = shown(page("page/symposium/2012-03-17"));
    assertTrue(symposium.contains(">はい</span>"), "approximate: yes");
    assertFalse(symposium.contains("xsd:"), "no datatype outside the exact terms");
    assertFalse(symposium.contains(">true<"), symposium);
    assertTrue(shown(page("page/milestone/registrants-35000")).contains(">35,000</span>"));
    String results = shown(page("query/registrant-growth"));
    assertTrue(results.contains(">35,000</span>"), "a number with separators in results");
    assertTrue(results.contains("2021年10月19日 (令和3年)"), "a date as people read it");
    assertFalse(results.contains("^^"), "no datatype in results");
  }

  @Test
  void aKindIsNamedOnceAndTheBroaderKindsQuietly() throws Exception {
    String html = page("page/event/2014-11-26-written-resolution");
    String kinds = html.substring(html.indexOf("<p class=\"kinds\">"), html.indexOf("<h1>"));
    assertEquals(1, kinds.split("class=\"kind\"", -1).length - 1, kinds);
    assertTrue(
        kinds.contains("broader</span>: 出来事</span>"), "schema:Event and dcmitype:Event, once");
    assertTrue(kinds.contains("title=\"http://purl.org/dc/dcmitype/Event schema:Event\""), kinds);
  }

  @Test
  void theExactTermsAreOneClickAway() throws Exception {
    String html = page("query/symposia");
    assertTrue(html.contains("<input type=\"checkbox\" id=\"show-rdf\">"), "the switch");
    assertTrue(html.contains("<code class=\"rdf\">&quot;230&quot;^^xsd:integer</code>"), html);
  }
}
