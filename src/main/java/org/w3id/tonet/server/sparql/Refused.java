package org.w3id.tonet.server.sparql;

/**
 * Thrown while reading a request to the endpoint that cannot be answered; says what to tell the
 * client.
 *
 * <pre>
 * throw new Refused(403, "this endpoint is read-only: SPARQL Update is not accepted");
 * </pre>
 */
final class Refused extends Exception {
  private static final long serialVersionUID = 1L;

  /** The HTTP status to answer with. */
  final int status;

  Refused(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }
}
