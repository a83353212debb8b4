package org.w3id.tonet.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.tonet.rdf.Entailments;
import org.w3id.tonet.rdf.PROV;
import org.w3id.tonet.rdf.SCHEMA;
import org.w3id.tonet.rdf.TONET;

/**
 * What a resource page shows: labels, kinds, dates (with their Japanese-era form and how they were
 * found), properties as links, the resources that refer to it, and the source lines it came from.
 * Every text is left raw here; the template escapes it.
 *
 * <pre>
 * ResourceView.Page page = ResourceView.of(site.union(), iri, links);
 * </pre>
 */
final class ResourceView {

  private ResourceView() {}

  /** A value: a link (href set) or a literal, with its language and a note (datatype, era). */
  record Value(String text, String href, String lang, String note) {}

  /** One property of the resource with its values, as people read them. */
  record Row(String label, String name, String href, List<TermView.Shown> values) {}

  /** A resource that refers to this one, and how. */
  record Backlink(String text, String href, String lang, String property, String propertyHref) {}

  /**
   * A row of a source the resource was made from (a line of the seed, a row of the gazetteer), or
   * the rule that made it: its name in both languages, and the row's text as written.
   */
  record Source(int line, String name, String nameEn, String href, String text) {}

  /** When it happened. */
  record When(
      TermView.Day start,
      TermView.Day end,
      TermView.Day notBefore,
      TermView.Day notAfter,
      String basis,
      String basisEn,
      String basisHref,
      String fiscalYear,
      String fiscalYearHref,
      boolean open) {}

  /** The whole page. */
  record Page(
      String title,
      String titleEn,
      String titleLatn,
      String iri,
      List<Value> types,
      String broaderTypes,
      String broaderTerms,
      When when,
      List<Row> properties,
      List<Backlink> referencedBy,
      List<Source> sources,
      List<Value> readings,
      List<Value> dataLinks,
      String jsonLd,
      String metaDescription) {

    /** Mustache treats 0 as true, so sections test these instead of sizes. */
    public boolean hasProperties() {
      return !properties.isEmpty();
    }

    public boolean hasReferencedBy() {
      return !referencedBy.isEmpty();
    }

    public boolean hasSources() {
      return !sources.isEmpty();
    }

    public boolean hasReadings() {
      return !readings.isEmpty();
    }
  }

  /** Properties the page shows in its own sections rather than in the table. */
  private static final Set<String> SHOWN_ELSEWHERE =
      Set.of(
          RDF.type.getURI(),
          RDFS.label.getURI(),
          SCHEMA.startDate.getURI(),
          SCHEMA.endDate.getURI(),
          TONET.notBefore.getURI(),
          TONET.notAfter.getURI(),
          TONET.dateBasis.getURI(),
          TONET.fiscalYear.getURI(),
          TONET.openEnded.getURI(),
          TONET.readingNote.getURI(),
          PROV.wasDerivedFrom.getURI(),
          PROV.wasInfluencedBy.getURI());

  /** The page of a resource of the model. */
  static Page of(Model model, String iri, Links links) {
    Resource r = model.getResource(iri);
    String ja = Labels.of(model, iri, "ja");
    String en = Labels.of(model, iri, "en");
    String latn = Labels.of(model, iri, "ja-latn");
    String title = ja != null ? ja : en != null ? en : latn != null ? latn : Labels.shortName(iri);
    // The data states every superclass; the page names the most specific kinds (a symposium is
    // not also shown as 会議, 出来事 and イベント) and lists the broader ones by their names.
    List<Value> types = new ArrayList<>();
    Map<String, String> broader = new LinkedHashMap<>();
    List<String> broaderTerms = new ArrayList<>();
    List<Statement> typeStatements = sorted(r.listProperties(RDF.type).toList());
    for (Statement s : typeStatements) {
      if (!s.getObject().isURIResource()) {
        continue;
      }
      String type = s.getResource().getURI();
      if (isBroader(model, s.getResource(), typeStatements)) {
        // Told apart by meaning, not by vocabulary: schema:Event and dcmitype:Event are one
        // "Event".
        String typeEn = Labels.of(model, type, "en");
        broader.putIfAbsent(typeEn == null ? type : typeEn, Labels.name(model, type));
        broaderTerms.add(Labels.shortName(type));
      } else {
        types.add(
            new Value(bilingual(model, type), links.href(type), null, Labels.shortName(type)));
      }
    }
    List<Value> data = new ArrayList<>();
    for (Conneg.Format f : Conneg.Format.rdfOffers()) {
      data.add(new Value(f.mediaType(), links.data(iri, f), null, f.extension()));
    }
    When when = when(model, r, links);
    return new Page(
        title,
        en == null || en.equals(title) ? null : en,
        latn,
        iri,
        types,
        broader.isEmpty() ? null : String.join(" · ", broader.values()),
        broaderTerms.isEmpty() ? null : String.join(" ", broaderTerms),
        when,
        properties(model, r, links),
        backlinks(model, r, links),
        sources(model, r, links),
        readings(r),
        data,
        SchemaOrg.forResource(model, iri, links),
        description(model, r, title, en, when, links));
  }

