package org.w3id.tonet.sparql;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * How an answer is written: a SPARQL results format, an RDF syntax, or a page for people. {@link
 * QueryRunner} hands it the result as it is computed and counts what it writes against the query's
 * budget.
 *
 * <pre>
 * AnswerFormat json = StandardFormat.JSON;
 * json.write(new AnswerFormat.Table(vars, rows), out, budget);
 * </pre>
 */
public interface AnswerFormat {

  /** The Content-Type of what it writes. */
  String contentType();

  /** Writes a result; the rows of a table are computed as they are read. */
  void write(Result result, OutputStream out, QueryBudget budget) throws IOException;

  /** What a query gives. */
  sealed interface Result permits Table, Ask, Triples {}

  /**
   * The rows of a SELECT, read once.
   *
   * @param cap the result cap when it was applied to this query (the rows may be cut at it), or -1
   * @param cut once the rows are read: whether there were more than the cap, left out
   */
  record Table(List<Var> vars, Iterator<Binding> rows, long cap, BooleanSupplier cut)
      implements Result {
    /** Rows that are never cut. */
    public Table(List<Var> vars, Iterator<Binding> rows) {
      this(vars, rows, -1, () -> false);
    }
  }

  /** The answer of an ASK. */
  record Ask(boolean yes) implements Result {}

  /**
   * The graph of a CONSTRUCT or DESCRIBE.
   *
   * @param cap the result cap when the query had more solutions than it and the graph was made from
   *     the first ones only, or -1
   */
  record Triples(Graph graph, long cap) implements Result {}
}
