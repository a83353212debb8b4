package org.w3id.tonet.server.cache;

import java.util.List;
import org.w3id.tonet.sparql.Answer;
import org.w3id.tonet.sparql.QueryRunner;

/**
 * The SPARQL answers kept (--cache-size, least recently used out), and how a request is keyed: the
 * query, the dataset parameters, the representation and the result cap, each part written with its
 * length and each list with its count, so that no two requests the engine reads differently share a
 * key (an empty {@code default-graph-uri=} is an empty dataset, not no parameter).
 *
 * <pre>
 * AnswerCache answers = new AnswerCache(32L &lt;&lt; 20);
 * String key = AnswerCache.key(query, "JSON/TURTLE", 10_000);
 * AnswerCache.Kept hit = answers.get(key);         // null when not kept
 * AnswerCache.Kept kept = answers.keep(key, etag, answer);
 * </pre>
 */
public final class AnswerCache {

  /**
   * An answer as it is kept and sent: its bytes, their type, whether the cap cut it, and its ETag
   * (empty for an answer sent once).
   */
  public record Kept(String contentType, byte[] body, boolean capped, String etag, long keyBytes) {
    long bytes() {
      return body.length + keyBytes + 2L * etag.length() + 128;
    }
  }

  private final LruBytes<String, Kept> answers;

  /** Keeps answers up to {@code maxBytes} (0: none). */
  public AnswerCache(long maxBytes) {
    this.answers = new LruBytes<>(maxBytes, Kept::bytes);
  }

  /** The answer kept under {@code key}, or null. */
  public Kept get(String key) {
    return answers.get(key);
  }

  /** Keeps an answer under {@code key}, with its ETag, and returns it as kept. */
  public Kept keep(String key, String etag, Answer answer) {
    Kept kept =
        new Kept(answer.contentType(), answer.body(), answer.capped(), etag, 2L * key.length());
    answers.put(key, kept);
    return kept;
  }

  /** An answer that is sent once and not kept (no ETag: another run may give another). */
  public static Kept once(Answer answer) {
    return new Kept(answer.contentType(), answer.body(), answer.capped(), "", 0);
  }

  /**
   * The key of an answer: every input that changes it, as the query engine reads it. Each part is
   * written with its length, and each list with its count, so that two requests that differ in
   * anything (an empty {@code default-graph-uri=} and none, two parameters and one holding both)
   * never share a key.
   */
  public static String key(QueryRunner.Request query, String representation, long cap) {
    StringBuilder key = new StringBuilder(query.text().length() + 64);
    part(key, query.text());
    list(key, query.defaultGraphs());
    list(key, query.namedGraphs());
    part(key, representation);
    part(key, Long.toString(cap));
    return key.toString();
  }

  private static void list(StringBuilder key, List<String> values) {
    key.append(values.size()).append('[');
    for (String v : values) {
      part(key, v);
    }
  }

  private static void part(StringBuilder key, String value) {
    key.append(value.length()).append(':').append(value);
  }
}
