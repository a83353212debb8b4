package org.w3id.tonet.server.linked;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.tonet.publish.Site;
import org.w3id.tonet.server.cache.PageCache;
import org.w3id.tonet.server.http.Conneg;
import org.w3id.tonet.server.http.Negotiation;
import org.w3id.tonet.server.http.RdfWriters;
import org.w3id.tonet.server.site.Pages;
import org.w3id.tonet.server.site.ResourceView;
import org.w3id.tonet.server.site.SiteHolder;
import org.w3id.tonet.server.site.SiteServlet;
import org.w3id.tonet.server.sparql.ServiceDescription;

/**
 * Dereferenceable IRIs: {@code /id/…} answers 303 See Other (Vary: Accept) to the HTML page {@code
 * /page/…} or to the RDF document {@code /data/…}; {@code /data/…} holds the resource's own
 * triples, the labels of what it links to, and the links that point at it.
 *
 * <pre>
 * GET /id/symposium/2012-03-17   Accept: text/turtle
 * → 303 Location: {base}data/symposium/2012-03-17.ttl
 * </pre>
 */
public final class LinkedDataServlet extends SiteServlet {

  /** Which of the three path families this instance serves. */
  public enum Mode {
    ID,
    PAGE,
    DATA
  }

  private final Mode mode;

  public LinkedDataServlet(SiteHolder holder, Mode mode) {
    super(holder);
    this.mode = mode;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
    response.setHeader("Vary", "Accept");
    switch (mode) {
      case ID -> redirect(request, response, path);
      case PAGE -> page(request, response, path);
      case DATA -> data(request, response, path);
    }
  }

  private void redirect(HttpServletRequest request, HttpServletResponse response, String path)
      throws IOException {
    String iri = links().id(path);
    if (!exists(iri)) {
      notFound(request, response);
      return;
    }
    // The redirect names the format's document, whatever name the format was asked for by.
    Optional<Negotiation.Chosen> chosen = negotiate(request, Negotiation.PAGE.formatOnly());
    if (chosen.isEmpty()) {
      notAcceptable(request, response);
      return;
    }
    Conneg.Format format = chosen.get().format();
    String location = format == Conneg.Format.HTML ? links().page(iri) : links().data(iri, format);
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", location);
    response.setContentType("text/plain; charset=utf-8");
    response.getWriter().write("See " + location + "\n");
  }

  private void page(HttpServletRequest request, HttpServletResponse response, String path)
      throws IOException {
    String iri = links().id(path);
    if (!exists(iri)) {
      notFound(request, response);
      return;
    }
    sendHtml(response, HttpServletResponse.SC_OK, pageHtml(iri));
  }

  /** What /id/ dereferences, for the site it was made of. */
  private record Documents(Site site, Model model) {}

  private transient volatile Documents documents;

  /**
   * What /id/ dereferences: the three graphs and the service description, whose IRIs (the
   * endpoint's dataset, default graph and named graphs) are minted under {@code {base}id/} too.
   */
  private Model documents() {
    Site site = site();
    Documents d = documents;
    if (d == null || d.site() != site) {
      d = new Documents(site, ServiceDescription.documents(site));
      documents = d;
    }
    return d.model();
  }

  /** Pages and documents made once each: the site does not change while the server runs. */
  private final transient PageCache made = new PageCache(4096);

  /** The HTML page of a resource (also written by the static site). */
  public String pageHtml(String iri) {
    return made.get("page " + iri, () -> renderPage(iri));
  }

  private String renderPage(String iri) {
    ResourceView.Page page = ResourceView.of(documents(), iri, links());
    List<Pages.Alternate> alternates =
        Conneg.Format.rdfOffers().stream()
            .map(f -> new Pages.Alternate(f.mediaType(), links().data(iri, f)))
            .toList();
    Pages.Chrome chrome = pages().chrome(page.title(), iri, alternates, page.jsonLd());
    return pages().render("resource", chrome, page);
  }

  /** The RDF document of a resource in a format (also written by the static site). */
  public String dataDocument(String iri, Conneg.Format format) {
    return made.get(format + " " + iri, () -> RdfWriters.write(describe(documents(), iri), format));
  }

  private void data(HttpServletRequest request, HttpServletResponse response, String path)
      throws IOException {
    String iri = links().id(path);
    Negotiation how;
    if (exists(iri)) {
      how = Negotiation.RDF;
    } else {
      int dot = path.lastIndexOf('.');
      Optional<Conneg.Format> byExtension =
          dot < 0 ? Optional.empty() : Conneg.Format.byExtension(path.substring(dot + 1));
      iri = links().id(dot < 0 ? path : path.substring(0, dot));
      if (byExtension.isEmpty() || byExtension.get() == Conneg.Format.HTML || !exists(iri)) {
        notFound(request, response);
        return;
      }
      how = Negotiation.fixed(byExtension.get());
    }
    Optional<Negotiation.Chosen> chosen = negotiate(request, how);
    if (chosen.isEmpty()) {
      notAcceptable(request, response);
      return;
    }
    Conneg.Format format = chosen.get().format();
    String body = dataDocument(iri, format);
    response.setHeader("Content-Location", links().data(iri, format));
    response.setHeader("Link", "<" + iri + ">; rel=\"describedby\"");
    send(response, HttpServletResponse.SC_OK, chosen.get().contentType(), body);
  }

  /**
   * The description of a resource: every triple about it, the labels of the resources it links to,
   * and the triples that link to it with their subjects' labels.
   */
  static Graph describe(Model model, String iri) {
    Graph source = model.getGraph();
    Graph out = GraphFactory.createDefaultGraph();
    Node subject = NodeFactory.createURI(iri);
    source
        .find(subject, Node.ANY, Node.ANY)
        .forEachRemaining(
            t -> {
              out.add(t);
              if (t.getObject().isURI()) {
                labels(source, t.getObject(), out);
              }
            });
    source
        .find(Node.ANY, Node.ANY, subject)
        .forEachRemaining(
            t -> {
              if (t.getSubject().isURI()) {
                out.add(t);
                labels(source, t.getSubject(), out);
              }
            });
    return out;
  }

  private static void labels(Graph source, Node node, Graph out) {
    for (Node p : List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode())) {
      source.find(node, p, Node.ANY).forEachRemaining((Triple t) -> out.add(t));
    }
  }

  /** True when the IRI is the subject of a triple here. */
  boolean exists(String iri) {
    return documents().getGraph().contains(NodeFactory.createURI(iri), Node.ANY, Node.ANY);
  }

  private void notAcceptable(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String offered =
        String.join(
            ", ", Conneg.Format.pageOffers().stream().map(Conneg.Format::mediaType).toList());
    send(
        response,
        HttpServletResponse.SC_NOT_ACCEPTABLE,
        "text/plain; charset=utf-8",
        "406 Not Acceptable\nThis resource is available as: " + offered + "\n");
  }
}
