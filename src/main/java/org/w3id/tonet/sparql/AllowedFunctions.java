package org.w3id.tonet.sparql;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.function.library.FN_StrConcat;
import org.apache.jena.sparql.function.library.FN_StrEncodeForURI;
import org.apache.jena.sparql.function.library.localname;
import org.apache.jena.sparql.function.library.namespace;
import org.apache.jena.sparql.util.Context;

/**
 * The functions a public query may call by IRI, besides SPARQL 1.1's own: XSD casts, XPath string,
 * number and date functions, XPath math, and two of ARQ's (afn:localname, afn:namespace). Nothing
 * else: ARQ would otherwise load any Java class named by a {@code java:} IRI (or by its own
 * function namespace, which maps to a Java package), including one that sleeps for as long as it is
 * asked. Functions that could build without bound are wrapped to stop the query first.
 *
 * <pre>
 * FunctionRegistry.set(context, AllowedFunctions.registry());
 * AllowedFunctions.isAllowed("http://www.w3.org/2001/XMLSchema#integer"); // true
 * AllowedFunctions.isAllowed("java:org.apache.jena.sparql.function.library.wait"); // false
 * </pre>
 */
public final class AllowedFunctions {

  static final String XSD = XSDDatatype.XSD + "#";
  static final String FN = ARQConstants.fnPrefix;
  static final String MATH = ARQConstants.mathPrefix;
  static final String AFN = ARQConstants.ARQFunctionLibraryURI;

  /** XPath functions offered as they are: none can build a large value or run long. */
  private static final List<String> FN_AS_IS =
      List.of(
          "string-length",
          "substring",
          "normalize-space",
          "upper-case",
          "lower-case",
          "contains",
          "starts-with",
          "ends-with",
          "substring-before",
          "substring-after",
          "abs",
          "ceiling",
          "floor",
          "round",
          "round-half-to-even",
          "boolean",
          "not",
          "numeric-mod",
          "numeric-integer-divide",
          "dateTime",
          "year-from-date",
          "month-from-date",
          "day-from-date",
          "timezone-from-date",
          "hours-from-time",
          "minutes-from-time",
          "seconds-from-time",
          "timezone-from-time",
          "year-from-dateTime",
          "month-from-dateTime",
          "day-from-dateTime",
          "hours-from-dateTime",
          "minutes-from-dateTime",
          "seconds-from-dateTime",
          "timezone-from-dateTime",
          "years-from-duration",
          "months-from-duration",
          "days-from-duration",
          "hours-from-duration",
          "minutes-from-duration",
          "seconds-from-duration");

  /** XPath math functions of doubles (pow is wrapped: on integers it is exact and unbounded). */
  private static final List<String> MATH_AS_IS =
      List.of(
          "pi", "exp", "exp10", "log", "log10", "sqrt", "sin", "cos", "tan", "asin", "acos", "atan",
          "atan2");

  private static final FunctionRegistry REGISTRY = build();

  private AllowedFunctions() {}

  /** The registry to put in a public query's context: the allowed functions and nothing else. */
  public static FunctionRegistry registry() {
    return REGISTRY;
  }

  /** Whether a function IRI may be called. */
  public static boolean isAllowed(String iri) {
    return REGISTRY.isRegistered(iri);
  }

  /** Every IRI that may be called, sorted (for the documentation and its test). */
  public static Set<String> iris() {
    Set<String> all = new TreeSet<>();
    for (Iterator<String> it = REGISTRY.keys(); it.hasNext(); ) {
      all.add(it.next());
    }
    return all;
  }

  private static FunctionRegistry build() {
    FunctionRegistry standard = FunctionRegistry.standardRegistry();
    FunctionRegistry allowed = new Closed();
    for (Iterator<String> it = standard.keys(); it.hasNext(); ) {
      String iri = it.next();
      if (iri.startsWith(XSD)) {
        FunctionFactory cast = standard.get(iri);
        allowed.put(
            iri,
            BoundedExprs.parsesAsValue(iri) ? uri -> new ShortArguments(cast.create(uri)) : cast);
      }
    }
    for (String name : FN_AS_IS) {
      copy(standard, allowed, FN + name);
    }
    for (String name : MATH_AS_IS) {
      copy(standard, allowed, MATH + name);
    }
    allowed.put(FN + "concat", uri -> new Concat());
    allowed.put(FN + "encode-for-uri", uri -> new EncodeForUri());
    allowed.put(FN + "matches", uri -> new Matches());
    allowed.put(FN + "replace", uri -> new Replace());
    FunctionFactory pow = standard.get(MATH + "pow");
    allowed.put(MATH + "pow", uri -> new Pow(pow.create(uri)));
    allowed.put(AFN + "localname", uri -> new localname());
    allowed.put(AFN + "namespace", uri -> new namespace());
    return allowed;
  }

  private static void copy(FunctionRegistry from, FunctionRegistry to, String iri) {
    FunctionFactory f = from.get(iri);
    if (f == null) {
      throw new IllegalStateException("ARQ no longer offers " + iri);
    }
    to.put(iri, f);
  }

