package org.w3id.tonet.opendata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * A test reader for the subset of W3C CSV on the Web that csv-metadata.json uses, written from the
 * Recommendations ("Model for Tabular Data and Metadata on the Web", "Generating RDF from Tabular
 * Data on the Web", minimal mode), not from our writer: a table group of tables with a url and a
 * tableSchema; columns with name, titles, propertyUrl, valueUrl, aboutUrl, lang, datatype (string,
 * integer, date, boolean, anyURI), separator and suppressOutput; URI templates with {name} and
 * {+name} (RFC 6570 levels 1 and 2) over column names; the default dialect (comma, double quote,
 * header row, CRLF). The header is checked against the titles, as a validating processor does.
 * Anything else in the metadata is refused, so the reader cannot pass over a feature it does not
 * implement.
 *
 * <pre>
 * List&lt;Triple&gt; triples = CsvwReader.read(metadataJson, name -&gt; files.get(name));
 * </pre>
 */
final class CsvwReader {

  private static final Pattern TEMPLATE = Pattern.compile("\\{(\\+?)([A-Za-z0-9_]+)\\}");

  private CsvwReader() {}

  /** One table's triples and rows. */
  record Table(String url, int rows, List<Triple> triples) {}

  /** Reads every table of a table group; {@code files} gives a table's bytes by its url. */
  static List<Table> read(String metadata, Function<String, byte[]> files) {
    JsonObject group = JSON.parse(metadata);
    for (String key : group.keys()) {
      if (!List.of("@context", "dc:title", "tables", "dialect").contains(key)) {
        throw new IllegalArgumentException("not read by this reader: " + key);
      }
    }
    if (group.hasKey("dialect")) {
      JsonObject d = group.get("dialect").getAsObject();
      if (!d.get("header").getAsBoolean().value()
          || !d.get("encoding").getAsString().value().equals("utf-8")) {
        throw new IllegalArgumentException("dialect not read by this reader: " + d);
      }
    }
    List<Table> tables = new ArrayList<>();
    for (JsonValue t : group.get("tables").getAsArray()) {
      JsonObject table = t.getAsObject();
      String url = table.get("url").getAsString().value();
      byte[] bytes = files.apply(url);
      if (bytes == null) {
        throw new IllegalArgumentException("no table " + url);
      }
      tables.add(table(url, table.get("tableSchema").getAsObject(), bytes));
    }
    return tables;
  }

  private static Table table(String url, JsonObject schema, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      throw new IllegalArgumentException(url + ": a byte order mark (the metadata says utf-8)");
    }
    List<List<String>> rows = parse(text, url);
    JsonArray columns = schema.get("columns").getAsArray();
    List<String> header = rows.get(0);
    if (header.size() != columns.size()) {
      throw new IllegalArgumentException(url + ": header " + header + " for " + columns.size());
    }
    for (int i = 0; i < columns.size(); i++) {
      String title = columns.get(i).getAsObject().get("titles").getAsString().value();
      if (!header.get(i).equals(title)) {
        throw new IllegalArgumentException(
            url + ": header cell " + header.get(i) + " is not " + title);
      }
    }
    List<Triple> triples = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      Map<String, String> cells = new java.util.HashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        cells.put(columns.get(i).getAsObject().get("name").getAsString().value(), row.get(i));
      }
      Node about =
          NodeFactory.createURI(expand(schema.get("aboutUrl").getAsString().value(), cells));
      for (JsonValue c : columns) {
        JsonObject column = c.getAsObject();
        for (String key : column.keys()) {
          if (!List.of(
                  "name",
                  "titles",
                  "propertyUrl",
                  "valueUrl",
                  "aboutUrl",
                  "lang",
                  "datatype",
                  "separator",
                  "suppressOutput",
                  "dc:description")
              .contains(key)) {
            throw new IllegalArgumentException("column key not read by this reader: " + key);
          }
        }
        String cell = cells.get(column.get("name").getAsString().value());
        boolean suppressed =
            column.hasKey("suppressOutput") && column.get("suppressOutput").getAsBoolean().value();
        if (suppressed || cell.isEmpty()) {
          continue;
        }
        Node subject =
            column.hasKey("aboutUrl")
                ? NodeFactory.createURI(expand(column.get("aboutUrl").getAsString().value(), cells))
                : about;
        Node property = NodeFactory.createURI(column.get("propertyUrl").getAsString().value());
        List<String> values =
            column.hasKey("separator")
                ? List.of(cell.split(Pattern.quote(column.get("separator").getAsString().value())))
                : List.of(cell);
        for (String value : values) {
          Node object;
          if (column.hasKey("valueUrl") && column.hasKey("separator")) {
            // CSV2RDF expands a valueUrl once per cell, not once per item of a list.
            throw new IllegalArgumentException("a valueUrl on a list cell is not read");
          } else if (column.hasKey("valueUrl")) {
            Map<String, String> one = new java.util.HashMap<>(cells);
            one.put(column.get("name").getAsString().value(), value);
            object =
                NodeFactory.createURI(expand(column.get("valueUrl").getAsString().value(), one));
          } else {
            object = literal(value, column);
          }
          triples.add(Triple.create(subject, property, object));
        }
      }
    }
    return new Table(url, rows.size() - 1, triples);
  }

  private static Node literal(String value, JsonObject column) {
    if (column.hasKey("lang")) {
      return NodeFactory.createLiteralLang(value, column.get("lang").getAsString().value());
    }
    String datatype =
        column.hasKey("datatype") ? column.get("datatype").getAsString().value() : "string";
    XSDDatatype type =
        switch (datatype) {
          case "string" -> XSDDatatype.XSDstring;
          case "integer" -> XSDDatatype.XSDinteger;
          case "date" -> XSDDatatype.XSDdate;
          case "boolean" -> XSDDatatype.XSDboolean;
          case "anyURI" -> XSDDatatype.XSDanyURI;
          default -> throw new IllegalArgumentException("datatype not read: " + datatype);
        };
    if (!type.isValid(value)) {
      throw new IllegalArgumentException("\"" + value + "\" is not a valid " + datatype);
    }
    return NodeFactory.createLiteralDT(value, type);
  }

  /** RFC 6570 {name} (percent-encodes all but unreserved characters) and {+name} (keeps them). */
  static String expand(String template, Map<String, String> cells) {
    Matcher m = TEMPLATE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = cells.get(m.group(2));
      if (value == null) {
        throw new IllegalArgumentException("no column " + m.group(2) + " for " + template);
      }
      m.appendReplacement(
          out, Matcher.quoteReplacement(m.group(1).isEmpty() ? encode(value) : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  /** RFC 4180: CRLF records, "" for a quote inside a quoted cell; a missing CRLF is an error. */
  static List<List<String>> parse(String text, String url) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
        i++;
      } else if (c == '"' && cell.isEmpty()) {
        quoted = true;
        i++;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
        i++;
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i += 2;
      } else if (c == '\n' || c == '\r') {
        throw new IllegalArgumentException(url + ": a line end that is not CRLF at " + i);
      } else {
        cell.append(c);
        i++;
      }
    }
    if (quoted || !row.isEmpty() || !cell.isEmpty()) {
      throw new IllegalArgumentException(url + ": the last record does not end in CRLF");
    }
    int width = rows.get(0).size();
    for (List<String> r : rows) {
      if (r.size() != width) {
        throw new IllegalArgumentException(url + ": a row of " + r.size() + " cells, not " + width);
      }
    }
    return rows;
  }
}
