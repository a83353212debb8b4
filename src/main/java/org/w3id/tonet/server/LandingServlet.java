package org.w3id.tonet.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.w3id.tonet.publish.Dump;
import org.w3id.tonet.rdf.SCHEMA;
import org.w3id.tonet.rdf.TONET;
import org.w3id.tonet.validate.QueryFolder;

/**
 * The landing page {@code /}: the story first (what the dataset is about, from the data: the
 * organization, its area, its milestones, symposia and launches, and charts), then how to use the
 * data (SPARQL and the example queries, downloads, the model), the whole timeline by fiscal year,
 * and the counts per class.
 *
 * <pre>
 * GET / → text/html, with the schema.org Dataset in JSON-LD
 * </pre>
 */
final class LandingServlet extends SiteServlet {

  LandingServlet(SiteHolder holder) {
    super(holder);
  }

  /** A class and how many instances it has. */
  record Stat(String label, String labelEn, int count, String href) {}

  /**
   * One entry of the timeline: its day as people read it (a range when undated), the ISO day and
   * the other readings for a hover; sorted by day, then by the source line it comes from.
   */
  record Item(
      String date,
      String iso,
      String readings,
      String label,
      String labelEn,
      String href,
      boolean undated,
      String sortKey) {}

  /** A fiscal year of the timeline. */
  record Year(String label, String labelEn, String href, List<Item> events) {}

  /** An example query. */
  record QueryLink(String name, String title, String titleEn, String href, String run) {}

  /** A dump file. */
  record Download(String name, String href, String size, String description) {}

  /** One quality measurement of the dataset description (DQV), as a row of a table. */
  record QualityRow(
      String metricJa,
      String metricEn,
      String metricHref,
      String percent,
      String countsJa,
      String countsEn) {}

  /** The page. */
  record Landing(
      String title,
      String titleEn,
      String description,
      String descriptionEn,
      int triples,
      List<Stat> stats,
      List<Year> years,
      String registrantsChart,
      String attendanceChart,
      List<QueryLink> queries,
      List<Download> downloads,
      List<QualityRow> quality,
      String voidHref,
      LandingStory.Story story,
      String ontologyHref,
      int classCount) {

    /** The page's meta description: the dataset's own description, in Japanese and English. */
    public String metaDescription() {
      return Pages.description(description, descriptionEn);
    }

    /** The triples counted as people read them (4,331). */
    public String triplesShown() {
      return org.w3id.tonet.sparql.Sizes.count(triples);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    sendHtml(response, HttpServletResponse.SC_OK, html());
  }

  /** Made once: the site does not change while the server runs. */
  private final transient PageCache made = new PageCache(1);

  /** The landing page's HTML (also written by the static site). */
  String html() {
    return made.get("landing", this::render);
  }

  private String render() {
    Model data = site().data();
    Model union = site().union();
    Map<String, String> downloads = new LinkedHashMap<>();
    for (Dump dump : Dump.values()) {
      downloads.put(dump.fileName(), dump.mediaType());
    }
    String dataset = site().iris().dataset();
    List<Stat> stats = stats(data, union);
    Landing landing =
        new Landing(
            Labels.of(union, dataset, "ja"),
            Labels.of(union, dataset, "en"),
            text(union, dataset, "ja"),
            text(union, dataset, "en"),
            (int) data.size(),
            stats,
            years(data, union),
            registrantsChart(data, union),
            attendanceChart(data, union),
            queries(),
            downloads(),
            quality(union),
            links().download(Dump.VOID),
            LandingStory.of(data, union, links()),
            links().ontology(""),
            stats.size());
    Pages.Chrome chrome =
        pages()
            .chrome(
                landing.title(),
                links().home(),
                List.of(new Pages.Alternate("text/turtle", links().wellKnownVoid())),
                SchemaOrg.forDataset(site(), links(), downloads));
    return pages().render("landing", chrome, landing);
  }

  private static String text(Model model, String iri, String lang) {
    for (Statement s :
        model
            .getResource(iri)
            .listProperties(org.apache.jena.vocabulary.DCTerms.description)
            .toList()) {
      if (s.getLanguage().equals(lang)) {
        return s.getString();
      }
    }
    return "";
  }

  private List<Stat> stats(Model data, Model union) {
    Map<String, Integer> counts = new TreeMap<>();
    data.listStatements(null, RDF.type, (Resource) null)
        .forEachRemaining(
            s -> {
              String type = s.getResource().getURI();
              if (type.startsWith(TONET.NS)) {
                counts.merge(type, 1, Integer::sum);
              }
            });
    List<Stat> stats = new ArrayList<>();
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      stats.add(
          new Stat(
              Labels.name(union, c.getKey()),
              Labels.of(union, c.getKey(), "en"),
              c.getValue(),
              links().href(c.getKey())));
    }
    stats.sort(Comparator.comparingInt(Stat::count).reversed().thenComparing(Stat::label));
    return stats;
  }

