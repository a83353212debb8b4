package org.w3id.tonet.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.system.Txn;
import org.w3id.tonet.publish.BuildCache;
import org.w3id.tonet.publish.Publisher;
import org.w3id.tonet.publish.Site;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.rdf.Prefixes;
import org.w3id.tonet.source.SourceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code query FILE.rq [--council DIR] [--seed FILE] [--base-iri IRI] [--format
 * table|tsv|csv|json|xml]}: builds the data and runs one SPARQL query against it, on the same
 * dataset the server offers (the named graphs graph/data, graph/ontology, graph/meta and their
 * union as the default graph).
 *
 * <pre>
 * java -jar target/tonet-lod.jar query queries/symposia.rq
 * java -jar target/tonet-lod.jar query queries/symposia.rq --format tsv &gt; symposia.tsv
 * </pre>
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    header = "Run a SPARQL query against the built data and print the result.",
    description = {
      "SELECT results print as a table (IRIs under the base are shown relative to it), ASK as yes"
          + " or no, CONSTRUCT and DESCRIBE as Turtle. The dataset is the server's: three named"
          + " graphs and their union as the default graph. The queries of queries/ are examples."
    })
public final class QueryCommand implements Callable<Integer> {

  /**
   * How SELECT and ASK results are printed: a table, or one of the server's result formats. Jena's
   * languages are looked up when used, not held: picocli reads these constants for every command
   * line, and touching Jena there would start it (and its logging) before any command runs.
   */
  enum Format {
    table,
    tsv,
    csv,
    json,
    xml;

    Lang lang() {
      return switch (this) {
        case table -> null;
        case tsv -> ResultSetLang.RS_TSV;
        case csv -> ResultSetLang.RS_CSV;
        case json -> ResultSetLang.RS_JSON;
        case xml -> ResultSetLang.RS_XML;
      };
    }
  }

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin BuildCacheOptions cache;

  @Parameters(index = "0", paramLabel = "FILE.rq", description = "The SPARQL query to run.")
  Path file;

  @Option(
      names = "--base-iri",
      paramLabel = "IRI",
      description = "Base of every IRI in the data. Default: ${DEFAULT-VALUE}.",
      defaultValue = Iris.DEFAULT_BASE)
  String baseIri;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description =
          "SELECT and ASK results as a readable table, or as SPARQL results in TSV, CSV, JSON or"
              + " XML (${COMPLETION-CANDIDATES}). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Optional<String> text = QueryFile.read(file, err);
    if (text.isEmpty()) {
      return ExitCodes.INVALID;
    }
    Optional<Query> parsed = QueryFile.parse(file, text.get(), err);
    if (parsed.isEmpty()) {
      return ExitCodes.INVALID;
    }
    Query query = parsed.get();
    Iris iris;
    try {
      iris = new Iris(baseIri);
    } catch (IllegalArgumentException e) {
      err.println("error: --base-iri: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Site site;
    try {
      site = site(iris, err);
    } catch (SourceException e) {
      SourceOptions.report(e, err, "the query was not run");
      return ExitCodes.INVALID;
    }
    Dataset dataset = DatasetFactory.wrap(site.dataset());
    Txn.executeRead(dataset, () -> run(query, dataset, iris, out));
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * The server's dataset, made the server's way (what runs here runs the same on /sparql): the
   * build {@code serve} or an earlier query kept for this council folder (its table and every other
   * file), base and reading mode, and never another council's, else a new one, kept for the next
   * time.
   */
  private Site site(Iris iris, PrintWriter err) throws SourceException {
    Path folder = cache.folder();
    if (folder == null) {
      return Site.over(source.build(source.council(), iris, err), null, null);
    }
    BuildCache kept = new BuildCache(folder);
    BuildCache.Found found =
        kept.find(
            source.councilSource(),
            digest -> BuildCache.key(digest, iris.base(), null, Publisher.UNNAMED, source.mode()),
            null);
    if (found.site().isPresent()) {
      return found.site().get();
    }
    // Queried over its own graphs, linked (no copy into a dataset), as serve does.
    Site site = Site.over(source.build(found.council(), iris, err), null, null);
    kept.store(found.key(), site);
    return site;
  }

  private void run(Query query, Dataset dataset, Iris iris, PrintWriter out) {
    try (QueryExecution exec = QueryExecution.dataset(dataset).query(query).build()) {
      if (query.isSelectType()) {
        if (format == Format.table) {
          new ResultTable(Prefixes.asMapping(), iris.base()).print(exec.execSelect(), out);
        } else {
          out.print(resultText(exec, format.lang()));
        }
      } else if (query.isAskType()) {
        boolean answer = exec.execAsk();
        out.print(
            format == Format.table
                ? (answer ? "yes" : "no") + System.lineSeparator()
                : ResultSetMgr.asString(answer, format.lang()));
      } else {
        Model graph = query.isConstructType() ? exec.execConstruct() : exec.execDescribe();
        graph.setNsPrefixes(Prefixes.all());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RDFDataMgr.write(bytes, graph, RDFFormat.TURTLE_PRETTY);
        out.print(bytes.toString(StandardCharsets.UTF_8));
      }
    }
  }

  private static String resultText(QueryExecution exec, Lang lang) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResultSetMgr.write(bytes, exec.execSelect(), lang);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
