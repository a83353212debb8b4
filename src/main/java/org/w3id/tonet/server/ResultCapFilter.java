package org.w3id.tonet.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.query.Query;

/**
 * Caps the number of results a public SPARQL query may return: a query without LIMIT, or with a
 * larger one, runs with LIMIT = the cap, and the response says so in {@code X-Result-Limit}. A
 * query that does not parse goes on unchanged, so Fuseki reports its syntax error.
 *
 * <pre>
 * GET /sparql?query=SELECT * { ?a ?b ?c . ?d ?e ?f }   → at most 10,000 rows, X-Result-Limit: 10000
 * </pre>
 */
final class ResultCapFilter extends HttpFilter {

  /** The response header that reports an applied cap. */
  static final String HEADER = "X-Result-Limit";

  /** Texts up to this long have their decision remembered. */
  static final int MEMO_TEXT_LIMIT = 4096;

  /** How many decisions are remembered (least recently used first out). */
  static final int MEMO_ENTRIES = 1024;

  /** Marks a remembered "no cap needed" (the query is short enough, ASK, or does not parse). */
  private static final String UNCHANGED = new String("unchanged");

  private final long cap;

  /**
   * Query text → the capped text, or {@link #UNCHANGED}. The decision depends on the text alone,
   * and the same queries come again and again (portals, the landing page's examples), so a text
   * seen before is neither parsed nor written again here: Fuseki's own parse is then the only one,
   * as on a plain Fuseki. Bounded in entries and in the length of the texts kept.
   */
  private final PageCache memo = new PageCache(MEMO_ENTRIES);

  ResultCapFilter(long cap) {
    this.cap = cap;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String contentType =
        request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    boolean inBody =
        request.getMethod().equals("POST") && contentType.startsWith("application/sparql-query");
    byte[] body = inBody ? request.getInputStream().readAllBytes() : null;
    String text = inBody ? new String(body, StandardCharsets.UTF_8) : request.getParameter("query");
    String capped = text == null ? null : capped(request, text);
    if (capped != null) {
      response.setHeader(HEADER, Long.toString(cap));
    }
    if (inBody) {
      // The body has been read here: Fuseki gets the same bytes, or the capped query, again.
      byte[] forFuseki = capped == null ? body : capped.getBytes(StandardCharsets.UTF_8);
      chain.doFilter(new RepeatableBodyRequest(request, forFuseki), response);
    } else if (capped != null) {
      chain.doFilter(new CappedParameter(request, capped), response);
    } else {
      chain.doFilter(request, response);
    }
  }

  /** The query with the cap applied, or null when it needs none (or does not parse). */
  private String capped(HttpServletRequest request, String text) {
    if (text.length() > MEMO_TEXT_LIMIT) {
      return decide(request, text);
    }
    String known =
        memo.get(
            text,
            () -> {
              String decided = decide(request, text);
              return decided == null ? UNCHANGED : decided;
            });
    return known == UNCHANGED ? null : known;
  }

  private String decide(HttpServletRequest request, String text) {
    Query parsed = ParsedQuery.of(request, text).orElse(null);
    if (parsed == null || parsed.isAskType()) {
      return null;
    }
    if (parsed.hasLimit() && parsed.getLimit() <= cap) {
      return null;
    }
    Query query =
        parsed.cloneQuery(); // the parse is shared with the other filters: never change it
    query.setLimit(cap);
    return query.serialize();
  }

  /** The request with its {@code query} parameter replaced by the capped query. */
  private static final class CappedParameter extends HttpServletRequestWrapper {
    private final String query;

    CappedParameter(HttpServletRequest request, String query) {
      super(request);
      this.query = query;
    }

    @Override
    public String getParameter(String name) {
      return name.equals("query") ? query : super.getParameter(name);
    }

    @Override
    public String[] getParameterValues(String name) {
      return name.equals("query") ? new String[] {query} : super.getParameterValues(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      Map<String, String[]> map = new LinkedHashMap<>(super.getParameterMap());
      map.put("query", new String[] {query});
      return Collections.unmodifiableMap(map);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }
  }
}
