package org.w3id.tonet.sparql;

import java.time.Duration;
import java.util.Objects;

/**
 * What one public SPARQL query may use: time, results, the size of its text, the strings it builds,
 * the memory it holds, and how deeply it nests. Every query the server runs for a client runs
 * within these (see README, "Limits and fair use").
 *
 * <pre>
 * QueryLimits limits = QueryLimits.defaults().withTimeout(Duration.ofSeconds(5));
 * </pre>
 *
 * @param timeout how long a query may take, counted from the moment its request has arrived
 *     (waiting for a free query slot included)
 * @param maxResults the most rows (SELECT) or solutions (CONSTRUCT, DESCRIBE) an answer may hold: a
 *     larger LIMIT is lowered to it
 * @param maxQueryBytes the longest query text, in UTF-8 bytes (and the largest request body)
 * @param maxStringLength the longest string a function may build (CONCAT, REPLACE, GROUP_CONCAT …),
 *     in characters
 * @param memoryBytes an estimate of the memory one query may hold: rows kept for ORDER BY, GROUP
 *     BY, DISTINCT and joins, steps of property paths, the triples of a CONSTRUCT and the bytes of
 *     the answer
 * @param maxNesting how deeply operators and expressions may nest
 */
public record QueryLimits(
    Duration timeout,
    long maxResults,
    int maxQueryBytes,
    int maxStringLength,
    long memoryBytes,
    int maxNesting) {

  /** Default time limit. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** Default result cap. */
  public static final long DEFAULT_MAX_RESULTS = 10_000;

  /** Default longest query (64 KiB). */
  public static final int DEFAULT_MAX_QUERY_BYTES = 64 * 1024;

  /** Default longest built string (1 Mi characters). */
  public static final int DEFAULT_MAX_STRING_LENGTH = 1 << 20;

  /** Default deepest nesting. */
  public static final int DEFAULT_MAX_NESTING = 200;

  /** Numbers longer than this many digits are not made from text (parsing them is quadratic). */
  public static final int MAX_NUMBER_DIGITS = 1_000;

  public QueryLimits {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("--query-timeout must be more than 0 seconds");
    }
    if (maxResults < 1) {
      throw new IllegalArgumentException("--max-results must be at least 1");
    }
    if (maxQueryBytes < 1024) {
      throw new IllegalArgumentException("a query limit below 1 KiB would refuse ASK {}");
    }
    if (maxStringLength < 1024) {
      throw new IllegalArgumentException("--max-string must be at least 1024 characters");
    }
    if (memoryBytes < (1 << 20)) {
      throw new IllegalArgumentException("--query-memory must be at least 1 MB");
    }
    if (maxNesting < 10) {
      throw new IllegalArgumentException("the nesting limit must be at least 10");
    }
  }

  /**
   * The defaults: 10 s, 10,000 results, 64 KiB queries, strings of 1 Mi characters, nesting 200,
   * and memory of a quarter of this JVM's heap shared by {@code slots} concurrent queries (between
   * 16 MiB and 512 MiB each).
   */
  public static QueryLimits defaults(int slots) {
    return new QueryLimits(
        DEFAULT_TIMEOUT,
        DEFAULT_MAX_RESULTS,
        DEFAULT_MAX_QUERY_BYTES,
        DEFAULT_MAX_STRING_LENGTH,
        defaultMemory(slots),
        DEFAULT_MAX_NESTING);
  }

  /** A quarter of the heap shared by the query slots, between 16 MiB and 512 MiB per query. */
  public static long defaultMemory(int slots) {
    long share = Runtime.getRuntime().maxMemory() / 4 / Math.max(1, slots);
    return Math.max(16L << 20, Math.min(512L << 20, share));
  }

  /** The same limits with another timeout. */
  public QueryLimits withTimeout(Duration value) {
    return new QueryLimits(
        value, maxResults, maxQueryBytes, maxStringLength, memoryBytes, maxNesting);
  }

  /** The same limits with another result cap. */
  public QueryLimits withMaxResults(long value) {
    return new QueryLimits(timeout, value, maxQueryBytes, maxStringLength, memoryBytes, maxNesting);
  }

  /** The same limits with another memory allowance. */
  public QueryLimits withMemoryBytes(long value) {
    return new QueryLimits(timeout, maxResults, maxQueryBytes, maxStringLength, value, maxNesting);
  }

  /** The same limits with another longest string. */
  public QueryLimits withMaxStringLength(int value) {
    return new QueryLimits(timeout, maxResults, maxQueryBytes, value, memoryBytes, maxNesting);
  }
}
