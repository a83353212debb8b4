package org.w3id.tonet.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * The first handler every request meets, before the SPARQL endpoint and the pages: it puts the
 * security headers and CORS on every response, answers CORS preflights, refuses methods other than
 * GET, HEAD, POST and OPTIONS (TRACE among them: it would echo the request) and over-long
 * addresses, and sends {@code /sparql} to the {@link SparqlHandler}, everything else to the pages.
 *
 * <pre>
 * server.setHandler(new EdgeHandler(sparqlHandler, servletContext));
 * </pre>
 */
final class EdgeHandler extends Handler.Wrapper {

  /** The request headers a cross-origin client may send (answered in preflights). */
  static final String ALLOWED_HEADERS =
      "Accept, Accept-Encoding, Accept-Language, Content-Type, Authorization, X-Requested-With,"
          + " Cache-Control, If-None-Match, If-Modified-Since";

  /** The longest path and query accepted, in characters; longer queries go in a POST body. */
  static final int MAX_URL = 16 * 1024;

  private final Handler sparql;

  EdgeHandler(Handler sparql, Handler pages) {
    super(pages);
    this.sparql = sparql;
    installBean(sparql);
  }

  @Override
  public void setServer(Server server) {
    super.setServer(server);
    // The SPARQL handler is not in the handler tree (it is reached from here), so it is told
    // its server here; without it, Jetty warns at every start.
    sparql.setServer(server);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    SecurityHeaders.apply(response.getHeaders());
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin != null) {
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
      response
          .getHeaders()
          .put(
              HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS,
              "Content-Length, ETag, Location, Link, Retry-After, X-Result-Limit");
    }
    String method = request.getMethod();
    boolean head = method.equals("HEAD");
    switch (method) {
      case "GET", "HEAD", "POST" -> {}
      case "OPTIONS" -> {
        preflight(request, response, callback, origin);
        return true;
      }
      default -> {
        response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST, OPTIONS");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        SparqlHandler.error(
            response,
            callback,
            false,
            405,
            method + " is not accepted here: this server answers GET, HEAD and POST (read-only)",
            0);
        return true;
      }
    }
    String query = request.getHttpURI().getQuery();
    int length = request.getHttpURI().getPath().length() + (query == null ? 0 : query.length() + 1);
    if (length > MAX_URL) {
      SparqlHandler.error(
          response,
          callback,
          head,
          414,
          "the address is longer than " + MAX_URL + " characters; send long SPARQL queries by POST",
          0);
      return true;
    }
    if (Request.getPathInContext(request).equals("/sparql")) {
      return sparql.handle(request, response, callback);
    }
    return super.handle(request, response, callback);
  }

  private static void preflight(
      Request request, Response response, Callback callback, String origin) {
    String wanted = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD);
    if (origin != null
        && wanted != null
        && !(wanted.equals("GET") || wanted.equals("HEAD") || wanted.equals("POST"))) {
      response.setStatus(403);
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
      callback.succeeded();
      return;
    }
    response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST, OPTIONS");
    if (origin != null) {
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, POST");
      // The request headers browser clients send: YASGUI tabs and JS SPARQL clients configured
      // with a token send Authorization, jQuery-era ones X-Requested-With. Authorization must be
      // named (a "*" does not cover it). Credentials stay off: no Allow-Credentials, so a browser
      // never sends cookies or its own stored logins here.
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "86400");
    }
    response.setStatus(204);
    callback.succeeded();
  }
}
