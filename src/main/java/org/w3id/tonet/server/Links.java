package org.w3id.tonet.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.w3id.tonet.rdf.TONET;

/**
 * Every link, redirect and IRI the server writes, made from the base IRI: behind a proxy ({@code
 * --base-iri https://lod.example.jp/tonet/}) they all point at the public address while the server
 * listens on localhost.
 *
 * <pre>
 * Links links = new Links("https://lod.example.jp/tonet/");
 * links.page("https://lod.example.jp/tonet/id/symposium/2012-03-17");
 * // https://lod.example.jp/tonet/page/symposium/2012-03-17
 * </pre>
 */
final class Links {

  private final String base;

  Links(String base) {
    this.base = base;
  }

  String base() {
    return base;
  }

  /** True for an IRI this server answers for: {base}id/… */
  boolean isLocal(String iri) {
    return iri.startsWith(base + "id/") && iri.length() > (base + "id/").length();
  }

  /** The path below id/ of a local IRI (symposium/2012-03-17). */
  String localPath(String iri) {
    return iri.substring((base + "id/").length());
  }

  /** The IRI for a path below id/. */
  String id(String path) {
    return base + "id/" + path;
  }

  /** The HTML page of a local IRI. */
  String page(String iri) {
    return base + "page/" + localPath(iri);
  }

  /** The RDF document of a local IRI, with the extension of a format. */
  String data(String iri, Conneg.Format format) {
    return base + "data/" + localPath(iri) + "." + format.extension();
  }

  /** The RDF document of a local IRI, negotiated. */
  String data(String iri) {
    return base + "data/" + localPath(iri);
  }

  /**
   * Where a link to any IRI should go: our page for local IRIs, the ontology page for tonet, the
   * IRI itself for other http(s) IRIs, and nowhere (null) for any other scheme: a query can return
   * {@code javascript:}, {@code data:} or {@code vbscript:} IRIs, which must never become links.
   */
  String href(String iri) {
    if (isLocal(iri)) {
      return page(iri);
    }
    if (iri.startsWith(TONET.NS)) {
      return ontology(iri.substring(TONET.NS.length()));
    }
    return isWeb(iri) ? iri : null;
  }

  /** Whether an IRI is an http or https address (the scheme in any case). */
  static boolean isWeb(String iri) {
    return iri.regionMatches(true, 0, "http://", 0, 7)
        || iri.regionMatches(true, 0, "https://", 0, 8);
  }

  /** The ontology page, at a term's anchor. */
  String ontology(String term) {
    return base + "ontology" + (term.isEmpty() ? "" : "#" + term);
  }

  String home() {
    return base;
  }

  String sparql() {
    return base + "sparql";
  }

  /** A link that runs a query at the SPARQL endpoint. */
  String sparql(String query) {
    return base + "sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  /** The HTML page of an example query. */
  String query(String name) {
    return base + "query/" + name;
  }

  String download(String file) {
    return base + "downloads/" + file;
  }

  String staticFile(String file) {
    return base + "static/" + file;
  }

  String wellKnownVoid() {
    return base + ".well-known/void";
  }
}
