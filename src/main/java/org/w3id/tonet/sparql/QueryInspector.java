package org.w3id.tonet.sparql;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.Op0;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.Op2;
import org.apache.jena.sparql.algebra.op.OpAssign;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpN;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpProcedure;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.op.OpUnfold;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.E_Call;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Now;
import org.apache.jena.sparql.expr.E_Random;
import org.apache.jena.sparql.expr.E_StrUUID;
import org.apache.jena.sparql.expr.E_UUID;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.Unstable;
import org.apache.jena.sparql.expr.aggregate.AggAvg;
import org.apache.jena.sparql.expr.aggregate.AggAvgDistinct;
import org.apache.jena.sparql.expr.aggregate.AggCount;
import org.apache.jena.sparql.expr.aggregate.AggCountDistinct;
import org.apache.jena.sparql.expr.aggregate.AggCountVar;
import org.apache.jena.sparql.expr.aggregate.AggCountVarDistinct;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.AggMax;
import org.apache.jena.sparql.expr.aggregate.AggMaxDistinct;
import org.apache.jena.sparql.expr.aggregate.AggMin;
import org.apache.jena.sparql.expr.aggregate.AggMinDistinct;
import org.apache.jena.sparql.expr.aggregate.AggSample;
import org.apache.jena.sparql.expr.aggregate.AggSampleDistinct;
import org.apache.jena.sparql.expr.aggregate.AggSum;
import org.apache.jena.sparql.expr.aggregate.AggSumDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_Mod;
import org.apache.jena.sparql.path.P_NegPropSet;
import org.apache.jena.sparql.path.P_OneOrMore1;
import org.apache.jena.sparql.path.P_OneOrMoreN;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.P_ReverseLink;
import org.apache.jena.sparql.path.P_ZeroOrMore1;
import org.apache.jena.sparql.path.P_ZeroOrMoreN;
import org.apache.jena.sparql.path.Path;

/**
 * Looks at every part of a query's algebra before it runs, expressions in every position included
 * (FILTER, BIND, SELECT expressions, ORDER BY, GROUP BY, HAVING, aggregates' arguments, EXISTS and
 * NOT EXISTS inside any of them), and refuses what this endpoint does not run:
 *
 * <ul>
 *   <li>SERVICE to an endpoint not listed with --allow-service (403);
 *   <li>a function IRI not in {@link AllowedFunctions}, CALL, and aggregates other than SPARQL's
 *       (400);
 *   <li>a property path that repeats a path which itself repeats ({@code (p*)*}, {@code (p+/q*)+}):
 *       its cost multiplies with every level and ARQ computes each level in one uninterruptible
 *       step; and a repetition count above {@value #MAX_REPEAT} (400);
 *   <li>operators or expressions nested more deeply than the limit (400).
 * </ul>
 *
 * <pre>
 * new QueryInspector(services, limits.maxNesting()).inspect(Algebra.compile(query)); // or throws
 * </pre>
 */
final class QueryInspector {

  /** The largest count ARQ's {n}, {n,m} path repetitions may use. */
  static final long MAX_REPEAT = 16;

  private final ServiceAllowList services;
  private final int maxNesting;
  private final boolean rewritten;
  private boolean readsClockOrChance;
  private boolean dependsOnOrder;
  private boolean inOrder;

  QueryInspector(ServiceAllowList services, int maxNesting) {
    this(services, maxNesting, false);
  }

  private QueryInspector(ServiceAllowList services, int maxNesting, boolean rewritten) {
    this.services = services;
    this.maxNesting = maxNesting;
    this.rewritten = rewritten;
  }

  /**
   * The last check on the algebra the bounded engine runs: no function that can build without bound
   * may have survived the rewrite in a position it did not reach. Such a query is refused rather
   * than run without its bounds.
   */
  static void requireBounded(Op op, ServiceAllowList services, int maxNesting) {
    new QueryInspector(services, 2 * maxNesting, true).inspect(op);
  }

  /**
   * Returns when the query may run.
   *
   * @throws QueryRefusedException naming what is refused and why
   */
  void inspect(Op op) {
    inOrder = inOrder(op);
    op(op, 0);
  }

  /**
   * Whether the query inspected reads the clock or chance (NOW(), RAND(), UUID(), STRUUID(),
   * BNODE()): run again, it may answer otherwise, so its answer is not one to keep.
   */
  boolean readsClockOrChance() {
    return readsClockOrChance;
  }

  /**
   * Whether the answer of the query inspected depends on the order in which the dataset gives it
   * triples, beyond the order of its rows: a slice (LIMIT, OFFSET) of rows not put in order by
   * ORDER BY, REDUCED, SAMPLE and GROUP_CONCAT (which take what comes first), SUM and AVG (which
   * add doubles, rounding each sum, in the order they come). ARQ's ORDER BY is total (rows its
   * conditions tie are ordered by every variable), so its rows, and a slice of them, are not.
   */
  boolean dependsOnOrder() {
    return dependsOnOrder;
  }

