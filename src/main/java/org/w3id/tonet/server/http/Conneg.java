package org.w3id.tonet.server.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses a representation from an Accept header: the offer the client values most, ties going to
 * the server's order of preference. Older media types that RDF clients still send are answered too:
 * {@code text/plain} with N-Triples (rdflib's {@code format='nt'} asks for text/plain first and
 * anything else at q=0.1), {@code text/n3} and {@code application/x-turtle} with Turtle (every
 * Turtle document is N3), {@code application/json} with JSON-LD.
 *
 * <pre>
 * Conneg.choose("text/turtle;q=0.9, application/ld+json", Format.pageOffers()); // JSON-LD
 * Conneg.choose(null, Format.pageOffers());                                      // HTML
 * Conneg.choose("text/plain, *&#47;*;q=0.1", Format.pageOffers());              // N-Triples
 * Conneg.contentType("text/plain, *&#47;*;q=0.1", Format.NTRIPLES); // text/plain; charset=utf-8
 * </pre>
 */
public final class Conneg {

  private Conneg() {}

  /** A representation the server can send. */
  public enum Format {
    HTML("text/html", "html"),
    TURTLE("text/turtle", "ttl", "text/n3", "application/x-turtle", "text/rdf+n3"),
    JSONLD("application/ld+json", "jsonld"),
    RDFXML("application/rdf+xml", "rdf"),
    NTRIPLES("application/n-triples", "nt", "text/plain"),
    TRIG("application/trig", "trig"),
    NQUADS("application/n-quads", "nq");

    private final String mediaType;
    private final String extension;
    private final List<String> aliases;

    Format(String mediaType, String extension, String... aliases) {
      this.mediaType = mediaType;
      this.extension = extension;
      this.aliases = List.of(aliases);
    }

    /** Its media type, without parameters. */
    public String mediaType() {
      return mediaType;
    }

    /** Older media types that ask for the same bytes (text/plain for N-Triples). */
    public List<String> aliases() {
      return aliases;
    }

    /** The file extension that selects it in a /data/ path. */
    public String extension() {
      return extension;
    }

    /** The Content-Type header value. */
    public String contentType() {
      return mediaType + "; charset=utf-8";
    }

    /** True for the RDF formats. */
    public boolean isRdf() {
      return this != HTML;
    }

    /** True for TriG and N-Quads, which name the graph each triple is in. */
    public boolean isQuads() {
      return this == TRIG || this == NQUADS;
    }

    /** The format a file extension selects, if any. */
    public static Optional<Format> byExtension(String extension) {
      for (Format f : values()) {
        if (f.extension.equals(extension)) {
          return Optional.of(f);
        }
      }
      return Optional.empty();
    }

    /** HTML first, then the RDF formats: what an /id/ or a page may be. */
    public static List<Format> pageOffers() {
      return List.of(HTML, TURTLE, JSONLD, RDFXML, NTRIPLES, TRIG, NQUADS);
    }

    /** The RDF formats, Turtle first. */
    public static List<Format> rdfOffers() {
      return List.of(TURTLE, JSONLD, RDFXML, NTRIPLES, TRIG, NQUADS);
    }
  }

  /** One media range of an Accept header. */
  private record Range(String type, String subtype, double q) {
    int specificity() {
      return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
    }

    boolean matches(String mediaType) {
      int slash = mediaType.indexOf('/');
      if (slash < 0) {
        return false;
      }
      boolean typeMatches =
          type.equals("*") || (type.length() == slash && mediaType.startsWith(type));
      boolean subtypeMatches =
          subtype.equals("*")
              || (subtype.length() == mediaType.length() - slash - 1
                  && mediaType.endsWith(subtype));
      return typeMatches && subtypeMatches;
    }
  }

  /**
   * The best offer for an Accept header; an absent or empty header, or one without a single
   * well-formed media range, accepts anything. Empty when the client accepts none of the offers
   * (answer 406).
   */
  public static Optional<Format> choose(String accept, List<Format> offers) {
    return choose(ranges(accept), offers);
  }

