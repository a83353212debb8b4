package org.w3id.tonet.server;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.util.List;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;

/**
 * Renders the HTML pages from the Mustache templates in {@code templates/}. Every {@code {{value}}}
 * is HTML-escaped; only the JSON-LD block (already made safe by {@link Json}) and the server-made
 * SVG are inserted raw.
 *
 * <pre>
 * String html = pages.render("resource", Pages.head("title", canonical, jsonLd), pageModel);
 * </pre>
 */
final class Pages {

  private final MustacheFactory factory = new DefaultMustacheFactory("templates");
  private final Links links;
  private final Masthead masthead;

  Pages(Links links, Masthead masthead) {
    this.links = links;
    this.masthead = masthead;
  }

  /**
   * What heads and foots every page: the site's name and the attribution the council asks for, as
   * the dataset description states them (dcterms:alternative, dcterms:rights), so a site loaded
   * from a kept build has them too.
   *
   * @param nameJa the site's name in Japanese
   * @param nameEn the site's name in English
   * @param attribution the credit the council asks for
   */
  record Masthead(String nameJa, String nameEn, String attribution) {

    /** The masthead of a published site. */
    static Masthead of(Site site) {
      Resource dataset = site.meta().getResource(site.iris().dataset());
      Resource rights = dataset.getPropertyResourceValue(DCTerms.rights);
      return new Masthead(
          text(dataset, DCTerms.alternative, "ja"),
          text(dataset, DCTerms.alternative, "en"),
          rights == null ? "" : text(rights, RDFS.label, "ja"));
    }

    private static String text(Resource r, Property p, String lang) {
      for (Statement s : r.listProperties(p).toList()) {
        if (s.getObject().isLiteral() && s.getLanguage().equals(lang)) {
          return s.getString();
        }
      }
      return "";
    }
  }

  /** A link to an alternate representation of the page. */
  record Alternate(String type, String href) {}

  /** What the page head and the site chrome need. */
  record Chrome(
      String siteJa,
      String siteEn,
      String attribution,
      String pageTitle,
      String canonical,
      List<Alternate> alternates,
      String jsonLd,
      String home,
      String css,
      String favicon,
      String sparql,
      String ontology,
      String void_) {

    /** The dataset description's address (Mustache cannot name a field "void"). */
    public String getVoid() {
      return void_;
    }
  }

  /** The chrome of a page with a title, canonical IRI, alternates and JSON-LD (each nullable). */
  Chrome chrome(String title, String canonical, List<Alternate> alternates, String jsonLd) {
    return new Chrome(
        masthead.nameJa(),
        masthead.nameEn(),
        masthead.attribution(),
        title,
        canonical,
        alternates == null ? List.of() : alternates,
        jsonLd,
        links.home(),
        links.staticFile("site.css"),
        links.staticFile("favicon.svg"),
        links.sparql(),
        links.ontology(""),
        links.wellKnownVoid());
  }

  /**
   * A page's meta description, made from its data: the Japanese text, then the English one (either
   * may be missing), on one line.
   */
  static String description(String ja, String en) {
    String both = ((ja == null ? "" : ja.strip()) + " " + (en == null ? "" : en.strip())).strip();
    return both.replaceAll("\\s+", " ");
  }

  /** The dataset's title in a language, as its description states it (for meta descriptions). */
  static String datasetTitle(org.apache.jena.rdf.model.Model union, Links links, String lang) {
    String title = Labels.of(union, links.id("dataset"), lang);
    return title == null ? "" : title;
  }

  /** Renders a template with the chrome and the page's own model (which wins on equal names). */
  String render(String template, Chrome chrome, Object model) {
    Mustache mustache = factory.compile(template + ".mustache");
    StringWriter out = new StringWriter();
    mustache.execute(out, new Object[] {chrome, model});
    return out.toString();
  }
}
