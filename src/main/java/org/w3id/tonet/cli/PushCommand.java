package org.w3id.tonet.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.jena.rdf.model.Model;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.publish.Exporter;
import org.w3id.tonet.publish.PushException;
import org.w3id.tonet.publish.Pusher;
import org.w3id.tonet.rdf.Iris;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code push --to URL [--graph IRI] [--user U --password-env VAR]}: converts, validates and loads
 * the three named graphs into a SPARQL 1.1 Graph Store Protocol endpoint, replacing each.
 *
 * <pre>
 * TONET_PASSWORD=… java -jar target/tonet-lod.jar push --to http://localhost:3030/ds \
 *     --base-iri https://lod.example.jp/tonet/ --user admin --password-env TONET_PASSWORD
 * </pre>
 */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    headerHeading = "",
    header =
        "Load the data, ontology and description graphs into a SPARQL Graph Store Protocol"
            + " endpoint, replacing each.",
    description = {
      "Each graph is replaced with one HTTP PUT; no other graph of the store is touched, and"
          + " pushing twice leaves the same graphs. The graphs are {base}graph/data (or --graph),"
          + " {base}graph/ontology and {base}graph/meta, sent in that order. Nothing is sent"
          + " unless the data is valid.",
      "Exit status 4 when the store cannot be reached or refuses the data; the message names the"
          + " URL and the graphs already replaced."
    })
public final class PushCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin PublisherOptions publisher;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "URL",
      description =
          "The store's Graph Store Protocol endpoint, e.g. http://localhost:3030/ds for a Fuseki"
              + " dataset; graphs are addressed as URL?graph=IRI.")
  String to;

  @Option(
      names = "--graph",
      paramLabel = "IRI",
      description =
          "Name of the data graph at the store. Default: {base}graph/data. The ontology and the"
              + " description always go to {base}graph/ontology and {base}graph/meta.")
  String graph;

  @Option(
      names = "--base-iri",
      paramLabel = "IRI",
      description =
          "Base of every IRI, e.g. https://lod.example.jp/tonet/. Default: ${DEFAULT-VALUE}.",
      defaultValue = Iris.DEFAULT_BASE)
  String baseIri;

  @Option(
      names = "--license",
      paramLabel = "IRI",
      description = "Licence to state as dcterms:license. Without it, no licence is claimed.")
  String license;

  @Option(
      names = "--user",
      paramLabel = "USER",
      description = "User name to give when the store asks for credentials (HTTP Basic or Digest).")
  String user;

  // The password itself is never an option: command lines end up in shell histories and in
  // `ps` output, environment variables do not.
  @Option(
      names = "--password-env",
      paramLabel = "VAR",
      description = "Name of the environment variable that holds the password for --user.")
  String passwordEnv;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "Give up on a graph when the store has not answered its PUT within this many seconds"
              + " (sending included). Default: ${DEFAULT-VALUE}.")
  double timeoutSeconds;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (!spec.commandLine().getParseResult().hasMatchedOption("--base-iri")) {
      err.println(
          "warning: no --base-iri given: IRIs start with "
              + Iris.DEFAULT_BASE
              + "; data for publication needs --base-iri");
    }
    Iris iris;
    Pusher pusher;
    String dataGraph;
    org.w3id.tonet.publish.Publisher who;
    try {
      iris = new Iris(baseIri);
      who = publisher.publisher();
      dataGraph = graph == null ? iris.graph("data") : absoluteIri("--graph", graph);
      if (!(timeoutSeconds > 0)) {
        throw new IllegalArgumentException(
            "--timeout " + timeoutSeconds + ": the timeout must be positive (seconds)");
      }
      pusher = Pusher.to(to).answerTimeout(Duration.ofMillis((long) (timeoutSeconds * 1000)));
      if ((user == null) != (passwordEnv == null)) {
        throw new IllegalArgumentException("--user and --password-env go together");
      }
      if (user != null) {
        pusher = pusher.credentials(user, password(passwordEnv));
      }
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    }

    Optional<Build> valid = source.validBuild(iris, err, "nothing was pushed");
    if (valid.isEmpty()) {
      return ExitCodes.INVALID;
    }
    Build build = valid.get();

    // The description last: whoever reads it at the store finds the data it describes there.
    Map<String, Model> graphs = new LinkedHashMap<>();
    graphs.put(dataGraph, build.data());
    graphs.put(iris.graph("ontology"), build.ontology());
    graphs.put(iris.graph("meta"), Exporter.publication(build, license, who).meta());
    if (graphs.size() < 3) {
      err.println("error: --graph " + dataGraph + " is the name of another of the three graphs");
      return ExitCodes.USAGE;
    }

    long started = System.nanoTime();
    List<Pusher.Pushed> pushed;
    try {
      pushed = pusher.push(graphs);
    } catch (PushException e) {
      err.println("error: " + e.getMessage());
      if (e.reason() == PushException.Reason.UNAUTHORIZED && user == null) {
        err.println("hint: give --user and --password-env");
      }
      return ExitCodes.STORE_ERROR;
    }
    long triples = 0;
    for (Pusher.Pushed p : pushed) {
      out.printf(
          "replaced <%s>: %d triples (%d ms)%n", p.graph(), p.triples(), p.took().toMillis());
      triples += p.triples();
    }
    out.printf(
        "pushed %d graphs, %d triples, to %s in %d ms%n",
        pushed.size(), triples, pusher.url(), (System.nanoTime() - started) / 1_000_000);
    return ExitCodes.OK;
  }

  /** The password from the environment; an unset or empty variable is a usage error. */
  private static String password(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          "--password-env " + variable + ": that environment variable is not set or is empty");
    }
    return value;
  }

  private static String absoluteIri(String option, String iri) {
    try {
      if (new URI(iri).isAbsolute()) {
        return iri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + ": not an absolute IRI: " + iri);
  }
}