  private List<Year> years(Model data, Model union) {
    Map<String, List<Item>> byYear = new TreeMap<>();
    data.listSubjectsWithProperty(TONET.fiscalYear)
        .forEachRemaining(
            event -> {
              if (!event.hasProperty(RDF.type, SCHEMA.Event)) {
                return;
              }
              String fy = event.getPropertyResourceValue(TONET.fiscalYear).getURI();
              String start = literal(event, SCHEMA.startDate);
              String notBefore = literal(event, TONET.notBefore);
              String notAfter = literal(event, TONET.notAfter);
              boolean undated = start == null;
              TermView.Day on = TermView.Day.of(start);
              TermView.Day from = TermView.Day.of(notBefore);
              TermView.Day to = TermView.Day.of(notAfter);
              String shown =
                  !undated
                      ? on.written()
                      : (from == null ? "" : from.written())
                          + "～"
                          + (to == null ? "" : to.written());
              String iri = event.getURI();
              String day = undated ? (notBefore == null ? "9999" : notBefore) : start;
              Item item =
                  new Item(
                      shown,
                      start,
                      undated
                          ? "日付不明、この間 (date unknown, between these days)"
                          : on.era() + " · " + on.en(),
                      LandingStory.distinctLabel(union, event),
                      Labels.of(union, iri, "en"),
                      links().page(iri),
                      undated,
                      "%s %05d %s".formatted(day, firstLine(event), iri));
              byYear.computeIfAbsent(fy, k -> new ArrayList<>()).add(item);
            });
    List<Year> years = new ArrayList<>();
    for (Map.Entry<String, List<Item>> y : byYear.entrySet()) {
      List<Item> items = new ArrayList<>(y.getValue());
      items.sort(Comparator.comparing(Item::sortKey));
      years.add(
          new Year(
              Labels.name(union, y.getKey()),
              Labels.of(union, y.getKey(), "en"),
              links().page(y.getKey()),
              items));
    }
    years.sort(Comparator.comparing(Year::labelEn));
    return years;
  }

  private String registrantsChart(Model data, Model union) {
    List<Charts.Point> points = new ArrayList<>();
    data.listSubjectsWithProperty(RDF.type, TONET.RegistrantMilestone)
        .forEachRemaining(
            m -> {
              String day = literal(m, SCHEMA.startDate);
              int n = m.getProperty(TONET.registrantThreshold).getInt();
              points.add(
                  new Charts.Point(
                      LocalDate.parse(day),
                      n,
                      links().page(m.getURI()),
                      "%s %s"
                          .formatted(
                              TermView.Day.of(day).written(), Labels.of(union, m.getURI(), "ja"))));
            });
    points.sort(Comparator.comparing(Charts.Point::day));
    return Charts.line(
        "参加登録者数の推移 Registrants over time",
        "参加登録者が各人数を超えた日 (the day each number of registered residents was passed)",
        points,
        "人");
  }

  private String attendanceChart(Model data, Model union) {
    List<Charts.Bar> bars = new ArrayList<>();
    List<Resource> symposia = data.listSubjectsWithProperty(RDF.type, TONET.Symposium).toList();
    symposia.sort(Comparator.comparing(s -> literal(s, SCHEMA.startDate)));
    for (Resource s : symposia) {
      String day = literal(s, SCHEMA.startDate);
      boolean approx = s.hasLiteral(TONET.attendanceApproximate, true);
      int n = s.getProperty(TONET.attendance).getInt();
      Resource venue = s.getPropertyResourceValue(SCHEMA.location);
      bars.add(
          new Charts.Bar(
              day.substring(0, 4) + "/" + Integer.parseInt(day.substring(5, 7)),
              n,
              approx,
              links().page(s.getURI()),
              "%s %s：%s%,d人"
                  .formatted(
                      TermView.Day.of(day).written(),
                      venue == null ? "" : Labels.name(union, venue.getURI()),
                      approx ? "約" : "",
                      n)));
    }
    return Charts.bars(
        "シンポジウム参加者数 Symposium attendance",
        "シンポジウムごとの参加者数。薄い棒は概数（約） (attendance at each symposium; lighter bars are" + " approximate)",
        bars,
        "人");
  }

