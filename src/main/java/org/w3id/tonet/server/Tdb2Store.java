package org.w3id.tonet.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.tonet.rdf.TONET;

/**
 * A TDB2 database that holds the three graphs of one build: loaded on first start, reused as it is
 * on every later start with the same build, refused (or, when asked, rebuilt) when it holds
 * another.
 *
 * <pre>
 * DatasetGraph db = Tdb2Store.open(Path.of("tonet-db"));
 * Tdb2Store.Outcome outcome = Tdb2Store.prepare(db, site, false); // BUILT or REUSED
 * </pre>
 *
 * <p>"The same build" means the stored description graph ({base}graph/meta) equals the one this
 * start would write. The description names the seed's SHA-256, the base IRI, the licence and the
 * SHA-256 of every dump, so equal descriptions mean equal data; and it is small, so the check costs
 * little even when the data is large.
 *
 * <p>The SPARQL default graph is the union of the named graphs (TDB2's union-default-graph
 * setting), so nothing is stored twice.
 */
public final class Tdb2Store {

  private static final Logger LOG = LoggerFactory.getLogger(Tdb2Store.class);

  /** What {@link #prepare} did. */
  public enum Outcome {
    /** The database was empty (or --rebuild was given): the graphs were loaded. */
    BUILT,
    /** The database already held this build: nothing was written. */
    REUSED
  }

  private Tdb2Store() {}

  /** Opens (creating when needed) the database in a folder, its default graph the union. */
  public static DatasetGraph open(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot create the TDB2 folder " + folder + ": " + e, e);
    }
    DatasetGraph db = DatabaseMgr.connectDatasetGraph(Location.create(folder));
    db.getContext().set(TDB2.symUnionDefaultGraph, true);
    return db;
  }

  /**
   * Releases the database: its files are closed and the next {@link #open} reads them again from
   * disk. TDB2 keeps one shared connection per folder and JVM; {@code TDBInternal.expel} is the
   * only public way to end it.
   */
  public static void close(DatasetGraph db) {
    TDBInternal.expel(db);
  }

  /**
   * Makes the database hold the graphs of {@code site}: loads them into an empty database, leaves a
   * database that already holds them untouched, and replaces everything in the database when {@code
   * rebuild} is set.
   *
   * @throws IllegalStateException when the database holds something else and rebuild is not set;
   *     the message says what it holds
   */
  public static Outcome prepare(DatasetGraph db, Site site, boolean rebuild) {
    Map<String, Model> graphs = site.namedGraphs();
    String metaName = site.iris().graph("meta");
    Optional<String> mismatch =
        Txn.calculateRead(db, () -> mismatch(db, metaName, site.meta().getGraph()));
    if (mismatch.isEmpty()) {
      LOG.info("reusing the TDB2 database at {}: it holds this build; nothing rebuilt", where(db));
      return Outcome.REUSED;
    }
    boolean empty = Txn.calculateRead(db, db::isEmpty);
    if (!empty && !rebuild) {
      throw new IllegalStateException(
          "the TDB2 database at "
              + where(db)
              + " "
              + mismatch.get()
              + "; start with --rebuild to empty it and load this build, or give another folder");
    }
    long started = System.nanoTime();
    // One write transaction: a crash or a failure leaves the database as it was.
    Txn.executeWrite(
        db,
        () -> {
          db.clear();
          for (Map.Entry<String, Model> graph : graphs.entrySet()) {
            Node name = NodeFactory.createURI(graph.getKey());
            Graph target = db.getGraph(name);
            graph.getValue().getGraph().find().forEachRemaining(target::add);
          }
          db.prefixes().putAll(site.union().getNsPrefixMap());
        });
    LOG.info(
        "{} the TDB2 database at {} in {} ms",
        empty ? "built" : "rebuilt (--rebuild)",
        where(db),
        (System.nanoTime() - started) / 1_000_000);
    return Outcome.BUILT;
  }

  /** Whether the database holds the build a site describes (its description, exactly). */
  public static boolean holds(DatasetGraph db, Site site) {
    String metaName = site.iris().graph("meta");
    return Txn.calculateRead(db, () -> mismatch(db, metaName, site.meta().getGraph())).isEmpty();
  }

  /**
   * Empty when the database holds exactly this build's description; otherwise what it holds
   * instead, in words.
   */
  private static Optional<String> mismatch(DatasetGraph db, String metaName, Graph expected) {
    if (db.isEmpty()) {
      return Optional.of("is empty");
    }
    Node metaNode = NodeFactory.createURI(metaName);
    if (db.containsGraph(metaNode)) {
      Graph stored = db.getGraph(metaNode);
      if (stored.isIsomorphicWith(expected)) {
        return Optional.empty();
      }
      List<String> seeds = seeds(stored);
      List<String> wanted = seeds(expected);
      if (!seeds.equals(wanted)) {
        return Optional.of(
            "holds a build of another seed (SHA-256 "
                + String.join(", ", seeds)
                + "; this start reads "
                + String.join(", ", wanted)
                + ")");
      }
      return Optional.of(
          "holds a build of the same seed with other options or by another version of tonet-lod"
              + " (its dataset description differs: licence, --lenient or the mapping)");
    }
    List<String> tonetMeta = new ArrayList<>();
    for (Iterator<Node> it = db.listGraphNodes(); it.hasNext(); ) {
      Node g = it.next();
      if (g.isURI() && g.getURI().endsWith("graph/meta")) {
        tonetMeta.add(g.getURI().substring(0, g.getURI().length() - "graph/meta".length()));
      }
    }
    if (!tonetMeta.isEmpty()) {
      return Optional.of(
          "holds a build under another base IRI ("
              + String.join(", ", tonetMeta)
              + "; this start uses "
              + metaName.substring(0, metaName.length() - "graph/meta".length())
              + ")");
    }
    return Optional.of("holds other data, not a tonet-lod build");
  }

  /** The SHA-256 of every source document a description names. */
  private static List<String> seeds(Graph meta) {
    return meta
        .find(Node.ANY, TONET.sha256.asNode(), Node.ANY)
        .mapWith(Triple::getObject)
        .filterKeep(Node::isLiteral)
        .mapWith(Node::getLiteralLexicalForm)
        .toList()
        .stream()
        .sorted()
        .toList();
  }

  private static String where(DatasetGraph db) {
    return DatabaseMgr.location(db).getDirectoryPath();
  }
}
