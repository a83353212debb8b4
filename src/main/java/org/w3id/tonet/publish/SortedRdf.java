package org.w3id.tonet.publish;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.IndentedLineBuffer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;

/**
 * Writes graphs as Turtle, N-Triples, TriG, JSON-LD and RDF/XML in one sorted order, so the same
 * graph always gives the same bytes: subjects by IRI, then rdf:type, rdfs:label and the other
 * predicates by IRI, then objects by their N-Triples form.
 *
 * <pre>
 * try (Writer out = Files.newBufferedWriter(path)) {
 *   SortedRdf.turtle(graph, Prefixes.all(), out);
 * }
 * </pre>
 *
 * <p>The data graph has no blank nodes. The ontology has a few, where OWL needs them
 * (owl:AllDisjointClasses, unions of classes): Turtle and TriG name each by a digest of what it
 * says and where it hangs ({@code _:b5d0c…}), so they sort and print the same every time; JSON-LD
 * writes the same label as a blank node identifier ({@code "@id": "_:b5d0c…"}) and RDF/XML as an
 * {@code rdf:nodeID}.
 *
 * <p>Nodes are formatted as {@code NodeFmtLib.strNT} and {@code NodeFmtLib.str} format them, each
 * IRI once per dump; the sort keys are made once per triple, not once per comparison; a graph
 * written in several formats can be sorted once ({@link #sort}).
 */
public final class SortedRdf {

  private static final Pattern NC_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private SortedRdf() {}

  /** The triples of a graph in the dump order. */
  public static List<Triple> sorted(Graph graph) {
    return sort(graph).triples();
  }

  /**
   * A graph's triples in the dump order, sorted once for every format written from it (export
   * writes the data graph in four). For one thread at a time.
   *
   * <pre>
   * SortedRdf.Sorted data = SortedRdf.sort(graph);
   * SortedRdf.turtle(data, prefixes, ttl);
   * SortedRdf.nTriples(data, nt);
   * </pre>
   */
  public static final class Sorted {
    private final NtForms nt = new NtForms();
    private final List<Block> blocks;

    private Sorted(Graph graph) {
      this.blocks = blocks(graph, nt);
    }

    /** An IRI, or a blank node's identifier ({@code _:} and its stable label). */
    String id(Node node) {
      return node.isBlank() ? "_:" + nt.blankLabels.get(node) : node.getURI();
    }

    /** The triples, in order. */
    public List<Triple> triples() {
      List<Triple> triples = new ArrayList<>();
      for (Block block : blocks) {
        for (Keyed k : block.triples()) {
          triples.add(k.triple());
        }
      }
      return triples;
    }
  }

  /** Sorts a graph's triples once, to write them in several formats. */
  public static Sorted sort(Graph graph) {
    return new Sorted(graph);
  }

  /**
   * A triple with its sort keys within its subject: the predicate key (one String per predicate, so
   * equal predicates have the same key object) and the object in N-Triples form.
   */
  private record Keyed(Triple triple, String predicate, String object) {}

  /** A subject and its triples, sorted. */
  private record Block(Node subject, List<Keyed> triples) {}

  private static final Comparator<Keyed> WITHIN_SUBJECT =
      Comparator.comparing(Keyed::predicate).thenComparing(Keyed::object);

  /**
   * The graph's triples by subject, subjects by IRI, each subject's triples by predicate key and
   * object: the order of (subject IRI, predicate key, object) with fewer and shorter comparisons.
   */
  private static List<Block> blocks(Graph graph, NtForms nt) {
    nt.blankLabels.putAll(BlankNodeLabels.of(graph));
    Map<Node, List<Keyed>> bySubject = new HashMap<>();
    Map<Node, String> predicateKeys = new HashMap<>();
    graph
        .find()
        .forEachRemaining(
            t -> {
              bySubject
                  .computeIfAbsent(t.getSubject(), k -> new ArrayList<>())
                  .add(
                      new Keyed(
                          t,
                          predicateKeys.computeIfAbsent(t.getPredicate(), SortedRdf::predicateKey),
                          nt.of(t.getObject())));
            });
    List<Block> blocks = new ArrayList<>(bySubject.size());
    for (Map.Entry<Node, List<Keyed>> subject : bySubject.entrySet()) {
      subject.getValue().sort(WITHIN_SUBJECT);
      blocks.add(new Block(subject.getKey(), subject.getValue()));
    }
    // Blank nodes after every IRI: U+FFFF sorts after any IRI character.
    blocks.sort(
        Comparator.comparing(
            b ->
                b.subject().isURI()
                    ? b.subject().getURI()
                    : "\uFFFF" + nt.blankLabels.get(b.subject())));
    return blocks;
  }

