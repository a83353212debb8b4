package org.w3id.tonet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.council.CouncilFolder;
import org.w3id.tonet.council.CouncilSource;
import org.w3id.tonet.council.Expected;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceFile;
import org.w3id.tonet.source.SourceProblem;
import picocli.CommandLine.Option;

/**
 * The options every command that reads a table shares: which council folder, which table, and how
 * strictly.
 *
 * <pre>
 * &#64;Mixin SourceOptions source;
 * Build build = source.build(iris, err);
 * </pre>
 */
public final class SourceOptions {

  @Option(
      names = "--council",
      paramLabel = "DIR",
      description =
          "Council folder to publish: its table and the names, words, places and identity to read"
              + " and publish it with (docs/council-folders.md). Default: the bundled folder"
              + " of the repository's seeds/.")
  Path council;

  @Option(
      names = "--seed",
      paramLabel = "FILE",
      description =
          "Timeline table to convert in place of the folder's own (UTF-8, tab-separated); the"
              + " folder's other files stay. Default: the folder's table (for the bundled folder,"
              + " seeds/council-timeline.txt).")
  Path seed;

  @Option(
      names = "--lenient",
      description =
          "Convert what can be read; keep each unreadable row as a tonet:UnreadRow with its text"
              + " and the problem, and report it. Default: strict (any bad row stops the run).")
  boolean lenient;

  /**
   * Reads the council folder, with the --seed table in place of its own when given.
   *
   * @throws SourceException with every problem of every file of the folder
   */
  public Council council() throws SourceException {
    if (council == null) {
      Council bundled = Council.bundled();
      return seed == null ? bundled : bundled.withTable(SourceFile.read(seed));
    }
    return Council.read(CouncilFolder.of(council), seed);
  }

  /**
   * The council folder of these options, read only when it must be ({@code serve} finds a kept
   * build by the folder's digest without reading it). The digest is taken now, from the files'
   * bytes alone, without Jena: {@code serve} takes it while Jena starts on another thread.
   *
   * @throws SourceException when a file of the folder cannot be read
   */
  public CouncilSource councilSource() throws SourceException {
    // The digest of the council council() reads (empty when the bytes cannot say: then read it).
    Optional<String> digest =
        Council.digestOf(
            council == null ? CouncilFolder.bundled() : CouncilFolder.of(council), seed);
    return new CouncilSource() {
      @Override
      public Optional<String> digest() {
        return digest;
      }

      @Override
      public Council read() throws SourceException {
        return council();
      }
    };
  }

  /** Strict, or lenient with --lenient. */
  TimelineParser.Mode mode() {
    return lenient ? TimelineParser.Mode.LENIENT : TimelineParser.Mode.STRICT;
  }

  /**
   * Reads, parses and maps the seed, printing lenient-mode warnings to err.
   *
   * @throws SourceException with every problem found
   */
  Build build(Iris iris, PrintWriter err) throws SourceException {
    return build(council(), iris, err);
  }

  /**
   * Parses and maps a council folder already read, printing lenient-mode warnings to err.
   *
   * @throws SourceException with every problem found
   */
  Build build(Council council, Iris iris, PrintWriter err) throws SourceException {
    Build build = Build.of(council, mode(), iris);
    for (String warning : grouped(build.warnings())) {
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
   * Whether the build passes the shapes and checks and matches its folder's expected.ttl; if not,
   * prints every violation and difference and how many there were, followed by {@code consequence}
   * when it is not null.
   */
  static boolean valid(Build build, PrintWriter err, String consequence) {
    List<String> faults = new ArrayList<>();
    build.validate().forEach(v -> faults.add(v.toString()));
    try {
      Expected.check(build.council(), build.data(), build.iris().base())
          .forEach(d -> faults.add(d.toString()));
    } catch (SourceException e) {
      e.problems().forEach(p -> faults.add(p.toString()));
    }
    if (faults.isEmpty()) {
      return true;
    }
    faults.forEach(v -> err.println("invalid: " + v));
    int n = faults.size();
    err.println(
        n
            + (n == 1 ? " violation" : " violations")
            + (consequence == null ? "" : "; " + consequence));
    return false;
  }

  /**
   * Prints every problem once, and how many there were: the same problem on many lines (a file that
   * is not a timeline at all has one on every line) is one message naming all its lines.
   */
  static void report(SourceException e, PrintWriter err, String consequence) {
    for (String problem : grouped(e.problems())) {
      err.println("error: " + problem);
    }
    int n = e.problems().size();
    err.println(n + (n == 1 ? " problem" : " problems") + "; " + consequence);
  }

  /** How many lines a grouped message names one by one before it says how many more. */
  static final int LINES_SHOWN = 8;

  /**
   * The problems as messages, in the order they were found, each distinct message once: those that
   * differ only in their line are merged into one naming the lines ({@code [lines 3–6, 8, cell
   * 1]}).
   */
  static List<String> grouped(List<SourceProblem> problems) {
    Map<String, List<SourceProblem>> byMessage = new LinkedHashMap<>();
    for (SourceProblem p : problems) {
      String key = p.file() + "\t" + p.cell() + "\t" + p.message() + "\t" + (p.line() == 0);
      byMessage.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
    List<String> messages = new ArrayList<>();
    for (List<SourceProblem> same : byMessage.values()) {
      SourceProblem first = same.get(0);
      if (same.size() == 1 || first.line() == 0) {
        same.forEach(p -> messages.add(p.toString()));
        continue;
      }
      List<Integer> lines = same.stream().map(SourceProblem::line).sorted().distinct().toList();
      messages.add(
          first.file()
              + ": "
              + first.message()
              + " ["
              + lineList(lines)
              + (first.cell() == 0 ? "" : "; cell " + first.cell())
              + "]");
    }
    return messages;
  }

  /** "line 3", "lines 3–6, 8, 10" or, for many, "255 lines: 3–6, 8, 10–12, …, 256". */
  static String lineList(List<Integer> lines) {
    List<String> ranges = new ArrayList<>();
    int start = lines.get(0);
    int end = start;
    for (int i = 1; i <= lines.size(); i++) {
      if (i < lines.size() && lines.get(i) == end + 1) {
        end = lines.get(i);
        continue;
      }
      ranges.add(start == end ? Integer.toString(start) : start + "–" + end);
      if (i < lines.size()) {
        start = lines.get(i);
        end = start;
      }
    }
    if (lines.size() == 1) {
      return "line " + lines.get(0);
    }
    if (ranges.size() <= LINES_SHOWN) {
      return "lines " + String.join(", ", ranges);
    }
    return lines.size()
        + " lines: "
        + String.join(", ", ranges.subList(0, LINES_SHOWN))
        + ", …, "
        + ranges.get(ranges.size() - 1);
  }
}
