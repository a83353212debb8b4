package org.w3id.tonet.server;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;

/**
 * One parse of a request's SPARQL query, shared by the filters in front of Fuseki (the SERVICE
 * allow-list and the result cap): parsing dominates the cost of small queries, so it is done once
 * and kept on the request.
 *
 * <pre>
 * Optional&lt;Query&gt; query = ParsedQuery.of(request, text); // empty when it does not parse
 * </pre>
 */
final class ParsedQuery {

  private static final String ATTRIBUTE = ParsedQuery.class.getName();

  private ParsedQuery() {}

  /** What was parsed, and from which text. */
  private record Parsed(String text, Query query) {}

  /**
   * The query parsed as Fuseki parses it (ARQ syntax), or empty when it does not parse (Fuseki then
   * answers with its own message). The caller must not change the returned query.
   */
  static Optional<Query> of(HttpServletRequest request, String text) {
    if (request.getAttribute(ATTRIBUTE) instanceof Parsed p && p.text().equals(text)) {
      return Optional.ofNullable(p.query());
    }
    Query query;
    try {
      query = QueryFactory.create(text, Syntax.syntaxARQ);
    } catch (QueryException e) {
      query = null;
    }
    request.setAttribute(ATTRIBUTE, new Parsed(text, query));
    return Optional.ofNullable(query);
  }

  /**
   * False when the text cannot hold a SERVICE call: no "service" in any case and no \\u escape
   * (SPARQL applies those before reading keywords), so the allow-list need not parse it.
   */
  static boolean mayCallService(String text) {
    return containsIgnoreCase(text, "service") || text.contains("\\u") || text.contains("\\U");
  }

  private static boolean containsIgnoreCase(String text, String word) {
    int n = word.length();
    for (int i = 0; i + n <= text.length(); i++) {
      if (text.regionMatches(true, i, word, 0, n)) {
        return true;
      }
    }
    return false;
  }
}
