package org.w3id.tonet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.it.TonetJar.Result;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.publish.Exporter;

/**
 * {@code push} from the shaded jar into a real, separate Fuseki server with a TDB2 database: the
 * graphs arrive whole, pushing twice changes nothing, other graphs are left alone, and a store that
 * is down, read-only or given the wrong password is reported with its URL.
 */
class PushIT {

  private static final String USER = "tonet-admin";
  private static final String PASSWORD = "correct horse battery staple";

  /** Not ours: push must leave it alone. */
  private static final String OTHER_GRAPH = "http://example.org/someone-else/graph";

  @TempDir static Path temp;

  private static FusekiProcess writable;
  private static FusekiProcess readOnly;

  @BeforeAll
  static void startStores() throws Exception {
    // Both start side by side: each takes 10-15 s.
    writable =
        FusekiProcess.launch(
            Files.createDirectories(temp.resolve("writable")),
            FusekiProcess.Options.writable().withUser(USER, PASSWORD));
    readOnly =
        FusekiProcess.launch(
            Files.createDirectories(temp.resolve("read-only")), FusekiProcess.Options.readOnly());
    writable.awaitReady();
    readOnly.awaitReady();
  }

  @AfterAll
  static void stopStores() {
    if (writable != null) {
      writable.close();
    }
    if (readOnly != null) {
      readOnly.close();
    }
  }

  @Test
  void pushReplacesTheThreeGraphsAndPushingAgainChangesNothing() throws Exception {
    Model other = ModelFactory.createDefaultModel();
    other.add(
        ResourceFactory.createResource("http://example.org/someone-else/thing"),
        ResourceFactory.createProperty("http://example.org/someone-else/says"),
        "not tonet's");
    Model defaultGraph = ModelFactory.createDefaultModel().add(other);
    withStore(
        store -> {
          store.put(OTHER_GRAPH, other);
          store.put(defaultGraph);
        });

    Map<String, Model> ours = expectedGraphs();
    for (int round = 1; round <= 2; round++) {
      long started = System.nanoTime();
      Result r = push(PASSWORD, "--to", writable.datasetUrl());
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(0, r.exit(), r.out());
      assertTrue(r.out().contains("pushed 3 graphs"), r.out());
      assertFalse(r.out().contains(PASSWORD), "the password must never be printed:\n" + r.out());
      System.out.printf("push %d (jar, seed, validation and 3 PUTs) took %d ms%n", round, millis);
      r.out()
          .lines()
          .filter(l -> l.startsWith("replaced") || l.startsWith("pushed"))
          .forEach(System.out::println);

      Map<String, Model> there = new LinkedHashMap<>();
      Set<String> names = new TreeSet<>();
      withStore(
          store -> {
            for (String graph : ours.keySet()) {
              there.put(
                  graph,
                  store.queryConstruct(
                      "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }"));
            }
            store.querySelect(
                "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }",
                (QuerySolution row) -> names.add(row.getResource("g").getURI()));
            there.put(OTHER_GRAPH, store.fetch(OTHER_GRAPH));
            there.put("default", store.fetch());
          });
      for (Map.Entry<String, Model> graph : ours.entrySet()) {
        assertIsomorphic(graph.getKey(), graph.getValue(), there.get(graph.getKey()), round);
      }
      Set<String> expectedNames = new TreeSet<>(ours.keySet());
      expectedNames.add(OTHER_GRAPH);
      assertEquals(expectedNames, names, "the named graphs at the store after push " + round);
      assertIsomorphic(OTHER_GRAPH, other, there.get(OTHER_GRAPH), round);
      assertIsomorphic("the default graph", defaultGraph, there.get("default"), round);
    }
  }

