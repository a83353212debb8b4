package org.w3id.tonet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.model.Gazetteer;
import org.w3id.tonet.source.SourceProblem;

/** The bundled gazetteer reads as intended, and a faulty table is refused at its line. */
class GazetteerTableTest {

  private static final String SOURCES =
      "source\tS1\thttps://example.org/s1\ta source, giving the Wikidata item Q128186\n"
          + "place\tsaitama-prefecture\tprefecture\t埼玉県\tSaitama Prefecture\tSaitama-ken\t-\t11000\tC11000-19700401\tQ128186\tS1\n";

  private static List<SourceProblem> problems(String table) throws Exception {
    List<SourceProblem> problems = new ArrayList<>();
    GazetteerTable.read(
        "test.tsv",
        "test.tsv",
        table.getBytes(StandardCharsets.UTF_8),
        TestSeeds.tone().lexicon(),
        problems);
    return problems;
  }

  /** The table's first problem is on that line, says that, and gives a fix. */
  private static void assertRefused(String table, String messagePart, int line) throws Exception {
    List<SourceProblem> problems = problems(table);
    assertFalse(problems.isEmpty(), "refused");
    SourceProblem p = problems.get(0);
    assertTrue(p.message().contains(messagePart), problems.toString());
    assertTrue(p.message().contains("; fix: "), p.message());
    assertEquals(line, p.line(), p.toString());
    assertEquals("test.tsv", p.file());
  }

  @Test
  void theBundledTableHasTheNineMunicipalitiesThePrefectureAndTheArea() throws Exception {
    Gazetteer g = TestSeeds.tone().gazetteer();
    List<String> municipalities =
        g.places().stream()
            .filter(p -> p.type() == Gazetteer.PlaceType.MUNICIPALITY)
            .map(Gazetteer.Place::labelJa)
            .toList();
    assertEquals(
        List.of("行田市", "加須市", "羽生市", "久喜市", "蓮田市", "幸手市", "白岡市", "宮代町", "杉戸町"), municipalities);
    assertEquals("Q128186", g.place("saitama-prefecture").orElseThrow().wikidata());
    assertEquals("Q851680", g.place("kazo").orElseThrow().wikidata());
    List<Gazetteer.Status> shiraoka = g.statusesOf("shiraoka");
    assertEquals(LocalDate.of(2012, 9, 30), shiraoka.get(0).until());
    assertEquals(Gazetteer.MunicipalityKind.TOWN, shiraoka.get(0).kind());
    assertEquals(LocalDate.of(2012, 10, 1), shiraoka.get(1).from());
    assertEquals(8, g.venues().size(), "one row per symposium venue of names.tsv");
    byte[] bytes = Files.readAllBytes(Path.of("seeds/gazetteer.tsv"));
    assertEquals(
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)),
        g.sha256());
  }

  @Test
  void anUnknownVenueIsRefused() throws Exception {
    assertRefused(
        SOURCES
            + "place\tkazo\tmunicipality\t加須市\tKazo City\tKazo-shi\tsaitama-prefecture\t-\t-\t-\tS1\n"
            + "status\tkazo\tcity\t加須市\tKazo City\tKazo-shi\tcity\t-\t-\t-\t11210\t-\t-\t-\tS1\n"
            + "venue\tnowhere-hall\tkazo\tbecause\n",
        "no venue nowhere-hall",
        5);
  }

  @Test
  void aWikidataItemNoCitedSourceNamesIsRefused() throws Exception {
    // S2 names Q1281860, not Q128186: an item is claimed only with a source that gives it.
    assertRefused(
        "source\tS1\thttps://example.org/s1\tthe prefecture's codes\n"
            + "source\tS2\thttps://example.org/s2\tthe Wikidata item Q1281860\n"
            + "place\tsaitama-prefecture\tprefecture\t埼玉県\tSaitama Prefecture\tSaitama-ken\t-\t11000\tC11000-19700401\tQ128186\tS1 S2\n",
        "column wikidata, \"Q128186\": no source the row cites names Q128186",
        3);
  }

  @Test
  void aWikidataItemIsNamedByTheAddressOfACitedSource() throws Exception {
    assertEquals(
        List.of(),
        problems(
            "source\tS5\thttps://www.wikidata.org/wiki/Q128186\tthe prefecture on Wikidata\n"
                + "place\tsaitama-prefecture\tprefecture\t埼玉県\tSaitama Prefecture\tSaitama-ken\t-\t11000\tC11000-19700401\tQ128186\tS5\n"));
  }

  @Test
  void aRowWithoutSourceIsRefused() throws Exception {
    assertRefused(
        SOURCES
            + "place\tkazo\tmunicipality\t加須市\tKazo City\tKazo-shi\tsaitama-prefecture\t-\t-\t-\t-\n",
        "cites its sources",
        3);
  }

  @Test
  void aDatedCodeOfAnotherCodeIsRefused() throws Exception {
    assertRefused(
        SOURCES
            + "place\tkazo\tmunicipality\t加須市\tKazo City\tKazo-shi\tsaitama-prefecture\t-\t-\t-\tS1\n"
            + "status\tkazo\tcity\t加須市\tKazo City\tKazo-shi\tcity\t-\t-\t-\t11210\tC11232-20100323\t-\t-\tS1\n",
        "C{code}-{yyyymmdd}",
        4);
  }

  @Test
  void aGapBetweenPeriodsIsRefused() throws Exception {
    assertRefused(
        SOURCES
            + "place\tshiraoka\tmunicipality\t白岡市\tShiraoka City\tShiraoka-shi\tsaitama-prefecture\t-\t-\t-\tS1\n"
            + "status\tshiraoka\ttown\t白岡町\tShiraoka Town\tShiraoka-machi\ttown\t-\t2012-09-30\t-\t11445\t-\t-\t-\tS1\n"
            + "status\tshiraoka\tcity\t白岡市\tShiraoka City\tShiraoka-shi\tcity\t2012-11-01\t-\tcity-status\t11246\t-\t-\t-\tS1\n",
        "must begin the day after town ends (2012-10-01)",
        3);
  }

  @Test
  void aMunicipalityWithoutACurrentStatusIsRefused() throws Exception {
    assertRefused(
        SOURCES
            + "place\tshiraoka\tmunicipality\t白岡市\tShiraoka City\tShiraoka-shi\tsaitama-prefecture\t-\t-\t-\tS1\n"
            + "status\tshiraoka\ttown\t白岡町\tShiraoka Town\tShiraoka-machi\ttown\t-\t2012-09-30\t-\t11445\t-\t-\t-\tS1\n",
        "only the last status row may be still in force",
        3);
  }

  @Test
  void aMunicipalityWithCodesOnItsPlaceRowIsRefused() throws Exception {
    assertRefused(
        SOURCES
            + "place\tkazo\tmunicipality\t加須市\tKazo City\tKazo-shi\tsaitama-prefecture\t11210\t-\t-\tS1\n",
        "belong on its status rows",
        3);
  }

  @Test
  void aWrongCellCountIsRefused() throws Exception {
    assertRefused(
        SOURCES + "venue\tpastoral-kazo\tkazo\n", "a venue row has 4 tab-separated cells", 3);
  }
}
