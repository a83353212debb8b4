package org.w3id.tonet.server;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.council.CouncilSource;
import org.w3id.tonet.parse.JapaneseEras;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.publish.BuildCache;
import org.w3id.tonet.publish.Site;
import org.w3id.tonet.publish.Tdb2Store;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.server.TonetServer.Limits;
import org.w3id.tonet.server.cache.CompressionShare;
import org.w3id.tonet.server.http.ClientAddress;
import org.w3id.tonet.server.http.ConnectionGuard;
import org.w3id.tonet.server.http.Refusals;
import org.w3id.tonet.server.site.SiteHolder;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.sparql.QueryRunner;
import org.w3id.tonet.sparql.QueryScheduler;

/**
 * How a server starts, step by step: the council folder is read (or the kept build loaded) on a
 * thread of its own while Jetty starts and binds; the web server then answers 503 until the site is
 * loaded (a TDB2 database that holds the kept build answers /sparql before); the build is kept for
 * the next start once this one serves.
 *
 * <pre>
 * TonetServer server = new ServerStart(builder).start(); // what TonetServer.Builder.start() does
 * </pre>
 */
final class ServerStart {

  private static final Logger LOG = LoggerFactory.getLogger(TonetServer.class);

  private final TonetServer.Builder options;

  ServerStart(TonetServer.Builder options) {
    this.options = options;
  }

