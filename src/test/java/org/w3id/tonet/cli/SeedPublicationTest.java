package org.w3id.tonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} with no options publishes the bundled seed as it did before council folders came
 * (issue 19), but for the differences made on purpose. The golden copy, {@code
 * golden/seed-publication.trig.gz}, is the {@code tonet.trig} that {@code export --out DIR} wrote
 * on main at 5c2e974; {@code serve} publishes the same graphs (both come from {@code
 * Exporter.publication}). Every difference since is listed, triple by triple and with its reason,
 * in {@code golden/intended-differences.txt}: a triple that appears or disappears without being
 * listed there fails this test, and so does a listed one that no longer differs.
 *
 * <p>The checksums and sizes of the dump files are left out of the comparison: they change with any
 * byte of a dump, and the graphs the dumps hold are compared here triple by triple.
 */
class SeedPublicationTest {

  private static final Set<String> DERIVED_FROM_DUMP_BYTES =
      Set.of("http://spdx.org/rdf/terms#checksumValue", "http://www.w3.org/ns/dcat#byteSize");

  @TempDir Path temp;

  @Test
  void exportWithNoOptionsPublishesTheGoldenGraphsButForTheIntendedDifferences() throws Exception {
    Path out = temp.resolve("out");
    CliTest.Run run = CliTest.run("export", "--out", out.toString());
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    DatasetGraph now = DatasetGraphFactory.create();
    RDFParser.source(out.resolve("tonet.trig")).lang(Lang.TRIG).parse(now);
    DatasetGraph before = DatasetGraphFactory.create();
    try (InputStream in =
        new GZIPInputStream(
            SeedPublicationTest.class.getResourceAsStream("/golden/seed-publication.trig.gz"))) {
      RDFParser.source(in).lang(Lang.TRIG).parse(before);
    }
    Map<String, Set<String>> actual = new TreeMap<>();
    Set<Node> graphs = new TreeSet<>((a, b) -> a.getURI().compareTo(b.getURI()));
    before.listGraphNodes().forEachRemaining(graphs::add);
    now.listGraphNodes().forEachRemaining(graphs::add);
    for (Node graph : graphs) {
      Set<String> old = lines(before.getGraph(graph));
      Set<String> current = lines(now.getGraph(graph));
      Set<String> changes = new TreeSet<>();
      // The ontology's OWL lists are blank nodes: that part is compared as a graph, whole.
      if (!withBlankNodes(before.getGraph(graph))
          .isIsomorphicWith(withBlankNodes(now.getGraph(graph)))) {
        changes.add("~ the triples with blank nodes differ");
      }
      old.stream().filter(t -> !current.contains(t)).forEach(t -> changes.add("- " + t));
      current.stream().filter(t -> !old.contains(t)).forEach(t -> changes.add("+ " + t));
      if (!changes.isEmpty()) {
        actual.put(graph.getURI(), changes);
      }
    }
    Map<String, Set<String>> intended = intended();
    assertEquals(render(intended), render(actual), "the differences from the golden publication");
  }

  /**
   * Each triple of a graph without blank nodes as one N-Triples line, leaving out the statements
   * made from dump bytes.
   */
  private static Set<String> lines(Graph graph) {
    Set<String> lines = new TreeSet<>();
    graph
        .find()
        .forEachRemaining(
            (Triple t) -> {
              if (!blank(t) && !DERIVED_FROM_DUMP_BYTES.contains(t.getPredicate().getURI())) {
                lines.add(NodeFmtLib.str(t) + " .");
              }
            });
    return lines;
  }

  private static Graph withBlankNodes(Graph graph) {
    Graph part = GraphFactory.createDefaultGraph();
    graph.find().filterKeep(SeedPublicationTest::blank).forEachRemaining(part::add);
    return part;
  }

  private static boolean blank(Triple t) {
    return t.getSubject().isBlank() || t.getObject().isBlank();
  }

  /**
   * The listed differences: {@code [graph IRI]} opens a graph's section, {@code - TRIPLE} was in
   * the golden copy and is gone, {@code + TRIPLE} is new; '#' starts a comment line.
   */
  private static Map<String, Set<String>> intended() throws IOException {
    Map<String, Set<String>> intended = new TreeMap<>();
    String graph = null;
    Path file = Path.of("src/test/resources/golden/intended-differences.txt");
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        graph = line.substring(1, line.length() - 1);
        continue;
      }
      intended.computeIfAbsent(graph, k -> new TreeSet<>()).add(line);
    }
    return intended;
  }

  private static String render(Map<String, Set<String>> differences) {
    StringWriter out = new StringWriter();
    List<String> lines = new ArrayList<>();
    differences.forEach(
        (graph, changes) -> {
          lines.add("[" + graph + "]");
          lines.addAll(changes);
        });
    lines.forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }
}
