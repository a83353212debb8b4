package org.w3id.tonet.server.sparql;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.tonet.publish.Site;
import org.w3id.tonet.rdf.Prefixes;
import org.w3id.tonet.server.http.Conneg;
import org.w3id.tonet.server.http.EdgeHandler;
import org.w3id.tonet.server.site.Json;
import org.w3id.tonet.server.site.Links;
import org.w3id.tonet.server.site.Pages;
import org.w3id.tonet.server.site.SiteHolder;
import org.w3id.tonet.server.site.StaticServlet;
import org.w3id.tonet.server.site.TermView;
import org.w3id.tonet.sparql.AnswerFormat;
import org.w3id.tonet.sparql.QueryBudget;
import org.w3id.tonet.sparql.QueryLimits;
import org.w3id.tonet.sparql.Sizes;
import org.w3id.tonet.validate.QueryFolder;

/**
 * The SPARQL endpoint as people see it: an editor (a plain form that works without scripts;
 * CodeMirror's SPARQL mode and prefix completion on top when scripts run), the example queries one
 * click away, and — once a query has run — its answer as a table: IRIs of this dataset linked to
 * their pages with their labels, other http(s) IRIs as links (any other scheme — javascript:, data:
 * — as text), literals with their language or datatype, ASK as yes or no, CONSTRUCT and DESCRIBE as
 * a table of triples; how many rows and how long it took, a notice when the result cap cut the
 * answer, and links to the same query in every format.
 *
 * <pre>
 * byte[] html = sparqlPage.form();                       // GET /sparql from a browser
 * AnswerFormat page = sparqlPage.results(queryText);     // the answer of a query, as a page
 * byte[] failed = sparqlPage.failed(queryText, 400, "the query does not parse …");
 * </pre>
 */
final class SparqlPage {

  private final SiteHolder holder;
  private final QueryLimits limits;

  SparqlPage(SiteHolder holder, QueryLimits limits) {
    this.holder = holder;
    this.limits = limits;
  }

  // ---- The page model (Mustache reads these)

  /** The whole page. */
  record Page(
      String endpoint,
      long timeoutSeconds,
      String maxResults,
      String query,
      String prefixesJson,
      List<Example> examples,
      List<String> styles,
      List<String> scripts,
      Failure error,
      Results results,
      String metaDescription) {

    public boolean hasAnswer() {
      return error != null || results != null;
    }
  }

  /** An example query: run it, or read its own page. */
  record Example(String name, String title, String titleEn, String run, String page) {}

  /** Why a query got no answer. */
  record Failure(int status, String message) {}

  /** A link to the same query in another format. */
  record Format(String label, String href) {}

  /** One row of the table: each value as people read it, with its exact term. */
  record Row(List<TermView.Shown> cells) {}

  /** The answer of a query. */
  record Results(
      List<String> columns,
      List<Row> rows,
      String ask,
      String summary,
      String summaryEn,
      String cutNotice,
      String cutNoticeEn,
      List<Format> formats) {

    public boolean hasTable() {
      return !columns.isEmpty();
    }
  }

  // ---- Pages

  /** The page without an answer: the editor with the example query. */
  byte[] form() {
    return render(example(), null, null);
  }

  /** The page of a query that got no answer: the editor with the query, and why. */
  byte[] failed(String query, int status, String message) {
    return render(query, new Failure(status, message), null);
  }

  /** The answer of a query as a page (an {@link AnswerFormat} for the query runner). */
  AnswerFormat results(String query) {
    return new AnswerFormat() {
      @Override
      public String contentType() {
        return Conneg.Format.HTML.contentType();
      }

      @Override
      public void write(Result result, OutputStream out, QueryBudget budget) throws IOException {
        out.write(render(query, null, answer(query, result, budget)));
      }
    };
  }

  private byte[] render(String query, Failure failure, Results results) {
    Pages pages = holder.pages();
    Links links = holder.links();
    List<Example> examples = new ArrayList<>();
    for (QueryFolder.Query q : QueryFolder.list("/queries")) {
      examples.add(
          new Example(
              q.name(), q.titleJa(), q.titleEn(), links.sparql(q.text()), links.query(q.name())));
    }
    List<String> styles = new ArrayList<>();
    List<String> scripts = new ArrayList<>();
    for (Map.Entry<String, String> f : StaticServlet.EDITOR_FILES.entrySet()) {
      (f.getValue().startsWith("text/css") ? styles : scripts).add(links.staticFile(f.getKey()));
    }
    scripts.add(links.staticFile("sparql-editor.js"));
    Page page =
        new Page(
            links.sparql(),
            limits.timeout().toSeconds(),
            Sizes.count(limits.maxResults()),
            query,
            Json.write(Prefixes.all()),
            examples,
            styles,
            scripts,
            failure,
            results,
            description(results));
    String title = failure != null ? failure.status() + " — SPARQL" : "SPARQL";
    Pages.Chrome chrome =
        pages.chrome(
            title,
            links.sparql(),
            List.of(new Pages.Alternate("text/turtle", links.sparql())),
            null);
    return pages.render("sparql", chrome, page).getBytes(StandardCharsets.UTF_8);
  }

  /** The page's meta description: the endpoint and the dataset it answers for, or an answer. */
  private String description(Results results) {
    Site site = holder.site();
    Links links = holder.links();
    String ja = site == null ? "" : Pages.datasetTitle(site.union(), links, "ja");
    String en = site == null ? "" : Pages.datasetTitle(site.union(), links, "en");
    if (results != null) {
      return Pages.description(
          ja + "への SPARQL 問い合わせの結果（" + results.summary() + "）。",
          "Results of a SPARQL query on " + en + " (" + results.summaryEn() + ").");
    }
    String triples = site == null ? "" : Sizes.count(site.union().size());
    return Pages.description(
        ja + "の SPARQL エンドポイント：" + triples + " トリプルに問い合わせ、結果を表や JSON、CSV で得る。例の問い合わせつき。",
        "The SPARQL endpoint of "
            + en
            + ": query its "
            + triples
            + " triples and get tables, JSON or CSV; with example queries.");
  }

