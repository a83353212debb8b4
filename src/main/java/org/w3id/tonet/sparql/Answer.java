package org.w3id.tonet.sparql;

/**
 * What running a query gave: the bytes of an answer (status 200), or a status and a message that
 * says what went wrong and what to do.
 *
 * <pre>
 * Answer a = runner.run(request, formats, budget);
 * if (a.ok()) { send(a.contentType(), a.body()); } else { send(a.status(), a.message()); }
 * </pre>
 *
 * @param status 200, or the HTTP status of the failure
 * @param contentType the answer's Content-Type (null for a failure)
 * @param body the answer's bytes (empty for a failure)
 * @param message for a failure, a short sentence for the client (null when ok)
 * @param retryAfterSeconds for a failure that may pass, when to try again (0: not)
 * @param capped whether the result cap was applied and the answer may have been cut at it
 * @param millis how long the query ran
 * @param repeatable whether running the query again gives the same answer: false when it reads the
 *     clock or chance (NOW(), RAND(), UUID(), STRUUID(), BNODE()), and such an answer must not be
 *     kept
 * @param unfinished whether the query was stopped because it reached what the publication does not
 *     hold yet ({@link QueryRunner.NotFinal}): it is to be run again on the finished publication
 */
public record Answer(
    int status,
    String contentType,
    byte[] body,
    String message,
    int retryAfterSeconds,
    boolean capped,
    long millis,
    boolean repeatable,
    boolean unfinished) {

  private static final byte[] NONE = new byte[0];

  /** A successful answer. */
  public static Answer ok(String contentType, byte[] body, boolean capped, long millis) {
    return new Answer(200, contentType, body, null, 0, capped, millis, true, false);
  }

  /** This answer, said to be one that another run of its query may not repeat. */
  public Answer unrepeatable() {
    return new Answer(
        status, contentType, body, message, retryAfterSeconds, capped, millis, false, false);
  }

  /** A failure. */
  public static Answer failed(int status, String message, int retryAfterSeconds, long millis) {
    return new Answer(status, null, NONE, message, retryAfterSeconds, false, millis, false, false);
  }

  /**
   * No answer yet: the query reached what the publication does not hold until it is finished (a
   * moment after a cold start). Said as 503 if it ever reached a client.
   */
  public static Answer notFinal(long millis) {
    return new Answer(
        503,
        null,
        NONE,
        "the server is finishing its publication; try again in a moment",
        1,
        false,
        millis,
        false,
        true);
  }

  /** Whether it is an answer (status 200). */
  public boolean ok() {
    return status == 200;
  }
}
