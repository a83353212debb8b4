package org.w3id.tonet.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.sparql.QueryLimits;
import org.w3id.tonet.sparql.QueryScheduler;
import org.w3id.tonet.sparql.ServiceAllowList;

/**
 * The tonet-lod server: an embedded Fuseki serving the read-only SPARQL endpoint, with small
 * servlets of ours for the linked-data pages, the dumps and the dataset description, all on one
 * port.
 *
 * <pre>
 * TonetServer server = TonetServer.create().port(0).council(Council.bundled()).start();
 * try { … server.url() … } finally { server.stop(); }
 * </pre>
 */
public final class TonetServer {

  private static final Logger LOG = LoggerFactory.getLogger(TonetServer.class);

  private final FusekiServer fuseki;
  private final Site site;
  private final Runnable release;
  private final Tdb2Store.Outcome stored;
  private final Limits limits;
  private final QueryScheduler queries;
  private final ConnectionGuard connections;

  private TonetServer(
      FusekiServer fuseki,
      Site site,
      Runnable release,
      Tdb2Store.Outcome stored,
      Limits limits,
      QueryScheduler queries,
      ConnectionGuard connections) {
    this.fuseki = fuseki;
    this.site = site;
    this.release = release;
    this.stored = stored;
    this.limits = limits;
    this.queries = queries;
    this.connections = connections;
  }

  /**
   * Every limit the server applies, as it applies them (defaults filled in): what one query may
   * use, how queries are shared, and what one connection and one client may hold.
   *
   * @param query what one query may use
   * @param fairUse how the query threads are shared among clients
   * @param httpThreads the web server's threads, which serve pages and never run queries
   * @param maxConnections the most connections open at once
   * @param clientConnections the most connections one client may have open
   * @param requestTimeout how long a request's headers, and its body, may take to arrive
   * @param idleTimeout how long a connection may stay silent (a client not reading its answer
   *     included)
   */
  public record Limits(
      QueryLimits query,
      QueryScheduler.Settings fairUse,
      int httpThreads,
      int maxConnections,
      int clientConnections,
      Duration requestTimeout,
      Duration idleTimeout) {}

  /** The limits in force. */
  public Limits limits() {
    return limits;
  }

  /** Starts building a server. */
  public static Builder create() {
    return new Builder();
  }

  /** The port the server listens on. */
  public int port() {
    return fuseki.getHttpPort();
  }

  /** The local address, http://localhost:{port}/. */
  public String localUrl() {
    return "http://localhost:" + port() + "/";
  }

  /** The base IRI every link and IRI uses (the public address behind a proxy). */
  public String base() {
    return site.base();
  }

  /** What is published. */
  public Site site() {
    return site;
  }

  /** With a TDB2 database: whether this start built it or reused it; empty when in memory. */
  public Optional<Tdb2Store.Outcome> tdb2Outcome() {
    return Optional.ofNullable(stored);
  }

  /** SPARQL queries running now, all clients together. */
  public int queriesRunning() {
    return queries.running();
  }

  /** Connections open now, all clients together (a trusted proxy's included). */
  public int openConnections() {
    return connections.open();
  }

  /** Stops the server (and closes its TDB2 database, if it has one). */
  public void stop() {
    try {
      fuseki.stop();
    } finally {
      release.run();
    }
  }

  /** Waits until the server stops. */
  public void join() {
    fuseki.join();
  }

  /** What is kept of answers by default, all caches together: 64 MiB. */
  public static final long DEFAULT_CACHE_BYTES = 64L << 20;

  /** How long others may keep what is served, by default: 5 minutes. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

  /** Told of each start-up step: what was done, and the milliseconds since the start. */
  @FunctionalInterface
  public interface Progress {
    void step(String what, long millis);
  }

