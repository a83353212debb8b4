package org.w3id.tonet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.w3id.tonet.sparql.ParseMessages;

/**
 * Reads and parses the .rq file of {@code query}, and says once, in a few lines, what is wrong with
 * one that cannot be read or parsed: the file, the line and column, the line itself, and what to do
 * — not Jena's list of thirty tokens that "was expecting one of".
 *
 * <pre>
 * Optional&lt;String&gt; text = QueryFile.read(Path.of("symposia"), err);
 * // error: symposia: no such file; did you mean queries/symposia.rq?
 * </pre>
 */
final class QueryFile {

  /** The position in "… at line 3, column 1." or "Line 3, column 1: …". */
  private static final Pattern POSITION = Pattern.compile("(?i)(?:at )?line (\\d+), column (\\d+)");

  private QueryFile() {}

  /** The text of the query file, or empty after saying why it cannot be read. */
  static Optional<String> read(Path file, PrintWriter err) {
    if (Files.isDirectory(file)) {
      err.println("error: " + file + ": is a folder; give a SPARQL query file (.rq)");
      return Optional.empty();
    }
    if (!Files.exists(file)) {
      err.println("error: " + file + ": no such file; " + suggestion(file));
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (CharacterCodingException e) {
      err.println("error: " + file + ": is not UTF-8 text; save the query as UTF-8");
    } catch (IOException e) {
      err.println("error: " + file + ": cannot be read: " + IoProblem.reason(e));
    }
    return Optional.empty();
  }

  /**
   * What the user probably meant: the name with .rq, or the example of that name in queries/, when
   * it exists; otherwise where the examples are.
   */
  static String suggestion(Path file) {
    List<Path> candidates = new ArrayList<>();
    String name = file.toString();
    if (!name.endsWith(".rq")) {
      candidates.add(Path.of(name + ".rq"));
    }
    if (file.getParent() == null) {
      candidates.add(Path.of("queries", name));
      if (!name.endsWith(".rq")) {
        candidates.add(Path.of("queries", name + ".rq"));
      }
    }
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        return "did you mean " + candidate + "?";
      }
    }
    return "give the path of a SPARQL query file, e.g. queries/symposia.rq (the examples are in"
        + " the queries/ folder of the repository)";
  }

  /**
   * The parsed query, or empty after saying where and why it does not parse, in the words the
   * SPARQL endpoint uses for the same error, with the line and a caret under the place.
   */
  static Optional<Query> parse(Path file, String text, PrintWriter err) {
    try {
      return Optional.of(QueryFactory.create(text, Syntax.syntaxARQ));
    } catch (QueryParseException e) {
      err.println("error: " + file + ": " + ParseMessages.of(e));
      // The message names the offending token's position; getLine() is that of the token before.
      Matcher at = POSITION.matcher(firstLine(e.getMessage()));
      boolean found = at.find();
      int line = found ? Integer.parseInt(at.group(1)) : e.getLine();
      int column = found ? Integer.parseInt(at.group(2)) : e.getColumn();
      String[] lines = text.split("\r?\n", -1);
      if (line > 0 && column > 0 && line <= lines.length) {
        String shown = lines[line - 1].replace('\t', ' ');
        String number = Integer.toString(line);
        err.println("  " + number + " | " + shown);
        err.println(
            "  "
                + " ".repeat(number.length())
                + " | "
                + " ".repeat(Math.min(column - 1, shown.length()))
                + "^");
      }
      err.println("Correct the query there and run it again.");
    } catch (QueryException e) {
      err.println("error: " + file + ": not a query that can run: " + firstLine(e.getMessage()));
    }
    return Optional.empty();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
