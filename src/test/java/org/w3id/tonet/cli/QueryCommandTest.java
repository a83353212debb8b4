package org.w3id.tonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.council.CouncilFolder;

/** {@code query FILE.rq}: runs one query on the built data and prints a readable result. */
class QueryCommandTest {

  @TempDir Path temp;

  /** The kept builds of this class's queries: never the user's own cache. */
  @TempDir static Path kept;

  private static CliTest.Run run(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    if (all.get(0).equals("query") && !String.join(" ", all).contains("build-cache")) {
      all.addAll(List.of("--build-cache", kept.toString()));
    }
    return CliTest.run(all.toArray(String[]::new));
  }

  /** The manifest of the one build kept in {@code folder}. */
  private static Path onlyManifest(Path folder) throws Exception {
    List<Path> found = entries(folder);
    assertEquals(1, found.size(), "one kept build: " + found);
    return found.get(0).resolve("manifest.properties");
  }

  /** The kept builds in {@code folder}. */
  private static List<Path> entries(Path folder) throws Exception {
    try (var entries = Files.list(folder)) {
      return entries.filter(e -> Files.isDirectory(e)).toList();
    }
  }

  @Test
  void aQueryStartsFromTheBuildServeKept() throws Exception {
    Path cache = temp.resolve("cache");
    org.w3id.tonet.server.TonetServer server =
        org.w3id.tonet.server.TonetServer.create()
            .port(0)
            .baseIri("http://localhost:3030/")
            .council(Council.bundled())
            .buildCache(cache)
            .start();
    server.stop();
    Path manifest = onlyManifest(cache);
    java.nio.file.attribute.FileTime never = java.nio.file.attribute.FileTime.fromMillis(0);
    Files.setLastModifiedTime(manifest, never);
    CliTest.Run run = run("query", "queries/symposia.rq", "--build-cache", cache.toString());
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(run.out().contains("| id/symposium/2012-03-17 |"), run.out());
    assertEquals(manifest, onlyManifest(cache), "no second build kept");
    assertTrue(Files.getLastModifiedTime(manifest).compareTo(never) > 0, "the kept build was read");
  }

  /**
   * The key of a kept build holds the council folder (issue 19): a query of the bundled folder
   * never reads the build {@code serve --council examples/mizunagi} kept, and a query of that
   * folder does.
   */
  @Test
  void aQueryStartsFromTheBuildServeKeptForItsCouncilAndNeverFromAnotherCouncils()
      throws Exception {
    Path cache = temp.resolve("cache");
    Path mizunagi = Path.of("examples", "mizunagi");
    org.w3id.tonet.server.TonetServer server =
        org.w3id.tonet.server.TonetServer.create()
            .port(0)
            .baseIri("http://localhost:3030/")
            .council(Council.read(CouncilFolder.of(mizunagi)))
            .buildCache(cache)
            .start();
    server.stop();
    Path manifest = onlyManifest(cache);
    FileTime never = FileTime.fromMillis(0);
    Files.setLastModifiedTime(manifest, never);

    CliTest.Run tone = run("query", "queries/symposia.rq", "--build-cache", cache.toString());
    assertEquals(ExitCodes.OK, tone.exit(), tone.err());
    assertTrue(tone.out().contains("| id/symposium/2012-03-17 |"), tone.out());
    assertFalse(tone.out().contains("みずなぎ"), tone.out());
    assertEquals(never, Files.getLastModifiedTime(manifest), "the other council's build not read");
    assertEquals(2, entries(cache).size(), "the Tone council's build kept beside it");

    CliTest.Run own =
        run(
            "query",
            "queries/symposia.rq",
            "--council",
            mizunagi.toString(),
            "--build-cache",
            cache.toString());
    assertEquals(ExitCodes.OK, own.exit(), own.err());
    assertTrue(own.out().contains("みずなぎホール"), own.out());
    assertFalse(own.out().contains("id/symposium/2012-03-17"), own.out());
    assertTrue(Files.getLastModifiedTime(manifest).compareTo(never) > 0, "its own build was read");
    assertEquals(2, entries(cache).size(), "no third build kept");
  }