  /**
   * Why the server could not listen on {@code port}, or empty when it can (checked before the seed
   * is read, so that a port in use is said at once).
   */
  public static Optional<String> portProblem(int port, boolean allInterfaces) {
    if (port == 0) {
      return Optional.empty();
    }
    try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(
          allInterfaces
              ? new java.net.InetSocketAddress(port)
              : new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
      return Optional.empty();
    } catch (java.net.BindException e) {
      return Optional.of(
          "port "
              + port
              + " is in use (another program is listening there): stop it, or choose another"
              + " port with --port, e.g. --port "
              + (port == 3030 ? 3031 : 3030));
    } catch (java.io.IOException e) {
      return Optional.of("cannot listen on port " + port + ": " + e.getMessage());
    }
  }

  /** Options of a server; {@link #start()} builds, binds and loads it. */
  public static final class Builder {
    private int port = 3030;
    private String baseIri;
    private Council council;
    private TimelineParser.Mode mode = TimelineParser.Mode.STRICT;
    private String license;
    private org.w3id.tonet.publish.Publisher publisher = org.w3id.tonet.publish.Publisher.UNNAMED;
    private Duration queryTimeout = QueryLimits.DEFAULT_TIMEOUT;
    private boolean allInterfaces;
    private long maxResults = QueryLimits.DEFAULT_MAX_RESULTS;
    private Path tdb2;
    private boolean rebuild;
    private ServiceAllowList services = ServiceAllowList.none();
    private QueryScheduler.Settings fairUse = QueryScheduler.Settings.defaults();
    private Long queryMemory;
    private int maxString = QueryLimits.DEFAULT_MAX_STRING_LENGTH;
    private int httpThreads = 64;
    private int maxConnections = 2_000;
    private int clientConnections = 64;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration idleTimeout = Duration.ofSeconds(20);
    private List<String> trustedProxies = List.of();
    private Progress progress = (step, millis) -> {};
    private BuildCache buildCache;
    private long cacheBytes = DEFAULT_CACHE_BYTES;
    private Duration maxAge = DEFAULT_MAX_AGE;

    private Builder() {}

    /** The port; 0 picks a free one. Default 3030. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The base IRI; default http://localhost:{port}/. */
    public Builder baseIri(String baseIri) {
      this.baseIri = baseIri == null ? null : Iris.checkBase(baseIri);
      return this;
    }

    /** The council folder to publish: its table, names, words, places and identity. */
    public Builder council(Council council) {
      this.council = Objects.requireNonNull(council, "council");
      return this;
    }

    /** Strict (default) or lenient reading of the seed. */
    public Builder mode(TimelineParser.Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** The licence to state, or null for none. */
    /** Who publishes the dataset (dct:publisher, dcat:contactPoint); default: see Publisher. */
    public Builder publisher(org.w3id.tonet.publish.Publisher publisher) {
      this.publisher = java.util.Objects.requireNonNull(publisher, "publisher");
      return this;
    }

    public Builder license(String license) {
      this.license = license;
      return this;
    }

    /** How long a SPARQL query may run. Default 10 s. */
    public Builder queryTimeout(Duration queryTimeout) {
      this.queryTimeout = Objects.requireNonNull(queryTimeout, "queryTimeout");
      return this;
    }

    /** The most results a SPARQL query may return (a larger LIMIT is lowered). Default 10,000. */
    public Builder maxResults(long maxResults) {
      if (maxResults < 1) {
        throw new IllegalArgumentException("--max-results must be at least 1");
      }
      this.maxResults = maxResults;
      return this;
    }

    /**
     * How the query threads are shared: slots, queue, queries and query time per client. Default
     * {@link QueryScheduler.Settings#defaults()}.
     */
    public Builder fairUse(QueryScheduler.Settings settings) {
      this.fairUse = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * The memory one query may hold, in bytes; default a quarter of the heap shared by the query
     * slots ({@link QueryLimits#defaultMemory}).
     */
    public Builder queryMemory(long bytes) {
      this.queryMemory = bytes;
      return this;
    }

    /** The longest string a function may build. Default 1 Mi characters. */
    public Builder maxString(int characters) {
      this.maxString = characters;
      return this;
    }

    /** The web server's threads (pages, downloads; never queries). Default 64. */
    public Builder httpThreads(int threads) {
      if (threads < 8) {
        throw new IllegalArgumentException("--http-threads must be at least 8");
      }
      this.httpThreads = threads;
      return this;
    }

    /** The most connections open at once. Default 2,000. */
    public Builder maxConnections(int connections) {
      if (connections < 1) {
        throw new IllegalArgumentException("--max-connections must be at least 1");
      }
      this.maxConnections = connections;
      return this;
    }

    /** The most connections one client may have open. Default 64. */
    public Builder clientConnections(int connections) {
      if (connections < 1) {
        throw new IllegalArgumentException("--client-connections must be at least 1");
      }
      this.clientConnections = connections;
      return this;
    }

    /** How long a request's headers, and its body, may take to arrive. Default 10 s. */
    public Builder requestTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("--request-timeout must be more than 0 seconds");
      }
      this.requestTimeout = timeout;
      return this;
    }

    /** How long a connection may stay silent. Default 20 s. */
    public Builder idleTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("--idle-timeout must be more than 0 seconds");
      }
      this.idleTimeout = timeout;
      return this;
    }

