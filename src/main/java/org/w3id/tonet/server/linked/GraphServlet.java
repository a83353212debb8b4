package org.w3id.tonet.server.linked;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.w3id.tonet.publish.Dump;
import org.w3id.tonet.rdf.TONET;
import org.w3id.tonet.server.cache.PageCache;
import org.w3id.tonet.server.http.Conneg;
import org.w3id.tonet.server.http.Negotiation;
import org.w3id.tonet.server.http.RdfWriters;
import org.w3id.tonet.server.site.Pages;
import org.w3id.tonet.server.site.SiteHolder;
import org.w3id.tonet.server.site.SiteServlet;
import org.w3id.tonet.server.sparql.ServiceDescription;
import org.w3id.tonet.sparql.Sizes;

/**
 * {@code /graph/data}, {@code /graph/ontology} and {@code /graph/meta}: the names of the three
 * named graphs (in tonet.trig, the service description and at /sparql) are dereferenceable. A
 * browser gets a page about the graph; an RDF client gets the graph's description, not its
 * contents: what it holds, how many triples, the dump that has them all and the endpoint to query
 * it. The contents are thousands of triples already served whole by the dumps and SPARQL, and a
 * client that follows a graph name wants to learn what the graph is before fetching it.
 *
 * <pre>
 * GET /graph/data  Accept: text/html   → the page
 * GET /graph/data  Accept: text/turtle → &lt;…/graph/data&gt; a sd:Graph, void:Dataset ;
 *                                          void:triples 11000 ; void:dataDump &lt;…/tonet.ttl&gt; …
 * GET /graph/data.ttl                  → the same Turtle (a format by extension, as for /data/)
 * </pre>
 */
public final class GraphServlet extends SiteServlet {

  private static final String SD = ServiceDescription.SD;

  /** What each graph is, in Japanese and English, and where its triples can be downloaded. */
  public record Kind(
      String name,
      String labelJa,
      String labelEn,
      String commentJa,
      String commentEn,
      List<String> dumps) {}

  /** The three graphs, in the order they are pushed and listed. */
  public static final List<Kind> GRAPHS =
      List.of(
          new Kind(
              "data",
              "データ",
              "Data",
              "経過表から作ったデータ：会議、シンポジウム、節目、年度、組織、会場、地名と、その出典の行。",
              "The data made from the timeline table: meetings, symposia, milestones, fiscal years,"
                  + " organizations, venues, places, and the source lines they come from.",
              List.of(
                  Dump.TURTLE.fileName(),
                  Dump.NTRIPLES.fileName(),
                  Dump.JSONLD.fileName(),
                  Dump.RDFXML.fileName())),
          new Kind(
              "ontology",
              "語彙",
              "Ontology",
              "このデータの語彙（tonet オントロジー）：クラス、プロパティ、個体と標準語彙との対応。",
              "The vocabulary of the data (the tonet ontology): classes, properties, individuals and"
                  + " their alignments to standard vocabularies.",
              List.of(Dump.ONTOLOGY.fileName())),
          new Kind(
              "meta",
              "データセットの記述",
              "Dataset description",
              "データセットの記述（VoID と DCAT-AP 3）：出典、権利、統計、配布ファイル、SPARQL エンドポイント。",
              "The description of the dataset (VoID and DCAT-AP 3): its sources, rights,"
                  + " statistics, distributions and SPARQL endpoint.",
              List.of(Dump.VOID)));

  public GraphServlet(SiteHolder holder) {
    super(holder);
  }

  /** A link with a note. */
  record Link(String text, String href, String note) {}

