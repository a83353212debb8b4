package org.w3id.tonet.server.site;

import org.w3id.tonet.opendata.JsonOut;
import org.w3id.tonet.publish.SortedRdf;

/**
 * JSON for the schema.org blocks of pages ({@link JsonOut}, on one line), written so that the
 * result is safe inside {@code <script type="application/ld+json">} (no {@code <}, {@code >} or
 * {@code &} appears unescaped, so no literal can close the script).
 *
 * <pre>
 * Json.write(Map.of("@type", "Event", "name", "</script>")); // {"@type":"Event","name":"\u003c/script\u003e"}
 * </pre>
 */
public final class Json {

  private Json() {}

  private static final JsonOut ONE_LINE = new JsonOut(false, Json::string);

  /**
   * Writes a value: Map (keys in iteration order, null values left out), List, String, Number,
   * Boolean or null.
   */
  public static String write(Object value) {
    return ONE_LINE.write(value);
  }

  /**
   * A JSON string as the dumps write it ({@link SortedRdf#json}), with the characters that could
   * close or open markup escaped too: the JSON is written into a script element of a page.
   */
  private static String string(String text) {
    StringBuilder s = new StringBuilder();
    for (char c : SortedRdf.json(text).toCharArray()) {
      if (c == '<' || c == '>' || c == '&') {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }
}
