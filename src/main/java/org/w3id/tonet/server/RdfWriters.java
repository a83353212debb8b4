package org.w3id.tonet.server;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Graph;
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

  /** The graph in an RDF format. */
  static String write(Graph graph, Conneg.Format format) {
    StringWriter out = new StringWriter();
    try {
      switch (format) {
        case TURTLE -> SortedRdf.turtle(graph, PREFIXES, out);
        case NTRIPLES -> SortedRdf.nTriples(graph, out);
        case JSONLD -> SortedRdf.jsonLd(graph, PREFIXES, out);
        case RDFXML -> SortedRdf.rdfXml(graph, PREFIXES, out);
        case HTML -> throw new IllegalArgumentException("HTML is not an RDF format");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
