package org.w3id.tonet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.w3id.tonet.council.CouncilSource;
import org.w3id.tonet.publish.BuildCache;
import org.w3id.tonet.publish.Tdb2Store;
import org.w3id.tonet.server.TonetServer;
import org.w3id.tonet.server.http.JettyWarmup;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.sparql.QueryScheduler;
import org.w3id.tonet.sparql.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve [--port 3030] [--base-iri IRI] [--seed FILE]}: builds the dataset from the seed and
 * serves SPARQL, linked-data pages, dumps and the dataset description on one port.
 *
 * <pre>
 * java -jar target/tonet-lod.jar serve
 * java -jar target/tonet-lod.jar serve --port 8080 --base-iri https://lod.example.jp/tonet/
 * java -jar target/tonet-lod.jar serve --tdb2 /var/lib/tonet-lod/db
 * </pre>
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    header =
        "Serve the timeline: SPARQL endpoint, linked-data pages, dumps and dataset description.",
    description = {
      "Builds the data in memory at start-up and serves everything on one port. With --base-iri,"
          + " every IRI, link and redirect uses that base (for a reverse proxy) while the server"
          + " listens on localhost."
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin PublisherOptions publisher;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "3030",
      description = "Port to listen on (0: any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--base-iri",
      paramLabel = "IRI",
      description =
          "Public base of every IRI and link, e.g. https://lod.example.jp/tonet/. Default: http://localhost:PORT/.")
  String baseIri;

  @Option(
      names = "--license",
      paramLabel = "IRI",
      description = "Licence to state as dcterms:license. Without it, no licence is claimed.")
  String license;

  @Option(
      names = "--query-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "Stop a SPARQL query after this many seconds. Default: ${DEFAULT-VALUE}.")
  double queryTimeoutSeconds;

  @Option(
      names = "--max-results",
      paramLabel = "N",
      defaultValue = "10000",
      description = "The most results one SPARQL query may return. Default: ${DEFAULT-VALUE}.")
  long maxResults;

  @Option(
      names = "--allow-service",
      paramLabel = "URL",
      arity = "1..*",
      description =
          "SPARQL endpoints a query on /sparql may call with SERVICE (federation). Without it,"
              + " every SERVICE is refused: an open SERVICE would let anyone make this server"
              + " send requests to any address it can reach.")
  List<String> allowService = new ArrayList<>();

  @Option(
      names = "--query-threads",
      paramLabel = "N",
      description =
          "How many SPARQL queries run at once (each on a thread of its own; pages never wait"
              + " for them). Default: the number of cores.")
  Integer queryThreads;

  @Option(
      names = "--query-queue",
      paramLabel = "N",
      description =
          "How many queries may wait for a free thread; beyond, 503 with Retry-After. Default:"
              + " twice --query-threads.")
  Integer queryQueue;

  @Option(
      names = "--client-queries",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "How many queries one client (IP address, IPv6 /64) may have running or waiting;"
              + " beyond, 429. Default: ${DEFAULT-VALUE}.")
  int clientQueries;

  @Option(
      names = "--client-query-time",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Query time one client may use per minute (it refills continuously); beyond, 429 with"
              + " Retry-After. Default: ${DEFAULT-VALUE}.")
  double clientQueryTimeSeconds;

  @Option(
      names = "--query-memory",
      paramLabel = "MB",
      description =
          "Memory one query may hold (rows kept for ORDER BY, GROUP BY, DISTINCT and joins, path"
              + " steps, its answer). Default: a quarter of the heap shared by the query threads,"
              + " between 16 and 512 MB.")
  Long queryMemoryMb;

  @Option(
      names = "--max-string",
      paramLabel = "CHARS",
      defaultValue = "1048576",
      description =
          "The longest string a query may build (CONCAT, REPLACE, GROUP_CONCAT …). Default:"
              + " ${DEFAULT-VALUE}.")
  int maxString;

  @Option(
      names = "--http-threads",
      paramLabel = "N",
      defaultValue = "64",
      description = "Threads of the web server (pages, downloads). Default: ${DEFAULT-VALUE}.")
  int httpThreads;

  @Option(
      names = "--max-connections",
      paramLabel = "N",
      defaultValue = "2000",
      description = "The most connections open at once. Default: ${DEFAULT-VALUE}.")
  int maxConnections;

  @Option(
      names = "--client-connections",
      paramLabel = "N",
      defaultValue = "64",
      description =
          "The most connections one client may have open (a trusted proxy is not limited)."
              + " Default: ${DEFAULT-VALUE}.")
  int clientConnections;

  @Option(
      names = "--request-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "How long a request's headers, and its body, may take to arrive. Default:"
              + " ${DEFAULT-VALUE}.")
  double requestTimeoutSeconds;

  @Option(
      names = "--idle-timeout",
      paramLabel = "SECONDS",
      defaultValue = "20",
      description =
          "How long a connection may stay silent, a client not reading its answer included."
              + " Default: ${DEFAULT-VALUE}.")
  double idleTimeoutSeconds;

  @Option(
      names = "--trusted-proxy",
      paramLabel = "IP",
      arity = "1..*",
      description =
          "IP address of a reverse proxy in front of this server: its X-Forwarded-For then names"
              + " the client for fair use. Without it, the client is the connection's address.")
  List<String> trustedProxies = new ArrayList<>();

  @Option(
      names = "--cache-size",
      paramLabel = "MB",
      defaultValue = "64",
      description =
          "Memory for what is kept while the server runs: half SPARQL answers, a quarter pages"
              + " and documents, a quarter gzip copies (the least recently used go first; 0 keeps"
              + " none). Default: ${DEFAULT-VALUE}.")
  long cacheSizeMb;

  @Option(
      names = "--max-age",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "How long browsers, proxies and CDNs may keep what is served (Cache-Control). Default:"
              + " ${DEFAULT-VALUE}.")
  long maxAgeSeconds;

  @Mixin BuildCacheOptions buildCache;

  @Option(
      names = "--tdb2",
      paramLabel = "DIR",
      description =
          "Serve SPARQL from a TDB2 database in DIR: built on the first start, reused as it is"
              + " (not rebuilt) on later starts with the same seed, base IRI and options. A"
              + " database that holds anything else is refused, unless --rebuild.")
  Path tdb2;

  @Option(
      names = "--rebuild",
      description =
          "With --tdb2: empty a database that holds another build (another seed, base IRI,"
              + " licence or version) and load this one.")
  boolean rebuild;

  @Option(
      names = "--metrics",
      description =
          "Serve metrics at /$/metrics (Prometheus text), among them the requests refused and the"
              + " connections closed, by reason. Expose that path only to your monitoring.")
  boolean metrics;

  @Option(
      names = "--all-interfaces",
      description = "Listen on every network interface, not only on localhost.")
  boolean allInterfaces;

  private QueryScheduler.Settings fairUse() {
    QueryScheduler.Settings defaults = QueryScheduler.Settings.defaults();
    int slots = queryThreads != null ? queryThreads : defaults.slots();
    return new QueryScheduler.Settings(
        slots,
        queryQueue != null ? queryQueue : 2 * slots,
        clientQueries,
        seconds(clientQueryTimeSeconds, "--client-query-time"));
  }

  private static Duration seconds(double value, String option) {
    if (!(value > 0) || value > 86_400) {
      throw new IllegalArgumentException(
          option + " takes a number of seconds above 0, such as 10 (got " + value + ")");
    }
    return Duration.ofMillis((long) Math.ceil(value * 1000));
  }

  /**
   * What {@code serve} has done before it touches Jena, while Jena starts on its own thread: the
   * council folder's digest taken, and the kept build it finds read and checked.
   *
   * @param council the folder, read only if no kept build is found
   * @param cache the build cache, or null with --no-build-cache
   * @param prefetched whether a kept build was found, read and checked
   */
  record BeforeJena(CouncilSource council, BuildCache cache, boolean prefetched) {}

  /**
   * What needs none of Jena, done while it starts ({@link JenaStart}): the web server's classes
   * loaded, the council folder's digest, which finds a kept build, and that build's files read and
   * checked. Nothing here may touch Jena: its classes start Jena from their static initializers,
   * and two threads doing that at once can each wait for the other ({@code BeforeJenaTest}).
   *
   * @throws SourceException when a file of the council folder cannot be read
   */
  BeforeJena beforeJena() throws SourceException {
    JettyWarmup.loadClasses();
    BuildCache cache = buildCache.folder() == null ? null : new BuildCache(buildCache.folder());
    CouncilSource council = source.councilSource();
    boolean prefetched = false;
    if (cache != null) {
      try {
        Optional<String> key = keptBuildKey(council);
        prefetched = key.isPresent() && cache.prefetch(key.get());
      } catch (IllegalArgumentException e) {
        // options that do not read are reported by the server's builder
      }
    }
    return new BeforeJena(council, cache, prefetched);
  }

  /**
   * The key of the build these options keep, when known before the server binds.
   *
   * @throws IllegalArgumentException when an option does not read
   */
  Optional<String> keptBuildKey(CouncilSource council) throws SourceException {
    return TonetServer.keptBuildKey(
        baseIri, port, council.digest(), license, publisher.publisher(), source.mode());
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    BeforeJena before;
    try {
      before = beforeJena();
    } catch (SourceException e) {
      SourceOptions.report(e, err, "the server did not start");
      return ExitCodes.INVALID;
    } finally {
      JenaStart.await();
    }
    Optional<String> portProblem = TonetServer.portProblem(port, allInterfaces);
    if (portProblem.isPresent()) {
      err.println("error: " + portProblem.get());
      return ExitCodes.IO_ERROR;
    }
    TonetServer server;
    try {
      TonetServer.Builder builder =
          TonetServer.create()
              .port(port)
              .baseIri(baseIri)
              .council(before.council())
              .mode(source.mode())
              .license(license)
              .publisher(publisher.publisher())
              .queryTimeout(seconds(queryTimeoutSeconds, "--query-timeout"))
              .maxResults(maxResults)
              .allInterfaces(allInterfaces)
              .metrics(metrics)
              .allowService(allowService)
              .fairUse(fairUse())
              .maxString(maxString)
              .httpThreads(httpThreads)
              .maxConnections(maxConnections)
              .clientConnections(clientConnections)
              .requestTimeout(seconds(requestTimeoutSeconds, "--request-timeout"))
              .idleTimeout(seconds(idleTimeoutSeconds, "--idle-timeout"))
              .trustedProxies(trustedProxies)
              .cacheSize(cacheSizeMb * 1024 * 1024)
              .maxAge(Duration.ofSeconds(maxAgeSeconds))
              .tdb2(tdb2)
              .rebuild(rebuild)
              .buildCache(before.cache())
              .progress(
                  (what, millis) -> {
                    out.printf("  %6d ms  %s%n", millis, what);
                    out.flush();
                  });
      if (queryMemoryMb != null) {
        builder.queryMemory(queryMemoryMb * 1024 * 1024);
      }
      builder.limits(); // every limit checked before anything starts
      out.printf("tonet-lod: starting on port %d%n", port);
      out.flush();
      server = builder.start();
    } catch (SourceException e) {
      SourceOptions.report(e, err, "the server did not start");
      return ExitCodes.INVALID;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (RuntimeException e) {
      err.println("error: the server could not start: " + e.getMessage());
      return ExitCodes.IO_ERROR;
    }
    out.printf(
        "tonet-lod is serving at %s (started in %d ms)%n",
        server.localUrl(), (System.nanoTime() - started) / 1_000_000);
    if (!server.base().equals(server.localUrl())) {
      out.printf("IRIs and links use the base %s%n", server.base());
    }
    server
        .tdb2Outcome()
        .ifPresent(
            outcome ->
                out.printf(
                    "TDB2 database %s: %s%n",
                    tdb2,
                    outcome == Tdb2Store.Outcome.REUSED
                        ? "reused as it was (it holds this build; nothing rebuilt)"
                        : "built from the seed"));
    TonetServer.Limits limits = server.limits();
    out.printf(
        "limits: a query runs at most %s and returns at most %,d results; %d run at once"
            + " (%d more may wait), a client may have %d running or waiting and %s of query time"
            + " a minute; a query may hold %s (see README, \"Limits and fair use\")%n",
        Sizes.seconds(limits.query().timeout().toMillis()),
        limits.query().maxResults(),
        limits.fairUse().slots(),
        limits.fairUse().queueLength(),
        limits.fairUse().clientQueries(),
        Sizes.seconds(limits.fairUse().clientTimePerMinute().toMillis()),
        Sizes.bytes(limits.query().memoryBytes()));
    out.printf("SPARQL endpoint: %ssparql — press Ctrl+C to stop%n", server.localUrl());
    out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "tonet-lod-stop"));
    server.join();
    return ExitCodes.OK;
  }
}
