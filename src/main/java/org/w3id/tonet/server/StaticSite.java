package org.w3id.tonet.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Resource;
import org.w3id.tonet.publish.Dump;
import org.w3id.tonet.publish.FolderWriter;
import org.w3id.tonet.validate.QueryFolder;

/**
 * The whole dataset as static files with the server's paths, for any static web host or CDN: every
 * page ({@code page/….html}), every {@code /data/} document, the dumps, the ontology, the example
 * queries, and a generated redirect map for the 303s of {@code /id/…} (nginx and Netlify).
 *
 * <pre>
 * StaticSite.write(site, Path.of("site")); // then serve site/ under the base IRI's path
 * </pre>
 *
 * <p>Pages are written as {@code NAME.html} and linked without the extension, as the server links
 * them: GitHub Pages and Netlify serve {@code /page/x} from {@code page/x.html}; for nginx the
 * generated {@code nginx-tonet.conf} says {@code try_files $uri $uri.html}.
 */
public final class StaticSite {

  /** The nginx configuration written with the site. */
  public static final String NGINX = "nginx-tonet.conf";

  /** The Netlify redirect file written with the site. */
  public static final String NETLIFY = "_redirects";

  private StaticSite() {}

  /** Every file of the site by its path relative to the base (index.html first). */
  public static Map<String, byte[]> files(Site site) {
    SiteHolder holder = new SiteHolder();
    holder.set(site);
    Links links = holder.links();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("index.html", utf8(new LandingServlet(holder).html()));
    LinkedDataServlet resources = new LinkedDataServlet(holder, LinkedDataServlet.Mode.PAGE);
    List<String> ids = localIris(site, links);
    for (String iri : ids) {
      String path = links.localPath(iri);
      files.put("page/" + path + ".html", utf8(resources.pageHtml(iri)));
      for (Conneg.Format format : Conneg.Format.rdfOffers()) {
        files.put(
            "data/" + path + "." + format.extension(), utf8(resources.dataDocument(iri, format)));
      }
    }
    OntologyServlet ontology = new OntologyServlet(holder);
    files.put("ontology.html", utf8(ontology.html()));
    files.put("ontology.ttl", site.files().get(Dump.ONTOLOGY.fileName()));
    GraphServlet graphs = new GraphServlet(holder);
    for (GraphServlet.Kind kind : GraphServlet.GRAPHS) {
      files.put("graph/" + kind.name() + ".html", utf8(graphs.html(kind)));
      for (Conneg.Format format : Conneg.Format.rdfOffers()) {
        files.put(
            "graph/" + kind.name() + "." + format.extension(), utf8(graphs.document(kind, format)));
      }
    }
    QueryServlet queries = new QueryServlet(holder, 60_000);
    for (QueryFolder.Query q : QueryFolder.list("/queries")) {
      files.put("query/" + q.name() + ".html", utf8(queries.html(q)));
    }
    files.put("sparql.html", utf8(staticSparqlPage(holder)));
    files.put("404.html", utf8(notFoundPage(holder)));
    byte[] description = site.files().get(Dump.VOID);
    files.put(".well-known/void", description);
    files.put("void", description);
    for (String name : List.of("site.css", "favicon.svg")) {
      files.put("static/" + name, resource("/static/" + name));
    }
    files.put("robots.txt", utf8(RootFilesServlet.robots(site.base())));
    files.put("favicon.ico", Favicon.ico());
    files.put(NGINX, utf8(nginx(site, links, ids)));
    files.put(NETLIFY, utf8(netlify(links, ids)));
    for (Map.Entry<String, byte[]> dump : site.files().entrySet()) {
      if (!dump.getKey().equals(Dump.SHA256SUMS)) {
        files.put("downloads/" + dump.getKey(), dump.getValue());
      }
    }
    files.put("downloads/" + Dump.SHA256SUMS, site.files().get(Dump.SHA256SUMS));
    return files;
  }

  /** Writes the site into a folder, all or nothing. */
  public static List<Path> write(Site site, Path folder) throws IOException {
    return FolderWriter.write(folder, files(site));
  }

  /** Every IRI this site answers for ({base}id/…), sorted. */
  static List<String> localIris(Site site, Links links) {
    TreeSet<String> iris = new TreeSet<>();
    for (Resource r : ServiceDescription.documents(site).listSubjects().toList()) {
      if (r.isURIResource() && links.isLocal(r.getURI())) {
        iris.add(r.getURI());
      }
    }
    return new ArrayList<>(iris);
  }

  /** What the static copy says at /sparql: there is no live endpoint here. */
  record StaticSparql(String endpoint, boolean staticCopy, long timeoutSeconds, String example) {}

  private static String staticSparqlPage(SiteHolder holder) {
    Pages.Chrome chrome = holder.pages().chrome("SPARQL", holder.links().sparql(), null, null);
    return holder
        .pages()
        .render("sparql", chrome, new StaticSparql(holder.links().sparql(), true, 0, ""));
  }

