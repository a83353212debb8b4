package org.w3id.tonet.rdf;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;
import org.apache.jena.vocabulary.XSD;

/**
 * The prefixes of every graph and dump, pinned as in DESIGN.md.
 *
 * <pre>
 * Prefixes.apply(model);
 * </pre>
 */
public final class Prefixes {

  private Prefixes() {}

  /** Prefix to namespace, in the order the dumps list them. */
  public static Map<String, String> all() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("tonet", TONET.NS);
    map.put("schema", SCHEMA.NS);
    map.put("org", ORG.NS);
    map.put("time", TIME.NS);
    map.put("prov", PROV.NS);
    map.put("dcterms", DCTerms.NS);
    map.put("dcat", DCAT.NS);
    map.put("void", VOID.NS);
    map.put("skos", SKOS.uri);
    map.put("owl", OWL.NS);
    map.put("rdf", RDF.uri);
    map.put("rdfs", RDFS.uri);
    map.put("xsd", XSD.NS);
    return map;
  }

  /** The pinned prefixes as a Jena prefix mapping. */
  public static PrefixMapping asMapping() {
    return PrefixMapping.Factory.create().setNsPrefixes(all()).lock();
  }

  /** Sets the pinned prefixes on a model or graph. */
  public static void apply(PrefixMapping prefixes) {
    prefixes.setNsPrefixes(all());
  }
}