  /** Whether the rows of the query inspected come out of its ORDER BY (a cut at the cap too). */
  boolean inOrder() {
    return inOrder;
  }

  /**
   * Whether {@code op} gives its rows in the order of an ORDER BY (projected, distinct, sliced).
   */
  private static boolean inOrder(Op op) {
    while (op instanceof OpSlice || op instanceof OpProject || op instanceof OpDistinct) {
      op = ((Op1) op).getSubOp();
    }
    return op instanceof OpOrder;
  }

  private void op(Op op, int depth) {
    if (op == null) {
      return;
    }
    deep(depth);
    if (op instanceof OpService service && !rewritten) {
      services
          .refusal(service.getService())
          .ifPresent(
              why -> {
                throw new QueryRefusedException(403, why);
              });
    }
    if (op instanceof OpSlice slice && !inOrder(slice.getSubOp()) || op instanceof OpReduced) {
      dependsOnOrder = true;
    }
    if (op instanceof OpFilter f) {
      exprs(f.getExprs(), depth);
    } else if (op instanceof OpExtend e) {
      exprs(e.getVarExprList(), depth);
    } else if (op instanceof OpAssign a) {
      exprs(a.getVarExprList(), depth);
    } else if (op instanceof OpLeftJoin lj) {
      exprs(lj.getExprs(), depth);
    } else if (op instanceof OpOrder o) {
      conditions(o.getConditions(), depth);
    } else if (op instanceof OpTopN t) {
      conditions(t.getConditions(), depth);
    } else if (op instanceof OpGroup g) {
      exprs(g.getGroupVars(), depth);
      for (ExprAggregator a : g.getAggregators()) {
        aggregator(a.getAggregator(), depth);
      }
    } else if (op instanceof OpUnfold u) {
      expr(u.getExpr(), depth);
    } else if (op instanceof OpPath p) {
      Path path = p.getTriplePath().getPath();
      path(path, 0, false, path);
      if (repeats(path) > 1) {
        throw new QueryRefusedException(
            400,
            "the property path "
                + path
                + " has more than one repetition (* or +) in a sequence: its cost multiplies"
                + " with each one and cannot be bounded; keep one, or split the query");
      }
    } else if (op instanceof OpProcedure || op instanceof OpPropFunc) {
      throw new QueryRefusedException(400, "property functions are not offered by this endpoint");
    } else if (op instanceof OpExt ext) {
      if (!rewritten) {
        throw new QueryRefusedException(
            400, "extension operators are not offered by this endpoint");
      }
      op(ext.effectiveOp(), depth + 1);
      return;
    }
    if (op instanceof Op1 one) {
      op(one.getSubOp(), depth + 1);
    } else if (op instanceof Op2 two) {
      op(two.getLeft(), depth + 1);
      op(two.getRight(), depth + 1);
    } else if (op instanceof OpN n) {
      for (Op sub : n.getElements()) {
        op(sub, depth + 1);
      }
    } else if (!(op instanceof Op0)) {
      throw new QueryRefusedException(400, "the query uses an operator this endpoint does not run");
    }
  }

  private void deep(int depth) {
    if (depth > maxNesting) {
      throw new QueryRefusedException(
          400,
          "the query nests more than "
              + maxNesting
              + " levels deep (patterns, sub-queries, UNIONs or expressions); write it flatter");
    }
  }

  private void conditions(List<SortCondition> conditions, int depth) {
    for (SortCondition c : conditions) {
      expr(c.getExpression(), depth);
    }
  }

  private void exprs(VarExprList list, int depth) {
    if (list != null) {
      list.forEachExpr((var, e) -> expr(e, depth));
    }
  }

  private void exprs(ExprList list, int depth) {
    if (list != null) {
      for (Expr e : list) {
        expr(e, depth);
      }
    }
  }

  private void aggregator(Aggregator a, int depth) {
    if (!isStandard(a)) {
      throw new QueryRefusedException(
          400,
          "the aggregate "
              + a.getName()
              + " is not offered by this endpoint; SPARQL 1.1's aggregates are (COUNT, SUM, MIN,"
              + " MAX, AVG, SAMPLE, GROUP_CONCAT)");
    }
    if (a instanceof AggSample
        || a instanceof AggSampleDistinct
        || a instanceof AggGroupConcat
        || a instanceof AggGroupConcatDistinct
        || a instanceof AggSum
        || a instanceof AggSumDistinct
        || a instanceof AggAvg
        || a instanceof AggAvgDistinct) {
      dependsOnOrder = true;
    }
    exprs(a.getExprList(), depth);
  }