  @Test
  void wrongPasswordIsReportedWithTheUrlAndNothingChanges() throws Exception {
    Result r = push("not the password", "--to", writable.datasetUrl());
    assertEquals(4, r.exit(), r.out());
    assertTrue(r.out().contains(writable.datasetUrl()), r.out());
    assertTrue(r.out().contains("did not accept the credentials of user '" + USER + "'"), r.out());
    assertTrue(r.out().contains("HTTP 401"), r.out());
    assertTrue(r.out().contains("nothing was changed there"), r.out());
    assertFalse(r.out().contains("not the password"), r.out());
  }

  @Test
  void readOnlyStoreIsReportedWithTheUrl() throws Exception {
    Result r = jar(Map.of(), "push", "--to", readOnly.datasetUrl(), "--base-iri", TestSeeds.BASE);
    assertEquals(4, r.exit(), r.out());
    assertTrue(
        r.out()
            .contains(
                "error: the store at "
                    + readOnly.datasetUrl()
                    + " refused to replace graph <"
                    + TestSeeds.BASE
                    + "graph/data> (HTTP 405"),
        r.out());
    assertTrue(r.out().contains("does not accept writes there"), r.out());
  }

  @Test
  void unreachableStoreIsReportedWithTheUrl() throws Exception {
    String url = "http://127.0.0.1:" + FusekiProcess.freePort() + "/ds";
    Result r = jar(Map.of(), "push", "--to", url, "--base-iri", TestSeeds.BASE);
    assertEquals(4, r.exit(), r.out());
    assertTrue(
        r.out().contains("error: cannot reach the store at " + url + ": connection refused"),
        r.out());
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Our three graphs, as the push under {@link TestSeeds#BASE} names them. */
  private static Map<String, Model> expectedGraphs() throws Exception {
    Build build = TestSeeds.seedBuild();
    Map<String, Model> graphs = new LinkedHashMap<>();
    graphs.put(build.iris().graph("data"), build.data());
    graphs.put(build.iris().graph("ontology"), build.ontology());
    graphs.put(build.iris().graph("meta"), Exporter.publication(build, null).meta());
    return graphs;
  }

  /** Pushes the committed seed under the test base, as the given user. */
  private static Result push(String password, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("push"));
    all.addAll(List.of(args));
    all.addAll(
        List.of(
            "--seed",
            TestSeeds.SEED.toString(),
            "--base-iri",
            TestSeeds.BASE,
            "--user",
            USER,
            "--password-env",
            "TONET_TEST_PASSWORD"));
    return jar(Map.of("TONET_TEST_PASSWORD", password), all.toArray(String[]::new));
  }

  private interface StoreWork {
    void run(RDFConnection store) throws Exception;
  }

  /** Works on the writable store as the test user (its every endpoint asks for credentials). */
  private static void withStore(StoreWork work) throws Exception {
    URI uri = URI.create(writable.datasetUrl());
    AuthEnv.get().registerUsernamePassword(uri, USER, PASSWORD);
    try (RDFConnection store =
        RDFConnectionRemote.newBuilder().destination(writable.datasetUrl()).build()) {
      work.run(store);
    } finally {
      AuthEnv.get().unregisterUsernamePassword(uri);
    }
  }

  /** Isomorphism, and the triples that differ when it fails (the graphs have no blank nodes). */
  private static void assertIsomorphic(String name, Model expected, Model actual, int round) {
    assertTrue(
        expected.isIsomorphicWith(actual),
        () ->
            name
                + " at the store after push "
                + round
                + " differs from ours.\nonly ours:\n"
                + nTriples(expected.difference(actual))
                + "only the store's:\n"
                + nTriples(actual.difference(expected)));
  }

  private static String nTriples(Model model) {
    java.io.StringWriter out = new java.io.StringWriter();
    RDFDataMgr.write(out, model, Lang.NTRIPLES);
    String text = out.toString();
    return text.length() > 4000 ? text.substring(0, 4000) + "…\n" : text;
  }

  private static Result jar(Map<String, String> env, String... args) throws Exception {
    return TonetJar.run(Duration.ofSeconds(180), env, args);
  }
}