  private static String predicateKey(Node predicate) {
    if (predicate.equals(RDF.type.asNode())) {
      return "0";
    }
    if (predicate.equals(RDFS.label.asNode())) {
      return "1";
    }
    return "2" + predicate.getURI();
  }

  /**
   * Nodes in N-Triples form, exactly as {@code NodeFmtLib.strNT(node)}: IRIs formatted once each
   * (they repeat), literals each time (they rarely do, and comparing them costs more).
   */
  private static final class NtForms {
    private final NodeFormatter formatter = new NodeFormatterNT();
    private final Map<Node, String> iris = new HashMap<>();
    private final StringAWriter buffer = new StringAWriter();
    final Map<Node, String> blankLabels = new HashMap<>();

    String of(Node node) {
      if (node.isBlank()) {
        return "_:" + blankLabels.get(node);
      }
      if (!node.isURI()) {
        return format(formatter, node, buffer);
      }
      String s = iris.get(node);
      if (s == null) {
        s = format(formatter, node, buffer);
        iris.put(node, s);
      }
      return s;
    }
  }

  /**
   * Nodes in Turtle form with prefixes, exactly as {@code NodeFmtLib.str(node, prefixes)}; IRIs
   * formatted once each.
   */
  private static final class TtlForms {
    private final NodeFormatter formatter;
    private final Map<Node, String> iris = new HashMap<>();
    private final StringAWriter buffer = new StringAWriter();

    final Map<Node, String> blankLabels = new HashMap<>();

    TtlForms(Map<String, String> prefixes) {
      this.formatter = new NodeFormatterTTL(null, PrefixMapFactory.create(prefixes));
    }

    String of(Node node) {
      if (node.isBlank()) {
        return "_:" + blankLabels.get(node);
      }
      if (!node.isURI()) {
        return format(formatter, node, buffer);
      }
      String s = iris.get(node);
      if (s == null) {
        s = format(formatter, node, buffer);
        iris.put(node, s);
      }
      return s;
    }
  }

  private static String format(NodeFormatter formatter, Node node, StringAWriter buffer) {
    buffer.text.setLength(0);
    formatter.format(buffer, node);
    String s = buffer.text.toString();
    if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    // The formatters escape line breaks, so this never happens; if it did, the line-aware buffer
    // NodeFmtLib uses decides what is written.
    IndentedLineBuffer lines = new IndentedLineBuffer();
    formatter.format(lines, node);
    return lines.toString();
  }

  /** The plainest AWriter: characters into a StringBuilder (IndentedLineBuffer checks each one). */
  private static final class StringAWriter implements AWriter {
    final StringBuilder text = new StringBuilder();

    @Override
    public void write(char ch) {
      text.append(ch);
    }

    @Override
    public void write(char[] cbuf) {
      text.append(cbuf);
    }

    @Override
    public void write(String string) {
      text.append(string);
    }

    @Override
    public void print(char ch) {
      text.append(ch);
    }

    @Override
    public void print(char[] cbuf) {
      text.append(cbuf);
    }

    @Override
    public void print(String string) {
      text.append(string);
    }

    @Override
    public void printf(String fmt, Object... args) {
      text.append(String.format(fmt, args));
    }

    @Override
    public void println(String object) {
      text.append(object).append('\n');
    }

