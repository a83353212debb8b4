package org.w3id.tonet.sparql;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.modify.TemplateLib;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one untrusted SPARQL query on a dataset within a {@link QueryBudget}: parses it, refuses
 * what the endpoint does not run ({@link QueryInspector}), lowers its LIMIT to the result cap, runs
 * it on the {@link BoundedEngine} in a read transaction, and writes its answer into memory counted
 * against the budget. It never throws for anything a query can do: every outcome is an {@link
 * Answer} with a status and a message for the client.
 *
 * <pre>
 * QueryRunner runner = new QueryRunner(dataset, ServiceAllowList.none(), "http://localhost:3030/");
 * Answer answer = runner.run(new QueryRunner.Request("ASK {}", List.of(), List.of()), formats, budget);
 * </pre>
 */
public final class QueryRunner {

  private static final Logger LOG = LoggerFactory.getLogger(QueryRunner.class);

  /** What one triple of a CONSTRUCT or DESCRIBE graph is counted as. */
  static final int TRIPLE_BYTES = 160;

  /** A query as the SPARQL protocol gives it: its text and the dataset parameters. */
  public record Request(String text, List<String> defaultGraphs, List<String> namedGraphs) {
    public Request {
      Objects.requireNonNull(text, "text");
      defaultGraphs = List.copyOf(defaultGraphs);
      namedGraphs = List.copyOf(namedGraphs);
    }

    /** A query on the whole dataset. */
    public static Request of(String text) {
      return new Request(text, List.of(), List.of());
    }
  }

  /** The formats a client accepts, by kind of answer. */
  public interface Formats {
    /** The format for a table (SELECT, ASK) or a graph (CONSTRUCT, DESCRIBE), or null: none. */
    AnswerFormat choose(boolean table);

    /** What to tell a client that accepts none (406). */
    String notAcceptable(boolean table);
  }

  private final DatasetGraph dataset;
  private final ServiceAllowList services;
  private final String base;
  private final boolean inFinalOrder;

  /**
   * A runner for a dataset; {@code base} resolves relative IRIs in queries (the public base, so
   * that nothing of the server's file system shows in an answer).
   */
  public QueryRunner(DatasetGraph dataset, ServiceAllowList services, String base) {
    this(dataset, services, base, true);
  }

  private QueryRunner(
      DatasetGraph dataset, ServiceAllowList services, String base, boolean inFinalOrder) {
    BoundedEngine.install();
    this.dataset = Objects.requireNonNull(dataset, "dataset");
    this.services = Objects.requireNonNull(services, "services");
    this.base = Objects.requireNonNull(base, "base");
    this.inFinalOrder = inFinalOrder;
  }

  /**
   * A runner for a dataset that is not yet the one it will be (whose graphs raise {@link NotFinal}
   * for what may still change): it holds the same triples for every look-up it answers, but in
   * another order than the finished dataset gives them (how Jena's in-memory graphs keep triples
   * depends on what else they hold). So an answer that depends on that order ({@link
   * QueryInspector#dependsOnOrder}: LIMIT or OFFSET without ORDER BY, REDUCED, SAMPLE,
   * GROUP_CONCAT, SUM, AVG), or that the result cap cuts out of rows in no order, is not final
   * either: such a query is answered {@link Answer#notFinal}.
   */
  public static QueryRunner unfinished(
      DatasetGraph dataset, ServiceAllowList services, String base) {
    return new QueryRunner(dataset, services, base, false);
  }

  /**
   * Runs a request and answers it; {@link Answer#unfinished()} when it reached what the dataset
   * does not hold yet ({@link NotFinal}), however the engine or a writer took that.
   */
  public Answer run(Request request, Formats formats, QueryBudget budget) {
    NotFinal.forget();
    Answer answer = attempt(request, formats, budget);
    return NotFinal.raisedHere() ? Answer.notFinal(budget.elapsedMillis()) : answer;
  }

