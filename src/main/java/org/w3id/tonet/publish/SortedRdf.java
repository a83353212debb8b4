package org.w3id.tonet.publish;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
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
 * <p>Graphs must be free of blank nodes: tonet-lod never makes one, and a blank node has no stable
 * name to sort or write by.
 */
public final class SortedRdf {

  private static final Pattern NC_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private SortedRdf() {}

  /** The triples of a graph in the dump order. */
  public static List<Triple> sorted(Graph graph) {
    List<Triple> triples = new ArrayList<>();
    graph
        .find()
        .forEachRemaining(
            t -> {
              if (t.getSubject().isBlank() || t.getObject().isBlank()) {
                throw new IllegalArgumentException(
                    "blank node in " + t + ": dumps name every node");
              }
              triples.add(t);
            });
    triples.sort(ORDER);
    return triples;
  }

  private static final Comparator<Triple> ORDER =
      Comparator.comparing((Triple t) -> t.getSubject().getURI())
          .thenComparing(t -> predicateKey(t.getPredicate()))
          .thenComparing(t -> NodeFmtLib.strNT(t.getObject()));

  private static String predicateKey(Node predicate) {
    if (predicate.equals(RDF.type.asNode())) {
      return "0";
    }
    if (predicate.equals(RDFS.label.asNode())) {
      return "1";
    }
    return "2" + predicate.getURI();
  }

  /** N-Triples: one sorted line per triple. */
  public static void nTriples(Graph graph, Writer out) throws IOException {
    for (Triple t : sorted(graph)) {
      out.write(NodeFmtLib.strNT(t.getSubject()));
      out.write(' ');
      out.write(NodeFmtLib.strNT(t.getPredicate()));
      out.write(' ');
      out.write(NodeFmtLib.strNT(t.getObject()));
      out.write(" .\n");
    }
  }

  /** Turtle with the given prefixes, one block per subject. */
  public static void turtle(Graph graph, Map<String, String> prefixes, Writer out)
      throws IOException {
    writePrefixes(prefixes, out, "@prefix ", " .");
    out.write('\n');
    writeBlocks(sorted(graph), PrefixMapFactory.create(prefixes), out, "");
  }

  /** TriG: every named graph in name order, each as sorted Turtle blocks. */
  public static void trig(Map<String, Graph> graphs, Map<String, String> prefixes, Writer out)
      throws IOException {
    writePrefixes(prefixes, out, "@prefix ", " .");
    PrefixMap map = PrefixMapFactory.create(prefixes);
    for (Map.Entry<String, Graph> named : new java.util.TreeMap<>(graphs).entrySet()) {
      out.write('\n');
      out.write(NodeFmtLib.str(org.apache.jena.graph.NodeFactory.createURI(named.getKey()), map));
      out.write(" {\n");
      writeBlocks(sorted(named.getValue()), map, out, "    ");
      out.write("}\n");
    }
  }

  private static void writePrefixes(
      Map<String, String> prefixes, Writer out, String keyword, String end) throws IOException {
    for (Map.Entry<String, String> p : prefixes.entrySet()) {
      out.write(keyword + p.getKey() + ": <" + p.getValue() + ">" + end + "\n");
    }
  }

  private static void writeBlocks(
      List<Triple> triples, PrefixMap prefixes, Writer out, String indent) throws IOException {
    Node subject = null;
    Node predicate = null;
    for (Triple t : triples) {
      if (!t.getSubject().equals(subject)) {
        if (subject != null) {
          out.write(" .\n\n");
        }
        subject = t.getSubject();
        predicate = null;
        out.write(indent + NodeFmtLib.str(subject, prefixes) + "\n");
      }
      if (!t.getPredicate().equals(predicate)) {
        if (predicate != null) {
          out.write(" ;\n");
        }
        predicate = t.getPredicate();
        String p = predicate.equals(RDF.type.asNode()) ? "a" : NodeFmtLib.str(predicate, prefixes);
        out.write(indent + "    " + p + " ");
      } else {
        out.write(" , ");
      }
      out.write(NodeFmtLib.str(t.getObject(), prefixes));
    }
    if (subject != null) {
      out.write(" .\n");
    }
  }

  /**
   * JSON-LD 1.1 with an embedded context of the given prefixes: one node object per subject in the
   * {@code @graph}, values as typed or language-tagged value objects.
   */
  public static void jsonLd(Graph graph, Map<String, String> prefixes, Writer out)
      throws IOException {
    PrefixMap map = PrefixMapFactory.create(prefixes);
    out.write("{\n  \"@context\": ");
    out.write(context(prefixes, "  "));
    out.write(",\n  \"@graph\": [");
    Map<Node, Map<Node, List<Node>>> nodes = bySubject(sorted(graph));
    boolean firstNode = true;
    for (Map.Entry<Node, Map<Node, List<Node>>> node : nodes.entrySet()) {
      out.write(firstNode ? "\n    {" : ",\n    {");
      firstNode = false;
      out.write("\n      \"@id\": " + json(node.getKey().getURI()));
      for (Map.Entry<Node, List<Node>> property : node.getValue().entrySet()) {
        boolean type = property.getKey().equals(RDF.type.asNode());
        String key = type ? "@type" : compact(property.getKey().getURI(), map);
        out.write(",\n      " + json(key) + ": ");
        List<String> values = new ArrayList<>();
        for (Node value : property.getValue()) {
          values.add(type ? json(compact(value.getURI(), map)) : jsonValue(value, map));
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
    List<Triple> triples = sorted(graph);
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
      out.write("  <rdf:Description rdf:about=\"" + xml(node.getKey().getURI(), true) + "\">\n");
      for (Map.Entry<Node, List<Node>> property : node.getValue().entrySet()) {
        String element = qname(property.getKey().getURI(), namespaces);
        for (Node value : property.getValue()) {
          out.write("    <" + element);
          if (value.isURI()) {
            out.write(" rdf:resource=\"" + xml(value.getURI(), true) + "\"/>\n");
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
