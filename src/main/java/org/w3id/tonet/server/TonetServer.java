package org.w3id.tonet.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.jena.fuseki.main.FusekiServer;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.council.CouncilSource;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.BuildCache;
import org.w3id.tonet.publish.Site;
import org.w3id.tonet.publish.Tdb2Store;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.server.cache.CompressionShare;
import org.w3id.tonet.server.cache.ResponseCache;
import org.w3id.tonet.server.http.ClientAddress;
import org.w3id.tonet.server.http.ConnectionGuard;
import org.w3id.tonet.server.http.Refusals;
import org.w3id.tonet.server.sparql.SparqlHandler;
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

  private final FusekiServer fuseki;
  private final Site site;
  private final Runnable release;
  private final Tdb2Store.Outcome stored;
  private final Limits limits;
  private final Refusals refusals;
  private final ConnectionGuard guard;
  private final QueryScheduler scheduler;

  TonetServer(
      FusekiServer fuseki,
      Site site,
      Runnable release,
      Tdb2Store.Outcome stored,
      Limits limits,
      Refusals refusals,
      ConnectionGuard guard,
      QueryScheduler scheduler) {
    this.fuseki = fuseki;
    this.guard = guard;
    this.scheduler = scheduler;
    this.site = site;
    this.release = release;
    this.stored = stored;
    this.limits = limits;
    this.refusals = refusals;
  }

  /** What it has refused, counted per client (for the tests). */
  Refusals refusals() {
    return refusals;
  }

  /** SPARQL queries running now, all clients together. */
  public int queriesRunning() {
    return scheduler.running();
  }

  /** Connections open now, all clients together (a trusted proxy's included). */
  public int openConnections() {
    return guard.open();
  }

  /** Who holds its connections (for the tests). */
  ConnectionGuard connections() {
    return guard;
  }

  /** Who runs its queries (for the tests). */
  QueryScheduler scheduler() {
    return scheduler;
  }

  /** What it keeps of its pages, documents and redirects (for the tests). */
  ResponseCache edgeCache() {
    return fuseki.getJettyServer().getContainedBeans(ResponseCache.class).iterator().next();
  }

  /** Its SPARQL endpoint (for the tests). */
  SparqlHandler sparql() {
    return fuseki.getJettyServer().getContainedBeans(SparqlHandler.class).iterator().next();
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

  /**
   * The base IRI of a server with these options when it is known before the server binds: the given
   * one, or http://localhost:{port}/ for a fixed port; null for port 0 without a base.
   */
  static String knownBase(String baseIri, int port) {
    return baseIri != null ? baseIri : port != 0 ? "http://localhost:" + port + "/" : null;
  }

  /**
   * The key under which a server with these options keeps its build, when it is known before the
   * server binds (a base IRI or a fixed port, and the council's digest): what {@code serve}
   * prefetches while Jena starts ({@link BuildCache#prefetch}).
   *
   * @throws IllegalArgumentException when {@code baseIri} is not a base IRI
   */
  public static Optional<String> keptBuildKey(
      String baseIri,
      int port,
      Optional<String> councilDigest,
      String license,
      org.w3id.tonet.publish.Publisher publisher,
      TimelineParser.Mode mode) {
    String base = knownBase(baseIri == null ? null : Iris.checkBase(baseIri), port);
    if (base == null || councilDigest.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(BuildCache.key(councilDigest.get(), base, license, publisher, mode));
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
    int port = 3030;
    String baseIri;
    CouncilSource council;
    TimelineParser.Mode mode = TimelineParser.Mode.STRICT;
    String license;
    org.w3id.tonet.publish.Publisher publisher = org.w3id.tonet.publish.Publisher.UNNAMED;
    Duration queryTimeout = QueryLimits.DEFAULT_TIMEOUT;
    boolean allInterfaces;
    long maxResults = QueryLimits.DEFAULT_MAX_RESULTS;
    Path tdb2;
    boolean rebuild;
    ServiceAllowList services = ServiceAllowList.none();
    QueryScheduler.Settings fairUse = QueryScheduler.Settings.defaults();
    Long queryMemory;
    int maxString = QueryLimits.DEFAULT_MAX_STRING_LENGTH;
    int httpThreads = 64;
    int maxConnections = 2_000;
    int clientConnections = 64;
    Duration requestTimeout = Duration.ofSeconds(10);
    Duration idleTimeout = Duration.ofSeconds(20);
    List<String> trustedProxies = List.of();
    Progress progress = (step, millis) -> {};
    BuildCache buildCache;
    long cacheBytes = DEFAULT_CACHE_BYTES;
    Duration maxAge = DEFAULT_MAX_AGE;
    boolean metrics;
    Duration compressionShare = CompressionShare.DEFAULT;

    private Builder() {}

    /**
     * The time one client may spend a minute on compressing answers that are not kept compressed
     * (beyond it, its answers go uncompressed until it has some again). Default 2 s.
     */
    public Builder compressionShare(Duration perMinute) {
      if (perMinute.isNegative()) {
        throw new IllegalArgumentException("the compression share must be 0 or more");
      }
      this.compressionShare = perMinute;
      return this;
    }

    /**
     * Serve Fuseki's metrics, with the refusals counted by reason, at /$/metrics (Prometheus text).
     * Default off: expose them only to your monitoring.
     */
    public Builder metrics(boolean metrics) {
      this.metrics = metrics;
      return this;
    }

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
      this.council = CouncilSource.of(council);
      return this;
    }

    /**
     * The council folder to publish, read only when no build of it is kept: a start that finds one
     * by the folder's digest does not read it.
     */
    public Builder council(CouncilSource council) {
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

    /** Keep each build in this build cache (null: build at every start). */
    public Builder buildCache(BuildCache cache) {
      this.buildCache = cache;
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
      return new ServerStart(this).start();
    }

    // One budget for everything kept: half SPARQL answers, a quarter pages and documents, and the
    // rest (a quarter) gzip copies of both.
    long answerBytes() {
      return cacheBytes / 2;
    }

    long pageBytes() {
      return cacheBytes / 4;
    }
  }
}
