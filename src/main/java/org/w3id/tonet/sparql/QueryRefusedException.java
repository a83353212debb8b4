package org.w3id.tonet.sparql;

/**
 * A query that is not run at all: it does not parse, names something this endpoint does not offer
 * (an unknown function, a SERVICE not listed), or has a shape whose cost cannot be bounded.
 *
 * <pre>
 * throw new QueryRefusedException(403, "SERVICE &lt;http://10.0.0.1/&gt; is refused: …");
 * </pre>
 */
public final class QueryRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  public QueryRefusedException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The HTTP status to answer with (400, 403). */
  public int status() {
    return status;
  }
}
