package org.w3id.tonet.server.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
 *
 * <p>Standard terms (schema:location, prov:wasDerivedFrom …) have no labels in our graphs; their
 * display names come from {@code lexicon/terms.tsv}, for the pages only.
 */
public final class Labels {

  static final String TERMS_RESOURCE = "/lexicon/terms.tsv";

  /** IRI → language ("ja", "en") → display name, from {@link #TERMS_RESOURCE}. */
  private static final Map<String, Map<String, String>> TERMS = loadTerms();

  private Labels() {}

  /**
   * The resource's rdfs:label (else skos:prefLabel) in exactly this language; for a standard term
   * without one, its display name from {@code lexicon/terms.tsv}; else null.
   */
  public static String of(Model model, String iri, String lang) {
    Resource r = model.getResource(iri);
    for (var property : java.util.List.of(RDFS.label, SKOS.prefLabel)) {
      for (Statement s : r.listProperties(property).toList()) {
        RDFNode o = s.getObject();
        if (o.isLiteral() && o.asLiteral().getLanguage().toLowerCase(Locale.ROOT).equals(lang)) {
          return o.asLiteral().getString();
        }
      }
    }
    return term(iri, lang);
  }

  /** A standard term's display name in "ja" or "en" from {@code lexicon/terms.tsv}, or null. */
  static String term(String iri, String lang) {
    Map<String, String> names = TERMS.get(iri);
    return names == null ? null : names.get(lang);
  }

  /** The IRIs that {@code lexicon/terms.tsv} names. */
  static java.util.Set<String> terms() {
    return TERMS.keySet();
  }

  private static Map<String, Map<String, String>> loadTerms() {
    InputStream in = Labels.class.getResourceAsStream(TERMS_RESOURCE);
    if (in == null) {
      throw new IllegalStateException(TERMS_RESOURCE + " is missing from the class path");
    }
    Map<String, Map<String, String>> terms = new HashMap<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      boolean header = true;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] cells = line.split("\t", -1);
        String where = TERMS_RESOURCE + " line " + number;
        if (cells.length != 3 || cells[1].isBlank() || cells[2].isBlank()) {
          throw new IllegalStateException(where + ": expected term, Japanese, English");
        }
        String iri = expand(cells[0].strip(), where);
        if (terms.put(iri, Map.of("ja", cells[1].strip(), "en", cells[2].strip())) != null) {
          throw new IllegalStateException(where + ": " + cells[0] + " is listed twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(terms);
  }

  private static String expand(String term, String where) {
    if (term.startsWith("<") && term.endsWith(">")) {
      return term.substring(1, term.length() - 1);
    }
    int colon = term.indexOf(':');
    String namespace = colon < 0 ? null : Prefixes.all().get(term.substring(0, colon));
    if (namespace == null) {
      throw new IllegalStateException(where + ": " + term + " has no pinned prefix; write <IRI>");
    }
    return namespace + term.substring(colon + 1);
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
  public static String shortName(String iri) {
    for (var p : Prefixes.all().entrySet()) {
      if (iri.startsWith(p.getValue()) && iri.length() > p.getValue().length()) {
        return p.getKey() + ":" + iri.substring(p.getValue().length());
      }
    }
    return iri;
  }
}