  private List<QueryLink> queries() {
    List<QueryLink> list = new ArrayList<>();
    for (QueryFolder.Query q : QueryFolder.list("/queries")) {
      list.add(
          new QueryLink(
              q.name(),
              q.titleJa(),
              q.titleEn(),
              links().query(q.name()),
              links().sparql(q.text())));
    }
    return list;
  }

  private List<Download> downloads() {
    List<Download> list = new ArrayList<>();
    for (Dump dump : Dump.values()) {
      byte[] bytes = site().files().get(dump.fileName());
      list.add(
          new Download(
              dump.fileName(),
              links().download(dump.fileName()),
              size(bytes.length),
              dump.description()));
    }
    // The files for spreadsheets and portals (CSV, the event list, the IMI view), as the dataset
    // description lists them.
    Model union = site().union();
    for (String name : site().files().keySet()) {
      org.apache.jena.rdf.model.Resource distribution =
          union.getResource(site().iris().base() + "id/distribution/" + name);
      boolean dump =
          java.util.Arrays.stream(Dump.values()).anyMatch(d -> name.startsWith(d.fileName()));
      if (dump || !distribution.hasProperty(org.apache.jena.vocabulary.DCTerms.description)) {
        continue;
      }
      list.add(
          new Download(
              name,
              links().download(name),
              size(site().files().get(name).length),
              distribution
                  .getProperty(org.apache.jena.vocabulary.DCTerms.description)
                  .getString()));
    }
    for (String extra : List.of(Dump.VOID, Dump.SHA256SUMS)) {
      list.add(
          new Download(
              extra,
              links().download(extra),
              size(site().files().get(extra).length),
              extra.equals(Dump.VOID)
                  ? "the dataset description (VoID and DCAT)"
                  : "SHA-256 of every file"));
    }
    return list;
  }

  /**
   * The build's quality as the description publishes it (dqv:QualityMeasurement), in the order of
   * the ontology's metrics: what is measured, the share, and the counts behind it.
   */
  private List<QualityRow> quality(Model union) {
    String dqv = "http://www.w3.org/ns/dqv#";
    Resource dataset = union.getResource(site().iris().dataset());
    List<QualityRow> rows = new ArrayList<>();
    for (Statement s :
        dataset.listProperties(union.createProperty(dqv, "hasQualityMeasurement")).toList()) {
      Resource m = s.getResource();
      Resource metric = m.getPropertyResourceValue(union.createProperty(dqv, "isMeasurementOf"));
      Statement value = m.getProperty(union.createProperty(dqv, "value"));
      if (metric == null || value == null) {
        continue;
      }
      java.math.BigDecimal share = new java.math.BigDecimal(value.getLiteral().getLexicalForm());
      rows.add(
          new QualityRow(
              Labels.of(union, metric.getURI(), "ja"),
              Labels.of(union, metric.getURI(), "en"),
              links().href(metric.getURI()),
              share.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_EVEN) + "%",
              Labels.of(union, m.getURI(), "ja"),
              Labels.of(union, m.getURI(), "en")));
    }
    rows.sort(Comparator.comparing(QualityRow::metricEn));
    return rows;
  }

  private static String size(long bytes) {
    return bytes < 1024
        ? bytes + " B"
        : bytes < 1024 * 1024
            ? "%.1f KiB".formatted(bytes / 1024.0)
            : "%.1f MiB".formatted(bytes / 1048576.0);
  }

  /** The first source line a resource was made from, for a stable order within a day. */
  private static int firstLine(Resource r) {
    int first = Integer.MAX_VALUE;
    for (var row :
        r.getModel().listObjectsOfProperty(r, org.w3id.tonet.rdf.PROV.wasInfluencedBy).toList()) {
      Statement n = row.asResource().getProperty(TONET.lineNumber);
      if (n != null) {
        first = Math.min(first, n.getInt());
      }
    }
    return first;
  }

  private static String literal(Resource r, org.apache.jena.rdf.model.Property p) {
    Statement s = r.getProperty(p);
    return s == null ? null : s.getLiteral().getLexicalForm();
  }
}