  private static String notFoundPage(SiteHolder holder) {
    Pages.Chrome chrome = holder.pages().chrome("404 Not Found", null, null, null);
    return holder
        .pages()
        .render(
            "error",
            chrome,
            new SiteServlet.ErrorPage(
                404, "Not Found", "このアドレスには何もありません。", "Nothing is published at this address."));
  }

  /**
   * An nginx server block fragment: /id/… answers 303 with Vary: Accept to the page or to the RDF
   * document the client asks for; unknown IRIs are 404; pages and documents get their types.
   */
  private static String nginx(Site site, Links links, List<String> ids) {
    String prefix = basePath(site.base());
    StringBuilder s = new StringBuilder();
    s.append(
        "# Generated by tonet-lod export --site: include inside the server block that serves\n");
    s.append("# this folder at ").append(site.base()).append(" (root = the folder).\n");
    s.append(
        "# /id/… answers 303 See Other, Vary: Accept, to /page/… or"
            + " /data/….{ttl,jsonld,rdf,nt,trig,nq}.\n\n");
    s.append("# (put this map in the http block)\n");
    s.append("map $http_accept $tonet_rdf_ext {\n");
    s.append("    default                        \"\";\n");
    s.append("    \"~*application/ld\\+json\"       \".jsonld\";\n");
    s.append("    \"~*application/json\"            \".jsonld\";\n");
    s.append("    \"~*text/turtle\"                 \".ttl\";\n");
    s.append("    \"~*application/rdf\\+xml\"       \".rdf\";\n");
    s.append("    \"~*application/n-triples\"       \".nt\";\n");
    s.append("    \"~*application/trig\"            \".trig\";\n");
    s.append("    \"~*application/n-quads\"         \".nq\";\n");
    s.append("    \"~*text/n3\"                     \".ttl\";\n");
    s.append("    \"~*text/plain\"                  \".nt\";\n");
    s.append("    \"~*text/html\"                   \"\";\n");
    s.append("}\n\n");
    s.append("# Every IRI this dataset defines (")
        .append(ids.size())
        .append("); any other /id/ is 404.\n");
    s.append("map $uri $tonet_known_id {\n    default 0;\n");
    for (String iri : ids) {
      s.append("    ").append(prefix).append("id/").append(links.localPath(iri)).append(" 1;\n");
    }
    s.append("}\n\n");
    s.append("location ~ ^").append(prefix).append("id/(.+)$ {\n");
    s.append("    add_header Vary Accept always;\n");
    s.append("    if ($tonet_known_id = 0) { return 404; }\n");
    s.append("    if ($tonet_rdf_ext = \"\") { return 303 ").append(prefix).append("page/$1; }\n");
    s.append("    return 303 ").append(prefix).append("data/$1$tonet_rdf_ext;\n");
    s.append("}\n");
    s.append("location ")
        .append(prefix)
        .append("page/ { default_type text/html; try_files $uri.html =404; }\n");
    s.append("location ")
        .append(prefix)
        .append("query/ { default_type text/html; try_files $uri.html =404; }\n");
    s.append("location ")
        .append(prefix)
        .append("graph/ { default_type text/html; try_files $uri.html $uri =404; }\n");
    s.append("location = ")
        .append(prefix)
        .append("ontology { default_type text/html; try_files /ontology.html =404; }\n");
    s.append("location = ")
        .append(prefix)
        .append("sparql { default_type text/html; try_files /sparql.html =404; }\n");
    s.append("location = ")
        .append(prefix)
        .append(".well-known/void { default_type text/turtle; }\n");
    s.append("location = ").append(prefix).append("void { default_type text/turtle; }\n");
    s.append("types { application/ld+json jsonld; text/turtle ttl; application/rdf+xml rdf;");
    s.append(" application/n-triples nt; application/trig trig; application/n-quads nq; }\n");
    s.append("error_page 404 ").append(prefix).append("404.html;\n");
    return s.toString();
  }

  /** Netlify's _redirects: /id/… to the page (static hosts cannot negotiate on Accept). */
  private static String netlify(Links links, List<String> ids) {
    String prefix = basePath(links.base());
    StringBuilder s =
        new StringBuilder("# Generated by tonet-lod export --site: /id/ → /page/ (303)\n");
    for (String iri : ids) {
      String path = links.localPath(iri);
      s.append(prefix).append("id/").append(path).append(' ');
      s.append(prefix).append("page/").append(path).append(" 303\n");
    }
    return s.toString();
  }

  /** The path of the base IRI, e.g. /tonet/ for https://lod.example.jp/tonet/. */
  private static String basePath(String base) {
    String path = java.net.URI.create(base).getPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] resource(String path) {
    try (InputStream in = StaticSite.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
