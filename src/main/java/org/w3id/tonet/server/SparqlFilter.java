package org.w3id.tonet.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Guards {@code /sparql} in front of Fuseki: a GET with no query is answered with the service
 * description (or a query form for browsers); updates, graph-store writes, over-long requests and
 * SERVICE calls to endpoints not on the {@link ServiceAllowList} are refused with a clear message;
 * everything else is a read-only query for Fuseki.
 *
 * <pre>
 * POST /sparql  Content-Type: application/sparql-update → 403 read-only
 * GET  /sparql?query=SELECT * { SERVICE &lt;http://10.0.0.1/&gt; { ?s ?p ?o } } → 403 refused
 * </pre>
 */
final class SparqlFilter extends HttpFilter {

  /** The largest query accepted in a request body. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final SiteHolder holder;
  private final long timeoutMillis;
  private final ServiceAllowList services;

  SparqlFilter(SiteHolder holder, long timeoutMillis, ServiceAllowList services) {
    this.holder = holder;
    this.timeoutMillis = timeoutMillis;
    this.services = services;
  }

  /** What the query form page shows. */
  record FormPage(String endpoint, long timeoutSeconds, String example) {}

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Site site = holder.site();
    if (site == null) {
      refuse(response, 503, "the server is starting; try again in a moment");
      return;
    }
    String method = request.getMethod();
    if (!(method.equals("GET") || method.equals("HEAD") || method.equals("POST"))) {
      drain(request);
      response.setHeader("Allow", "GET, HEAD, POST");
      refuse(response, 405, "this endpoint is read-only: SPARQL queries by GET or POST only");
      return;
    }
    String contentType =
        request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    if (method.equals("POST")) {
      if (request.getContentLengthLong() > MAX_BODY_BYTES) {
        refuse(response, 413, "a query may be at most " + MAX_BODY_BYTES + " bytes");
        return;
      }
      if (contentType.startsWith("application/sparql-update")
          || (contentType.startsWith("application/x-www-form-urlencoded")
              && request.getParameter("update") != null)) {
        drain(request);
        refuse(response, 403, "this endpoint is read-only: SPARQL Update is not accepted");
        return;
      }
      if (!contentType.startsWith("application/sparql-query")
          && !contentType.startsWith("application/x-www-form-urlencoded")) {
        drain(request);
        refuse(
            response,
            415,
            "send a query as application/sparql-query or as a form (query=…); graph-store writes"
                + " are not accepted");
        return;
      }
    } else if (request.getParameter("update") != null) {
      refuse(response, 403, "this endpoint is read-only: SPARQL Update is not accepted");
      return;
    } else if (request.getParameter("query") == null) {
      describe(request, response, site);
      return;
    }
    // Look at every query the request carries before Fuseki runs it: a SERVICE to an endpoint
    // the operator has not listed is refused here (and by the engine, should one get past).
    HttpServletRequest forFuseki = request;
    List<String> queries = new ArrayList<>();
    String[] parameters = request.getParameterValues("query");
    if (parameters != null) {
      queries.addAll(List.of(parameters));
    }
    if (method.equals("POST") && contentType.startsWith("application/sparql-query")) {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        refuse(response, 413, "a query may be at most " + MAX_BODY_BYTES + " bytes");
        return;
      }
      forFuseki = new RepeatableBodyRequest(request, body);
      queries.add(new String(body, StandardCharsets.UTF_8));
    }
    for (String text : queries) {
      Optional<String> refused = serviceRefusal(request, text);
      if (refused.isPresent()) {
        refuse(response, 403, refused.get());
        return;
      }
    }
    chain.doFilter(forFuseki, response);
  }

  /**
   * Why a query's SERVICE calls may not run, if so. A query that does not parse is left to Fuseki,
   * which parses it the same way and answers with its own message.
   */
  private Optional<String> serviceRefusal(HttpServletRequest request, String text) {
    if (!ParsedQuery.mayCallService(text)) {
      return Optional.empty();
    }
    return ParsedQuery.of(request, text).flatMap(services::refusal);
  }

  private void describe(HttpServletRequest request, HttpServletResponse response, Site site)
      throws IOException {
    response.setHeader("Vary", "Accept");
    Optional<Conneg.Format> format =
        Conneg.choose(request.getHeader("Accept"), Conneg.Format.pageOffers());
    if (format.isEmpty()) {
      refuse(response, 406, "the service description is available as HTML or RDF");
      return;
    }
    byte[] body;
    if (format.get() == Conneg.Format.HTML) {
      Pages pages = holder.pages();
      Links links = holder.links();
      String example =
          "PREFIX tonet: <https://w3id.org/tonet/ontology#>\n"
              + "PREFIX schema: <http://schema.org/>\n"
              + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n\n"
              + "SELECT ?event ?date ?name WHERE {\n"
              + "  ?event a tonet:Symposium ; schema:startDate ?date ; rdfs:label ?name .\n"
              + "  FILTER (lang(?name) = \"ja\")\n"
              + "}\nORDER BY ?date";
      Pages.Chrome chrome =
          pages.chrome(
              "SPARQL",
              links.sparql(),
              List.of(new Pages.Alternate("text/turtle", links.sparql())),
              null);
      body =
          pages
              .render("sparql", chrome, new FormPage(links.sparql(), timeoutMillis / 1000, example))
              .getBytes(StandardCharsets.UTF_8);
    } else {
      body =
          RdfWriters.write(ServiceDescription.of(site).getGraph(), format.get())
              .getBytes(StandardCharsets.UTF_8);
    }
    response.setStatus(200);
    response.setContentType(format.get().contentType());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * Reads and drops a refused request's body (it is at most {@link #MAX_BODY_BYTES}), so the
   * connection stays usable for the client's next request.
   */
  private static void drain(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      return;
    }
    var in = request.getInputStream();
    byte[] buffer = new byte[8192];
    long left = MAX_BODY_BYTES;
    for (int n = in.read(buffer); n > 0 && left > 0; n = in.read(buffer)) {
      left -= n;
    }
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    byte[] body = (status + " " + message + "\n").getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("text/plain; charset=utf-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
