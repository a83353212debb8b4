package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.parse.TimelineParser;

/**
 * {@code serve --tdb2 DIR}: the first start loads the database, a second start on the same folder
 * reuses it without writing and answers the same, and a database of another build is refused unless
 * a rebuild is asked for.
 */
class Tdb2ServeTest {

  @TempDir Path temp;

  /** What the endpoint says about the data: enough to tell two databases apart. */
  record Answers(Map<String, Long> triplesPerGraph, long defaultGraphTriples, Model data) {}

  @Test
  void firstStartBuildsSecondStartReusesAndAnswersTheSame() throws Exception {
    Path db = temp.resolve("db");
    Answers first;
    TonetServer server = start(db, TestSeeds.BASE, false);
    try {
      assertEquals(Tdb2Store.Outcome.BUILT, server.tdb2Outcome().orElseThrow());
      first = ask(server);
      assertEquals(
          Map.of(
              TestSeeds.BASE + "graph/data",
              server.site().data().size(),
              TestSeeds.BASE + "graph/ontology",
              server.site().ontology().size(),
              TestSeeds.BASE + "graph/meta",
              server.site().meta().size()),
          first.triplesPerGraph());
      // The default graph is the union of the three, as with the in-memory dataset.
      assertEquals(server.site().union().size(), first.defaultGraphTriples());
      assertTrue(server.site().data().isIsomorphicWith(first.data()));
      // The example query pages run on the database too.
      assertEquals(200, Http.get(server.localUrl() + "query/symposia").statusCode());
    } finally {
      server.stop();
    }

    Map<String, String> filesBefore = files(db);
    server = start(db, TestSeeds.BASE, false);
    try {
      assertEquals(Tdb2Store.Outcome.REUSED, server.tdb2Outcome().orElseThrow());
      Answers second = ask(server);
      assertEquals(first.triplesPerGraph(), second.triplesPerGraph());
      assertEquals(first.defaultGraphTriples(), second.defaultGraphTriples());
      assertTrue(first.data().isIsomorphicWith(second.data()));
    } finally {
      server.stop();
    }
    Map<String, String> filesAfter = files(db);
    List<String> changed =
        Stream.concat(filesBefore.keySet().stream(), filesAfter.keySet().stream())
            .distinct()
            .filter(f -> !Objects.equals(filesBefore.get(f), filesAfter.get(f)))
            .toList();
    assertEquals(List.of(), changed, "reusing the database must not write to it");
  }

  /**
   * Issue 22: a database that holds the kept build answers queries while the rest of that build is
   * loaded, under the ETag tag the whole site will have. What it is told from is the kept build's
   * description and checksums only, and it is believed only when the database holds that very
   * description.
   */
  @Test
  void aDatabaseHoldingTheKeptBuildAnswersQueriesBeforeTheSiteIsLoaded() throws Exception {
    Path db = temp.resolve("db");
    Path kept = temp.resolve("kept");
    TonetServer server =
        TonetServer.create()
            .port(0)
            .baseIri(TestSeeds.BASE)
            .council(TestSeeds.tone())
            .tdb2(db)
            .buildCache(kept)
            .start();
    Site whole;
    try {
      whole = server.site();
    } finally {
      server.stop(); // waits for the build to be kept
    }
    String key = BuildCache.key(TestSeeds.tone(), TestSeeds.BASE, null, TimelineParser.Mode.STRICT);
    DatasetGraph store = Tdb2Store.open(db);
    try {
      Site described = new BuildCache(kept).described(key, store).orElseThrow();
      assertEquals(whole.tag(), described.tag(), "the ETags of its answers are the site's");
      assertEquals(whole.base(), described.base());
      assertTrue(described.meta().isIsomorphicWith(whole.meta()));
      assertTrue(described.data().isEmpty(), "the data graph is not read from the build");
      assertTrue(Tdb2Store.holds(store, described));

      SiteHolder holder = new SiteHolder();
      holder.answerQueries(described);
      assertTrue(holder.queryable() == described && holder.site() == null);
      holder.set(whole);
      assertTrue(holder.queryable() == whole, "once loaded, the site answers");
    } finally {
      Tdb2Store.close(store);
    }
    assertTrue(new BuildCache(kept).described("0".repeat(32), store).isEmpty());
    DatasetGraph empty = Tdb2Store.open(temp.resolve("empty"));
    try {
      Site described = new BuildCache(kept).described(key, empty).orElseThrow();
      assertTrue(!Tdb2Store.holds(empty, described), "an empty database holds no build");
    } finally {
      Tdb2Store.close(empty);
    }
  }

