package org.w3id.tonet.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Transliterator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.query.QueryExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.model.LocalGovernmentCode;
import org.w3id.tonet.publish.Build;

/**
 * The standard event list: exactly the standard's header
 * (src/test/resources/event-list/columns.tsv, with its source), one row per meeting, its required
 * columns filled where the data knows them and the gap said where it does not, dates as YYYY-MM-DD,
 * readings in katakana that ICU4J reads back to Latin whole and that say the title's numbers, the
 * code column a valid local government code. Both council folders.
 */
class EventListTest {

  private static final Path DEFINITION = Path.of("src/test/resources/event-list/columns.tsv");

  private static List<String[]> definition() throws Exception {
    return Files.readAllLines(DEFINITION, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.startsWith("#") && !l.startsWith("column\t") && !l.isBlank())
        .map(l -> l.split("\t"))
        .toList();
  }

  private static Build build(String folder) throws Exception {
    return TestSeeds.folderBuild(folder);
  }

  private static List<List<String>> parsed(Build build) {
    byte[] bytes = EventList.download(build.data(), build.council()).bytes();
    assertEquals((byte) 0xEF, bytes[0], "a byte order mark");
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    return CsvwReader.parse(text, EventList.FILE);
  }

  @Test
  void theHeaderIsTheStandardsColumnsInTheirOrder() throws Exception {
    List<String> standard = definition().stream().map(c -> c[0]).toList();
    assertEquals(32, standard.size());
    assertEquals(standard, parsed(build("seeds")).get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"seeds", "examples/mizunagi"})
  void everyMeetingIsARowWithTheRequiredColumnsFilledOrItsGapSaid(String folder) throws Exception {
    Build build = build(folder);
    List<List<String>> rows = parsed(build);
    List<String> header = rows.get(0);
    List<String[]> columns = definition();
    assertEquals(meetings(build), rows.size() - 1, "one row per meeting");
    Transliterator toLatin = Transliterator.getInstance("Katakana-Latin");
    int number = 0;
    for (List<String> row : rows.subList(1, rows.size())) {
      assertEquals(Integer.toString(++number), cell(row, header, "NO"));
      LocalGovernmentCode code = new LocalGovernmentCode(cell(row, header, "都道府県コード又は市区町村コード"));
      assertTrue(code.fiveDigits().endsWith("000"), "filed under a prefecture: " + code);
      String kana = cell(row, header, "イベント名_カナ");
      String latin = toLatin.transliterate(kana);
      assertTrue(
          !kana.isEmpty() && latin.codePoints().noneMatch(c -> c >= 0x30A0 && c <= 0x30FF),
          "a reading ICU4J reads whole: " + kana + " -> " + latin);
      // The reading says the title's numbers: its own are the title's first ones, in order (a
      // date in brackets after the title is not read), and 第N before any bracket is read.
      String title = java.text.Normalizer.normalize(cell(row, header, "イベント名"), NFKC);
      List<String> inTitle = numbers(title);
      List<String> inKana = numbers(kana);
      assertEquals(inTitle.subList(0, Math.min(inKana.size(), inTitle.size())), inKana, kana);
      assertTrue(
          !title.split("[（(]")[0].matches(".*第[0-9]+.*") || !inKana.isEmpty(),
          title + " is read without its number: " + kana);
      for (String[] c : columns) {
        String value = cell(row, header, c[0]);
        if (c[3].equals("date") && !value.isEmpty()) {
          assertTrue(value.matches("\\d{4}-\\d{2}-\\d{2}"), c[0] + ": " + value);
        }
        if (!c[1].equals("yes") || !value.isEmpty()) {
          continue;
        }
        // A required column left empty: only where the data has no value, and the row says so.
        String note = cell(row, header, "開始日時特記事項");
        switch (c[0]) {
          case "開始時間", "終了時間" -> assertTrue(note.contains("時間の記録なし"), note);
          case "開始日", "終了日" -> assertTrue(note.startsWith("日付不明"), note);
          case "場所名称", "住所" ->
              assertTrue(cell(row, header, "場所名称").isEmpty(), "an address without a venue");
          default -> throw new AssertionError(c[0] + " is empty in row " + row);
        }
      }
    }
  }

  @Test
  void aSymposiumHasItsVenueAndMunicipality() throws Exception {
    List<List<String>> rows = parsed(build("seeds"));
    List<String> header = rows.get(0);
    List<String> kazo =
        rows.stream()
            .filter(r -> r.get(header.indexOf("URL")).endsWith("/id/symposium/2012-03-17"))
            .findFirst()
            .orElseThrow();
    assertEquals("パストラルかぞ", cell(kazo, header, "場所名称"));
    assertEquals("埼玉県加須市", cell(kazo, header, "住所"));
    assertEquals("2012-03-17", cell(kazo, header, "開始日"));
    assertEquals("チイキイリョウネットワークシンポジウム", cell(kazo, header, "イベント名_カナ"));
  }

  private static final java.text.Normalizer.Form NFKC = java.text.Normalizer.Form.NFKC;

  private static List<String> numbers(String text) {
    return java.util.regex.Pattern.compile("[0-9]+")
        .matcher(text)
        .results()
        .map(java.util.regex.MatchResult::group)
        .toList();
  }

  private static String cell(List<String> row, List<String> header, String column) {
    int i = header.indexOf(column);
    assertTrue(i >= 0, "no column " + column);
    return row.get(i);
  }

  private static int meetings(Build build) {
    String q =
        "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a <https://w3id.org/tonet/ontology#Meeting> }";
    try (QueryExecution exec = QueryExecution.model(build.data()).query(q).build()) {
      return exec.execSelect().next().getLiteral("n").getInt();
    }
  }
}
