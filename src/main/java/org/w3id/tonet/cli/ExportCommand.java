package org.w3id.tonet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.publish.Exporter;
import org.w3id.tonet.publish.Preview;
import org.w3id.tonet.publish.Publisher;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.server.Site;
import org.w3id.tonet.server.StaticSite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export --out DIR [--site DIR] [--base-iri IRI] [--council DIR] [--seed FILE] [--license
 * IRI] [--publisher IRI] [--publisher-name NAME] [--contact URI]}: converts, validates and writes
 * the dumps and/or a static site, all or nothing; with {@code --dry-run}, writes nothing and prints
 * what the first rows of the table become.
 *
 * <pre>
 * java -jar target/tonet-lod.jar export --out dist --base-iri https://lod.example.jp/tonet/
 * </pre>
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    headerHeading = "",
    header =
        "Convert the timeline, validate it and write the dumps (Turtle, N-Triples, JSON-LD,"
            + " RDF/XML, TriG, gzip copies, void.ttl, SHA256SUMS).",
    description = {
      "Nothing is written unless the whole conversion is valid; files are written to a staging"
          + " folder and moved into place, SHA256SUMS last."
    })
public final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin PublisherOptions publisher;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder to write the dumps to.")
  Path out;

  @Option(
      names = "--site",
      paramLabel = "DIR",
      description =
          "Folder to write the static site to: every page, every /data/ document and the dumps,"
              + " with the server's paths, and a redirect map for /id/ (nginx, Netlify).")
  Path site;

  @Option(
      names = "--base-iri",
      paramLabel = "IRI",
      description =
          "Base of every IRI, e.g. https://lod.example.jp/tonet/. Default: ${DEFAULT-VALUE}.",
      defaultValue = Iris.DEFAULT_BASE)
  String baseIri;

  @Option(
      names = "--dry-run",
      arity = "0..1",
      fallbackValue = "3",
      paramLabel = "ROWS",
      description =
          "Convert and validate, write nothing, and print the triples made from the first ROWS"
              + " rows of the table (default 3) as Turtle, IRIs relative to the base: what a"
              + " council folder's expected.ttl holds.")
  Integer dryRun;

  @Option(
      names = "--license",
      paramLabel = "IRI",
      description = "Licence to state as dcterms:license. Without it, no licence is claimed.")
  String license;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    if (dryRun != null && dryRun < 1) {
      err.println("error: --dry-run ROWS: expected a number of rows, 1 or more");
      return ExitCodes.USAGE;
    }
    if (dryRun == null && out == null && site == null) {
      err.println(
          "error: give --out DIR (the dumps), --site DIR (a static site), or both; or --dry-run");
      return ExitCodes.USAGE;
    }
    // Checked before the conversion, which takes seconds: a target that cannot be a folder is
    // known at once.
    for (String problem : List.of(folderProblem("--out", out), folderProblem("--site", site))) {
      if (!problem.isEmpty()) {
        err.println("error: " + problem + "; nothing was written");
        return ExitCodes.IO_ERROR;
      }
    }
    if (dryRun == null && !spec.commandLine().getParseResult().hasMatchedOption("--base-iri")) {
      err.println(
          "warning: no --base-iri given: IRIs start with "
              + Iris.DEFAULT_BASE
              + "; dumps for publication need --base-iri");
    }
    Iris iris;
    try {
      iris = new Iris(baseIri);
    } catch (IllegalArgumentException e) {
      err.println("error: --base-iri: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Publisher who;
    try {
      who = publisher.publisher();
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Optional<Build> valid =
        source.validBuild(
            iris, err, dryRun == null ? "nothing was written" : "nothing was written (dry run)");
    if (valid.isEmpty()) {
      return ExitCodes.INVALID;
    }
    Build build = valid.get();
    if (dryRun != null) {
      outWriter.print(Preview.firstRows(build, dryRun));
      outWriter.printf(
          "# dry run: %d triples made and valid; nothing was written%n", build.data().size());
      return ExitCodes.OK;
    }
    Path target = out;
    try {
      if (out != null) {
        List<Path> written = Exporter.export(build, out, license, who);
        outWriter.printf(
            "wrote %d files to %s (%d triples from %s)%n",
            written.size(), out, build.data().size(), build.timeline().source().fileName());
      }
      if (site != null) {
        target = site;
        List<Path> written =
            StaticSite.write(
                Site.of(
                    build,
                    license,
                    who,
                    org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem()),
                site);
        outWriter.printf(
            "wrote a static site of %d files to %s for %s (see %s)%n",
            written.size(), site, iris.base(), StaticSite.NGINX);
      }
      return ExitCodes.OK;
    } catch (IOException e) {
      err.println(
          "error: cannot write into "
              + target
              + ": "
              + IoProblem.reason(e)
              + "; nothing there was replaced");
      return ExitCodes.IO_ERROR;
    }
  }

  /**
   * Why a folder cannot be written to, or "" when it can as far as can be seen beforehand: a file
   * where the folder should be, or the top of a git checkout (the dumps or a site would be spread
   * among the sources; a folder of its own, such as site/, is what is meant).
   */
  static String folderProblem(String option, Path folder) {
    if (folder == null) {
      return "";
    }
    String named = option + " " + folder;
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      return named + ": is a file, not a folder; give a folder (it is made if missing)";
    }
    if (Files.exists(folder.resolve(".git"))) {
      return named
          + ": is the top of a git checkout; write into a folder of its own, e.g. "
          + option
          + (option.equals("--site") ? " site" : " dist");
    }
    for (Path up = folder.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
      if (Files.exists(up)) {
        return Files.isDirectory(up)
            ? ""
            : named + ": " + up + " is a file, so no folder can be made below it";
      }
    }
    return "";
  }
}
