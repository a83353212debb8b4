package org.w3id.tonet.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request: method, path and query, status and time taken.
 *
 * <pre>
 * 10:12:03.456 INFO  Requests GET /id/symposium/2012-03-17 303 2 ms
 * </pre>
 */
final class RequestLogFilter extends HttpFilter {

  private static final Logger LOG = LoggerFactory.getLogger("org.w3id.tonet.server.Requests");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      String query = request.getQueryString();
      String target = request.getRequestURI() + (query == null ? "" : "?" + abbreviate(query));
      LOG.info(
          "{} {} {} {} ms",
          request.getMethod(),
          target,
          response.getStatus(),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** Long queries are cut so one request stays one readable line. */
  private static String abbreviate(String query) {
    String oneLine = query.replaceAll("[\\r\\n]+", " ");
    return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "…";
  }
}
