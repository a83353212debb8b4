package org.w3id.tonet.validate;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;

/**
 * The consistency checks of queries/checks/: SPARQL queries that return one row per fault, each
 * with {@code ?focus} (the resource at fault) and {@code ?message}.
 *
 * <pre>
 * Checks.run(model).forEach(System.err::println); // empty when consistent
 * </pre>
 *
 * <p>They run over the data and the ontology together, as the SPARQL endpoint's default graph holds
 * both.
 */
public final class Checks {

  /** Where the checks live, in the repository and on the class path. */
  public static final String FOLDER = "/queries/checks";

  private Checks() {}

  /**
   * A named check.
   *
   * @param name the file name without .rq
   * @param query the SPARQL text
   */
  public record Check(String name, String query) {}

  /** Every check, in file-name order. */
  public static List<Check> all() {
    return QueryFolder.list(FOLDER).stream().map(q -> new Check(q.name(), q.text())).toList();
  }

  /** Runs every check on a data graph. */
  public static List<Violation> run(Model data) {
    Model union = Validator.withOntology(data);
    List<Violation> found = new ArrayList<>();
    for (Check check : all()) {
      found.addAll(run(check, union));
    }
    return found;
  }

  /** Runs one check on a graph that holds the data and the ontology. */
  public static List<Violation> run(Check check, Model union) {
    Query query = QueryFactory.create(check.query());
    List<Violation> found = new ArrayList<>();
    try (QueryExecution exec = QueryExecution.model(union).query(query).build()) {
      ResultSet results = exec.execSelect();
      while (results.hasNext()) {
        QuerySolution row = results.next();
        RDFNode focus = row.get("focus");
        RDFNode message = row.get("message");
        Resource r = focus != null && focus.isResource() ? focus.asResource() : null;
        found.add(
            new Violation(
                r == null ? "" : r.isURIResource() ? r.getURI() : r.toString(),
                r == null ? "" : Validator.labelJa(r),
                "",
                message == null ? "check failed" : message.toString(),
                r == null ? List.of() : Validator.lines(r),
                check.name()));
      }
    }
    return found;
  }
}