  private static Optional<Format> choose(List<Range> ranges, List<Format> offers) {
    if (ranges.isEmpty()) {
      // Absent, empty, or nothing but malformed ranges ("Accept: ;"): RFC 9110 lets a server
      // ignore a header it cannot read, and the client then gets the first offer.
      return Optional.of(offers.get(0));
    }
    Format best = null;
    double bestQ = 0;
    for (Format offer : offers) {
      double q = quality(ranges, offer.mediaType());
      for (String alias : offer.aliases()) {
        q = Math.max(q, quality(ranges, alias));
      }
      if (offer == Format.JSONLD) {
        q = Math.max(q, quality(ranges, "application/json") * 0.9);
      }
      if (q > bestQ) {
        best = offer;
        bestQ = q;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The Content-Type to send a format with: its own media type, unless the client asked for it only
   * under an older name it values more (text/plain for N-Triples, text/n3 for Turtle), which it is
   * then given, so that a client that accepts only text/plain is not sent another type.
   */
  public static String contentType(String accept, Format format) {
    return contentType(ranges(accept), format);
  }

  private static String contentType(List<Range> ranges, Format format) {
    String type = format.mediaType();
    double q = quality(ranges, type);
    for (String alias : format.aliases()) {
      double aliasQ = quality(ranges, alias);
      if (aliasQ > q) {
        type = alias;
        q = aliasQ;
      }
    }
    return type + "; charset=utf-8";
  }

  /**
   * What an Accept header selects, for every way the site's pages, documents and redirects read it:
   * the best of the page offers (HTML first) and of the RDF offers, whether HTML is acceptable at
   * all (error pages), whether the header names text/html itself (the description answers Turtle to
   * a client that does not), and the name each format with older names is sent under. The servlets
   * behind the edge cache read Accept through this alone, so two headers with equal choices get the
   * same answer from every one of them, and the edge cache keeps one answer for both ({@link
   * Negotiation}): however many Accept headers a client makes up, a path has at most a few answers.
   *
   * <pre>
   * Conneg.Choices c = Conneg.Choices.of("text/plain, *&#47;*;q=0.1");
   * c.page();                       // Optional[NTRIPLES]
   * c.contentType(Format.NTRIPLES); // text/plain; charset=utf-8
   * </pre>
   *
   * @param page the best of {@link Format#pageOffers()}, or empty (406)
   * @param rdf the best of {@link Format#rdfOffers()}, or empty (406)
   * @param html whether HTML is acceptable
   * @param namesHtml whether a media range names text/html itself (not through a wildcard)
   * @param names the Content-Type each format with older names is sent under
   */
  public record Choices(
      Optional<Format> page,
      Optional<Format> rdf,
      boolean html,
      boolean namesHtml,
      Map<Format, String> names) {

    /** What {@code accept} (the Accept header, or null) selects. */
    public static Choices of(String accept) {
      List<Range> ranges = ranges(accept);
      Map<Format, String> names = new EnumMap<>(Format.class);
      for (Format f : Format.values()) {
        if (!f.aliases().isEmpty()) {
          names.put(f, Conneg.contentType(ranges, f));
        }
      }
      boolean namesHtml = false;
      for (Range r : ranges) {
        namesHtml |= r.specificity() == 2 && r.matches(Format.HTML.mediaType());
      }
      return new Choices(
          choose(ranges, Format.pageOffers()),
          choose(ranges, Format.rdfOffers()),
          choose(ranges, List.of(Format.HTML)).isPresent(),
          namesHtml,
          Collections.unmodifiableMap(names));
    }

    /** The Content-Type to send {@code format} with (see {@link Conneg#contentType}). */
    public String contentType(Format format) {
      return names.getOrDefault(format, format.contentType());
    }
  }

  /** The ranges of an Accept header (none for an absent one). */
  private static List<Range> ranges(String accept) {
    return accept == null ? List.of() : parse(accept);
  }

  /** The q the client gives a media type: from the most specific range that matches it. */
  private static double quality(List<Range> ranges, String mediaType) {
    Range match = null;
    for (Range r : ranges) {
      if (r.matches(mediaType) && (match == null || r.specificity() > match.specificity())) {
        match = r;
      }
    }
    return match == null ? 0 : match.q();
  }

  /**
   * Accept headers already read: clients send the same few again and again. Bounded: emptied when
   * full, and long headers are not kept.
   */
  private static final Map<String, List<Range>> READ = new ConcurrentHashMap<>();

  private static final int READ_MOST = 256;
  private static final int READ_LONGEST = 512;

  private static List<Range> parse(String accept) {
    List<Range> known = READ.get(accept);
    if (known != null) {
      return known;
    }
    List<Range> ranges = List.copyOf(read(accept));
    if (accept.length() <= READ_LONGEST) {
      if (READ.size() >= READ_MOST) {
        READ.clear();
      }
      READ.put(accept, ranges);
    }
    return ranges;
  }

  private static List<Range> read(String accept) {
    List<Range> ranges = new ArrayList<>();
    for (String item : accept.split(",")) {
      String[] params = item.strip().split(";", -1);
      String[] type = params[0].strip().toLowerCase(Locale.ROOT).split("/", 2);
      if (type.length != 2 || type[0].isEmpty() || type[1].isEmpty()) {
        continue;
      }
      double q = 1;
      for (int i = 1; i < params.length; i++) {
        String[] kv = params[i].strip().split("=", 2);
        if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("q")) {
          try {
            q = Math.max(0, Math.min(1, Double.parseDouble(kv[1].strip())));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      ranges.add(new Range(type[0], type[1], q));
    }
    return ranges;
  }

  /**
   * An offer for {@link #best}: a value with its media types, the first exact and the others
   * accepted in its place at 0.9 of the client's preference (application/json for JSON results).
   */
  public record Offer<T>(T value, List<String> types) {}

  /**
   * The best of several offers for an Accept header, ties going to the order of the offers; the
   * first when the header says nothing readable; empty when the client accepts none.
   */
  public static <T> Optional<T> best(String accept, List<Offer<T>> offers) {
    List<Range> ranges = ranges(accept);
    if (ranges.isEmpty()) {
      return offers.isEmpty() ? Optional.empty() : Optional.of(offers.get(0).value());
    }
    T best = null;
    double bestQ = 0;
    for (Offer<T> offer : offers) {
      double q = 0;
      for (int i = 0; i < offer.types().size(); i++) {
        q = Math.max(q, quality(ranges, offer.types().get(i)) * (i == 0 ? 1 : 0.9));
      }
      if (q > bestQ) {
        best = offer.value();
        bestQ = q;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The q the client gives one media type (0 when it does not accept it). */
  public static double quality(String accept, String mediaType) {
    List<Range> ranges = ranges(accept);
    return ranges.isEmpty() ? 1 : quality(ranges, mediaType);
  }

  /**
   * Whether the client names this media type itself (not only through a wildcard) with a q at least
   * as high as any other type it names: a browser's Accept for text/html.
   */
  public static boolean prefers(String accept, String mediaType) {
    List<Range> ranges = ranges(accept);
    double named = -1;
    double others = 0;
    for (Range r : ranges) {
      if (r.specificity() == 2 && r.matches(mediaType)) {
        named = Math.max(named, r.q());
      } else if (r.specificity() == 2) {
        others = Math.max(others, r.q());
      }
    }
    return named > 0 && named >= others;
  }
}
