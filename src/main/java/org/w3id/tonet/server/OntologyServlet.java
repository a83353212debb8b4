package org.w3id.tonet.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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

/**
 * {@code /ontology}: an HTML page documenting every class and property of the tonet ontology
 * (labels, comments, alignments), or the ontology in RDF by content negotiation.
 *
 * <pre>
 * GET /ontology  Accept: text/turtle → the ontology graph
 * </pre>
 */
final class OntologyServlet extends SiteServlet {

  OntologyServlet(SiteHolder holder) {
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
      String version,
      String versionIri,
      String license,
      List<Term> classes,
      List<Term> properties,
      List<Term> individuals) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Vary", "Accept");
    Optional<Conneg.Format> format = Conneg.choose(accept(request), Conneg.Format.pageOffers());
    Model ontology = site().build().ontology();
    if (format.isEmpty()) {
      send(response, 406, "text/plain; charset=utf-8", "406 Not Acceptable\n");
      return;
    }
    if (format.get().isRdf()) {
      send(
          response,
          200,
          format.get().contentType(),
          RdfWriters.write(ontology.getGraph(), format.get()));
      return;
    }
    sendHtml(response, 200, html());
  }

  /** Made once: the site does not change while the server runs. */
  private final transient PageCache made = new PageCache(1);

  /** The ontology's HTML page (also written by the static site). */
  String html() {
    return made.get("ontology", this::render);
  }

  private String render() {
    Model ontology = site().build().ontology();
    OntologyPage page =
        new OntologyPage(
            TONET.ONTOLOGY,
            about(ontology, OWL.versionInfo),
            about(ontology, OWL2.versionIRI),
            about(ontology, DCTerms.license),
            terms(ontology, OWL.Class),
            properties(ontology),
            individuals(ontology));
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

  private List<Term> individuals(Model ontology) {
    // The concept schemes with their concepts, and the data-quality metrics.
    List<Term> terms = new ArrayList<>(terms(ontology, SKOS.ConceptScheme));
    terms.addAll(terms(ontology, SKOS.Concept));
    terms.addAll(terms(ontology, ontology.createResource("http://www.w3.org/ns/dqv#Metric")));
    return terms;
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
              refs(ontology, r, kind.equals(OWL.Class) ? RDFS.subClassOf : RDFS.subPropertyOf),
              refs(ontology, r, RDFS.domain),
              refs(ontology, r, RDFS.range)));
    }
    terms.sort(Comparator.comparing(Term::name));
    return terms;
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

  private static String comment(Resource r, String lang) {
    for (Statement s : r.listProperties(RDFS.comment).toList()) {
      if (s.getLanguage().equals(lang)) {
        return s.getString();
      }
    }
    return null;
  }
}
