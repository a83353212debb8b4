package org.w3id.tonet.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code validate [--seed FILE]}: parses, maps and checks the data against the SHACL shapes and the
 * consistency checks; exit 0 when clean, 1 with a report naming source lines.
 *
 * <pre>
 * java -jar target/tonet-lod.jar validate --seed my-timeline.txt
 * </pre>
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header =
        "Read the council folder and its table, and check the data against ontology/shapes.ttl,"
            + " queries/checks/ and the folder's expected.ttl.",
    description = {
      "Exit status 0 when clean; 1 with a report that names the files, lines and cells at fault."
          + " With --lenient, rows that cannot be read are kept as unread text and reported, and"
          + " the exit status is 0 when the rest is valid, as for export --lenient. Each row no"
          + " rule reads (kept as a plain event) is listed with what to add to which file of the"
          + " folder to read it."
    })
public final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Build build;
    try {
      build = source.build(new Iris(Iris.DEFAULT_BASE), err);
    } catch (SourceException e) {
      SourceOptions.report(e, err, "the file does not convert");
      return ExitCodes.INVALID;
    }
    if (!SourceOptions.valid(build, err, null)) {
      return ExitCodes.INVALID;
    }
    PrintWriter out = spec.commandLine().getOut();
    long unread = build.warnings().stream().mapToInt(SourceProblem::line).distinct().count();
    out.printf(
        "valid: %s: %d entries and %d summary counts from %d lines, %d triples%s%n",
        build.timeline().source().fileName(),
        build.timeline().entries().size(),
        build.timeline().counts().size(),
        build.timeline().source().lineCount(),
        build.data().size(),
        unread == 0
            ? ""
            : "; " + unread + (unread == 1 ? " row" : " rows") + " kept as unread text");
    NotRead.print(build, out);
    // --lenient asked for unreadable rows to be kept, as export --lenient keeps them (exit 0):
    // the data is valid, and the rows kept are reported above.
    return ExitCodes.OK;
  }
}
