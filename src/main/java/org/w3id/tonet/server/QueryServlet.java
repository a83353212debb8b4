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
      List<SparqlPage.Row> rows,
      String askResult,
      String graph,
      String metaDescription) {

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
    List<List<TermView.Shown>> cellRows = new ArrayList<>();
    TermView view = new TermView(site().union(), links(), false);
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
                List<TermView.Shown> cells = new ArrayList<>();
                for (String var : columns) {
                  cells.add(view.of(solution.get(var)));
                }
                cellRows.add(cells);
              }
            } else if (query.isAskType()) {
              ask[0] = exec.execAsk() ? "はい (yes)" : "いいえ (no)";
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
            SparqlPage.markedColumns(cellRows, columns.size()),
            ask[0],
            graph[0],
            Pages.description(
                q.titleJa() + "（" + Pages.datasetTitle(site().union(), links(), "ja") + "の問い合わせの例）",
                q.titleEn()
                    + " (an example query on "
                    + Pages.datasetTitle(site().union(), links(), "en")
                    + ")"));
    Pages.Chrome chrome = pages().chrome(q.titleJa(), links().query(q.name()), null, null);
    return pages().render("query", chrome, page);
  }
}