  /**
   * Reads the seed, binds the port, maps the data under the base IRI and starts serving.
   *
   * @throws SourceException when the seed does not convert; nothing is left running
   */
  TonetServer start() throws SourceException {
    Objects.requireNonNull(options.council, "council");
    Limits limits = options.limits();
    long began = System.nanoTime();
    java.util.function.Consumer<String> step =
        what -> options.progress.step(what, (System.nanoTime() - began) / 1_000_000);
    // The base is known before binding unless the port is picked at bind time; only then can a
    // kept build be looked up (the base is part of what it holds).
    String knownBase = TonetServer.knownBase(options.baseIri, options.port);
    // Only a database is opened here; a server in memory answers from its site's own graphs
    // (publish/ServedDataset), which exist once it is prepared.
    DatasetGraph store = options.tdb2 == null ? null : Tdb2Store.open(options.tdb2);
    // The council folder is read (or only its digest taken, when a kept build is found by it) and
    // the seed parsed, or the kept build loaded, on a thread of its own while Jena, Fuseki and
    // Jetty start on this one: the two are independent, and together they are most of the start-up
    // time (bench/README.md). When the base is known, the build is mapped, validated and published
    // there too (issue 22: a cold and a warm start).
    SiteHolder holder =
        new SiteHolder(
            options.cacheBytes - options.answerBytes() - options.pageBytes(),
            options.maxAge,
            new CompressionShare(
                options.compressionShare, ClientAddress.trusting(options.trustedProxies)));
    FutureTask<Prepared> preparing =
        new FutureTask<>(() -> prepare(knownBase, store, holder, step));
    // The query engine is warmed on a third thread meanwhile (QueryWarmup).
    QueryWarmup.start(options.services, "http://localhost/", limits.query());
    Thread preparer = new Thread(preparing, "tonet-lod-prepare");
    preparer.setDaemon(true);
    preparer.start();
    FusekiServer fuseki;
    Runnable release = () -> {};
    QueryScheduler scheduler = new QueryScheduler(limits.fairUse());
    Refusals refusals = new Refusals(Refusals.INTERVAL);
    ConnectionGuard guard =
        new ConnectionGuard(
            limits.clientConnections(),
            limits.maxConnections(),
            limits.requestTimeout(),
            ClientAddress.trusting(options.trustedProxies),
            refusals);
    try {
      Runnable closeStore = store == null ? () -> {} : () -> Tdb2Store.close(store);
      release =
          () -> {
            scheduler.close();
            guard.close();
            refusals.close();
            closeStore.run();
          };
      if (store != null) {
        configure(store);
      }
      fuseki = Routes.fuseki(options, holder, limits, scheduler, guard, refusals);
      fuseki.start();
      step.accept(
          "web server listening on port "
              + fuseki.getHttpPort()
              + " (answering 503 until the data is loaded)");
    } catch (RuntimeException e) {
      release.run();
      holder.startFailed(e);
      prepared(preparing); // a seed that does not convert is the more useful error
      throw e;
    }
    try {
      String storeKey =
          store == null || options.buildCache == null || knownBase == null
              ? null
              : options.council.digest().map(this::cacheKey).orElse(null);
      if (storeKey != null) {
        // A database that holds the kept build answers queries while the rest of the build (the
        // graphs for pages, the dumps) is loaded: for a long table, a minute (issue 22).
        Optional<Site> described = options.buildCache.described(storeKey, store);
        if (described.isPresent() && Tdb2Store.holds(store, described.get())) {
          holder.answerQueries(described.get());
          step.accept("SPARQL answered from the TDB2 database, which holds the kept build");
        }
      }
      Prepared prepared = prepared(preparing);
      Site site;
      boolean kept = prepared.kept();
      if (kept) {
        site = prepared.site();
        step.accept("the build kept from an earlier start loaded and checked: " + prepared.key());
      } else {
        TimelineParser.Result parsed = prepared.parsed();
        step.accept(
            "seed read and checked: "
                + parsed.timeline().source().fileName()
                + ", "
                + parsed.timeline().source().lineCount()
                + " lines");
        if (prepared.site() != null) {
          site = prepared.site();
        } else {
          Build build =
              Build.of(
                  prepared.council(),
                  parsed,
                  new Iris("http://localhost:" + fuseki.getHttpPort() + "/"));
          site = publish(build, store, holder, step);
        }
        step.accept("mapped to RDF: " + site.data().size() + " triples in the data graph");
        if (options.tdb2 == null) {
          site.load();
        }
      }
      if (store == null) {
        configure(site.dataset()); // a database was configured when opened
      }
      Tdb2Store.Outcome stored =
          store == null ? null : Tdb2Store.prepare(store, site, options.rebuild);
      holder.set(site);
      step.accept(
          (kept ? "" : "dumps made; ")
              + (options.tdb2 == null
                  ? "the SPARQL dataset loaded"
                  : "TDB2 database " + (stored == Tdb2Store.Outcome.REUSED ? "reused" : "built")));
      Thread keeper = null;
      String cacheKey = prepared.key();
      if (!kept && cacheKey != null) {
        // Kept for the next start, once this one serves.
        keeper =
            new Thread(() -> options.buildCache.store(cacheKey, site), "tonet-lod-build-cache");
        keeper.start();
      }
      Thread writing = keeper;
      Runnable stopping = release;
      release =
          () -> {
            // A stop waits (bounded) for the kept build to be written out.
            if (writing != null) {
              try {
                writing.join(30_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            stopping.run();
          };
      LOG.info(
          "serving {} triples from {} at {} (base IRI {})",
          site.union().size(),
          site.source().fileName(),
          "http://localhost:" + fuseki.getHttpPort() + "/",
          site.base());
      if (!options.services.endpoints().isEmpty()) {
        LOG.info("SERVICE may call only {}", String.join(", ", options.services.endpoints()));
      }
      return new TonetServer(fuseki, site, release, stored, limits, refusals, guard, scheduler);
    } catch (SourceException | RuntimeException e) {
      holder.startFailed(e);
      fuseki.stop();
      release.run();
      throw e;
    }
  }

  /**
   * A kept site; or a parsed seed, with its site (not yet loaded into the dataset) when the base
   * was known before the port was bound.
   */
  private record Prepared(
      Site site, TimelineParser.Result parsed, Council council, boolean kept, String key) {}

  /**
   * What runs beside the web server's start: the kept build found by the folder's digest and loaded
   * (the folder not read), or the folder read and parsed, and when the base is known, mapped,
   * validated and published.
   */
  private Prepared prepare(
      String knownBase,
      DatasetGraph store,
      SiteHolder holder,
      java.util.function.Consumer<String> step)
      throws SourceException {
    // ICU's Japanese calendar (a third of a second to load on a fresh JVM, and only the parse needs
    // it) is loaded beside the reading of the folder, when the folder has to be read.
    CouncilSource source =
        new CouncilSource() {
          @Override
          public Optional<String> digest() throws SourceException {
            return options.council.digest();
          }

          @Override
          public Council read() throws SourceException {
            Thread calendar =
                new Thread(() -> JapaneseEras.fiscalYearOf(2010), "tonet-lod-calendar-load");
            calendar.setDaemon(true);
            calendar.start();
            return options.council.read();
          }
        };
    Council council;
    String key = null;
    if (options.buildCache != null && knownBase != null) {
      BuildCache.Found found = options.buildCache.find(source, this::cacheKey, store);
      if (found.site().isPresent()) {
        return new Prepared(found.site().get(), null, null, true, found.key());
      }
      council = found.council();
      key = found.key();
    } else {
      council = source.read();
    }
    TimelineParser.Result parsed = council.parse(options.mode);
    if (knownBase == null) {
      return new Prepared(null, parsed, council, false, null);
    }
    Build build = Build.of(council, parsed, new Iris(knownBase));
    return new Prepared(publish(build, store, holder, step), parsed, council, false, key);
  }

  /**
   * Publishes a build: its files written and its quality measured. In memory, queries are answered
   * meanwhile from the {@link Site#unfinished unfinished} site, which gives only answers the
   * finished site gives too (issue 22: most of a cold start is this step, after the data graph
   * exists).
   */
  private Site publish(
      Build build,
      DatasetGraph store,
      SiteHolder holder,
      java.util.function.Consumer<String> step) {
    if (store == null) {
      Site first =
          Site.unfinished(build, options.license, options.publisher, QueryRunner.NotFinal::raise);
      configure(first.dataset());
      holder.answerQueries(first);
      step.accept(
          "SPARQL queries answered from the data ("
              + build.data().size()
              + " triples) while the dumps are made and the data validated");
    }
    return Site.over(build, options.license, options.publisher, store);
  }

  /** The key of the kept build of the council with this digest, under these options. */
  private String cacheKey(String councilDigest) {
    return TonetServer.keptBuildKey(
            options.baseIri,
            options.port,
            Optional.of(councilDigest),
            options.license,
            options.publisher,
            options.mode)
        .orElseThrow();
  }

  /** The time limit and the SERVICE allow-list every query of {@code dataset} runs under. */
  private void configure(DatasetGraph dataset) {
    dataset.getContext().set(ARQ.queryTimeout, Long.toString(options.queryTimeout.toMillis()));
    options.services.install(dataset.getContext());
  }

  /** Waits for what {@link #start()} prepares in the background: its result or its error. */
  private static Prepared prepared(FutureTask<Prepared> preparing) throws SourceException {
    try {
      return preparing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the seed", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SourceException source) {
        throw source;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }
}
