package org.w3id.tonet.sparql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.Transform;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpMinus;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIter1;
import org.apache.jena.sparql.engine.iterator.QueryIterPath;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.util.NodeIsomorphismMap;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * Puts a query's memory allowance where ARQ keeps rows without limit: the input of ORDER BY, GROUP
 * BY, DISTINCT and top-N is counted row by row as it is taken in, as are the side of a join, an
 * OPTIONAL or a MINUS that ARQ holds in a hash table; GROUP_CONCAT counts what it builds; and a
 * property path reads the data through a graph that counts every step and checks the deadline, so
 * the closures ARQ computes inside one call (and which nothing else interrupts) stop with the
 * query.
 *
 * <pre>
 * Op bounded = Transformer.transform(new BoundedOps(budget), new BoundedExprs(budget), op);
 * </pre>
 */
final class BoundedOps extends TransformCopy {

  /** What one row is counted as, besides the text of its literals. */
  static final int ROW_BYTES = 64;

  /** What one step of a property path is counted as (a node kept in a list, and its binding). */
  static final int PATH_STEP_BYTES = 48;

  private final QueryBudget budget;

  BoundedOps(QueryBudget budget) {
    this.budget = budget;
  }

  @Override
  public Op transform(OpOrder op, Op sub) {
    return new OpOrder(held(sub, "ORDER BY"), op.getConditions());
  }

  @Override
  public Op transform(OpTopN op, Op sub) {
    return new OpTopN(held(sub, "ORDER BY with LIMIT"), op.getLimit(), op.getConditions());
  }

  @Override
  public Op transform(OpDistinct op, Op sub) {
    return OpDistinct.create(held(sub, "DISTINCT"));
  }

  @Override
  public Op transform(OpGroup op, Op sub) {
    List<ExprAggregator> aggregators = new ArrayList<>();
    boolean keeps = !op.getGroupVars().isEmpty();
    for (ExprAggregator a : op.getAggregators()) {
      aggregators.add(new ExprAggregator(a.getVar(), bounded(a.getAggregator())));
      // COUNT(DISTINCT …) and the like keep every distinct value (AggCountDistinct, …).
      keeps |= a.getAggregator().getClass().getSimpleName().endsWith("Distinct");
    }
    // Rows are counted when groups or DISTINCT values are kept for them; a COUNT, SUM, MIN or MAX
    // over the whole result keeps nothing per row, and is bounded by time alone.
    return OpGroup.create(keeps ? held(sub, "GROUP BY") : sub, op.getGroupVars(), aggregators);
  }

  @Override
  public Op transform(OpJoin op, Op left, Op right) {
    // ARQ's hash join keeps its left side in a table and streams the right one through it.
    return OpJoin.create(held(left, "a join"), right);
  }

  @Override
  public Op transform(OpLeftJoin op, Op left, Op right) {
    // ARQ's left join keeps the OPTIONAL side in a table.
    return OpLeftJoin.create(left, held(right, "OPTIONAL"), op.getExprs());
  }

  @Override
  public Op transform(OpMinus op, Op left, Op right) {
    return OpMinus.create(left, held(right, "MINUS"));
  }

  @Override
  public Op transform(OpPath op) {
    return new CheckedPath(op, budget);
  }

  private Op held(Op sub, String what) {
    return new Held(sub, what, budget);
  }

  private Aggregator bounded(Aggregator aggregator) {
    if (aggregator instanceof AggGroupConcat gc && !(aggregator instanceof GroupConcat)) {
      return new GroupConcat(gc.getExprList().get(0), gc.getSeparator(), false, budget);
    }
    if (aggregator instanceof AggGroupConcatDistinct gc) {
      return new GroupConcat(gc.getExprList().get(0), gc.getSeparator(), true, budget);
    }
    return aggregator;
  }

  /** The bytes a row is counted as: {@value #ROW_BYTES} and two per character of its literals. */
  static long rowBytes(Binding row) {
    long[] bytes = {ROW_BYTES};
    row.forEach(
        (Var var, Node node) -> {
          if (node.isLiteral()) {
            bytes[0] += 2L * node.getLiteralLexicalForm().length();
          }
        });
    return bytes[0];
  }

  // ---- Rows kept by an operator

  /** The input of an operator that keeps its rows, counted against the budget as it is read. */
  static final class Held extends OpExt {
    private final Op sub;
    private final String what;
    private final QueryBudget budget;

    Held(Op sub, String what, QueryBudget budget) {
      super("tonet:held");
      this.sub = sub;
      this.what = what;
      this.budget = budget;
    }

    @Override
    public Op effectiveOp() {
      return sub;
    }

    @Override
    public QueryIterator eval(QueryIterator input, ExecutionContext execCxt) {
      return new Counted(QC.execute(sub, input, execCxt), execCxt, what, budget);
    }

    @Override
    public Op apply(Transform transform) {
      // Rewrites applied after this one (TDB2's union default graph) reach the sub-operator.
      return new Held(Transformer.transform(transform, sub), what, budget);
    }