    @Override
    public void println() {
      text.append('\n');
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** N-Triples: one sorted line per triple. */
  public static void nTriples(Graph graph, Writer out) throws IOException {
    nTriples(sort(graph), out);
  }

  /** N-Triples of a sorted graph. */
  public static void nTriples(Sorted graph, Writer out) throws IOException {
    Chunk chunk = new Chunk(out);
    for (Block block : graph.blocks) {
      String subject = graph.nt.of(block.subject());
      for (Keyed k : block.triples()) {
        chunk
            .text
            .append(subject)
            .append(' ')
            .append(graph.nt.of(k.triple().getPredicate()))
            .append(' ')
            .append(k.object())
            .append(" .\n");
      }
      chunk.flushIfLarge();
    }
    chunk.flush();
  }

  /**
   * Text gathered in a StringBuilder and handed to the Writer in large pieces: a Writer such as
   * OutputStreamWriter takes a lock and wraps a buffer on every call, so one call per subject
   * rather than five per triple.
   */
  private static final class Chunk {
    private final Writer out;
    final StringBuilder text = new StringBuilder(1 << 13);
    private char[] chars = new char[1 << 13];

    Chunk(Writer out) {
      this.out = out;
    }

    void flushIfLarge() throws IOException {
      if (text.length() >= 1 << 12) {
        flush();
      }
    }

    void flush() throws IOException {
      int n = text.length();
      if (n == 0) {
        return;
      }
      if (chars.length < n) {
        chars = new char[Math.max(n, chars.length * 2)];
      }
      text.getChars(0, n, chars, 0);
      out.write(chars, 0, n);
      text.setLength(0);
    }
  }

  /** Turtle with the given prefixes, one block per subject. */
  public static void turtle(Graph graph, Map<String, String> prefixes, Writer out)
      throws IOException {
    turtle(sort(graph), prefixes, out);
  }

  /** Turtle of a sorted graph. */
  public static void turtle(Sorted graph, Map<String, String> prefixes, Writer out)
      throws IOException {
    writePrefixes(prefixes, out, "@prefix ", " .");
    out.write('\n');
    TtlForms ttl = new TtlForms(prefixes);
    ttl.blankLabels.putAll(graph.nt.blankLabels);
    writeBlocks(graph.blocks, ttl, out, "");
  }

  /** TriG: every named graph in name order, each as sorted Turtle blocks. */
  public static void trig(Map<String, Graph> graphs, Map<String, String> prefixes, Writer out)
      throws IOException {
    writePrefixes(prefixes, out, "@prefix ", " .");
    TtlForms ttl = new TtlForms(prefixes);
    for (Map.Entry<String, Graph> named : new java.util.TreeMap<>(graphs).entrySet()) {
      out.write('\n');
      out.write(ttl.of(org.apache.jena.graph.NodeFactory.createURI(named.getKey())));
      out.write(" {\n");
      NtForms nt = new NtForms();
      List<Block> blocks = blocks(named.getValue(), nt);
      ttl.blankLabels.putAll(nt.blankLabels);
      writeBlocks(blocks, ttl, out, "    ");
      out.write("}\n");
    }
  }

  private static void writePrefixes(
      Map<String, String> prefixes, Writer out, String keyword, String end) throws IOException {
    for (Map.Entry<String, String> p : prefixes.entrySet()) {
      out.write(keyword + p.getKey() + ": <" + p.getValue() + ">" + end + "\n");
    }
  }

  private static void writeBlocks(List<Block> blocks, TtlForms ttl, Writer out, String indent)
      throws IOException {
    Chunk chunk = new Chunk(out);
    StringBuilder text = chunk.text;
    boolean first = true;
    for (Block block : blocks) {
      if (!first) {
        text.append(" .\n\n");
      }
      first = false;
      text.append(indent).append(ttl.of(block.subject())).append('\n');
      String predicateKey = null;
      for (Keyed k : block.triples()) {
        // One key object per predicate: the same object means the same predicate.
        if (k.predicate() != predicateKey) {
          if (predicateKey != null) {
            text.append(" ;\n");
          }
          predicateKey = k.predicate();
          Node predicate = k.triple().getPredicate();
          String p = predicate.equals(RDF.type.asNode()) ? "a" : ttl.of(predicate);
          text.append(indent).append("    ").append(p).append(' ');
        } else {
          text.append(" , ");
        }
        text.append(ttl.of(k.triple().getObject()));
      }
      chunk.flushIfLarge();
    }
    if (!first) {
      text.append(" .\n");
    }
    chunk.flush();
  }

  /**
   * JSON-LD 1.1 with an embedded context of the given prefixes: one node object per subject in the
   * {@code @graph}, values as typed or language-tagged value objects.
   */
  public static void jsonLd(Graph graph, Map<String, String> prefixes, Writer out)
      throws IOException {
    jsonLd(sort(graph), prefixes, out);
  }

  /** JSON-LD of a sorted graph. */
  public static void jsonLd(Sorted graph, Map<String, String> prefixes, Writer out)
      throws IOException {
    PrefixMap map = PrefixMapFactory.create(prefixes);
    out.write("{\n  \"@context\": ");
    out.write(context(prefixes, "  "));
    out.write(",\n  \"@graph\": [");
    Map<Node, Map<Node, List<Node>>> nodes = bySubject(graph.triples());
    boolean firstNode = true;
    for (Map.Entry<Node, Map<Node, List<Node>>> node : nodes.entrySet()) {
      out.write(firstNode ? "\n    {" : ",\n    {");
      firstNode = false;
      out.write("\n      \"@id\": " + json(graph.id(node.getKey())));
      for (Map.Entry<Node, List<Node>> property : node.getValue().entrySet()) {
        // A blank class is not a @type value: it is then said with rdf:type as any property.
        boolean type =
            property.getKey().equals(RDF.type.asNode())
                && property.getValue().stream().allMatch(Node::isURI);
        String key = type ? "@type" : compact(property.getKey().getURI(), map);
        out.write(",\n      " + json(key) + ": ");
        List<String> values = new ArrayList<>();
        for (Node value : property.getValue()) {
          values.add(
              type
                  ? json(compact(value.getURI(), map))
                  : value.isBlank()
                      ? "{\"@id\": " + json(graph.id(value)) + "}"
                      : jsonValue(value, map));
        }
        out.write(values.size() == 1 ? values.get(0) : "[" + String.join(", ", values) + "]");
      }
      out.write("\n    }");
    }
    out.write("\n  ]\n}\n");
  }

  /** The JSON-LD context document of the given prefixes (published as context.jsonld). */
  public static String contextDocument(Map<String, String> prefixes) {
    return "{\n  \"@context\": " + context(prefixes, "  ") + "\n}\n";
  }

  private static String context(Map<String, String> prefixes, String indent) {
    StringBuilder s = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, String> p : prefixes.entrySet()) {
      s.append(first ? "\n" : ",\n").append(indent).append("  ");
      s.append(json(p.getKey())).append(": ").append(json(p.getValue()));
      first = false;
    }
    return s.append("\n").append(indent).append("}").toString();
  }