    /**
     * Reverse proxies whose X-Forwarded-For names the client (fair use then counts the client, not
     * the proxy). Default none.
     *
     * @throws IllegalArgumentException for something that is not an IP address
     */
    public Builder trustedProxies(List<String> proxies) {
      ClientAddress.trusting(proxies); // checked now, at configuration
      this.trustedProxies = List.copyOf(proxies);
      return this;
    }

    /**
     * Keep each build in this folder, and start from a kept one with the same seed, program build
     * and options (null, the default: build at every start).
     */
    public Builder buildCache(Path folder) {
      this.buildCache = folder == null ? null : new BuildCache(folder);
      return this;
    }

    /**
     * The most bytes kept of what was answered (0: none), all caches together: half for SPARQL
     * answers, a quarter for pages and documents, a quarter for gzip copies. Default 64 MiB.
     */
    public Builder cacheSize(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("--cache-size must be 0 or more");
      }
      this.cacheBytes = bytes;
      return this;
    }

    /** How long browsers, proxies and CDNs may keep what is served. Default 5 minutes. */
    public Builder maxAge(Duration maxAge) {
      if (maxAge.isNegative()) {
        throw new IllegalArgumentException("--max-age must be 0 or more");
      }
      this.maxAge = maxAge;
      return this;
    }