  private Answer attempt(Request request, Formats formats, QueryBudget budget) {
    HeapGuard guard = HeapGuard.get();
    if (guard.refusing()) {
      QueryStop stop = QueryStop.shortOfMemory();
      return Answer.failed(stop.status(), stop.message(), stop.retryAfterSeconds(), 0);
    }
    guard.running(budget);
    // The deadline is enforced from outside: a query stuck in one long step of ARQ's (building a
    // plan that skips an OFFSET of rows, for one) sees its cancel flag raised when it is due.
    ScheduledFuture<?> alarm = QueryAlarms.deadline(budget);
    try {
      budget.check();
      return answer(request, formats, budget);
    } catch (QueryRefusedException e) {
      return Answer.failed(e.status(), e.getMessage(), 0, budget.elapsedMillis());
    } catch (QueryCancelledException e) {
      return stopped(budget, e);
    } catch (StackOverflowError e) {
      return Answer.failed(400, nestedTooDeeply(budget), 0, budget.elapsedMillis());
    } catch (OutOfMemoryError e) {
      LOG.warn("a query ran out of memory despite its budget: {}", abbreviate(request.text()));
      budget.stop(QueryStop.shortOfMemory());
      QueryStop stop = QueryStop.shortOfMemory();
      return Answer.failed(
          stop.status(), stop.message(), stop.retryAfterSeconds(), budget.elapsedMillis());
    } catch (RuntimeException e) {
      if (NotFinal.raisedHere()) {
        return Answer.notFinal(budget.elapsedMillis()); // not a fault: no warning
      }
      if (budget.stopped() != null) {
        return stopped(budget, e);
      }
      LOG.warn("a query failed: {}", abbreviate(request.text()), e);
      return Answer.failed(
          500, "the query failed on the server (" + messageOf(e) + ")", 0, budget.elapsedMillis());
    } finally {
      alarm.cancel(false);
      guard.done(budget);
    }
  }

  private Answer answer(Request request, Formats formats, QueryBudget budget) {
    QueryLimits limits = budget.limits();
    Query query = parse(request.text(), limits);
    if (query.isJsonType()) {
      throw new QueryRefusedException(400, "JSON queries are not offered: use SELECT");
    }
    QueryInspector inspector = new QueryInspector(services, limits.maxNesting());
    inspector.inspect(Algebra.compile(query));
    if (!inFinalOrder && inspector.dependsOnOrder()) {
      return Answer.notFinal(budget.elapsedMillis());
    }
    boolean table = query.isSelectType() || query.isAskType();
    AnswerFormat format = formats.choose(table);
    if (format == null) {
      return Answer.failed(406, formats.notAcceptable(table), 0, budget.elapsedMillis());
    }

    DatasetGraph target = dataset;
    if (!request.defaultGraphs().isEmpty() || !request.namedGraphs().isEmpty()) {
      // The protocol's dataset replaces the query's FROM and FROM NAMED (SPARQL 1.1 Protocol
      // 2.1.4).
      query = query.cloneQuery();
      query.getGraphURIs().clear();
      query.getNamedGraphURIs().clear();
      target =
          DynamicDatasets.dynamicDataset(
              DatasetDescription.create(request.defaultGraphs(), request.namedGraphs()),
              dataset,
              false);
    }
    // The cap is applied by asking for one solution more than it allows: when that one comes, the
    // answer was cut (and says so), and it is left out; an answer the cap did not cut never says
    // it was.
    long cap = limits.maxResults();
    boolean capApplies = !query.isAskType() && (!query.hasLimit() || query.getLimit() > cap);
    boolean transaction = dataset.supportsTransactions() && !dataset.isInTransaction();
    if (transaction) {
      dataset.begin(TxnType.READ);
    }
    try {
      AnswerFormat.Result result;
      if (query.isSelectType()) {
        try (QueryExec exec = exec(target, capApplies ? limited(query, cap + 1) : query, budget)) {
          RowSet rowSet = exec.select();
          Counted rows = new Counted(rowSet, capApplies ? cap : Long.MAX_VALUE);
          result =
              new AnswerFormat.Table(
                  rowSet.getResultVars(), rows, capApplies ? cap : -1, rows::cut);
          return settled(written(format, result, budget, inspector, rows), inspector, budget);
        }
      } else if (query.isAskType()) {
        try (QueryExec exec = exec(target, query, budget)) {
          result = new AnswerFormat.Ask(exec.ask());
          return written(format, result, budget, inspector, null);
        }
      } else if (query.isConstructType()) {
        result = construct(target, query, capApplies, cap, budget);
      } else {
        result = describe(target, query, capApplies, cap, budget);
      }
      return settled(written(format, result, budget, inspector, null), inspector, budget);
    } finally {
      if (transaction) {
        dataset.end();
      }
    }
  }

  /**
   * The answer, unless the cap cut it out of rows in no order on a dataset not in its final order:
   * which rows it kept depends on the order they came in.
   */
  private Answer settled(Answer answer, QueryInspector inspector, QueryBudget budget) {
    if (!inFinalOrder && answer.capped() && !inspector.inOrder()) {
      return Answer.notFinal(budget.elapsedMillis());
    }
    return answer;
  }

