package org.w3id.tonet.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.w3id.tonet.rdf.SCHEMA;
import org.w3id.tonet.rdf.TONET;

/**
 * The consistency checks: the SPARQL queries of queries/checks/, which return one row per fault,
 * each with {@code ?focus} (the resource at fault) and {@code ?message}, and the checks that order
 * numbers by date ({@link NumberOrderCheck}), which SPARQL can say only by pairing every resource
 * with every other.
 *
 * <pre>
 * Checks.run(model).forEach(System.err::println); // empty when consistent
 * </pre>
 *
 * <p>They run over the data and the ontology together, as the SPARQL endpoint's default graph holds
 * both.
 */
public final class Checks {

  /** Where the SPARQL checks live, in the repository and on the class path. */
  public static final String FOLDER = "/queries/checks";

  /**
   * Within each numbering (第N回協議会総会, 第N期通常総会, 第N回臨時総会), a higher number never comes before a lower
   * one.
   */
  public static final NumberOrderCheck NUMBERING_IN_DATE_ORDER =
      new NumberOrderCheck(
          "numbering-in-date-order",
          List.of(
              TONET.CouncilAssembly,
              TONET.OrdinaryGeneralAssembly,
              TONET.ExtraordinaryGeneralAssembly),
          TONET.ordinal,
          SCHEMA.startDate,
          (n, day, m, laterDay) ->
              "number " + n + " is dated " + day + ", before number " + m + " on " + laterDay);

  /** Registrant milestones grow with time. */
  public static final NumberOrderCheck REGISTRANTS_GROW =
      new NumberOrderCheck(
          "registrants-grow",
          List.of(TONET.RegistrantMilestone),
          TONET.registrantThreshold,
          SCHEMA.startDate,
          (n, day, m, laterDay) ->
              n + " registrants on " + day + " comes before " + m + " on " + laterDay);

  private Checks() {}

  /** A named check over a graph that holds the data and the ontology. */
  public interface Check {

    /** Its name: the file name without .rq, or the name of a check written in Java. */
    String name();

    /** Every fault it finds. */
    List<Violation> run(Model union);
  }

  /**
   * A check written as a SPARQL query.
   *
   * @param name the file name without .rq
   * @param query the SPARQL text
   */
  public record SparqlCheck(String name, String query) implements Check {

    @Override
    public List<Violation> run(Model union) {
      Query parsed = QueryFactory.create(query);
      List<Violation> found = new ArrayList<>();
      try (QueryExecution exec = QueryExecution.model(union).query(parsed).build()) {
        ResultSet results = exec.execSelect();
        while (results.hasNext()) {
          QuerySolution row = results.next();
          RDFNode focus = row.get("focus");
          RDFNode message = row.get("message");
          found.add(
              violation(
                  focus != null && focus.isResource() ? focus.asResource() : null,
                  message == null ? "check failed" : message.toString(),
                  name));
        }
      }
      return found;
    }
  }

  /** Every check, in name order. */
  public static List<Check> all() {
    return Stream.concat(
            QueryFolder.list(FOLDER).stream().map(q -> (Check) new SparqlCheck(q.name(), q.text())),
            Stream.of(NUMBERING_IN_DATE_ORDER, REGISTRANTS_GROW))
        .sorted(Comparator.comparing(Check::name))
        .toList();
  }

  /** Runs every check on a data graph. */
  public static List<Violation> run(Model data) {
    Model union = Validator.withOntology(data);
    List<Violation> found = new ArrayList<>();
    for (Check check : all()) {
      found.addAll(check.run(union));
    }
    return found;
  }

  /** Runs one check on a graph that holds the data and the ontology. */
  public static List<Violation> run(Check check, Model union) {
    return check.run(union);
  }

  /** A fault of a resource (null when the check names none), located to its source lines. */
  static Violation violation(Resource r, String message, String check) {
    return new Violation(
        r == null ? "" : r.isURIResource() ? r.getURI() : r.toString(),
        r == null ? "" : Validator.labelJa(r),
        "",
        message,
        r == null ? List.of() : Validator.lines(r),
        check);
  }
}
