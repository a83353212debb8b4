package org.w3id.tonet.server;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
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
   * The graph in an RDF format, declaring only the prefixes it uses. A document is one graph: in
   * TriG and N-Quads its triples are in the default graph (a client that reads a document as quads,
   * as Comunica does first, finds them there), so TriG is its Turtle and N-Quads its N-Triples.
   */
  static String write(Graph graph, Conneg.Format format) {
    StringWriter out = new StringWriter();
    try {
      switch (format) {
        case TURTLE, TRIG -> SortedRdf.turtle(graph, used(graph), out);
        case NTRIPLES, NQUADS -> SortedRdf.nTriples(graph, out);
        case JSONLD -> SortedRdf.jsonLd(graph, used(graph), out);
        case RDFXML -> SortedRdf.rdfXml(graph, used(graph), out);
        case HTML -> throw new IllegalArgumentException("HTML is not an RDF format");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
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
