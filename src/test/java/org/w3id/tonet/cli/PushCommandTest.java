package org.w3id.tonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;

/**
 * {@code push}: the command line's own rules, and --graph against an embedded store. The real
 * standalone Fuseki server, credentials and refusals are tested in PushIT.
 */
class PushCommandTest {

  @Test
  void thereIsNoPasswordOption() {
    CliTest.Run run = CliTest.run("push", "--to", "http://127.0.0.1:9/ds", "--password", "x");
    assertEquals(ExitCodes.USAGE, run.exit());
    assertTrue(run.err().contains("Unknown options: '--password'"), run.err());
  }

  @Test
  void userNeedsAPasswordVariable() {
    CliTest.Run run = CliTest.run("push", "--to", "http://127.0.0.1:9/ds", "--user", "admin");
    assertEquals(ExitCodes.USAGE, run.exit());
    assertTrue(run.err().contains("--user and --password-env go together"), run.err());
  }

  @Test
  void anUnsetPasswordVariableIsNamed() {
    String unset = "TONET_TEST_VARIABLE_THAT_IS_NOT_SET";
    assertEquals(null, System.getenv(unset));
    CliTest.Run run =
        CliTest.run(
            "push", "--to", "http://127.0.0.1:9/ds", "--user", "admin", "--password-env", unset);
    assertEquals(ExitCodes.USAGE, run.exit());
    assertTrue(run.err().contains("--password-env " + unset + ": "), run.err());
  }

  @Test
  void theStoreMustBeAnHttpUrl() {
    CliTest.Run run = CliTest.run("push", "--to", "ftp://example.org/ds");
    assertEquals(ExitCodes.USAGE, run.exit());
    assertTrue(run.err().contains("not an http(s) URL: ftp://example.org/ds"), run.err());
  }

  @Test
  void theGraphMustBeAnAbsoluteIri() {
    CliTest.Run run = CliTest.run("push", "--to", "http://127.0.0.1:9/ds", "--graph", "data");
    assertEquals(ExitCodes.USAGE, run.exit());
    assertTrue(run.err().contains("--graph: not an absolute IRI: data"), run.err());
  }

  @Test
  void graphNamesTheDataGraphAtTheStore() throws Exception {
    DatasetGraph store = DatasetGraphFactory.createTxnMem();
    FusekiServer fuseki =
        FusekiServer.create().port(0).loopback(true).add("/ds", store, true).build().start();
    try {
      String mine = "http://example.org/store/tonet-data";
      CliTest.Run run =
          CliTest.run(
              "push",
              "--to",
              "http://127.0.0.1:" + fuseki.getHttpPort() + "/ds",
              "--graph",
              mine,
              "--base-iri",
              TestSeeds.BASE);
      assertEquals(ExitCodes.OK, run.exit(), run.err());
      assertTrue(run.out().contains("replaced <" + mine + ">"), run.out());

      Set<String> names = new TreeSet<>();
      Model data = ModelFactory.createDefaultModel();
      Txn.executeRead(
          store,
          () -> {
            for (Iterator<Node> it = store.listGraphNodes(); it.hasNext(); ) {
              names.add(it.next().getURI());
            }
            store
                .getGraph(NodeFactory.createURI(mine))
                .find()
                .forEachRemaining(data.getGraph()::add);
          });
      assertEquals(
          new TreeSet<>(
              Set.of(mine, TestSeeds.BASE + "graph/ontology", TestSeeds.BASE + "graph/meta")),
          names);
      assertTrue(TestSeeds.seedData().isIsomorphicWith(data), "the data graph arrived whole");
    } finally {
      fuseki.stop();
    }
  }

  @Test
  void aStoreThatNeverAnswersEndsThePushAtTheTimeout() throws Exception {
    // A "store" that accepts connections and reads nothing back: without a timeout, push would
    // wait for ever.
    InetAddress loopback = InetAddress.getLoopbackAddress();
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 10, loopback)) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (held.size() < 20) {
                    held.add(silent.accept());
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              },
              "silent-store");
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "http://127.0.0.1:" + silent.getLocalPort() + "/ds";
      CliTest.Run run =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60),
              () ->
                  CliTest.run("push", "--to", url, "--timeout", "1", "--base-iri", TestSeeds.BASE));
      assertEquals(ExitCodes.STORE_ERROR, run.exit(), run.err());
      assertTrue(
          run.err()
              .contains(
                  "the store at "
                      + url
                      + " did not answer the PUT of graph <"
                      + TestSeeds.BASE
                      + "graph/data> within 1 s"),
          run.err());
      assertTrue(run.err().contains("nothing was changed there"), run.err());
      assertFalse(held.isEmpty(), "the push connected to the silent store");
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void theTimeoutMustBePositive() {
    CliTest.Run run = CliTest.run("push", "--to", "http://127.0.0.1:9/ds", "--timeout", "0");
    assertEquals(ExitCodes.USAGE, run.exit());
    assertTrue(run.err().contains("the timeout must be positive"), run.err());
  }
}