  @Test
  void aQueryKeepsItsBuildForTheNextAndNoneWithNoBuildCache() throws Exception {
    Path cache = temp.resolve("cache");
    CliTest.Run first = run("query", "queries/symposia.rq", "--build-cache", cache.toString());
    assertEquals(ExitCodes.OK, first.exit(), first.err());
    Path manifest = onlyManifest(cache);
    Files.setLastModifiedTime(manifest, java.nio.file.attribute.FileTime.fromMillis(0));
    CliTest.Run second = run("query", "queries/symposia.rq", "--build-cache", cache.toString());
    assertEquals(first.out(), second.out());
    assertTrue(Files.getLastModifiedTime(manifest).toMillis() > 0, "the second read it");
    Path none = temp.resolve("none");
    CliTest.Run uncached =
        run("query", "queries/symposia.rq", "--no-build-cache", "--build-cache", none.toString());
    assertEquals(first.out(), uncached.out());
    assertFalse(Files.exists(none), "nothing kept with --no-build-cache");
  }

  @Test
  void aSelectPrintsAnAlignedTableWithRelativeIrisAndARowCount() {
    CliTest.Run run = run("query", "queries/symposia.rq");
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(0).startsWith("| symposium "), lines.get(0));
    assertTrue(lines.get(1).matches("\\|(-+\\|)+"), lines.get(1));
    assertTrue(
        lines.get(2).contains("| id/symposium/2012-03-17 |")
            && lines.get(2).contains("パストラルかぞ")
            && lines.get(2).contains("加須市")
            && lines.get(2).contains(" 230 "),
        lines.get(2));
    assertEquals("8 rows", lines.get(lines.size() - 1));
    // Every line of the table is as wide on screen as the header, Japanese included.
    int width = ResultTable.width(lines.get(0));
    for (String line : lines.subList(1, lines.size() - 1)) {
      assertEquals(width, ResultTable.width(line), line);
    }
  }

  @Test
  void anAskPrintsYesOrNo() throws Exception {
    assertEquals("yes", run("query", "queries/symposia-in-council-area.rq").out().strip());
    Path no = temp.resolve("no.rq");
    Files.writeString(no, "ASK { ?s <urn:nothing> ?o }");
    assertEquals("no", run("query", no.toString()).out().strip());
  }

  @Test
  void aConstructPrintsTurtle() {
    CliTest.Run run = run("query", "queries/venue-area-codes.rq");
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    Model m = ModelFactory.createDefaultModel();
    RDFParser.fromString(run.out()).lang(Lang.TURTLE).parse(m);
    assertTrue(
        m.contains(
            m.getResource("http://localhost:3030/id/venue/pastoral-kazo"),
            m.getProperty("http://schema.org/containedInPlace"),
            m.getResource("http://localhost:3030/id/place/kazo")),
        run.out());
  }

  @Test
  void theBaseIriAndTsvFormatAreHonoured() {
    CliTest.Run run =
        run(
            "query",
            "queries/registrant-growth.rq",
            "--base-iri",
            "https://lod.example.jp/tonet/",
            "--format",
            "tsv");
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    ResultSet rs =
        ResultSetMgr.read(
            new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)),
            ResultSetLang.RS_TSV);
    assertEquals(
        "https://lod.example.jp/tonet/id/milestone/registrants-5000",
        rs.next().getResource("milestone").getURI());
    assertFalse(run.out().contains("localhost"));
  }

  @Test
  void theDatasetIsTheServersUnionAndNamedGraphs() throws Exception {
    Path q = temp.resolve("graphs.rq");
    Files.writeString(q, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g");
    CliTest.Run run = run("query", q.toString());
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(
        run.out().contains("graph/data")
            && run.out().contains("graph/ontology")
            && run.out().contains("graph/meta"),
        run.out());
    Path union = temp.resolve("union.rq");
    Files.writeString(
        union,
        "ASK { <https://w3id.org/tonet/ontology#Symposium> ?p ?o ."
            + " <http://localhost:3030/id/dataset> ?p2 ?o2 ."
            + " <http://localhost:3030/id/place/kazo> ?p3 ?o3 }");
    assertEquals("yes", run("query", union.toString()).out().strip());
  }

  @Test
  void aBadQueryOrMissingFileIsNamed() throws Exception {
    Path bad = temp.resolve("bad.rq");
    Files.writeString(bad, "SELEC * WHERE { ?s ?p ?o }");
    CliTest.Run run = run("query", bad.toString());
    assertEquals(ExitCodes.INVALID, run.exit());
    assertTrue(
        run.err().startsWith("error: " + bad + ": the query does not parse at line 1, column "),
        run.err());
    CliTest.Run missing = run("query", temp.resolve("nothing.rq").toString());
    assertEquals(ExitCodes.INVALID, missing.exit());
    assertTrue(missing.err().contains("nothing.rq: no such file"), missing.err());
    assertEquals(ExitCodes.USAGE, run("query").exit(), "the file is required");
  }

  @Test
  void aMissingFileIsSaidOnceAndTheExampleOfThatNameSuggested() {
    // Run from the checkout, as the tests are: queries/symposia.rq exists.
    for (String given : List.of("symposia", "symposia.rq")) {
      CliTest.Run run = run("query", given);
      assertEquals(ExitCodes.INVALID, run.exit());
      assertEquals(
          "error: " + given + ": no such file; did you mean queries/symposia.rq?",
          run.err().strip());
    }
    CliTest.Run unknown = run("query", "missing.rq");
    assertEquals(ExitCodes.INVALID, unknown.exit());
    assertEquals(1, unknown.err().lines().count(), unknown.err());
    assertTrue(
        unknown.err().startsWith("error: missing.rq: no such file; ")
            && unknown.err().contains("e.g. queries/symposia.rq"),
        unknown.err());
    CliTest.Run folder = run("query", "queries");
    assertTrue(folder.err().contains("queries: is a folder"), folder.err());
  }

  @Test
  void aSyntaxErrorIsSaidOnceWithItsLineColumnAndWhatToDo() throws Exception {
    Path bad = temp.resolve("bad.rq");
    Files.writeString(bad, "SELECT * WHERE {\n  ?s ?p\n}\n");
    CliTest.Run run = run("query", bad.toString());
    assertEquals(ExitCodes.INVALID, run.exit());
    List<String> lines = run.err().lines().toList();
    assertEquals(4, lines.size(), "the error, the line, the caret, what to do: " + run.err());
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "error: "
                    + bad
                    + ": the query does not parse at line 3, column 1: unexpected \"}\""),
        lines.get(0));
    assertFalse(run.err().contains("Was expecting"), "not the parser's list of every token");
    assertEquals(List.of("  3 | }", "    | ^"), lines.subList(1, 3));
    assertEquals("Correct the query there and run it again.", lines.get(3));
    Files.writeString(bad, "SELECT * WHERE { ?s ?p ?o");
    assertTrue(
        run("query", bad.toString()).err().contains("at line 1, column 25: it ends too early"));
    Files.writeString(bad, "SELECT * WHERE { ?s ?p \"abc }");
    assertTrue(
        run("query", bad.toString())
            .err()
            .contains("a string, IRI or comment is not closed before the end of the query"));
    Files.writeString(bad, "PREFIX x: <urn:x>\nSELECT * WHERE { ?s foo:bar ?o }");
    CliTest.Run prefix = run("query", bad.toString());
    assertTrue(
        prefix.err().contains("at line 2, column 21: unresolved prefixed name: foo:bar"),
        prefix.err());
    assertTrue(prefix.err().contains("  2 | SELECT * WHERE { ?s foo:bar ?o }\n"), prefix.err());
  }

  @ParameterizedTest(name = "--format {0}")
  @CsvSource({"tsv, TSV", "csv, CSV", "json, JSON", "xml, XML", "CSV, CSV"})
  void everyResultFormatOfTheServerIsOffered(String format, String lang) {
    CliTest.Run run = run("query", "queries/symposia.rq", "--format", format);
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    ResultSet rs =
        ResultSetMgr.read(
            new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)),
            switch (lang) {
              case "TSV" -> ResultSetLang.RS_TSV;
              case "CSV" -> ResultSetLang.RS_CSV;
              case "JSON" -> ResultSetLang.RS_JSON;
              default -> ResultSetLang.RS_XML;
            });
    int rows = 0;
    while (rs.hasNext()) {
      rs.next();
      rows++;
    }
    assertEquals(8, rows, run.out());
  }

  @Test
  void theRootCommandListsQuery() {
    assertTrue(run("--help").out().contains("query"));
    CliTest.Run help = run("query", "--help");
    assertEquals(ExitCodes.OK, help.exit());
    assertTrue(help.out().contains("Usage: tonet-lod query"), help.out());
  }
}