  @Test
  void anotherBaseIsRefusedAndRebuildReplacesIt() throws Exception {
    Path db = temp.resolve("db");
    start(db, TestSeeds.BASE, false).stop();

    String otherBase = "http://example.org/elsewhere/";
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> start(db, otherBase, false));
    assertTrue(refused.getMessage().contains(db.toString()), refused.getMessage());
    assertTrue(
        refused.getMessage().contains("another base IRI (" + TestSeeds.BASE), refused.getMessage());
    assertTrue(refused.getMessage().contains("--rebuild"), refused.getMessage());

    TonetServer server = start(db, otherBase, true);
    try {
      assertEquals(Tdb2Store.Outcome.BUILT, server.tdb2Outcome().orElseThrow());
      // Nothing of the old build is left beside the new one.
      assertEquals(
          Set.of(otherBase + "graph/data", otherBase + "graph/ontology", otherBase + "graph/meta"),
          ask(server).triplesPerGraph().keySet());
    } finally {
      server.stop();
    }
  }

  @Test
  void aDatabaseOfOtherDataIsRefused() throws Exception {
    Path db = temp.resolve("db");
    DatasetGraph dataset = Tdb2Store.open(db);
    try {
      Txn.executeWrite(
          dataset,
          () ->
              dataset.add(
                  NodeFactory.createURI("http://example.org/g"),
                  NodeFactory.createURI("http://example.org/s"),
                  NodeFactory.createURI("http://example.org/p"),
                  NodeFactory.createLiteralString("someone else's")));
    } finally {
      Tdb2Store.close(dataset);
    }
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> start(db, TestSeeds.BASE, false));
    assertTrue(refused.getMessage().contains("not a tonet-lod build"), refused.getMessage());
  }

  private static TonetServer start(Path db, String base, boolean rebuild) throws Exception {
    return TonetServer.create()
        .port(0)
        .baseIri(base)
        .council(TestSeeds.tone())
        .tdb2(db)
        .rebuild(rebuild)
        .start();
  }

  private static Answers ask(TonetServer server) {
    Map<String, Long> perGraph = new TreeMap<>();
    long[] defaultGraph = {0};
    Model data;
    try (RDFConnection sparql =
        RDFConnectionRemote.newBuilder()
            .destination(server.localUrl() + "sparql")
            .queryOnly()
            .build()) {
      sparql.querySelect(
          "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
          (QuerySolution row) ->
              perGraph.put(row.getResource("g").getURI(), row.getLiteral("n").getLong()));
      sparql.querySelect(
          "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
          (QuerySolution row) -> defaultGraph[0] = row.getLiteral("n").getLong());
      data =
          sparql.queryConstruct(
              "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <"
                  + server.site().iris().graph("data")
                  + "> { ?s ?p ?o } }");
    }
    return new Answers(perGraph, defaultGraph[0], data);
  }

  /** Every file of the database with its size and last change, but the lock (it names the PID). */
  private static Map<String, String> files(Path db) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(db)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        if (p.getFileName().toString().equals("tdb.lock")) {
          continue;
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        files.put(db.relativize(p).toString(), a.size() + " bytes, " + a.lastModifiedTime());
      }
    }
    return files;
  }
}
