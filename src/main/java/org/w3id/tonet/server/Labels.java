package org.w3id.tonet.server;

import java.util.Locale;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.tonet.rdf.Prefixes;

/**
 * The labels of a resource in one language, and a readable name for anything.
 *
 * <pre>
 * Labels.of(model, iri, "ja"); // 第2回協議会臨時総会, or null
 * Labels.name(model, iri);     // the Japanese label, else English, else a prefixed name
 * </pre>
 */
final class Labels {

  private Labels() {}

  /** The resource's rdfs:label (else skos:prefLabel) in exactly this language, or null. */
  static String of(Model model, String iri, String lang) {
    Resource r = model.getResource(iri);
    for (var property : java.util.List.of(RDFS.label, SKOS.prefLabel)) {
      for (Statement s : r.listProperties(property).toList()) {
        RDFNode o = s.getObject();
        if (o.isLiteral() && o.asLiteral().getLanguage().toLowerCase(Locale.ROOT).equals(lang)) {
          return o.asLiteral().getString();
        }
      }
    }
    return null;
  }

  /** The best name for a resource: Japanese, English, romanized, a prefixed name, the IRI. */
  static String name(Model model, String iri) {
    for (String lang : new String[] {"ja", "en", "ja-latn"}) {
      String label = of(model, iri, lang);
      if (label != null) {
        return label;
      }
    }
    return shortName(iri);
  }

  /** A prefixed name (tonet:Symposium) where a pinned prefix fits, else the IRI. */
  static String shortName(String iri) {
    for (var p : Prefixes.all().entrySet()) {
      if (iri.startsWith(p.getValue()) && iri.length() > p.getValue().length()) {
        return p.getKey() + ":" + iri.substring(p.getValue().length());
      }
    }
    return iri;
  }
}