  /**
   * The page's meta description, from its data: its name, its most specific kinds and its date, in
   * Japanese and in English, and the dataset it belongs to.
   */
  private static String description(
      Model model, Resource r, String title, String en, When when, Links links) {
    List<String> kindsJa = new ArrayList<>();
    List<String> kindsEn = new ArrayList<>();
    List<Statement> types = sorted(r.listProperties(RDF.type).toList());
    for (Statement s : types) {
      if (s.getObject().isURIResource() && !isBroader(model, s.getResource(), types)) {
        String type = s.getResource().getURI();
        kindsJa.add(Labels.name(model, type));
        String typeEn = Labels.of(model, type, "en");
        kindsEn.add(typeEn == null ? Labels.shortName(type) : typeEn);
      }
    }
    TermView.Day day = when == null ? null : when.start();
    String ja =
        title
            + "（"
            + String.join("・", kindsJa)
            + (day == null ? "" : "、" + day.ja())
            + "）。"
            + Pages.datasetTitle(model, links, "ja")
            + "のデータ。";
    String dataset = Pages.datasetTitle(model, links, "en");
    String english =
        (en == null ? title : en)
            + " ("
            + String.join(", ", kindsEn)
            + (day == null || day.en() == null ? "" : ", " + day.en())
            + ")"
            + (dataset.isEmpty() ? "." : ", from " + dataset + ".");
    return Pages.description(ja, english);
  }

  private static When when(Model model, Resource r, Links links) {
    String start = date(r, SCHEMA.startDate);
    String end = date(r, SCHEMA.endDate);
    String notBefore = date(r, TONET.notBefore);
    String notAfter = date(r, TONET.notAfter);
    Resource basis = r.getPropertyResourceValue(TONET.dateBasis);
    Resource fy = r.getPropertyResourceValue(TONET.fiscalYear);
    if (start == null && notBefore == null && notAfter == null && fy == null) {
      return null;
    }
    return new When(
        TermView.Day.of(start),
        TermView.Day.of(end),
        TermView.Day.of(notBefore),
        TermView.Day.of(notAfter),
        basis == null ? null : Labels.name(model, basis.getURI()),
        basis == null ? null : Labels.of(model, basis.getURI(), "en"),
        basis == null ? null : links.href(basis.getURI()),
        fy == null
            ? null
            : Labels.name(model, fy.getURI()) + " (" + Labels.of(model, fy.getURI(), "en") + ")",
        fy == null ? null : links.href(fy.getURI()),
        r.hasLiteral(TONET.openEnded, true));
  }

  private static List<Row> properties(Model model, Resource r, Links links) {
    TermView view = new TermView(model, links, true);
    Map<String, List<TermView.Shown>> byProperty = new LinkedHashMap<>();
    List<Statement> all = r.listProperties().toList();
    for (Statement s : sorted(all)) {
      String p = s.getPredicate().getURI();
      if (SHOWN_ELSEWHERE.contains(p) || impliedByAnother(s, all)) {
        continue;
      }
      byProperty.computeIfAbsent(p, k -> new ArrayList<>()).add(view.of(s.getObject()));
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, List<TermView.Shown>> e : byProperty.entrySet()) {
      String p = e.getKey();
      rows.add(
          new Row(
              propertyLabel(model, p),
              Labels.shortName(p),
              links.href(p),
              TermView.marked(e.getValue())));
    }
    return rows;
  }

  /**
   * A property's Japanese label and its English one (from the ontology, or for a standard term from
   * lexicon/terms.tsv); its prefixed name else.
   */
  static String propertyLabel(Model model, String p) {
    String ja = Labels.of(model, p, "ja");
    String en = Labels.of(model, p, "en");
    return ja != null && en != null ? ja + " · " + en : Labels.shortName(p);
  }

