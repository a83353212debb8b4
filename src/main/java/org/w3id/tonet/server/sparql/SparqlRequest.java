package org.w3id.tonet.server.sparql;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3id.tonet.server.http.FormDecoding;

/**
 * The parameters of a request to the endpoint, from its query string and its form body, as the
 * SPARQL 1.1 Protocol names them; anything else (Fuseki's {@code stylesheet=} and {@code callback=}
 * among them) is ignored, never copied into an answer.
 *
 * <pre>
 * SparqlRequest params = new SparqlRequest();
 * params.decode(request.getHttpURI().getQuery(), "the address"); // Refused on a bad %-escape
 * params.query; params.output; params.timeout;
 * </pre>
 */
final class SparqlRequest {
  final List<String> query = new ArrayList<>();
  final List<String> update = new ArrayList<>();
  final List<String> defaultGraphs = new ArrayList<>();
  final List<String> namedGraphs = new ArrayList<>();
  String output;
  String timeout;

  void add(String name, String value) {
    switch (name) {
      case "query" -> query.add(value);
      case "update" -> update.add(value);
      case "default-graph-uri" -> defaultGraphs.add(value);
      case "named-graph-uri" -> namedGraphs.add(value);
      case "output", "format", "results" -> output = output == null ? value : output;
      case "timeout" -> timeout = value;
      default -> {
        // Anything else (Fuseki's stylesheet= and callback= among them) is ignored: never
        // copied into an answer.
      }
    }
  }

  /**
   * Decodes application/x-www-form-urlencoded text (from {@code where}: the address or the form)
   * into these parameters.
   */
  void decode(String encoded, String where) throws Refused {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        add(FormDecoding.decode(name), FormDecoding.decode(value));
      } catch (IllegalArgumentException e) {
        throw new Refused(400, where + " has a malformed %-escape; encode the query as UTF-8");
      }
    }
  }

  /** Accepts the charsets a query may come in: UTF-8 (the default) and its subset US-ASCII. */
  static void charset(String contentType) throws Refused {
    for (String part : contentType.split(";")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
        String cs = kv[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
        if (!cs.equals("utf-8") && !cs.equals("utf8") && !cs.equals("us-ascii")) {
          throw new Refused(
              415, "the charset " + kv[1].strip() + " is not accepted; send the query in UTF-8");
        }
      }
    }
  }

  /** A body's text, which must be valid UTF-8. */
  static String utf8(byte[] bytes) throws Refused {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Refused(400, "the request body is not valid UTF-8");
    }
  }
}
