package org.w3id.tonet.server.sparql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.w3id.tonet.server.http.Conneg;
import org.w3id.tonet.sparql.AnswerFormat;
import org.w3id.tonet.sparql.QueryRunner;
import org.w3id.tonet.sparql.StandardFormat;

/**
 * Which representation of an answer a client asks for: the page for a person, else a format named
 * by {@code output=}, {@code format=} or {@code results=} (short names such as {@code json} or
 * {@code csv}), else the best of the standard formats for its Accept header, each answered under
 * the older media types clients still send too.
 *
 * <pre>
 * boolean html = ResultFormats.wantsHtml(params.output, accept);
 * QueryRunner.Formats formats = ResultFormats.formats(params.output, accept, null);
 * </pre>
 */
final class ResultFormats {

  private ResultFormats() {}

  /**
   * Whether a person is asking: {@code format=html}, or (without a known format= of another kind)
   * an Accept that names text/html at least as high as anything else, as browsers send.
   */
  static boolean wantsHtml(String output, String accept) {
    if (output != null) {
      String o = output.strip().toLowerCase(Locale.ROOT);
      if (o.equals("html") || o.equals("text/html")) {
        return true;
      }
      if (StandardFormat.byName(o, true).isPresent()
          || StandardFormat.byName(o, false).isPresent()) {
        return false;
      }
    }
    return Conneg.prefers(accept, "text/html");
  }

  /** The formats a client asks for: by output=/format=/results= first, then by Accept. */
  static QueryRunner.Formats formats(String output, String accept, AnswerFormat html) {
    return new QueryRunner.Formats() {
      @Override
      public AnswerFormat choose(boolean table) {
        if (html != null) {
          return html;
        }
        if (output != null) {
          Optional<StandardFormat> named = StandardFormat.byName(output, table);
          if (named.isPresent()) {
            return named.get();
          }
        }
        return Conneg.best(accept, offers(table)).orElse(null);
      }

      @Override
      public String notAcceptable(boolean table) {
        List<String> types = new ArrayList<>();
        for (Conneg.Offer<StandardFormat> o : offers(table)) {
          types.add(o.types().get(0));
        }
        return "the answer of "
            + (table ? "a SELECT or ASK" : "a CONSTRUCT or DESCRIBE")
            + " query is available as "
            + String.join(", ", types)
            + "; ask for one of them with Accept";
      }
    };
  }

  private static List<Conneg.Offer<StandardFormat>> offers(boolean table) {
    List<Conneg.Offer<StandardFormat>> offers = new ArrayList<>();
    for (StandardFormat f : table ? StandardFormat.tableFormats() : StandardFormat.graphFormats()) {
      offers.add(new Conneg.Offer<>(f, typesOf(f)));
    }
    return offers;
  }

  /** A format's media type, then the types clients send for it. */
  private static List<String> typesOf(StandardFormat f) {
    return switch (f) {
      case JSON -> List.of(f.mediaType(), "application/json");
      case XML -> List.of(f.mediaType(), "application/xml", "text/xml");
      case TURTLE -> List.of(f.mediaType(), "application/x-turtle", "text/n3", "text/rdf+n3");
      case NTRIPLES -> List.of(f.mediaType(), "text/plain");
      case JSONLD -> List.of(f.mediaType(), "application/json");
      case RDFXML -> List.of(f.mediaType(), "application/xml", "text/xml");
      default -> List.of(f.mediaType());
    };
  }

  /** The name of a representation, for the key of the answers kept. */
  static String variant(AnswerFormat format) {
    return format == null ? "-" : format instanceof StandardFormat f ? f.name() : "html";
  }
}
