package org.w3id.tonet.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceFile;

/**
 * The tonet-lod server: an embedded Fuseki serving the read-only SPARQL endpoint, with small
 * servlets of ours for the linked-data pages, the dumps and the dataset description, all on one
 * port.
 *
 * <pre>
 * TonetServer server = TonetServer.create().port(0).seed(SourceFile.bundled()).start();
 * try { … server.url() … } finally { server.stop(); }
 * </pre>
 */
public final class TonetServer {

  private static final Logger LOG = LoggerFactory.getLogger(TonetServer.class);

  private final FusekiServer fuseki;
  private final Site site;
  private final Runnable release;
  private final Tdb2Store.Outcome stored;

  private TonetServer(FusekiServer fuseki, Site site, Runnable release, Tdb2Store.Outcome stored) {
    this.fuseki = fuseki;
    this.site = site;
    this.release = release;
    this.stored = stored;
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
    fuseki.stop();
    release.run();
  }

  /** Waits until the server stops. */
  public void join() {
    fuseki.join();
  }

  /** Options of a server; {@link #start()} builds, binds and loads it. */
  public static final class Builder {
    private int port = 3030;
    private String baseIri;
    private SourceFile seed;
    private TimelineParser.Mode mode = TimelineParser.Mode.STRICT;
    private String license;
    private Duration queryTimeout = Duration.ofSeconds(10);
    private boolean allInterfaces;
    private long maxResults = 10_000;
    private Path tdb2;
    private boolean rebuild;
    private ServiceAllowList services = ServiceAllowList.none();

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

    /** The source table. */
    public Builder seed(SourceFile seed) {
      this.seed = Objects.requireNonNull(seed, "seed");
      return this;
    }

    /** Strict (default) or lenient reading of the seed. */
    public Builder mode(TimelineParser.Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** The licence to state, or null for none. */
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
      Objects.requireNonNull(seed, "seed");
      // The seed is read and parsed (ICU, no Jena) on a thread of its own while Jena, Fuseki and
      // Jetty start on this one: the two are independent, and together they are most of the
      // start-up time (bench/README.md, item 4a).
      FutureTask<TimelineParser.Result> parsing =
          new FutureTask<>(() -> TimelineParser.parse(seed, mode));
      Thread parser = new Thread(parsing, "tonet-lod-parse");
      parser.setDaemon(true);
      parser.start();
      DatasetGraph dataset;
      FusekiServer fuseki;
      Runnable release = () -> {};
      SiteHolder holder = new SiteHolder();
      try {
        dataset = tdb2 == null ? DatasetGraphFactory.createTxnMem() : Tdb2Store.open(tdb2);
        release = tdb2 == null ? () -> {} : () -> Tdb2Store.close(dataset);
        dataset.getContext().set(ARQ.queryTimeout, Long.toString(queryTimeout.toMillis()));
        services.install(dataset.getContext());
        fuseki = fuseki(dataset, holder);
        fuseki.start();
      } catch (RuntimeException e) {
        release.run();
        parsed(parsing); // a seed that does not convert is the more useful error
        throw e;
      }
      TimelineParser.Result parsed;
      try {
        parsed = parsed(parsing);
      } catch (SourceException | RuntimeException e) {
        fuseki.stop();
        release.run();
        throw e;
      }
      try {
        String base = baseIri != null ? baseIri : "http://localhost:" + fuseki.getHttpPort() + "/";
        Build build = Build.of(parsed, new Iris(base));
        Site site;
        Tdb2Store.Outcome stored = null;
        if (tdb2 == null) {
          site = Site.of(build, license, dataset);
        } else {
          site = Site.over(build, license, dataset);
          stored = Tdb2Store.prepare(dataset, site, rebuild);
        }
        holder.set(site);
        LOG.info(
            "serving {} triples from {} at {} (base IRI {})",
            site.union().size(),
            build.timeline().source().fileName(),
            "http://localhost:" + fuseki.getHttpPort() + "/",
            base);
        if (!services.endpoints().isEmpty()) {
          LOG.info("SERVICE may call only {}", String.join(", ", services.endpoints()));
        }
        return new TonetServer(fuseki, site, release, stored);
      } catch (SourceException | RuntimeException e) {
        fuseki.stop();
        release.run();
        throw e;
      }
    }

    /** Waits for the parse started by {@link #start()} and returns its result or its error. */
    private static TimelineParser.Result parsed(FutureTask<TimelineParser.Result> parsing)
        throws SourceException {
      try {
        return parsing.get();
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

    private FusekiServer fuseki(DatasetGraph dataset, SiteHolder holder) {
      long timeout = queryTimeout.toMillis();
      DataService sparql = DataService.newBuilder(dataset).addEndpoint(Operation.Query).build();
      return FusekiServer.create()
          .port(port)
          .loopback(!allInterfaces)
          .enablePing(false)
          .enableStats(false)
          .enableMetrics(false)
          .enableCors(false)
          .add("/sparql", sparql)
          .addFilter("/*", new RequestLogFilter())
          .addFilter("/*", new LimitsFilter())
          .addFilter("/*", new HeadersFilter())
          .addFilter("/*", new NotFoundFilter(holder))
          .addFilter("/sparql/*", new SparqlFilter(holder, timeout, services))
          .addFilter("/sparql/*", new ResultCapFilter(maxResults))
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
    }
  }
}
