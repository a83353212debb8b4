package org.w3id.tonet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.server.Tdb2Store;
import org.w3id.tonet.server.TonetServer;
import org.w3id.tonet.source.SourceException;
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
      names = "--all-interfaces",
      description = "Listen on every network interface, not only on localhost.")
  boolean allInterfaces;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    TonetServer server;
    try {
      server =
          TonetServer.create()
              .port(port)
              .baseIri(baseIri)
              .seed(source.read())
              .mode(source.lenient ? TimelineParser.Mode.LENIENT : TimelineParser.Mode.STRICT)
              .license(license)
              .queryTimeout(Duration.ofMillis((long) (queryTimeoutSeconds * 1000)))
              .maxResults(maxResults)
              .allInterfaces(allInterfaces)
              .allowService(allowService)
              .tdb2(tdb2)
              .rebuild(rebuild)
              .start();
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
    out.printf("SPARQL endpoint: %ssparql — press Ctrl+C to stop%n", server.localUrl());
    out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "tonet-lod-stop"));
    server.join();
    return ExitCodes.OK;
  }
}