    /** Told of each start-up step as it is done. */
    public Builder progress(Progress progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /** The limits this builder will apply. */
    public Limits limits() {
      QueryLimits query =
          new QueryLimits(
              queryTimeout,
              maxResults,
              QueryLimits.DEFAULT_MAX_QUERY_BYTES,
              maxString,
              queryMemory != null ? queryMemory : QueryLimits.defaultMemory(fairUse.slots()),
              QueryLimits.DEFAULT_MAX_NESTING);
      return new Limits(
          query,
          fairUse,
          httpThreads,
          maxConnections,
          clientConnections,
          requestTimeout,
          idleTimeout);
    }

    /**
     * The SPARQL endpoints a query on /sparql may call with SERVICE; default none. Any other
     * SERVICE, and every SERVICE whose address is a variable, is refused (403).
     *
     * @throws IllegalArgumentException when one is not an absolute http(s) URL
     */
    public Builder allowService(List<String> endpoints) {
      this.services = ServiceAllowList.of(Objects.requireNonNull(endpoints, "endpoints"));
      return this;
    }

    /**
     * Serve SPARQL from a TDB2 database in this folder instead of memory (null, the default): built
     * on first start, reused as it is on later starts with the same seed, base IRI and options.
     */
    public Builder tdb2(Path folder) {
      this.tdb2 = folder;
      return this;
    }

    /** With {@link #tdb2}: empty a database that holds another build and load this one. */
    public Builder rebuild(boolean rebuild) {
      this.rebuild = rebuild;
      return this;
    }

    /** Listen on every interface instead of the loopback only. */
    public Builder allInterfaces(boolean allInterfaces) {
      this.allInterfaces = allInterfaces;
      return this;
    }

    /**
     * Reads the seed, binds the port, maps the data under the base IRI and starts serving.
     *
     * @throws SourceException when the seed does not convert; nothing is left running
     */
    public TonetServer start() throws SourceException {
      Objects.requireNonNull(council, "council");
      Limits limits = limits();
      long began = System.nanoTime();
      java.util.function.Consumer<String> step =
          what -> progress.step(what, (System.nanoTime() - began) / 1_000_000);
      // The base is known before binding unless the port is picked at bind time; only then can a
      // kept build be looked up (the base is part of what it holds).
      String knownBase =
          baseIri != null ? baseIri : port != 0 ? "http://localhost:" + port + "/" : null;
      String cacheKey =
          buildCache != null && knownBase != null
              ? BuildCache.key(council, knownBase, license, publisher, mode)
              : null;
      DatasetGraph dataset =
          tdb2 == null ? DatasetGraphFactory.createTxnMem() : Tdb2Store.open(tdb2);
      // The seed is read and parsed (ICU, no Jena), or the kept build is loaded, on a thread of its
      // own while Jena, Fuseki and Jetty start on this one: the two are independent, and together
      // they are most of the start-up time (bench/README.md). When the base is known, the build is
      // mapped, validated and published there too (issue 22: a cold start).
      FutureTask<Prepared> preparing =
          new FutureTask<>(
              () -> {
                if (cacheKey != null) {
                  Optional<Site> kept = buildCache.load(cacheKey, dataset, tdb2 == null);
                  if (kept.isPresent()) {
                    return new Prepared(kept.get(), null, true);
                  }
                }
                TimelineParser.Result parsed = council.parse(mode);
                if (knownBase == null) {
                  return new Prepared(null, parsed, false);
                }
                Build build = Build.of(council, parsed, new Iris(knownBase));
                return new Prepared(Site.over(build, license, publisher, dataset), parsed, false);
              });
      Thread preparer = new Thread(preparing, "tonet-lod-prepare");
      preparer.setDaemon(true);
      preparer.start();
      FusekiServer fuseki;
      Runnable release = () -> {};
      SiteHolder holder = new SiteHolder(cacheBytes - answerBytes() - pageBytes(), maxAge);
      QueryScheduler scheduler = new QueryScheduler(limits.fairUse());
      ConnectionGuard guard =
          new ConnectionGuard(
              limits.clientConnections(),
              limits.requestTimeout(),
              ClientAddress.trusting(trustedProxies));
      try {
        Runnable closeStore = tdb2 == null ? () -> {} : () -> Tdb2Store.close(dataset);
        release =
            () -> {
              scheduler.close();
              guard.close();
              closeStore.run();
            };
        dataset.getContext().set(ARQ.queryTimeout, Long.toString(queryTimeout.toMillis()));
        services.install(dataset.getContext());
        fuseki = fuseki(holder, limits, scheduler, guard);
        fuseki.start();
        step.accept(
            "web server listening on port "
                + fuseki.getHttpPort()
                + " (answering 503 until the data is loaded)");
      } catch (RuntimeException e) {
        release.run();
        prepared(preparing); // a seed that does not convert is the more useful error
        throw e;
      }
      try {
        if (tdb2 != null && cacheKey != null) {
          // A database that holds the kept build answers queries while the rest of the build (the
          // graphs for pages, the dumps) is loaded: for a long table, a minute (issue 22).
          Optional<Site> described = buildCache.described(cacheKey, dataset);
          if (described.isPresent() && Tdb2Store.holds(dataset, described.get())) {
            holder.answerQueries(described.get());
            step.accept("SPARQL answered from the TDB2 database, which holds the kept build");
          }
        }
        Prepared prepared = prepared(preparing);
        Site site;
        boolean kept = prepared.kept();
        if (kept) {
          site = prepared.site();
          step.accept("the build kept from an earlier start loaded and checked: " + cacheKey);
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
                    council, parsed, new Iris("http://localhost:" + fuseki.getHttpPort() + "/"));
            site = Site.over(build, license, publisher, dataset);
          }
          step.accept("mapped to RDF: " + site.data().size() + " triples in the data graph");
          if (tdb2 == null) {
            site.load();
          }
        }
        Tdb2Store.Outcome stored = tdb2 == null ? null : Tdb2Store.prepare(dataset, site, rebuild);
        holder.set(site);
        step.accept(
            (kept ? "" : "dumps made; ")
                + (tdb2 == null
                    ? "the SPARQL dataset loaded"
                    : "TDB2 database "
                        + (stored == Tdb2Store.Outcome.REUSED ? "reused" : "built")));
        Thread keeper = null;
        if (!kept && cacheKey != null) {
          // Kept for the next start, once this one serves.
          keeper = new Thread(() -> buildCache.store(cacheKey, site), "tonet-lod-build-cache");
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
        if (!services.endpoints().isEmpty()) {
          LOG.info("SERVICE may call only {}", String.join(", ", services.endpoints()));
        }
        return new TonetServer(fuseki, site, release, stored, limits, scheduler, guard);
      } catch (SourceException | RuntimeException e) {
        fuseki.stop();
        release.run();
        throw e;
      }
    }

