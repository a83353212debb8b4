package org.w3id.tonet.server.http;

import java.util.Optional;

/**
 * How a path's answer depends on the Accept header, as its servlet declares it while it answers:
 * the offers it chooses from (HTML first, RDF only, the description's rule, one format fixed by the
 * path's extension, or none at all). The edge cache learns it from the first answer for a path and
 * keys what it keeps for that path by the representation chosen — the format and the name it is
 * sent under — so that every Accept header that selects the same representation is one answer, made
 * once.
 *
 * <pre>
 * Optional&lt;Negotiation.Chosen&gt; c = SiteServlet.negotiate(request, Negotiation.PAGE);
 * c.get().format();      // HTML, TURTLE, …
 * c.get().contentType(); // "text/plain; charset=utf-8" for N-Triples asked for as text/plain
 * </pre>
 *
 * @param kind which offers are chosen from
 * @param fixed the format of {@link Kind#FIXED}, or null
 * @param named whether the answer depends on the name the format is asked by (a document sent under
 *     it), or on the format alone (a redirect to the format's document)
 */
public record Negotiation(Kind kind, Conneg.Format fixed, boolean named) {

  /** The request attribute a servlet declares its negotiation in, for the edge cache. */
  public static final String ATTRIBUTE = Negotiation.class.getName();

  /** Which offers a path's answer is chosen from. */
  public enum Kind {
    /** None: the answer is the same whatever the client accepts (a page, a file). */
    NONE,
    /** HTML first, then the RDF formats (an /id/ IRI, the ontology, a graph's name). */
    PAGE,
    /** The RDF formats, Turtle first (a /data/ document). */
    RDF,
    /**
     * The description: HTML first to a client that names text/html, else the RDF formats (a client
     * that accepts anything gets Turtle).
     */
    DESCRIPTION,
    /** One format, fixed by the path (its extension); only its name depends on the client. */
    FIXED,
    /**
     * Not declared (an answer of another handler than ours): it may depend on anything in the
     * Accept and Accept-Encoding headers, as they are written.
     */
    UNDECLARED
  }

  public static final Negotiation NONE = new Negotiation(Kind.NONE, null, false);
  public static final Negotiation PAGE = new Negotiation(Kind.PAGE, null, true);
  public static final Negotiation RDF = new Negotiation(Kind.RDF, null, true);
  public static final Negotiation DESCRIPTION = new Negotiation(Kind.DESCRIPTION, null, true);
  public static final Negotiation UNDECLARED = new Negotiation(Kind.UNDECLARED, null, true);

  /** The format {@code format} and no other, whatever the client accepts. */
  public static Negotiation fixed(Conneg.Format format) {
    return new Negotiation(Kind.FIXED, format, true);
  }

  /**
   * The same choice, for an answer that depends on the format chosen and not on the name it was
   * asked for by: a redirect to the format's document is the same for text/n3 and text/turtle.
   */
  public Negotiation formatOnly() {
    return new Negotiation(kind, fixed, false);
  }

  /** A format chosen for a request, and the Content-Type to send it with. */
  public record Chosen(Conneg.Format format, String contentType) {}

  /**
   * The format chosen for {@code choices}, or empty when none is acceptable (406); always empty for
   * {@link Kind#NONE} and {@link Kind#UNDECLARED}, which choose nothing.
   */
  public Optional<Chosen> choose(Conneg.Choices choices) {
    Optional<Conneg.Format> format =
        switch (kind) {
          case NONE, UNDECLARED -> Optional.empty();
          case PAGE -> choices.page();
          case RDF -> choices.rdf();
          case DESCRIPTION -> choices.namesHtml() ? choices.page() : choices.rdf();
          case FIXED -> Optional.of(fixed);
        };
    return format.map(f -> new Chosen(f, choices.contentType(f)));
  }

  /**
   * The representation chosen for {@code choices}, as text: what the answer for a path depends on,
   * equal for every Accept header that selects the same one. Not for {@link Kind#UNDECLARED}, whose
   * answer may depend on more than the choices (the edge cache keys it by the headers).
   */
  public String representation(Conneg.Choices choices) {
    if (kind == Kind.UNDECLARED) {
      throw new IllegalStateException("an undeclared negotiation chooses no representation");
    }
    return kind
        + (fixed == null ? "" : " " + fixed)
        + " "
        + choose(choices)
            .map(c -> c.format().name() + (named ? " " + c.contentType() : ""))
            .orElse(kind == Kind.NONE ? "" : "none");
  }
}
