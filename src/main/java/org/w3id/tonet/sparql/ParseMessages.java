package org.w3id.tonet.sparql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.QueryParseException;

/**
 * Says in one line why a query does not parse: where, what was found, and a few of the things that
 * could have come there. ARQ's own message lists every token the grammar allows (often thirty lines
 * of "Was expecting one of").
 *
 * <pre>
 * ParseMessages.of(e);
 * // the query does not parse at line 1, column 26: it ends too early; expected one of: values,
 * // graph, optional, minus, bind, service, "{", "}" … (21 possibilities)
 * </pre>
 */
public final class ParseMessages {

  /** How many expected tokens are named. */
  static final int SHOWN = 8;

  private static final Pattern ENCOUNTERED =
      Pattern.compile(
          "Encountered \" ?(?:<[A-Za-z0-9_]+>|\"(?:[^\"]|\"\")*\") \"(.*?) ?\"\" at line (\\d+), column (\\d+)");
  private static final Pattern AT = Pattern.compile("at line (\\d+), column (\\d+)\\.?");
  private static final Pattern LEXICAL =
      Pattern.compile("Lexical error at line (\\d+), column (\\d+)\\.\\s+Encountered: (.*)");

  private ParseMessages() {}

  /** The one-line message for a parse error. */
  public static String of(QueryParseException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String[] lines = message.split("\\R");
    String first = lines.length == 0 ? "" : lines[0].strip();
    List<String> expected = expected(lines);
    String where;
    String what;
    Matcher m;
    if ((m = LEXICAL.matcher(first)).find()) {
      where = at(m.group(1), m.group(2));
      what =
          m.group(3).startsWith("<EOF>")
              ? "a string, IRI or comment is not closed before the end of the query"
              : "a character that cannot begin anything here";
    } else if (first.startsWith("Encountered \"<EOF>\"") && (m = AT.matcher(first)).find()) {
      where = at(m.group(1), m.group(2));
      what = "it ends too early";
    } else if ((m = ENCOUNTERED.matcher(first)).find()) {
      where = at(m.group(2), m.group(3));
      what = "unexpected \"" + m.group(1).strip() + "\"";
    } else {
      String rest = first.replaceFirst("^Line \\d+, column \\d+: ", "");
      where =
          e.getLine() > 0 ? at(Integer.toString(e.getLine()), Integer.toString(e.getColumn())) : "";
      what = rest.isEmpty() ? "it is not SPARQL" : lowerFirst(rest);
    }
    StringBuilder out = new StringBuilder("the query does not parse").append(where).append(": ");
    out.append(what);
    if (!expected.isEmpty()) {
      out.append("; expected one of: ")
          .append(String.join(", ", expected.subList(0, Math.min(SHOWN, expected.size()))));
      if (expected.size() > SHOWN) {
        out.append(" … (").append(expected.size()).append(" possibilities)");
      }
    }
    return out.toString();
  }

  private static String at(String line, String column) {
    return " at line " + line + ", column " + column;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static List<String> expected(String[] lines) {
    Set<String> out = new LinkedHashSet<>();
    boolean inList = false;
    for (String line : lines) {
      String l = line.strip();
      if (l.startsWith("Was expecting")) {
        inList = true;
        continue;
      }
      if (!inList || l.isEmpty()) {
        continue;
      }
      l = l.replaceFirst("\\s*\\.\\.\\.$", "");
      out.add(readable(l));
    }
    return new ArrayList<>(out);
  }

  private static String readable(String token) {
    return switch (token) {
      case "<IRIref>" -> "an IRI";
      case "<PNAME_NS>", "<PNAME_LN>" -> "a prefixed name";
      case "<VAR1>", "<VAR2>" -> "a variable";
      case "<STRING_LITERAL1>",
          "<STRING_LITERAL2>",
          "<STRING_LITERAL_LONG1>",
          "<STRING_LITERAL_LONG2>" ->
          "a string";
      case "<INTEGER>", "<DECIMAL>", "<DOUBLE>" -> "a number";
      default ->
          token.startsWith("\"") && token.endsWith("\"") && token.length() > 2
              ? (token.substring(1, token.length() - 1).matches("[A-Za-z_]+")
                  ? token.substring(1, token.length() - 1)
                  : token)
              : token.replaceAll("[<>]", "").toLowerCase(java.util.Locale.ROOT);
    };
  }
}
