package org.w3id.tonet.opendata;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.jena.atlas.json.io.JSWriter;

/**
 * Writes maps (keys in iteration order; an entry whose value is null is left out), lists, strings,
 * numbers, booleans and null as JSON, so that the same values give the same bytes: indented, for a
 * file people read (the CSVW metadata), or on one line, for JSON inside a page (the pages'
 * schema.org blocks, whose writer quotes strings its own way).
 *
 * <pre>
 * JsonOut.INDENTED.write(Map.of("url", "tonet-places.csv")); // {\n  "url": "tonet-places.csv"\n}
 * new JsonOut(false, quote).write(List.of(1, "a"));          // [1,"a"]
 * </pre>
 */
public final class JsonOut {

  /** Indented by two spaces, strings quoted by Jena's JSON writer. */
  public static final JsonOut INDENTED = new JsonOut(true, JSWriter::outputQuotedString);

  private final boolean indented;
  private final UnaryOperator<String> quote;

  /**
   * A writer, indented or on one line, that writes each string (and key) as {@code quote} gives it,
   * quotes included.
   */
  public JsonOut(boolean indented, UnaryOperator<String> quote) {
    this.indented = indented;
    this.quote = quote;
  }

  /** The JSON text of a value. */
  public String write(Object value) {
    StringBuilder s = new StringBuilder();
    write(value, s, "");
    return s.toString();
  }

  private void write(Object value, StringBuilder s, String indent) {
    if (value == null) {
      s.append("null");
    } else if (value instanceof String text) {
      s.append(quote.apply(text));
    } else if (value instanceof Number || value instanceof Boolean) {
      s.append(value);
    } else if (value instanceof Map<?, ?> map) {
      s.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        first = next(first, s, indent);
        s.append(quote.apply(String.valueOf(e.getKey()))).append(indented ? ": " : ":");
        write(e.getValue(), s, indent + "  ");
      }
      close(s, indent, '}');
    } else if (value instanceof List<?> list) {
      s.append('[');
      boolean first = true;
      for (Object item : list) {
        first = next(first, s, indent);
        write(item, s, indent + "  ");
      }
      close(s, indent, ']');
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON");
    }
  }

  /** Before a member: the comma after the one before, and its own line when indented. */
  private boolean next(boolean first, StringBuilder s, String indent) {
    if (!first) {
      s.append(',');
    }
    if (indented) {
      s.append('\n').append(indent).append("  ");
    }
    return false;
  }

  private void close(StringBuilder s, String indent, char bracket) {
    if (indented) {
      s.append('\n').append(indent);
    }
    s.append(bracket);
  }
}
