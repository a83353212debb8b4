package org.w3id.tonet.server.site;

import java.util.List;
import java.util.Map;
import org.w3id.tonet.publish.SortedRdf;

/**
 * A minimal JSON writer for the schema.org blocks of pages: maps, lists, strings and numbers,
 * written so that the result is safe inside {@code <script type="application/ld+json">} (no {@code
 * <}, {@code >} or {@code &} appears unescaped, so no literal can close the script).
 *
 * <pre>
 * Json.write(Map.of("@type", "Event", "name", "</script>")); // {"@type":"Event","name":"\u003c/script\u003e"}
 * </pre>
 */
public final class Json {

  private Json() {}

  /** Writes a value: Map (keys in iteration order), List, String, Number, Boolean or null. */
  public static String write(Object value) {
    StringBuilder s = new StringBuilder();
    write(value, s);
    return s.toString();
  }

  private static void write(Object value, StringBuilder s) {
    if (value == null) {
      s.append("null");
    } else if (value instanceof String text) {
      string(text, s);
    } else if (value instanceof Number || value instanceof Boolean) {
      s.append(value);
    } else if (value instanceof Map<?, ?> map) {
      s.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        if (!first) {
          s.append(',');
        }
        first = false;
        string(String.valueOf(e.getKey()), s);
        s.append(':');
        write(e.getValue(), s);
      }
      s.append('}');
    } else if (value instanceof List<?> list) {
      s.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          s.append(',');
        }
        write(list.get(i), s);
      }
      s.append(']');
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON");
    }
  }

  /**
   * A JSON string as the dumps write it ({@link SortedRdf#json}), with the characters that could
   * close or open markup escaped too: the JSON is written into a script element of a page.
   */
  private static void string(String text, StringBuilder s) {
    for (char c : SortedRdf.json(text).toCharArray()) {
      if (c == '<' || c == '>' || c == '&') {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
  }
}
