package org.w3id.tonet.opendata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.rdf.TONET;

/**
 * The CSV tables read back with their CSV on the Web metadata (by {@link CsvwReader}, a reader of
 * the Recommendations' subset they use) give triples that are all in the data, one row per resource
 * of each kind, headed in Japanese and English; the Excel copy is the same bytes after a byte order
 * mark. Both council folders.
 */
class CsvTablesTest {

  private static Build build(String folder) throws Exception {
    return TestSeeds.folderBuild(folder);
  }

  private static Map<String, byte[]> files(Build build) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Download d : CsvTables.downloads(build.data())) {
      files.put(d.fileName(), d.bytes());
    }
    return files;
  }

  @ParameterizedTest
  @ValueSource(strings = {"seeds", "examples/mizunagi"})
  void everyTableReadsBackIntoTriplesOfTheData(String folder) throws Exception {
    Build build = build(folder);
    Map<String, byte[]> files = files(build);
    String metadata = new String(files.get(CsvTables.METADATA), StandardCharsets.UTF_8);
    List<CsvwReader.Table> tables = CsvwReader.read(metadata, files::get);
    assertEquals(CsvTables.TABLES.size(), tables.size());
    Graph data = build.data().getGraph();
    int total = 0;
    for (int i = 0; i < tables.size(); i++) {
      CsvwReader.Table table = tables.get(i);
      CsvTables.Table spec = CsvTables.TABLES.get(i);
      List<Triple> missing = table.triples().stream().filter(t -> !data.contains(t)).toList();
      assertEquals(
          List.of(), missing, table.url() + ": triples the CSV states that the data lacks");
      assertEquals(resources(build, spec), table.rows(), table.url() + ": one row per resource");
      // Every row states its label, and every non-empty cell of a column that is not suppressed
      // a triple: the reader found at least one triple per row.
      assertTrue(table.triples().size() >= table.rows(), table.url());
      total += table.triples().size();
    }
    assertTrue(total > 0, "no triple at all");
  }

  @ParameterizedTest
  @ValueSource(strings = {"seeds", "examples/mizunagi"})
  void theExcelCopyIsTheSameCsvAfterAByteOrderMark(String folder) throws Exception {
    Map<String, byte[]> files = files(build(folder));
    for (CsvTables.Table table : CsvTables.TABLES) {
      byte[] plain = files.get(table.fileName());
      byte[] excel = files.get(table.excelFileName());
      assertArrayEquals(
          new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(excel, 3));
      assertArrayEquals(plain, Arrays.copyOfRange(excel, 3, excel.length), table.fileName());
      assertTrue(plain[0] != (byte) 0xEF, table.fileName() + " starts with a BOM");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"seeds", "examples/mizunagi"})
  void headersAreJapaneseAndEnglish(String folder) throws Exception {
    Map<String, byte[]> files = files(build(folder));
    String header =
        new String(files.get("tonet-places.csv"), StandardCharsets.UTF_8).lines().findFirst().get();
    assertEquals(
        "IRI (IRI),種類 (type),名称 (name),英語名 (English name),"
            + "全国地方公共団体コード (local government code),標準地域コード (standard area code),"
            + "統計LODのコード (statistical LOD code),出典の行 (source lines)",
        header);
  }

  @org.junit.jupiter.api.Test
  void everyColumnOfTheSeedsTablesHasValues() throws Exception {
    Map<String, byte[]> files = files(build("seeds"));
    for (CsvTables.Table table : CsvTables.TABLES) {
      List<List<String>> rows =
          CsvwReader.parse(new String(files.get(table.fileName()), StandardCharsets.UTF_8), "t");
      for (int c = 0; c < table.columns().size(); c++) {
        int column = c;
        assertTrue(
            rows.subList(1, rows.size()).stream().anyMatch(r -> !r.get(column).isEmpty()),
            table.fileName() + ": column " + table.columns().get(c).name() + " is empty");
      }
    }
  }

  @org.junit.jupiter.api.Test
  void aPlaceRowHoldsItsCodesAndSourceLines() throws Exception {
    String places =
        new String(files(build("seeds")).get("tonet-places.csv"), StandardCharsets.UTF_8);
    String kazo =
        places.lines().filter(l -> l.contains("/id/place/kazo,")).collect(Collectors.joining());
    assertTrue(
        kazo.matches(
            ".*/id/place/kazo,Municipality,加須市,Kazo City,112101,11210,"
                + "http://data.e-stat.go.jp/lod/sac/C11210,gazetteer.tsv:[0-9]+ gazetteer.tsv:[0-9]+"),
        kazo);
  }

  /** How many resources of a table's classes the data has. */
  private static int resources(Build build, CsvTables.Table table) {
    String values =
        table.classes().stream()
            .map(c -> "<" + TONET.NS + c + ">")
            .collect(Collectors.joining(" "));
    String q = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { VALUES ?c { " + values + " } ?s a ?c }";
    try (QueryExecution exec = QueryExecution.model(build.data()).query(q).build()) {
      return exec.execSelect().next().getLiteral("n").getInt();
    }
  }
}