  /** The page of a graph. */
  record GraphPage(
      String iri,
      String labelJa,
      String labelEn,
      String commentJa,
      String commentEn,
      long triples,
      long subjects,
      List<Link> downloads,
      String query,
      String related,
      List<Link> others,
      List<Link> formats) {

    /** The page's meta description: the graph's name and what it holds, in both languages. */
    public String metaDescription() {
      return Pages.description(
          labelJa + "：" + commentJa + "（" + Sizes.count(triples) + " トリプル）",
          labelEn + ": " + commentEn + " (" + Sizes.count(triples) + " triples)");
    }

    /** The counts as people read them (4,331). */
    public String triplesShown() {
      return Sizes.count(triples);
    }

    public String subjectsShown() {
      return Sizes.count(subjects);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Vary", "Accept");
    String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
    int dot = path.lastIndexOf('.');
    Optional<Kind> kind = kind(dot < 0 ? path : path.substring(0, dot));
    Optional<Conneg.Format> byExtension =
        dot < 0
            ? Optional.empty()
            : Conneg.Format.byExtension(path.substring(dot + 1)).filter(Conneg.Format::isRdf);
    if (kind.isEmpty() || (dot >= 0 && byExtension.isEmpty())) {
      notFound(request, response);
      return;
    }
    Optional<Negotiation.Chosen> chosen =
        negotiate(
            request,
            byExtension.isEmpty() ? Negotiation.PAGE : Negotiation.fixed(byExtension.get()));
    if (chosen.isEmpty()) {
      send(
          response,
          HttpServletResponse.SC_NOT_ACCEPTABLE,
          "text/plain; charset=utf-8",
          "406 Not Acceptable\nThis graph is described in: "
              + String.join(
                  ", ", Conneg.Format.pageOffers().stream().map(Conneg.Format::mediaType).toList())
              + "\n");
      return;
    }
    if (chosen.get().format() == Conneg.Format.HTML) {
      sendHtml(response, HttpServletResponse.SC_OK, html(kind.get()));
      return;
    }
    send(
        response,
        HttpServletResponse.SC_OK,
        chosen.get().contentType(),
        document(kind.get(), chosen.get().format()));
  }

  static Optional<Kind> kind(String name) {
    return GRAPHS.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  private String iri(Kind kind) {
    return site().iris().graph(kind.name());
  }

  private Graph graph(Kind kind) {
    return namedGraphs().get(iri(kind));
  }

  /** Made once each: the site does not change while the server runs. */
  private final transient PageCache made = new PageCache(64);

  /** The description of a graph in an RDF format (also written by the static site). */
  public String document(Kind kind, Conneg.Format format) {
    return made.get(
        format + " " + kind.name(), () -> RdfWriters.write(describe(kind).getGraph(), format));
  }

  /** The page of a graph (also written by the static site). */
  public String html(Kind kind) {
    return made.get("html " + kind.name(), () -> render(kind));
  }

  /**
   * The description of a graph: its name typed as an RDF graph (sd:Graph) and a VoID dataset, its
   * labels, its size, its dump and the endpoint, and the service description's sd:NamedGraph that
   * names it.
   */
  Model describe(Kind kind) {
    Model m = ModelFactory.createDefaultModel();
    Graph graph = graph(kind);
    String base = site().base();
    Resource g = m.createResource(iri(kind));
    g.addProperty(RDF.type, m.createResource(SD + "Graph"));
    g.addProperty(RDF.type, VOID.Dataset);
    g.addProperty(RDFS.label, kind.labelJa(), "ja");
    g.addProperty(RDFS.label, kind.labelEn(), "en");
    g.addProperty(DCTerms.description, kind.commentJa(), "ja");
    g.addProperty(DCTerms.description, kind.commentEn(), "en");
    g.addLiteral(
        VOID.triples, m.createTypedLiteral(Long.toString(graph.size()), XSDDatatype.XSDinteger));
    g.addLiteral(
        VOID.distinctSubjects,
        m.createTypedLiteral(Long.toString(subjects(graph)), XSDDatatype.XSDinteger));
    for (String dump : kind.dumps()) {
      g.addProperty(VOID.dataDump, m.createResource(links().download(dump)));
    }
    g.addProperty(VOID.dataDump, m.createResource(links().download(Dump.TRIG.fileName())));
    g.addProperty(VOID.sparqlEndpoint, m.createResource(links().sparql()));
    g.addProperty(DCTerms.isPartOf, m.createResource(site().iris().dataset()));
    if (kind.name().equals("ontology")) {
      g.addProperty(RDFS.seeAlso, m.createResource(TONET.ONTOLOGY));
    }
    Resource named = m.createResource(base + "id/service/sparql/graph/" + kind.name());
    named.addProperty(RDF.type, m.createResource(SD + "NamedGraph"));
    named.addProperty(m.createProperty(SD, "name"), g);
    return m;
  }

  private static long subjects(Graph graph) {
    Set<Node> subjects = new HashSet<>();
    graph.find().forEachRemaining(t -> subjects.add(t.getSubject()));
    return subjects.size();
  }

  private String render(Kind kind) {
    Graph graph = graph(kind);
    String iri = iri(kind);
    List<Link> downloads = new ArrayList<>();
    for (String dump : kind.dumps()) {
      downloads.add(new Link(dump, links().download(dump), null));
    }
    downloads.add(
        new Link(
            Dump.TRIG.fileName(),
            links().download(Dump.TRIG.fileName()),
            "the three graphs together, each under its name"));
    List<Link> others = new ArrayList<>();
    for (Kind other : GRAPHS) {
      if (!other.equals(kind)) {
        others.add(new Link(other.labelJa(), iri(other), other.labelEn()));
      }
    }
    List<Link> formats = new ArrayList<>();
    List<Pages.Alternate> alternates = new ArrayList<>();
    for (Conneg.Format f : Conneg.Format.rdfOffers()) {
      String href = iri + "." + f.extension();
      formats.add(new Link(f.extension(), href, f.mediaType()));
      alternates.add(new Pages.Alternate(f.mediaType(), href));
    }
    String related =
        switch (kind.name()) {
          case "ontology" -> links().ontology("");
          case "meta" -> links().page(site().iris().dataset());
          default -> links().home();
        };
    String query =
        links()
            .sparql(
                "SELECT ?s ?p ?o WHERE { GRAPH <" + iri + "> { ?s ?p ?o } } ORDER BY ?s LIMIT 100");
    GraphPage page =
        new GraphPage(
            iri,
            kind.labelJa(),
            kind.labelEn(),
            kind.commentJa(),
            kind.commentEn(),
            graph.size(),
            subjects(graph),
            downloads,
            query,
            related,
            others,
            formats);
    Pages.Chrome chrome =
        pages().chrome(kind.labelJa() + " — " + kind.labelEn() + " (graph)", iri, alternates, null);
    return pages().render("graph", chrome, page);
  }
}
