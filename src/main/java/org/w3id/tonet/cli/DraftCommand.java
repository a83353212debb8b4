package org.w3id.tonet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.w3id.tonet.council.Drafter;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code draft TABLE --out DIR}: drafts a council folder for a new table: the names and venues
 * found in it with their lines, its titles, verbs and counters, with {@code ?} where the data owner
 * fills in.
 *
 * <pre>
 * java -jar target/tonet-lod.jar draft other-timeline.txt --out councils/other
 * java -jar target/tonet-lod.jar validate --council councils/other
 * </pre>
 */
@Command(
    name = "draft",
    mixinStandardHelpOptions = true,
    header = "Draft a council folder from a new table, to fill in.",
    description = {
      "Copies the table into the folder and writes identity.tsv, names.tsv, words.tsv and"
          + " phrases.tsv: every name and venue the table uses with the lines it is on, the titles,"
          + " verbs and counters its rows are made of, the clauses no rule reads. English, slugs and"
          + " what a title means are written ?: validate reports each until it is filled in, and"
          + " then says, for each row still not read, which file to add what to."
    })
public final class DraftCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "TABLE",
      description = "The council's timeline table (UTF-8, tab-separated).")
  Path table;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The folder to write: new, or empty.")
  Path out;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Drafter.Report report;
    try {
      report = Drafter.draft(table, this.out);
    } catch (SourceException e) {
      SourceOptions.report(e, err, "nothing was written");
      return ExitCodes.INVALID;
    } catch (IOException e) {
      err.println(
          "error: cannot write " + this.out + ": " + IoProblem.reason(e) + "; nothing was written");
      return ExitCodes.IO_ERROR;
    }
    out.printf("drafted %s from %s:%n", report.folder(), table.getFileName());
    for (Map.Entry<String, Integer> f : report.rows().entrySet()) {
      out.printf("  %-13s %3d rows%n", f.getKey(), f.getValue());
    }
    for (SourceProblem p : report.unread()) {
      out.println("  not read at all: " + p);
    }
    out.printf(
        "%d cells are ? (to fill in); then run: validate --council %s%n",
        report.toFill(), report.folder());
    return ExitCodes.OK;
  }
}