  private static String jsonValue(Node value, PrefixMap map) {
    if (value.isURI()) {
      return "{\"@id\": " + json(value.getURI()) + "}";
    }
    String lexical = value.getLiteralLexicalForm();
    String lang = value.getLiteralLanguage();
    if (lang != null && !lang.isEmpty()) {
      return "{\"@value\": " + json(lexical) + ", \"@language\": " + json(lang) + "}";
    }
    String datatype = value.getLiteralDatatypeURI();
    if (datatype == null || datatype.equals(XSD.xstring.getURI())) {
      return json(lexical);
    }
    return "{\"@value\": " + json(lexical) + ", \"@type\": " + json(compact(datatype, map)) + "}";
  }

  private static String compact(String iri, PrefixMap map) {
    String prefixed = map.abbreviate(iri);
    return prefixed == null ? iri : prefixed;
  }

  /** A JSON string literal. */
  static String json(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        case '\b' -> s.append("\\b");
        case '\f' -> s.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }

  /** RDF/XML: one rdf:Description per subject, predicates as qualified names. */
  public static void rdfXml(Graph graph, Map<String, String> prefixes, Writer out)
      throws IOException {
    rdfXml(sort(graph), prefixes, out);
  }

  /** RDF/XML of a sorted graph. */
  public static void rdfXml(Sorted graph, Map<String, String> prefixes, Writer out)
      throws IOException {
    List<Triple> triples = graph.triples();
    Map<String, String> namespaces = new LinkedHashMap<>(prefixes);
    for (Triple t : triples) {
      qname(t.getPredicate().getURI(), namespaces);
    }
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF");
    for (Map.Entry<String, String> ns : namespaces.entrySet()) {
      out.write("\n    xmlns:" + ns.getKey() + "=\"" + xml(ns.getValue(), true) + "\"");
    }
    out.write(">\n");
    for (Map.Entry<Node, Map<Node, List<Node>>> node : bySubject(triples).entrySet()) {
      out.write("  <rdf:Description " + xmlNode(node.getKey(), graph, "rdf:about") + ">\n");
      for (Map.Entry<Node, List<Node>> property : node.getValue().entrySet()) {
        String element = qname(property.getKey().getURI(), namespaces);
        for (Node value : property.getValue()) {
          out.write("    <" + element);
          if (!value.isLiteral()) {
            out.write(" " + xmlNode(value, graph, "rdf:resource") + "/>\n");
            continue;
          }
          String lang = value.getLiteralLanguage();
          String datatype = value.getLiteralDatatypeURI();
          if (lang != null && !lang.isEmpty()) {
            out.write(" xml:lang=\"" + xml(lang, true) + "\"");
          } else if (datatype != null && !datatype.equals(XSD.xstring.getURI())) {
            out.write(" rdf:datatype=\"" + xml(datatype, true) + "\"");
          }
          out.write(">" + xml(value.getLiteralLexicalForm(), false) + "</" + element + ">\n");
        }
      }
      out.write("  </rdf:Description>\n");
    }
    out.write("</rdf:RDF>\n");
  }

