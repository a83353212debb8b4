package org.w3id.tonet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceFile;
import org.w3id.tonet.source.SourceProblem;
import org.w3id.tonet.validate.Violation;
import picocli.CommandLine.Option;

/**
 * The options every command shares: which seed to read, how strictly, and under which base IRI.
 *
 * <pre>
 * &#64;Mixin SourceOptions source;
 * Build build = source.build(iris, err);
 * </pre>
 */
public final class SourceOptions {

  @Option(
      names = "--seed",
      paramLabel = "FILE",
      description =
          "Timeline table to convert (UTF-8, tab-separated). Default: the bundled"
              + " seeds/council-timeline.txt.")
  Path seed;

  @Option(
      names = "--lenient",
      description =
          "Convert what can be read; keep each unreadable row as a tonet:UnreadRow with its text"
              + " and the problem, and report it. Default: strict (any bad row stops the run).")
  boolean lenient;

  /** Reads the seed. */
  public SourceFile read() throws SourceException {
    return seed == null ? SourceFile.bundled() : SourceFile.read(seed);
  }

  /**
   * Reads, parses and maps the seed, printing lenient-mode warnings to err.
   *
   * @throws SourceException with every problem found
   */
  Build build(Iris iris, PrintWriter err) throws SourceException {
    Build build =
        Build.of(read(), lenient ? TimelineParser.Mode.LENIENT : TimelineParser.Mode.STRICT, iris);
    for (SourceProblem warning : build.warnings()) {
      err.println("kept as unread text: " + warning);
    }
    return build;
  }

  /**
   * Reads, parses, maps and validates the seed. When it does not convert or is not valid, prints
   * every problem or violation, then how many there were and {@code consequence}, and returns empty
   * (the command then exits {@link ExitCodes#INVALID}).
   */
  Optional<Build> validBuild(Iris iris, PrintWriter err, String consequence) {
    Build build;
    try {
      build = build(iris, err);
    } catch (SourceException e) {
      report(e, err, consequence);
      return Optional.empty();
    }
    return valid(build, err, consequence) ? Optional.of(build) : Optional.empty();
  }

  /**
   * Whether the build passes the shapes and checks; if not, prints every violation and how many
   * there were, followed by {@code consequence} when it is not null.
   */
  static boolean valid(Build build, PrintWriter err, String consequence) {
    List<Violation> violations = build.validate();
    if (violations.isEmpty()) {
      return true;
    }
    violations.forEach(v -> err.println("invalid: " + v));
    int n = violations.size();
    err.println(
        n
            + (n == 1 ? " violation" : " violations")
            + (consequence == null ? "" : "; " + consequence));
    return false;
  }

  /** Prints every problem and how many there were. */
  static void report(SourceException e, PrintWriter err, String consequence) {
    for (SourceProblem problem : e.problems()) {
      err.println("error: " + problem);
    }
    int n = e.problems().size();
    err.println(n + (n == 1 ? " problem" : " problems") + "; " + consequence);
  }
}
