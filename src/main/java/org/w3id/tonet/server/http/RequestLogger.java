package org.w3id.tonet.server.http;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request, written when the response is complete (so the status is the one sent,
 * whoever sent it): method, path and query, status and time taken. Refusals (4xx but 404, and 503)
 * are not written one by one but counted per client ({@link Refusals}), so that an attack cannot
 * fill the disk with them.
 *
 * <pre>
 * 10:12:03.456 INFO  Requests GET /id/symposium/2012-03-17 303 2 ms
 * </pre>
 */
public final class RequestLogger implements RequestLog {

  private static final Logger LOG = LoggerFactory.getLogger("org.w3id.tonet.server.Requests");

  private final Refusals refusals;
  private final ClientAddress clients;

  public RequestLogger(Refusals refusals, ClientAddress clients) {
    this.refusals = refusals;
    this.clients = clients;
  }

  @Override
  public void log(Request request, Response response) {
    int status = response.getStatus();
    if (Refusals.isRefusal(status)) {
      refusals.count(clients.of(request), Integer.toString(status));
      return;
    }
    String query = request.getHttpURI().getQuery();
    String target = request.getHttpURI().getPath() + (query == null ? "" : "?" + abbreviate(query));
    long millis = (System.nanoTime() - request.getBeginNanoTime()) / 1_000_000;
    LOG.info("{} {} {} {} ms", request.getMethod(), target, status, millis);
  }

  /** Long queries are cut, and line breaks made one space, so one request stays one line. */
  static String abbreviate(String query) {
    // Cut first: a query string may be kilobytes long, and only its start is logged.
    int end = Math.min(query.length(), 160);
    StringBuilder line = new StringBuilder(end + 1);
    for (int i = 0; i < end; i++) {
      char c = query.charAt(i);
      if (!isBreak(c)) {
        line.append(c);
      } else if (i == 0 || !isBreak(query.charAt(i - 1))) {
        line.append(' ');
      }
    }
    return end < query.length() ? line.append('…').toString() : line.toString();
  }

  private static boolean isBreak(char c) {
    return c == '\r' || c == '\n';
  }
}