  private static String lang(Model model, String iri, String name) {
    return name.equals(Labels.of(model, iri, "ja")) ? "ja" : null;
  }

  private static List<Backlink> backlinks(Model model, Resource r, Links links) {
    List<Backlink> found = new ArrayList<>();
    for (Statement s : sorted(model.listStatements(null, null, r).toList())) {
      if (!s.getSubject().isURIResource() || s.getPredicate().equals(RDF.type)) {
        continue;
      }
      String subject = s.getSubject().getURI();
      String name = Labels.name(model, subject);
      String p = s.getPredicate().getURI();
      found.add(
          new Backlink(
              name,
              links.href(subject),
              lang(model, subject, name),
              propertyLabel(model, p),
              links.href(p)));
    }
    return found;
  }

  /**
   * The data states every superproperty (dcterms:subject beside tonet:concerns, schema:about beside
   * tonet:system …): the page shows the most specific statement only.
   */
  private static boolean impliedByAnother(Statement s, List<Statement> all) {
    for (Statement other : all) {
      if (!other.getPredicate().equals(s.getPredicate())
          && other.getObject().equals(s.getObject())
          && Entailments.superproperties(other.getPredicate()).contains(s.getPredicate())) {
        return true;
      }
    }
    return false;
  }

  /**
   * What the resource was made from: the seed's lines, then the gazetteer's rows, then the rules (a
   * fiscal year's bounds), each with its text as written.
   */
  private static List<Source> sources(Model model, Resource r, Links links) {
    List<Source> sources = new ArrayList<>();
    for (RDFNode node : model.listObjectsOfProperty(r, PROV.wasInfluencedBy).toList()) {
      if (!node.isURIResource()) {
        continue;
      }
      Resource source = node.asResource();
      Statement n = source.getProperty(TONET.lineNumber);
      Statement text = source.getProperty(TONET.sourceText);
      String href = links.href(source.getURI());
      if (n != null && text != null && source.hasProperty(RDF.type, TONET.GazetteerRow)) {
        sources.add(
            new Source(
                100_000 + n.getInt(),
                Labels.of(model, source.getURI(), "ja"),
                Labels.of(model, source.getURI(), "en"),
                href,
                text.getString()));
      } else if (n != null && text != null) {
        sources.add(
            new Source(
                n.getInt(), n.getInt() + "行目", "line " + n.getInt(), href, text.getString()));
      } else if (source.hasProperty(RDF.type, TONET.Rule)) {
        sources.add(
            new Source(
                Integer.MAX_VALUE,
                Labels.of(model, source.getURI(), "ja"),
                Labels.of(model, source.getURI(), "en"),
                href,
                null));
      }
    }
    sources.sort(Comparator.comparingInt(Source::line));
    return sources;
  }

  /** The notes saying which statements about the resource are our reading, not the source's. */
  private static List<Value> readings(Resource r) {
    List<Value> notes = new ArrayList<>();
    for (Statement s : sorted(r.listProperties(TONET.readingNote).toList())) {
      notes.add(new Value(s.getString(), null, s.getLanguage(), null));
    }
    // Japanese first, then English.
    notes.sort(Comparator.comparing(v -> v.lang().equals("ja") ? 0 : 1));
    return notes;
  }

  /** A term's Japanese name and its English one (総会 · General assembly), or its only name. */
  static String bilingual(Model model, String iri) {
    String name = Labels.name(model, iri);
    String en = Labels.of(model, iri, "en");
    return en == null || en.equals(name) ? name : name + " · " + en;
  }

  private static String date(Resource r, Property p) {
    Statement s = r.getProperty(p);
    return s == null || !s.getObject().isLiteral() ? null : s.getLiteral().getLexicalForm();
  }

  /** Whether another of the resource's kinds is stated to be a subclass of this one. */
  private static boolean isBroader(Model model, Resource type, List<Statement> types) {
    for (Statement other : types) {
      if (other.getObject().isURIResource()
          && !other.getResource().equals(type)
          && model.contains(other.getResource(), RDFS.subClassOf, type)) {
        return true;
      }
    }
    return false;
  }

  private static List<Statement> sorted(List<Statement> statements) {
    List<Statement> list = new ArrayList<>(statements);
    list.sort(
        Comparator.comparing((Statement s) -> s.getPredicate().getURI())
            .thenComparing(s -> s.getSubject().toString())
            .thenComparing(s -> s.getObject().toString()));
    return list;
  }
}