    /**
     * A kept site; or a parsed seed, with its site (not yet loaded into the dataset) when the base
     * was known before the port was bound.
     */
    private record Prepared(Site site, TimelineParser.Result parsed, boolean kept) {}

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

    // One budget for everything kept: half SPARQL answers, a quarter pages and documents, and the
    // rest (a quarter) gzip copies of both.
    private long answerBytes() {
      return cacheBytes / 2;
    }

    private long pageBytes() {
      return cacheBytes / 4;
    }

    private FusekiServer fuseki(
        SiteHolder holder, Limits limits, QueryScheduler scheduler, ConnectionGuard guard) {
      long timeout = limits.query().timeout().toMillis();
      FusekiServer fuseki =
          FusekiServer.create()
              .port(port)
              .loopback(!allInterfaces)
              .enablePing(false)
              .enableStats(false)
              .enableMetrics(false)
              .enableCors(false)
              .numServerThreads(Math.min(8, limits.httpThreads()), limits.httpThreads())
              .addFilter("/*", new NotFoundFilter(holder))
              .addServlet("", new LandingServlet(holder))
              .addServlet("/id/*", new LinkedDataServlet(holder, LinkedDataServlet.Mode.ID))
              .addServlet("/page/*", new LinkedDataServlet(holder, LinkedDataServlet.Mode.PAGE))
              .addServlet("/data/*", new LinkedDataServlet(holder, LinkedDataServlet.Mode.DATA))
              .addServlet("/ontology", new OntologyServlet(holder))
              .addServlet("/graph/*", new GraphServlet(holder))
              .addServlet("/downloads/*", new DownloadsServlet(holder))
              .addServlet("/.well-known/void", new DescriptionServlet(holder))
              .addServlet("/void", new DescriptionServlet(holder))
              .addServlet("/query/*", new QueryServlet(holder, timeout))
              .addServlet("/static/*", new StaticServlet(holder))
              .addServlet("/robots.txt", new RootFilesServlet(holder))
              .addServlet("/favicon.ico", new RootFilesServlet(holder))
              .build();
      SparqlHandler sparql =
          new SparqlHandler(
              holder,
              limits.query(),
              scheduler,
              services,
              ClientAddress.trusting(trustedProxies),
              limits.requestTimeout(),
              new SparqlHandler.Caching(answerBytes(), maxAge));
      JettySetup.apply(
          fuseki.getJettyServer(),
          sparql,
          guard,
          limits,
          new ResponseCache.Sizing(holder, pageBytes()));
      return fuseki;
    }
  }
}
