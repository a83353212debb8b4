package org.w3id.tonet.sparql;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.main.QueryEngineMain;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.tdb2.solver.QueryEngineTDB;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * ARQ's query engines (in memory and TDB2) with the bounds of {@link BoundedExprs} and {@link
 * BoundedOps} applied to every query whose context carries a {@link QueryBudget}: the bounded
 * functions go in before ARQ's optimizer (which folds constant expressions by evaluating them) and
 * again after it, with the operator bounds, once the algebra is final. Queries without a budget
 * (the validation checks, the CLI) run on ARQ's engines unchanged.
 *
 * <pre>
 * BoundedEngine.install(); // once; then give each public query a budget in its context
 * </pre>
 */
public final class BoundedEngine {

  private static volatile boolean installed;

  private BoundedEngine() {}

  /** Registers the bounded engines in front of ARQ's (idempotent). */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    JenaSystem.init();
    // Registered last, so searched first: QueryEngineRegistry puts new factories in front.
    QueryEngineRegistry.addFactory(new Factory());
    installed = true;
  }

  /** The algebra with the bounded functions (before optimization). */
  static Op beforeOptimize(Op op, QueryBudget budget) {
    return Transformer.transform(new TransformCopy(), new BoundedExprs(budget), op);
  }

  /** The final algebra with every bound in place. */
  static Op afterOptimize(Op op, QueryBudget budget) {
    Op bounded = Transformer.transform(new BoundedOps(budget), new BoundedExprs(budget), op);
    QueryInspector.requireBounded(bounded, ServiceAllowList.none(), budget.limits().maxNesting());
    return bounded;
  }

  /** Chooses the bounded engine for queries with a budget, the TDB2 one for TDB2 datasets. */
  private static final class Factory implements QueryEngineFactory {
    @Override
    public boolean accept(Query query, DatasetGraph dataset, Context context) {
      return QueryBudget.of(context) != null;
    }

    @Override
    public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
      if (TDBInternal.isBackedByTDB(dataset)) {
        return new Tdb2(query, TDBInternal.requireStorage(dataset), input, context).getPlan();
      }
      return new Main(query, dataset, input, context).getPlan();
    }

    @Override
    public boolean accept(Op op, DatasetGraph dataset, Context context) {
      return false; // only whole queries come with a budget
    }

    @Override
    public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
      throw new UnsupportedOperationException("queries only");
    }
  }

  /** ARQ's general engine, bounded. */
  private static final class Main extends QueryEngineMain {
    Main(Query query, DatasetGraph dataset, Binding input, Context context) {
      super(query, dataset, input, context);
    }

    @Override
    protected Op modifyOp(Op op) {
      QueryBudget budget = QueryBudget.of(context);
      return afterOptimize(super.modifyOp(beforeOptimize(op, budget)), budget);
    }
  }

  /** TDB2's engine, bounded. */
  private static final class Tdb2 extends QueryEngineTDB {
    Tdb2(Query query, DatasetGraphTDB dataset, Binding input, Context context) {
      super(query, dataset, input, context);
    }

    @Override
    protected Op modifyOp(Op op) {
      QueryBudget budget = QueryBudget.of(context);
      return afterOptimize(super.modifyOp(beforeOptimize(op, budget)), budget);
    }
  }
}