  private static boolean isStandard(Aggregator a) {
    return a instanceof AggCount
        || a instanceof AggCountVar
        || a instanceof AggCountDistinct
        || a instanceof AggCountVarDistinct
        || a instanceof AggSum
        || a instanceof AggSumDistinct
        || a instanceof AggMin
        || a instanceof AggMinDistinct
        || a instanceof AggMax
        || a instanceof AggMaxDistinct
        || a instanceof AggAvg
        || a instanceof AggAvgDistinct
        || a instanceof AggSample
        || a instanceof AggSampleDistinct
        || a instanceof AggGroupConcat
        || a instanceof AggGroupConcatDistinct;
  }

  private void expr(Expr e, int depth) {
    if (e == null) {
      return;
    }
    deep(depth);
    if (rewritten && BoundedExprs.isUnbounded(e)) {
      throw new QueryRefusedException(
          400,
          "the query uses "
              + ((ExprFunction) e).getFunctionPrintName(null)
              + " in a place where this endpoint cannot bound it");
    }
    // And what ARQ marks Unstable: BNODE() mints other blank nodes each run, and an ORDER BY on
    // them orders by chance.
    if (e instanceof E_Now
        || e instanceof E_Random
        || e instanceof E_UUID
        || e instanceof E_StrUUID
        || e instanceof Unstable) {
      readsClockOrChance = true;
    }
    if (e instanceof E_Call) {
      throw new QueryRefusedException(
          400, "CALL is not offered by this endpoint: call a function by its IRI");
    }
    if (e instanceof E_Function f && !AllowedFunctions.isAllowed(f.getFunctionIRI())) {
      throw new QueryRefusedException(
          400,
          "the function <"
              + f.getFunctionIRI()
              + "> is not offered by this endpoint; it offers SPARQL 1.1's functions, XSD casts,"
              + " XPath string, number, date and math functions, afn:localname and afn:namespace");
    }
    if (e instanceof ExprAggregator a) {
      aggregator(a.getAggregator(), depth + 1);
    }
    if (e instanceof ExprFunctionOp f) {
      op(f.getGraphPattern(), depth + 1);
    }
    if (e instanceof ExprFunction f) {
      for (Expr arg : f.getArgs()) {
        expr(arg, depth + 1);
      }
    }
  }

  private void path(Path path, int depth, boolean insideRepeat, Path whole) {
    deep(depth);
    boolean repeats =
        path instanceof P_ZeroOrMore1
            || path instanceof P_ZeroOrMoreN
            || path instanceof P_OneOrMore1
            || path instanceof P_OneOrMoreN
            || (path instanceof P_Mod m && m.getMax() < 0);
    if (repeats && insideRepeat) {
      throw new QueryRefusedException(
          400,
          "the property path "
              + whole
              + " repeats (* or +) a path that itself repeats: its cost multiplies with every level"
              + " and cannot be bounded; write the inner repetition out, or split the query");
    }
    if (path instanceof P_Mod m && (m.getMin() > MAX_REPEAT || m.getMax() > MAX_REPEAT)) {
      throw new QueryRefusedException(
          400, "the property path " + whole + " repeats more than " + MAX_REPEAT + " times");
    }
    if (path instanceof org.apache.jena.sparql.path.P_FixedLength f && f.getCount() > MAX_REPEAT) {
      throw new QueryRefusedException(
          400, "the property path " + whole + " repeats more than " + MAX_REPEAT + " times");
    }
    if (path instanceof P_Path1 one) {
      path(one.getSubPath(), depth + 1, insideRepeat || repeats, whole);
    } else if (path instanceof P_Path2 two) {
      path(two.getLeft(), depth + 1, insideRepeat, whole);
      path(two.getRight(), depth + 1, insideRepeat, whole);
    } else if (!(path instanceof P_Link
        || path instanceof P_ReverseLink
        || path instanceof P_NegPropSet)) {
      throw new QueryRefusedException(
          400, "the property path " + whole + " uses a form this endpoint does not run");
    }
  }

  /**
   * How many repetitions multiply along a path: a sequence adds its steps', an alternative counts
   * its costlier branch, a repetition counts itself and what it repeats.
   */
  static int repeats(Path path) {
    if (path instanceof org.apache.jena.sparql.path.P_Seq seq) {
      return repeats(seq.getLeft()) + repeats(seq.getRight());
    }
    if (path instanceof org.apache.jena.sparql.path.P_Alt alt) {
      return Math.max(repeats(alt.getLeft()), repeats(alt.getRight()));
    }
    boolean repeat =
        path instanceof P_ZeroOrMore1
            || path instanceof P_ZeroOrMoreN
            || path instanceof P_OneOrMore1
            || path instanceof P_OneOrMoreN
            || (path instanceof P_Mod m && m.getMax() < 0);
    if (path instanceof P_Path1 one) {
      return (repeat ? 1 : 0) + repeats(one.getSubPath());
    }
    return 0;
  }

  /** A node's text for messages. */
  static String show(Node node) {
    return node.isURI() ? "<" + node.getURI() + ">" : node.toString();
  }
}