  /** A registry that knows only what was put in it: it never loads a class by its IRI. */
  private static final class Closed extends FunctionRegistry {
    @Override
    public FunctionFactory get(String uri) {
      return isRegistered(uri) ? super.get(uri) : null;
    }
  }

  /** The budget of the query a function runs in. */
  private static QueryBudget budget(FunctionEnv env) {
    QueryBudget budget = env == null ? null : QueryBudget.of(env.getContext());
    if (budget == null) {
      // Every public query carries one; a missing budget is a wiring fault, never a licence.
      throw new ExprEvalException("no query budget");
    }
    return budget;
  }

  /** A standard function with a check of ours in front: its building is the function's own. */
  private abstract static class Guarded extends FunctionBase {
    final FunctionBase inner;

    Guarded(Function inner) {
      this.inner = (FunctionBase) inner;
    }

    @Override
    public void build(String uri, ExprList args, Context context) {
      inner.build(uri, args, context);
    }

    @Override
    public void checkBuild(String uri, ExprList args) {}

    @Override
    public NodeValue exec(List<NodeValue> args) {
      return inner.exec(args);
    }
  }

  /** A cast that will not parse a number or a date from an over-long text. */
  private static final class ShortArguments extends Guarded {
    ShortArguments(Function cast) {
      super(cast);
    }

    @Override
    public NodeValue exec(List<NodeValue> args) {
      for (NodeValue arg : args) {
        if (BoundedExprs.length(arg) > QueryLimits.MAX_NUMBER_DIGITS) {
          throw new ExprEvalException(
              "a text of more than "
                  + QueryLimits.MAX_NUMBER_DIGITS
                  + " characters is not cast to a number or a date");
        }
      }
      return inner.exec(args);
    }
  }

  /** fn:concat within the string limit. */
  private static final class Concat extends FN_StrConcat {
    @Override
    protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
      long total = 0;
      for (NodeValue arg : args) {
        total += BoundedExprs.length(arg);
      }
      budget(env).checkString(total, "fn:concat");
      return exec(args);
    }
  }

  /** fn:encode-for-uri within the string limit. */
  private static final class EncodeForUri extends FN_StrEncodeForURI {
    @Override
    protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
      NodeValue result = exec(args);
      budget(env).checkString(BoundedExprs.length(result), "fn:encode-for-uri");
      return result;
    }
  }

  /** fn:matches under the deadline. */
  private static final class Matches extends FunctionBase {
    @Override
    public void checkBuild(String uri, ExprList args) {
      if (args.size() < 2 || args.size() > 3) {
        throw new org.apache.jena.query.QueryBuildException("fn:matches takes 2 or 3 arguments");
      }
    }

    @Override
    protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
      Pattern pattern =
          BoundedExprs.pattern("fn:matches", args.get(1), args.size() > 2 ? args.get(2) : null);
      String text =
          org.apache.jena.sparql.expr.nodevalue.NodeValueOps.checkAndGetStringLiteral(
                  "fn:matches", args.get(0))
              .getLiteralLexicalForm();
      return NodeValue.booleanReturn(BoundedExprs.find(text, pattern, budget(env)));
    }

    @Override
    public NodeValue exec(List<NodeValue> args) {
      throw new ExprEvalException("fn:matches needs its query's budget");
    }
  }

  /** fn:replace under the deadline and within the string limit. */
  private static final class Replace extends FunctionBase {
    @Override
    public void checkBuild(String uri, ExprList args) {
      if (args.size() < 3 || args.size() > 4) {
        throw new org.apache.jena.query.QueryBuildException("fn:replace takes 3 or 4 arguments");
      }
    }

    @Override
    protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
      Pattern pattern =
          BoundedExprs.pattern("fn:replace", args.get(1), args.size() > 3 ? args.get(3) : null);
      return BoundedExprs.replace(args.get(0), pattern, args.get(2), budget(env), "fn:replace");
    }

    @Override
    public NodeValue exec(List<NodeValue> args) {
      throw new ExprEvalException("fn:replace needs its query's budget");
    }
  }

  /** math:pow, which on integers is exact: refused when the result would pass the bit limit. */
  private static final class Pow extends Guarded {
    Pow(Function pow) {
      super(pow);
    }

    @Override
    protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
      NodeValue base = args.get(0);
      NodeValue exponent = args.get(1);
      if (base.isInteger() && exponent.isInteger()) {
        BigInteger e = exponent.getInteger();
        long bits = base.getInteger().abs().bitLength();
        if (bits > 1
            && e.signum() > 0
            && (e.bitLength() > 31 || bits * e.longValue() > BoundedExprs.MAX_BITS)) {
          throw budget(env)
              .over(
                  QueryStop.limit(
                      "the query was stopped: math:pow would make a number of more than "
                          + BoundedExprs.MAX_BITS
                          + " bits, the largest this endpoint computes"));
        }
      }
      return inner.exec(args);
    }
  }
}