  /** The answer written into memory, counted against the budget. */
  private static Answer written(
      AnswerFormat format,
      AnswerFormat.Result result,
      QueryBudget budget,
      QueryInspector inspector,
      Counted rows) {
    Budgeted out = new Budgeted(budget);
    try {
      format.write(result, out, budget);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (budget.stopped() != null) {
      // A writer may catch what stopped the rows and end its output early: never send that.
      throw new QueryStoppedException(budget.stopped());
    }
    boolean capped =
        rows != null ? rows.cut() : result instanceof AnswerFormat.Triples t && t.cap() >= 0;
    Answer answer = Answer.ok(format.contentType(), out.bytes(), capped, budget.elapsedMillis());
    return inspector.readsClockOrChance() ? answer.unrepeatable() : answer;
  }

  /**
   * A CONSTRUCT: its pattern's solutions (one more than the cap, when it applies), each put into
   * the template, as ARQ's own CONSTRUCT does, but counted.
   */
  private AnswerFormat.Triples construct(
      DatasetGraph target, Query query, boolean capApplies, long cap, QueryBudget budget) {
    Query solutions = query.cloneQuery();
    solutions.setQuerySelectType();
    solutions.setQueryResultStar(true);
    if (capApplies) {
      solutions.setLimit(cap + 1);
    }
    Graph graph = GraphFactory.createDefaultGraph();
    try (QueryExec exec = exec(target, solutions, budget)) {
      Counted rows = new Counted(exec.select(), capApplies ? cap : Long.MAX_VALUE);
      Iterator<Triple> triples =
          TemplateLib.calcTriples(query.getConstructTemplate().getTriples(), rows);
      while (triples.hasNext()) {
        budget.charge(TRIPLE_BYTES, "CONSTRUCT");
        graph.add(triples.next());
      }
      return new AnswerFormat.Triples(graph, rows.cut() ? cap : -1);
    }
  }

  /**
   * A DESCRIBE: when the cap applies to its pattern, a first look says whether the pattern has more
   * solutions than the cap; then ARQ describes the resources of the first ones.
   */
  private AnswerFormat.Triples describe(
      DatasetGraph target, Query query, boolean capApplies, long cap, QueryBudget budget) {
    boolean cut = false;
    if (capApplies && query.getQueryPattern() != null) {
      Query probe = query.cloneQuery();
      probe.setQuerySelectType();
      probe.setQueryResultStar(true);
      probe.setOffset(Math.max(0, query.getOffset()) + cap);
      probe.setLimit(1);
      try (QueryExec exec = exec(target, probe, budget)) {
        cut = exec.select().hasNext();
      }
    }
    try (QueryExec exec = exec(target, capApplies ? limited(query, cap) : query, budget)) {
      Graph graph = exec.describe();
      budget.charge((long) TRIPLE_BYTES * graph.size(), "DESCRIBE");
      return new AnswerFormat.Triples(graph, cut ? cap : -1);
    }
  }

  private static Query limited(Query query, long limit) {
    Query q = query.cloneQuery();
    q.setLimit(limit);
    return q;
  }

  /** An execution of a query within the budget, with the endpoint's context. */
  private QueryExec exec(DatasetGraph target, Query query, QueryBudget budget) {
    QueryExecDatasetBuilder builder =
        QueryExecDatasetBuilder.create()
            .dataset(target)
            .query(query)
            .timeout(budget.remainingMillis(), TimeUnit.MILLISECONDS);
    // Added to ARQ's global context and the dataset's (TDB2's union default graph), not instead.
    Context settings = context(budget);
    for (Symbol key : settings.keys()) {
      builder.set(key, (Object) settings.get(key));
    }
    QueryExec exec = builder.build();
    budget.onStop(exec::abort);
    return exec;
  }

  private Query parse(String text, QueryLimits limits) {
    if (text.isBlank()) {
      throw new QueryRefusedException(400, "the query is empty");
    }
    try {
      return QueryFactory.create(text, base, Syntax.syntaxARQ);
    } catch (QueryParseException e) {
      throw new QueryRefusedException(400, ParseMessages.of(e));
    } catch (QueryException e) {
      throw new QueryRefusedException(400, "the query is not valid: " + messageOf(e));
    } catch (StackOverflowError e) {
      throw new QueryRefusedException(400, nestedTooDeeply(limits));
    }
  }

  private static String nestedTooDeeply(QueryBudget budget) {
    return nestedTooDeeply(budget.limits());
  }

  private static String nestedTooDeeply(QueryLimits limits) {
    return "the query nests too deeply (more than "
        + limits.maxNesting()
        + " levels of patterns, sub-queries, UNIONs or expressions); write it flatter";
  }

  /** The context of one public query: its budget, the allowed functions, no property functions. */
  private Context context(QueryBudget budget) {
    Context cxt = new Context();
    cxt.set(QueryBudget.SYMBOL, budget);
    cxt.set(ARQConstants.symCancelQuery, budget.cancelSignal());
    FunctionRegistry.set(cxt, AllowedFunctions.registry());
    cxt.set(ARQ.enablePropertyFunctions, false);
    cxt.set(ARQ.propertyFunctions, false);
    services.install(cxt);
    cxt.set(ARQ.httpQueryTimeout, Long.toString(budget.remainingMillis()));
    return cxt;
  }

  private static Answer stopped(QueryBudget budget, RuntimeException e) {
    QueryStop stop = budget.stopped();
    if (stop == null && e instanceof QueryStoppedException s) {
      stop = s.stop();
    }
    if (stop == null) {
      stop =
          budget.expired() || budget.remainingMillis() <= 50
              ? QueryStop.timeout(budget.limits().timeout().toMillis())
              : QueryStop.cancelled();
    }
    return Answer.failed(
        stop.status(), stop.message(), stop.retryAfterSeconds(), budget.elapsedMillis());
  }

  /** An exception's message without the names of Java classes. */
  static String messageOf(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return "no detail";
    }
    return m.replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)?:? ?", "")
        .strip();
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
  }

  /**
   * The rows of a SELECT (or a CONSTRUCT's solutions) as they are read, counted: at most {@code
   * max}; {@link #cut()} says whether another was there.
   */
  private static final class Counted implements Iterator<Binding> {
    private final RowSet rows;
    private final long max;
    private long count;
    private Boolean cut;

    Counted(RowSet rows, long max) {
      this.rows = rows;
      this.max = max;
    }

    @Override
    public boolean hasNext() {
      if (count >= max) {
        if (cut == null) {
          cut = rows.hasNext();
        }
        return false;
      }
      return rows.hasNext();
    }

    @Override
    public Binding next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      count++;
      return rows.next();
    }

    /** Whether rows were left out (known once they are read). */
    boolean cut() {
      return cut != null && cut;
    }
  }

  /** The answer's bytes in memory, counted against the budget as they are written. */
  private static final class Budgeted extends OutputStream {
    private final QueryBudget budget;
    private byte[] bytes = new byte[8192];
    private int size;
    private int sinceCheck;

    Budgeted(QueryBudget budget) {
      this.budget = budget;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      budget.charge(len, "the answer");
      sinceCheck += len;
      if (sinceCheck > 65_536) {
        sinceCheck = 0;
        budget.check();
      }
      if (size + len > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
      }
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    byte[] bytes() {
      return Arrays.copyOf(bytes, size);
    }
  }

  /**
   * Thrown by a graph a query reads when the query reaches triples that are still to come (the
   * unfinished site's, while a cold start finishes its publication): the answer it would give now
   * might not be the one the finished publication gives. The query is stopped, and {@link #run}
   * says so in its answer ({@link Answer#unfinished()}), for the endpoint to run it again once the
   * publication is finished. It is a {@link QueryCancelledException}, so that no operator of ARQ's
   * takes it for an error of one solution and goes on (a FILTER would). It is also marked on the
   * thread that raised it ({@link #raisedHere()}): an answer's writer may catch what stops its rows
   * and end early, and an answer so ended must never be sent.
   */
  public static final class NotFinal extends QueryCancelledException {

    private static final long serialVersionUID = 1L;

    private static final ThreadLocal<Boolean> RAISED = ThreadLocal.withInitial(() -> false);

    private NotFinal() {}

    /** The exception to throw, marked on this thread. */
    public static NotFinal raise() {
      RAISED.set(true);
      return new NotFinal();
    }

    /** Whether one was raised on this thread since {@link #forget()}. */
    private static boolean raisedHere() {
      return RAISED.get();
    }

    /** Forgets what was raised on this thread: before each query. */
    private static void forget() {
      RAISED.set(false);
    }

    @Override
    public String getMessage() {
      return "the query reads what the publication does not hold yet";
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      // Control flow, not a fault.
      return this;
    }
  }
}