  /** An IRI as the attribute {@code iriAttribute}, a blank node as its rdf:nodeID. */
  private static String xmlNode(Node node, Sorted graph, String iriAttribute) {
    return node.isBlank()
        ? "rdf:nodeID=\"" + graph.nt.blankLabels.get(node) + "\""
        : iriAttribute + "=\"" + xml(node.getURI(), true) + "\"";
  }

  /** The qualified name of a predicate, declaring a new namespace when no prefix fits. */
  private static String qname(String iri, Map<String, String> namespaces) {
    for (Map.Entry<String, String> ns : namespaces.entrySet()) {
      if (iri.startsWith(ns.getValue())
          && NC_NAME.matcher(iri.substring(ns.getValue().length())).matches()) {
        return ns.getKey() + ":" + iri.substring(ns.getValue().length());
      }
    }
    int split = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1;
    while (split < iri.length() && !NC_NAME.matcher(iri.substring(split)).matches()) {
      split++;
    }
    if (split >= iri.length()) {
      throw new IllegalArgumentException("cannot write predicate " + iri + " in RDF/XML");
    }
    String prefix = "ns" + (namespaces.size() + 1);
    namespaces.put(prefix, iri.substring(0, split));
    return prefix + ":" + iri.substring(split);
  }

  /** XML text or attribute content. */
  static String xml(String text, boolean attribute) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append(attribute ? "&quot;" : "\"");
        case '\r' -> s.append("&#13;");
        case '\t' -> s.append(attribute ? "&#9;" : "\t");
        case '\n' -> s.append(attribute ? "&#10;" : "\n");
        default -> {
          if (c < 0x20) {
            throw new IllegalArgumentException(
                "control character U+%04X cannot be written in XML".formatted((int) c));
          }
          s.append(c);
        }
      }
    }
    return s.toString();
  }

  private static Map<Node, Map<Node, List<Node>>> bySubject(List<Triple> triples) {
    Map<Node, Map<Node, List<Node>>> nodes = new LinkedHashMap<>();
    for (Triple t : triples) {
      nodes
          .computeIfAbsent(t.getSubject(), k -> new LinkedHashMap<>())
          .computeIfAbsent(t.getPredicate(), k -> new ArrayList<>())
          .add(t.getObject());
    }
    return nodes;
  }
}
