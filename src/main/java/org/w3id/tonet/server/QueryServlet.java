package org.w3id.tonet.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.w3id.tonet.validate.QueryFolder;

/**
 * {@code /query/NAME}: runs one of the example queries of queries/ and shows the question, the
 * query and its results as a table whose IRIs link to their pages.
 *
 * <pre>
 * GET /query/symposia → text/html
 * </pre>
 */
final class QueryServlet extends SiteServlet {

  private final long timeoutMillis;
  private final transient Map<String, String> made = new ConcurrentHashMap<>();

  QueryServlet(SiteHolder holder, long timeoutMillis) {
    super(holder);
    this.timeoutMillis = timeoutMillis;
  }

  /** A cell of the results table. */
  record Cell(String text, String href, String lang) {}

  /** A row of the results table. */
  record Row(List<Cell> cells) {}

  /** The page. */
  record QueryPage(
      String name,
      String title,
      String titleEn,
      String text,
      String run,
      String csv,
      String csvExcel,
      List<String> columns,
      List<Row> rows,
      String askResult,
      String graph) {

    public boolean hasTable() {
      return !columns.isEmpty();
    }

    public int rowCount() {
      return rows.size();
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String name = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
    Optional<QueryFolder.Query> found =
        QueryFolder.list("/queries").stream().filter(q -> q.name().equals(name)).findFirst();
    if (found.isEmpty()) {
      notFound(request, response);
      return;
    }
    // The data cannot change while the server runs: each example's page is made once.
    sendHtml(response, 200, made.computeIfAbsent(name, n -> html(found.get())));
  }

  /** The HTML page of an example query with its results (also written by the static site). */
  String html(QueryFolder.Query q) {
    Query query = QueryFactory.create(q.text());
    Dataset dataset = DatasetFactory.wrap(site().dataset());
    List<String> columns = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    String[] ask = {null};
    String[] graph = {null};
    Txn.executeRead(
        dataset,
        () -> {
          try (QueryExecution exec =
              QueryExecution.dataset(dataset)
                  .query(query)
                  .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                  .build()) {
            if (query.isSelectType()) {
              ResultSet results = exec.execSelect();
              columns.addAll(results.getResultVars());
              while (results.hasNext()) {
                QuerySolution solution = results.next();
                List<Cell> cells = new ArrayList<>();
                for (String var : columns) {
                  cells.add(cell(solution.get(var)));
                }
                rows.add(new Row(cells));
              }
            } else if (query.isAskType()) {
              ask[0] = Boolean.toString(exec.execAsk());
            } else {
              graph[0] =
                  RdfWriters.write(
                      (query.isConstructType() ? exec.execConstruct() : exec.execDescribe())
                          .getGraph(),
                      Conneg.Format.TURTLE);
            }
          }
        });
    QueryPage page =
        new QueryPage(
            q.name(),
            q.titleJa(),
            q.titleEn(),
            q.text(),
            links().sparql(q.text()),
            query.isSelectType() ? links().sparql(q.text()) + "&format=csv" : null,
            query.isSelectType() ? links().sparql(q.text()) + "&format=csv-excel" : null,
            columns,
            rows,
            ask[0],
            graph[0]);
    Pages.Chrome chrome = pages().chrome(q.titleJa(), links().query(q.name()), null, null);
    return pages().render("query", chrome, page);
  }

  private Cell cell(RDFNode node) {
    if (node == null) {
      return new Cell("", null, null);
    }
    if (node.isURIResource()) {
      String iri = node.asResource().getURI();
      return new Cell(Labels.name(site().union(), iri), links().href(iri), null);
    }
    if (node.isLiteral()) {
      String lang = node.asLiteral().getLanguage();
      return new Cell(node.asLiteral().getLexicalForm(), null, lang.isEmpty() ? null : lang);
    }
    return new Cell(node.toString(), null, null);
  }
}
