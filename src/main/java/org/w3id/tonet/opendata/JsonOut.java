package org.w3id.tonet.opendata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.io.JSWriter;

/**
 * Writes maps (in their iteration order), lists, strings, numbers and booleans as indented JSON, so
 * that the same values give the same bytes; strings are quoted by Jena's JSON writer.
 *
 * <pre>
 * new JsonOut().write(Map.of("url", "tonet-places.csv"), out);
 * </pre>
 */
final class JsonOut {

  /** Writes a value and a final line end. */
  void write(Object value, ByteArrayOutputStream out) {
    StringBuilder s = new StringBuilder();
    write(value, s, "");
    s.append('\n');
    out.writeBytes(s.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void write(Object value, StringBuilder s, String indent) {
    if (value instanceof String text) {
      s.append(JSWriter.outputQuotedString(text));
    } else if (value instanceof Number || value instanceof Boolean) {
      s.append(value);
    } else if (value instanceof Map<?, ?> map) {
      s.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        s.append(indent).append("  ").append(JSWriter.outputQuotedString((String) e.getKey()));
        s.append(": ");
        write(e.getValue(), s, indent + "  ");
        s.append(++i < map.size() ? ",\n" : "\n");
      }
      s.append(indent).append('}');
    } else if (value instanceof List<?> list) {
      s.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        s.append(indent).append("  ");
        write(list.get(i), s, indent + "  ");
        s.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      s.append(indent).append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value);
    }
  }
}
