package org.w3id.tonet.server.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The site's own 404 page for paths that no servlet of ours answers (Fuseki's back-stop servlet and
 * Jetty would otherwise send Jetty's bare error page). The SPARQL endpoint keeps Fuseki's own
 * messages, which SPARQL clients read.
 *
 * <pre>
 * GET /nothing/here → 404, the site's page: "Nothing is published at /nothing/here."
 * </pre>
 */
public final class NotFoundFilter extends HttpFilter {

  private final transient SiteHolder holder;

  public NotFoundFilter(SiteHolder holder) {
    this.holder = holder;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/sparql") || path.startsWith("/sparql/")) {
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(
        request,
        new HttpServletResponseWrapper(response) {
          @Override
          public void sendError(int status) throws IOException {
            sendError(status, null);
          }

          @Override
          public void sendError(int status, String message) throws IOException {
            if (status == SC_NOT_FOUND && !isCommitted()) {
              resetBuffer();
              SiteServlet.notFound(holder.pages(), request, response);
            } else {
              super.sendError(status, message);
            }
          }
        });
  }
}