    @Override
    public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
      out.print("\"" + what + "\" ");
      sub.output(out, sCxt);
    }

    @Override
    public int hashCode() {
      return Objects.hash(sub, what);
    }

    @Override
    public boolean equalTo(Op other, NodeIsomorphismMap labels) {
      return other instanceof Held h && h.what.equals(what) && h.sub.equalTo(sub, labels);
    }
  }

  /** Counts every row that passes. */
  private static final class Counted extends QueryIter1 {
    private final String what;
    private final QueryBudget budget;

    Counted(QueryIterator input, ExecutionContext execCxt, String what, QueryBudget budget) {
      super(input, execCxt);
      this.what = what;
      this.budget = budget;
    }

    @Override
    protected boolean hasNextBinding() {
      return getInput().hasNext();
    }

    @Override
    protected Binding moveToNextBinding() {
      Binding row = getInput().nextBinding();
      budget.charge(rowBytes(row), what);
      return row;
    }

    @Override
    protected void requestSubCancel() {}

    @Override
    protected void closeSubIterator() {}
  }

  // ---- Property paths

  /** A property path evaluated over a graph that counts and checks every step it reads. */
  static final class CheckedPath extends OpExt {
    private final OpPath path;
    private final QueryBudget budget;

    CheckedPath(OpPath path, QueryBudget budget) {
      super("tonet:path");
      this.path = path;
      this.budget = budget;
    }

    @Override
    public Op effectiveOp() {
      return path;
    }

    @Override
    public QueryIterator eval(QueryIterator input, ExecutionContext execCxt) {
      Graph watched = new Steps(execCxt.getActiveGraph(), budget);
      ExecutionContext cxt = ExecutionContext.copyChangeActiveGraph(execCxt, watched);
      return new QueryIterPath(path.getTriplePath(), input, cxt);
    }

    @Override
    public Op apply(Transform transform) {
      return this;
    }

    @Override
    public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
      path.output(out, sCxt);
    }

    @Override
    public int hashCode() {
      return path.hashCode();
    }

    @Override
    public boolean equalTo(Op other, NodeIsomorphismMap labels) {
      return other instanceof CheckedPath c && c.path.equalTo(path, labels);
    }
  }

  /** The data as a path reads it: each lookup checks the deadline, each triple read is counted. */
  static final class Steps extends GraphWrapper {
    private final QueryBudget budget;

    Steps(Graph graph, QueryBudget budget) {
      super(graph);
      this.budget = budget;
    }

    @Override
    public ExtendedIterator<Triple> find(Triple pattern) {
      return counted(super.find(pattern));
    }

    @Override
    public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
      return counted(super.find(s, p, o));
    }

    @Override
    public ExtendedIterator<Triple> find() {
      return counted(super.find());
    }

    private ExtendedIterator<Triple> counted(ExtendedIterator<Triple> triples) {
      budget.check();
      return triples.mapWith(
          t -> {
            budget.charge(PATH_STEP_BYTES, "a property path");
            return t;
          });
    }
  }

  // ---- GROUP_CONCAT

  /** GROUP_CONCAT that counts what it builds and stops at the string limit. */
  static final class GroupConcat extends AggGroupConcat {
    private final String separator;
    private final boolean distinct;
    private final QueryBudget budget;

    GroupConcat(Expr expr, String separator, boolean distinct, QueryBudget budget) {
      super(expr, separator);
      this.separator = separator == null ? " " : separator;
      this.distinct = distinct;
      this.budget = budget;
    }

    @Override
    public Aggregator copy(org.apache.jena.sparql.expr.ExprList exprs) {
      return new GroupConcat(exprs.get(0), getSeparator(), distinct, budget);
    }

    @Override
    public Accumulator createAccumulator() {
      return new Acc(getExpr(), separator, distinct, budget);
    }

    @Override
    public Node getValueEmpty() {
      return distinct ? null : super.getValueEmpty();
    }
  }

  private static final class Acc extends AccumulatorExpr {
    private final StringBuilder text = new StringBuilder();
    private final String separator;
    private final QueryBudget budget;
    private boolean first = true;

    Acc(Expr expr, String separator, boolean distinct, QueryBudget budget) {
      super(expr, distinct);
      this.separator = separator;
      this.budget = budget;
    }

    @Override
    protected void accumulate(NodeValue value, Binding binding, FunctionEnv env) {
      String s = value.asString();
      long added = (first ? 0 : separator.length()) + s.length();
      budget.checkString(text.length() + added, "GROUP_CONCAT");
      budget.charge(2 * added, "GROUP_CONCAT");
      if (!first) {
        text.append(separator);
      }
      text.append(s);
      first = false;
    }

    @Override
    protected void accumulateError(Binding binding, FunctionEnv env) {}

    @Override
    public NodeValue getAccValue() {
      return NodeValue.makeString(text.toString());
    }
  }
}
