package org.w3id.tonet.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security and CORS headers on every response. Pages load nothing from elsewhere and run no script,
 * so the Content-Security-Policy allows only this server's style sheet and icon. CORS allows reads
 * from any origin (GET, HEAD, and POST for SPARQL queries) and nothing else.
 *
 * <pre>
 * OPTIONS /sparql  Origin: https://portal.example → 204, Access-Control-Allow-Methods: GET, HEAD, POST
 * </pre>
 */
final class HeadersFilter extends HttpFilter {

  static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
          + " base-uri 'none'; frame-ancestors 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    response.setHeader("Content-Security-Policy", CSP);
    String origin = request.getHeader("Origin");
    if (origin != null) {
      response.setHeader("Access-Control-Allow-Origin", "*");
      response.setHeader("Access-Control-Expose-Headers", "Content-Length, ETag, Location, Link");
    }
    if (request.getMethod().equals("OPTIONS") && origin != null) {
      String wanted = request.getHeader("Access-Control-Request-Method");
      if (wanted != null
          && !(wanted.equals("GET") || wanted.equals("HEAD") || wanted.equals("POST"))) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return;
      }
      response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST");
      response.setHeader("Access-Control-Allow-Headers", "Accept, Accept-Encoding, Content-Type");
      response.setHeader("Access-Control-Max-Age", "86400");
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    chain.doFilter(request, response);
  }
}
