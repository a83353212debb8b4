package org.w3id.tonet.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses over-long URLs before any work is done (Fuseki's Jetty accepts very large request lines):
 * longer SPARQL queries go in a POST body, where {@link SparqlFilter} has its own limit.
 *
 * <pre>
 * GET /sparql?query=… (20 KB) → 414 URI Too Long
 * </pre>
 */
final class LimitsFilter extends HttpFilter {

  /** The longest path and query accepted, in characters. */
  static final int MAX_URL = 16 * 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String query = request.getQueryString();
    int length = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
    if (length > MAX_URL) {
      byte[] body =
          ("414 the URL is longer than "
                  + MAX_URL
                  + " characters; send long SPARQL queries by POST\n")
              .getBytes(StandardCharsets.UTF_8);
      response.setStatus(414);
      response.setContentType("text/plain; charset=utf-8");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      return;
    }
    chain.doFilter(request, response);
  }
}