  /** The example the empty editor starts with. */
  static String example() {
    return "PREFIX tonet: <https://w3id.org/tonet/ontology#>\n"
        + "PREFIX schema: <http://schema.org/>\n"
        + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n\n"
        + "SELECT ?event ?date ?name WHERE {\n"
        + "  ?event a tonet:Symposium ; schema:startDate ?date ; rdfs:label ?name .\n"
        + "  FILTER (lang(?name) = \"ja\")\n"
        + "}\nORDER BY ?date";
  }

  // ---- The answer

  private Results answer(String query, AnswerFormat.Result result, QueryBudget budget) {
    List<String> columns = new ArrayList<>();
    List<List<TermView.Shown>> cellRows = new ArrayList<>();
    Site site = holder.site();
    TermView view = new TermView(site == null ? null : site.union(), holder.links(), false);
    String ask = null;
    long cap = -1;
    boolean table = true;
    java.util.function.BooleanSupplier cutAtCap = () -> true;
    if (result instanceof AnswerFormat.Table t) {
      cap = t.cap();
      cutAtCap = t.cut();
      for (Var v : t.vars()) {
        columns.add(v.getVarName());
      }
      while (t.rows().hasNext()) {
        Binding b = t.rows().next();
        List<TermView.Shown> cells = new ArrayList<>();
        for (Var v : t.vars()) {
          cells.add(view.of(b.get(v)));
        }
        cellRows.add(cells);
      }
    } else if (result instanceof AnswerFormat.Ask a) {
      ask = a.yes() ? "はい (yes)" : "いいえ (no)";
    } else if (result instanceof AnswerFormat.Triples g) {
      table = false;
      cap = g.cap();
      columns.addAll(List.of("subject", "predicate", "object"));
      List<Triple> triples = new ArrayList<>(g.graph().find().toList());
      triples.sort(
          Comparator.comparing((Triple x) -> x.getSubject().toString())
              .thenComparing(x -> x.getPredicate().toString())
              .thenComparing(x -> x.getObject().toString()));
      for (Triple x : triples) {
        cellRows.add(
            List.of(view.of(x.getSubject()), view.of(x.getPredicate()), view.of(x.getObject())));
      }
    }
    List<Row> rows = markedColumns(cellRows, columns.size());
    long millis = budget.elapsedMillis();
    String count = ask != null ? "" : Sizes.count(rows.size()) + (table ? " 件" : " トリプル");
    String countEn = ask != null ? "" : Sizes.count(rows.size()) + (table ? " rows" : " triples");
    String summary = (count.isEmpty() ? "" : count + " · ") + millis + " ms";
    String summaryEn = (countEn.isEmpty() ? "" : countEn + ", ") + "in " + millis + " ms";
    String cut = null;
    String cutEn = null;
    if (cap >= 0 && cutAtCap.getAsBoolean()) {
      String n = Sizes.count(cap);
      cut =
          table
              ? "この答えは " + n + " 件で打ち切られています（このエンドポイントの上限）。続きは LIMIT と OFFSET で。"
              : "この答えは " + n + " 件の解までで作られています（このエンドポイントの上限）。";
      cutEn =
          table
              ? "The answer was cut at "
                  + n
                  + " rows, the most this endpoint returns; there may be more. Page through"
                  + " them with LIMIT and OFFSET."
              : "The graph was made from at most "
                  + n
                  + " solutions, the most this endpoint uses; there may be more.";
    }
    return new Results(
        columns, rows, ask, summary, summaryEn, cut, cutEn, formats(query, table || ask != null));
  }

  private List<Format> formats(String query, boolean table) {
    String base = holder.links().sparql(query);
    List<Format> formats = new ArrayList<>();
    Map<String, String> names =
        table
            ? Map.of(
                "JSON",
                "json",
                "XML",
                "xml",
                "CSV",
                "csv",
                "CSV (Excel)",
                "csv-excel",
                "TSV",
                "tsv")
            : Map.of(
                "Turtle", "ttl", "JSON-LD", "json-ld", "N-Triples", "nt", "RDF/XML", "rdf+xml");
    for (String label :
        table
            ? List.of("JSON", "XML", "CSV", "CSV (Excel)", "TSV")
            : List.of("Turtle", "JSON-LD", "N-Triples", "RDF/XML")) {
      String href = base + "&format=" + URLEncoder.encode(names.get(label), StandardCharsets.UTF_8);
      if (href.length() < EdgeHandler.MAX_URL) {
        formats.add(new Format(label, href));
      }
    }
    return formats;
  }

  /**
   * The rows, with a quiet language marker in each column where values of two languages stand side
   * by side (rdfs:label in Japanese and in English), and none where a column has one language.
   */
  static List<Row> markedColumns(List<List<TermView.Shown>> cellRows, int width) {
    List<List<TermView.Shown>> columns = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      List<TermView.Shown> column = new ArrayList<>(cellRows.size());
      for (List<TermView.Shown> row : cellRows) {
        column.add(row.get(c));
      }
      columns.add(TermView.marked(column));
    }
    List<Row> rows = new ArrayList<>(cellRows.size());
    for (int r = 0; r < cellRows.size(); r++) {
      List<TermView.Shown> row = new ArrayList<>(width);
      for (List<TermView.Shown> column : columns) {
        row.add(column.get(r));
      }
      rows.add(new Row(row));
    }
    return rows;
  }
}
