package org.w3id.tonet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.model.Gazetteer;

/** The bundled gazetteer reads as intended, and a faulty table is refused at its line. */
class GazetteerTableTest {

  private static final String SOURCES =
      "source\tS1\thttps://example.org/s1\ta source\n"
          + "place\tsaitama-prefecture\tprefecture\t埼玉県\tSaitama Prefecture\tSaitama-ken\t-\t11000\tC11000-19700401\tQ128186\tS1\n";

  private static Gazetteer read(String table) {
    return GazetteerTable.read("test.tsv", table.getBytes(StandardCharsets.UTF_8), Lexicon.load());
  }

  private static void assertRefused(String table, String messagePart, int line) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(table));
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    assertTrue(e.getMessage().endsWith("[line " + line + "]"), e.getMessage());
    assertTrue(e.getMessage().startsWith("test.tsv: "), e.getMessage());
  }

  @Test
  void theBundledTableHasTheNineMunicipalitiesThePrefectureAndTheArea() throws Exception {
    Gazetteer g = GazetteerTable.bundled();
    List<String> municipalities =
        g.places().stream()
            .filter(p -> p.type() == Gazetteer.PlaceType.MUNICIPALITY)
            .map(Gazetteer.Place::labelJa)
            .toList();
    assertEquals(
        List.of("行田市", "加須市", "羽生市", "久喜市", "蓮田市", "幸手市", "白岡市", "宮代町", "杉戸町"), municipalities);
    assertEquals("Q128186", g.place("saitama-prefecture").orElseThrow().wikidata());
    List<Gazetteer.Status> shiraoka = g.statusesOf("shiraoka");
    assertEquals(LocalDate.of(2012, 9, 30), shiraoka.get(0).until());
    assertEquals(Gazetteer.MunicipalityKind.TOWN, shiraoka.get(0).kind());
    assertEquals(LocalDate.of(2012, 10, 1), shiraoka.get(1).from());
    assertEquals(8, g.venues().size(), "one row per symposium venue of names.tsv");
    byte[] bytes = Files.readAllBytes(Path.of("src/main/resources/lexicon/gazetteer.tsv"));
    assertEquals(
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)),
        g.sha256());
  }

  @Test
  void anUnknownVenueIsRefused() {
    assertRefused(
        SOURCES
            + "place\tkazo\tmunicipality\t加須市\tKazo City\tKazo-shi\tsaitama-prefecture\t-\t-\t-\tS1\n"
            + "status\tkazo\tcity\t加須市\tKazo City\tKazo-shi\tcity\t-\t-\t-\t11210\t-\t-\t-\tS1\n"
            + "venue\tnowhere-hall\tkazo\tbecause\n",
        "no venue nowhere-hall",
        5);
  }

  @Test
  void aRowWithoutSourceIsRefused() {
    assertRefused(
        SOURCES
            + "place\tkazo\tmunicipality\t加須市\tKazo City\tKazo-shi\tsaitama-prefecture\t-\t-\t-\t-\n",
        "cites its sources",
        3);
  }

  @Test
  void aDatedCodeOfAnotherCodeIsRefused() {
    assertRefused(
        SOURCES
            + "place\tkazo\tmunicipality\t加須市\tKazo City\tKazo-shi\tsaitama-prefecture\t-\t-\t-\tS1\n"
            + "status\tkazo\tcity\t加須市\tKazo City\tKazo-shi\tcity\t-\t-\t-\t11210\tC11232-20100323\t-\t-\tS1\n",
        "C{code}-{yyyymmdd}",
        4);
  }

  @Test
  void aGapBetweenPeriodsIsRefused() {
    assertRefused(
        SOURCES
            + "place\tshiraoka\tmunicipality\t白岡市\tShiraoka City\tShiraoka-shi\tsaitama-prefecture\t-\t-\t-\tS1\n"
            + "status\tshiraoka\ttown\t白岡町\tShiraoka Town\tShiraoka-machi\ttown\t-\t2012-09-30\t-\t11445\t-\t-\t-\tS1\n"
            + "status\tshiraoka\tcity\t白岡市\tShiraoka City\tShiraoka-shi\tcity\t2012-11-01\t-\tcity-status\t11246\t-\t-\t-\tS1\n",
        "must begin the day after town ends (2012-10-01)",
        3);
  }

  @Test
  void aMunicipalityWithoutACurrentStatusIsRefused() {
    assertRefused(
        SOURCES
            + "place\tshiraoka\tmunicipality\t白岡市\tShiraoka City\tShiraoka-shi\tsaitama-prefecture\t-\t-\t-\tS1\n"
            + "status\tshiraoka\ttown\t白岡町\tShiraoka Town\tShiraoka-machi\ttown\t-\t2012-09-30\t-\t11445\t-\t-\t-\tS1\n",
        "only the last status row may be still in force",
        3);
  }

  @Test
  void aMunicipalityWithCodesOnItsPlaceRowIsRefused() {
    assertRefused(
        SOURCES
            + "place\tkazo\tmunicipality\t加須市\tKazo City\tKazo-shi\tsaitama-prefecture\t11210\t-\t-\tS1\n",
        "belong on its status rows",
        3);
  }

  @Test
  void aWrongCellCountIsRefused() {
    assertRefused(SOURCES + "venue\tpastoral-kazo\tkazo\n", "has 4 tab-separated cells", 3);
  }
}
