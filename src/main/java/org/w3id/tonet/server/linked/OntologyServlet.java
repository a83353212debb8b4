package org.w3id.tonet.server.linked;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.tonet.rdf.TONET;
import org.w3id.tonet.server.cache.PageCache;
import org.w3id.tonet.server.http.Negotiation;
import org.w3id.tonet.server.http.RdfWriters;
import org.w3id.tonet.server.site.Labels;
import org.w3id.tonet.server.site.Pages;
import org.w3id.tonet.server.site.SiteHolder;
import org.w3id.tonet.server.site.SiteServlet;

/**
 * {@code /ontology}: an HTML page documenting every class and property of the tonet ontology
 * (labels, comments, alignments), or the ontology in RDF by content negotiation.
 *
 * <pre>
 * GET /ontology  Accept: text/turtle → the ontology graph
 * </pre>
 */
public final class OntologyServlet extends SiteServlet {

  public OntologyServlet(SiteHolder holder) {
    super(holder);
  }

  /** A link to a term. */
  record Ref(String text, String href) {}

  /** One term of the ontology. */
  record Term(
      String name,
      String iri,
      String labelJa,
      String labelEn,
      String commentJa,
      String commentEn,
      List<Ref> parents,
      List<Ref> domain,
      List<Ref> range) {

    public boolean hasParents() {
      return !parents.isEmpty();
    }

    public boolean hasDomain() {
      return !domain.isEmpty();
    }

    public boolean hasRange() {
      return !range.isEmpty();
    }
  }

