package org.w3id.tonet.server;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.w3id.tonet.publish.SortedRdf;
import org.w3id.tonet.rdf.Prefixes;

/**
 * Writes a graph in a negotiated RDF format, sorted as the dumps are.
 *
 * <pre>
 * String turtle = RdfWriters.write(graph, Conneg.Format.TURTLE);
 * </pre>
 */
final class RdfWriters {

  private static final Map<String, String> PREFIXES = prefixes();

  private RdfWriters() {}

  private static Map<String, String> prefixes() {
    Map<String, String> map = new LinkedHashMap<>(Prefixes.all());
    map.put("foaf", FOAF.NS);
    map.put("spdx", "http://spdx.org/rdf/terms#");
    map.put("sd", "http://www.w3.org/ns/sparql-service-description#");
    return map;
  }

  /**
   * The graph in an RDF format, declaring only the prefixes it uses; in TriG or N-Quads its triples
   * are in the default graph.
   */
  static String write(Graph graph, Conneg.Format format) {
    return write(graph, format, Map.of());
  }

  /**
   * The graph in an RDF format; in TriG or N-Quads each triple is in every one of the named graphs
   * that holds it (a resource's triples in {base}graph/data, an ontology term's label in
   * graph/ontology), and in the default graph when none does.
   */
  static String write(Graph graph, Conneg.Format format, Map<String, Graph> namedGraphs) {
    StringWriter out = new StringWriter();
    try {
      switch (format) {
        case TURTLE -> SortedRdf.turtle(graph, used(graph), out);
        case NTRIPLES -> SortedRdf.nTriples(graph, out);
        case JSONLD -> SortedRdf.jsonLd(graph, used(graph), out);
        case RDFXML -> SortedRdf.rdfXml(graph, used(graph), out);
        case TRIG, NQUADS -> quads(graph, format, namedGraphs, out);
        case HTML -> throw new IllegalArgumentException("HTML is not an RDF format");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void quads(
      Graph graph, Conneg.Format format, Map<String, Graph> namedGraphs, StringWriter out)
      throws IOException {
    Map<String, Graph> placed = new TreeMap<>();
    Graph unplaced = GraphFactory.createDefaultGraph();
    graph
        .find()
        .forEachRemaining(
            t -> {
              boolean held = false;
              for (Map.Entry<String, Graph> named : namedGraphs.entrySet()) {
                if (named.getValue().contains(t)) {
                  placed
                      .computeIfAbsent(named.getKey(), k -> GraphFactory.createDefaultGraph())
                      .add(t);
                  held = true;
                }
              }
              if (!held) {
                unplaced.add(t);
              }
            });
    if (format == Conneg.Format.NQUADS) {
      // N-Triples lines are N-Quads lines in the default graph; a named graph's lines get its
      // name before the final " .".
      SortedRdf.nTriples(unplaced, out);
      for (Map.Entry<String, Graph> named : placed.entrySet()) {
        StringWriter lines = new StringWriter();
        SortedRdf.nTriples(named.getValue(), lines);
        String suffix = " <" + named.getKey() + "> .\n";
        for (String line : lines.toString().split("\n")) {
          if (!line.isEmpty()) {
            out.write(line.substring(0, line.length() - 2));
            out.write(suffix);
          }
        }
      }
      return;
    }
    Map<String, String> prefixes = used(graph);
    if (placed.isEmpty()) {
      // Turtle is TriG with every triple in the default graph.
      SortedRdf.turtle(unplaced, prefixes, out);
      return;
    }
    SortedRdf.trig(placed, prefixes, out);
    if (!unplaced.isEmpty()) {
      // Statements outside any { } block are in the default graph; TriG allows them after the
      // named graphs. The prefixes are declared above, so they are not declared again.
      StringWriter turtle = new StringWriter();
      SortedRdf.turtle(unplaced, prefixes, turtle);
      List<String> lines = turtle.toString().lines().toList();
      int body = 0;
      while (body < lines.size() && lines.get(body).startsWith("@prefix ")) {
        body++;
      }
      out.write(String.join("\n", lines.subList(body, lines.size())));
      out.write("\n");
    }
  }

  /** The pinned prefixes whose namespace some IRI of the graph (or a literal's datatype) is in. */
  static Map<String, String> used(Graph graph) {
    Set<String> iris = new HashSet<>();
    graph
        .find()
        .forEachRemaining(
            t -> {
              for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()}) {
                if (n.isURI()) {
                  iris.add(n.getURI());
                } else if (n.isLiteral()) {
                  iris.add(n.getLiteralDatatypeURI());
                }
              }
            });
    Map<String, String> used = new LinkedHashMap<>();
    for (Map.Entry<String, String> p : PREFIXES.entrySet()) {
      String namespace = p.getValue();
      if (iris.stream()
          .anyMatch(iri -> iri.startsWith(namespace) && iri.length() > namespace.length())) {
        used.put(p.getKey(), namespace);
      }
    }
    return used;
  }
}