  /** The page. */
  record OntologyPage(
      String iri,
      String titleJa,
      String titleEn,
      String version,
      String versionIri,
      String license,
      List<Term> classes,
      List<Term> properties,
      List<Term> individuals,
      String metaDescription) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Vary", "Accept");
    Optional<Negotiation.Chosen> chosen = negotiate(request, Negotiation.PAGE);
    Model ontology = site().ontology();
    if (chosen.isEmpty()) {
      send(response, 406, "text/plain; charset=utf-8", "406 Not Acceptable\n");
      return;
    }
    if (chosen.get().format().isRdf()) {
      send(
          response,
          200,
          chosen.get().contentType(),
          RdfWriters.write(ontology.getGraph(), chosen.get().format()));
      return;
    }
    sendHtml(response, 200, html());
  }

  /** Made once: the site does not change while the server runs. */
  private final transient PageCache made = new PageCache(1);

  /** The ontology's HTML page (also written by the static site). */
  public String html() {
    return made.get("ontology", this::render);
  }

  private String render() {
    Model ontology = site().ontology();
    OntologyPage page =
        new OntologyPage(
            TONET.ONTOLOGY,
            title(ontology, "ja"),
            title(ontology, "en"),
            about(ontology, OWL.versionInfo),
            about(ontology, OWL2.versionIRI),
            about(ontology, DCTerms.license),
            terms(ontology, OWL.Class),
            properties(ontology),
            individuals(ontology),
            Pages.description(
                comment(ontology.getResource(TONET.ONTOLOGY), "ja"),
                comment(ontology.getResource(TONET.ONTOLOGY), "en")));
    List<Pages.Alternate> alternates =
        List.of(new Pages.Alternate("text/turtle", links().download("tonet-ontology.ttl")));
    Pages.Chrome chrome = pages().chrome("tonet ontology", TONET.ONTOLOGY, alternates, null);
    return pages().render("ontology", chrome, page);
  }

  private List<Term> properties(Model ontology) {
    List<Term> terms = new ArrayList<>(terms(ontology, OWL.ObjectProperty));
    terms.addAll(terms(ontology, OWL.DatatypeProperty));
    terms.addAll(terms(ontology, OWL.AnnotationProperty));
    terms.sort(Comparator.comparing(Term::name));
    return terms;
  }

  /**
   * Every other term of the namespace that the ontology types: the date bases, row kinds,
   * municipality kinds, kinds of municipal change, and whatever kinds are added later — each page
   * that links {@code /ontology#Town} finds its anchor here.
   */
  private List<Term> individuals(Model ontology) {
    Set<Resource> kinds =
        Set.of(
            OWL.Class,
            OWL.ObjectProperty,
            OWL.DatatypeProperty,
            OWL.AnnotationProperty,
            OWL.Ontology,
            RDFS.Class,
            RDF.Property);
    Set<Resource> individualKinds = new LinkedHashSet<>();
    for (Statement s : ontology.listStatements(null, RDF.type, (RDFNode) null).toList()) {
      Resource subject = s.getSubject();
      if (subject.isURIResource()
          && subject.getURI().startsWith(TONET.NS)
          && s.getObject().isURIResource()
          && !kinds.contains(s.getResource())
          && !isClassOrProperty(ontology, subject)) {
        individualKinds.add(s.getResource());
      }
    }
    Map<String, Term> terms = new TreeMap<>();
    for (Resource kind : individualKinds) {
      for (Term t : terms(ontology, kind)) {
        if (!isClassOrProperty(ontology, ontology.getResource(t.iri()))) {
          terms.putIfAbsent(t.name(), t);
        }
      }
    }
    return new ArrayList<>(terms.values());
  }

  private static boolean isClassOrProperty(Model ontology, Resource r) {
    return r.hasProperty(RDF.type, OWL.Class)
        || r.hasProperty(RDF.type, OWL.ObjectProperty)
        || r.hasProperty(RDF.type, OWL.DatatypeProperty)
        || r.hasProperty(RDF.type, OWL.AnnotationProperty);
  }

  private List<Term> terms(Model ontology, Resource kind) {
    List<Term> terms = new ArrayList<>();
    for (Resource r : ontology.listSubjectsWithProperty(RDF.type, kind).toList()) {
      if (!r.isURIResource() || !r.getURI().startsWith(TONET.NS)) {
        continue;
      }
      terms.add(
          new Term(
              r.getLocalName(),
              r.getURI(),
              Labels.of(ontology, r.getURI(), "ja"),
              Labels.of(ontology, r.getURI(), "en"),
              comment(r, "ja"),
              comment(r, "en"),
              parents(ontology, r, kind),
              refs(ontology, r, RDFS.domain),
              refs(ontology, r, RDFS.range)));
    }
    terms.sort(Comparator.comparing(Term::name));
    return terms;
  }

  /**
   * What a term is placed under: the superclasses of a class, the superproperties of a property;
   * for an individual (tonet:Town), its kinds and the standard terms it matches (sacs:Town).
   */
  private List<Ref> parents(Model ontology, Resource r, Resource kind) {
    if (kind.equals(OWL.Class)) {
      return refs(ontology, r, RDFS.subClassOf);
    }
    if (isClassOrProperty(ontology, r)) {
      return refs(ontology, r, RDFS.subPropertyOf);
    }
    List<Ref> refs = new ArrayList<>(refs(ontology, r, RDF.type));
    refs.addAll(refs(ontology, r, SKOS.closeMatch));
    refs.addAll(refs(ontology, r, SKOS.exactMatch));
    return refs;
  }

  private List<Ref> refs(Model ontology, Resource r, org.apache.jena.rdf.model.Property p) {
    List<Ref> refs = new ArrayList<>();
    for (RDFNode o : ontology.listObjectsOfProperty(r, p).toList()) {
      if (o.isURIResource()) {
        String iri = o.asResource().getURI();
        refs.add(new Ref(Labels.shortName(iri), links().href(iri)));
      }
    }
    refs.sort(Comparator.comparing(Ref::text));
    return refs;
  }

  /** A value the ontology states about itself (its version, its licence), as text. */
  private static String about(Model ontology, org.apache.jena.rdf.model.Property p) {
    Statement s = ontology.getResource(TONET.ONTOLOGY).getProperty(p);
    if (s == null) {
      return null;
    }
    return s.getObject().isURIResource() ? s.getResource().getURI() : s.getString();
  }

  /** The ontology's own title (dcterms:title) in a language. */
  private static String title(Model ontology, String lang) {
    for (Statement s :
        ontology.getResource(TONET.ONTOLOGY).listProperties(DCTerms.title).toList()) {
      if (s.getLanguage().equals(lang)) {
        return s.getString();
      }
    }
    return "tonet";
  }

  private static String comment(Resource r, String lang) {
    for (Statement s : r.listProperties(RDFS.comment).toList()) {
      if (s.getLanguage().equals(lang)) {
        return s.getString();
      }
    }
    return null;
  }
}
