package org.w3id.tonet.sparql;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.E_Multiply;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrDatatype;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeFunctions;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;

/**
 * Replaces the SPARQL functions that can build something without bound with versions that stop the
 * query first: CONCAT, REPLACE and ENCODE_FOR_URI cannot make a string longer than the limit,
 * multiplication cannot make a number of more than {@value #MAX_BITS} bits, STRDT cannot make a
 * number from a text of more than {@value QueryLimits#MAX_NUMBER_DIGITS} characters, and REGEX and
 * REPLACE read their text through a {@link CharSequence} that checks the deadline, so a regular
 * expression that backtracks for ever still ends with the query.
 *
 * <pre>
 * Op bounded = Transformer.transform(new TransformCopy(), new BoundedExprs(budget), op);
 * </pre>
 */
final class BoundedExprs extends ExprTransformCopy {

  /** The largest integer a multiplication may make, in bits (about 1,200 decimal digits). */
  static final int MAX_BITS = 4096;

  private final QueryBudget budget;

  BoundedExprs(QueryBudget budget) {
    this.budget = budget;
  }

  @Override
  public Expr transform(ExprFunction1 func, Expr arg) {
    if (func instanceof E_StrEncodeForURI && !(func instanceof EncodeForUri)) {
      return new EncodeForUri(arg, budget);
    }
    return super.transform(func, arg);
  }

  @Override
  public Expr transform(ExprFunction2 func, Expr left, Expr right) {
    if (func instanceof E_Multiply && !(func instanceof Multiply)) {
      return new Multiply(left, right, budget);
    }
    if (func instanceof E_StrDatatype && !(func instanceof Strdt)) {
      return new Strdt(left, right);
    }
    return super.transform(func, left, right);
  }

  @Override
  public Expr transform(ExprFunctionN func, ExprList args) {
    if (func instanceof E_StrConcat && !(func instanceof Concat)) {
      return new Concat(args, budget);
    }
    if (func instanceof E_StrReplace && !(func instanceof Replace)) {
      return new Replace(args, budget);
    }
    if (func instanceof E_Regex && !(func instanceof Regex)) {
      return new Regex(args, budget);
    }
    return super.transform(func, args);
  }

  /** Whether an expression is one this transform leaves unbounded (for the safety check). */
  static boolean isUnbounded(Expr expr) {
    return (expr instanceof E_StrEncodeForURI && !(expr instanceof EncodeForUri))
        || (expr instanceof E_Multiply && !(expr instanceof Multiply))
        || (expr instanceof E_StrDatatype && !(expr instanceof Strdt))
        || (expr instanceof E_StrConcat && !(expr instanceof Concat))
        || (expr instanceof E_StrReplace && !(expr instanceof Replace))
        || (expr instanceof E_Regex && !(expr instanceof Regex));
  }

  /** The length of a literal's text (0 for anything else: the function rejects it anyway). */
  static long length(NodeValue value) {
    Node node = value.asNode();
    return node.isLiteral() ? node.getLiteralLexicalForm().length() : 0;
  }

  // ---- The bounded functions

  /** CONCAT that stops before it builds a string over the limit. */
  static final class Concat extends E_StrConcat {
    private final QueryBudget budget;

    Concat(ExprList args, QueryBudget budget) {
      super(args);
      this.budget = budget;
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
      long total = 0;
      for (NodeValue arg : args) {
        total += length(arg);
      }
      budget.checkString(total, "CONCAT");
      return super.eval(args);
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new Concat(newArgs, budget);
    }
  }

  /** ENCODE_FOR_URI whose result (up to nine times its input) stays within the limit. */
  static final class EncodeForUri extends E_StrEncodeForURI {
    private final QueryBudget budget;

    EncodeForUri(Expr arg, QueryBudget budget) {
      super(arg);
      this.budget = budget;
    }

    @Override
    public NodeValue eval(NodeValue value) {
      budget.checkString(length(value), "ENCODE_FOR_URI");
      NodeValue result = super.eval(value);
      budget.checkString(length(result), "ENCODE_FOR_URI");
      return result;
    }

    @Override
    public Expr copy(Expr arg) {
      return new EncodeForUri(arg, budget);
    }
  }

  /** Multiplication that stops before it makes a number of more than {@value #MAX_BITS} bits. */
  static final class Multiply extends E_Multiply {
    private final QueryBudget budget;

    Multiply(Expr left, Expr right, QueryBudget budget) {
      super(left, right);
      this.budget = budget;
    }

    @Override
    public NodeValue eval(NodeValue x, NodeValue y) {
      if (bits(x) + bits(y) > MAX_BITS) {
        throw budget.over(
            QueryStop.limit(
                "the query was stopped: a multiplication would make a number of more than "
                    + MAX_BITS
                    + " bits, the largest this endpoint computes"));
      }
      return super.eval(x, y);
    }

    @Override
    public Expr copy(Expr left, Expr right) {
      return new Multiply(left, right, budget);
    }
  }

  /** The size of a number in bits (decimals by their unscaled value and scale). */
  static long bits(NodeValue value) {
    if (value.isInteger()) {
      return value.getInteger().bitLength();
    }
    if (value.isDecimal()) {
      BigDecimal d = value.getDecimal();
      // A decimal's digits grow on multiplication just as an integer's do; count its scale too.
      return d.unscaledValue().bitLength() + 4L * Math.abs(d.scale());
    }
    return 64;
  }

  /**
   * STRDT that will not make a number or a date from a text too long to parse in reasonable time
   * (parsing a number is quadratic in its length).
   */
  static final class Strdt extends E_StrDatatype {
    Strdt(Expr left, Expr right) {
      super(left, right);
    }

    @Override
    public NodeValue eval(NodeValue lexical, NodeValue datatype) {
      if (datatype.isIRI()
          && parsesAsValue(datatype.asNode().getURI())
          && length(lexical) > QueryLimits.MAX_NUMBER_DIGITS) {
        throw new ExprEvalException(
            "STRDT: a value of more than "
                + QueryLimits.MAX_NUMBER_DIGITS
                + " characters is not made into a number or a date");
      }
      return NodeFunctions.strDatatype(lexical, datatype);
    }

    @Override
    public Expr copy(Expr left, Expr right) {
      return new Strdt(left, right);
    }
  }

  /** Whether literals of a datatype are parsed into a number or a date/time value. */
  static boolean parsesAsValue(String datatypeIri) {
    return datatypeIri.startsWith(XSDDatatype.XSD + "#")
        && !datatypeIri.equals(XSDDatatype.XSDstring.getURI())
        && !datatypeIri.equals(XSDDatatype.XSDanyURI.getURI())
        && !datatypeIri.equals(XSDDatatype.XSDboolean.getURI())
        && !datatypeIri.equals(XSDDatatype.XSDnormalizedString.getURI())
        && !datatypeIri.equals(XSDDatatype.XSDtoken.getURI());
  }

  /** REGEX that checks the deadline while it matches. */
  static final class Regex extends E_Regex {
    private final QueryBudget budget;
    private final Pattern constant;

    Regex(ExprList args, QueryBudget budget) {
      super(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
      this.budget = budget;
      this.constant = constantPattern("REGEX", args.get(1), args.size() > 2 ? args.get(2) : null);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
      Node text = checkString("REGEX", args.get(0));
      Pattern pattern =
          constant != null
              ? constant
              : pattern("REGEX", args.get(1), args.size() > 2 ? args.get(2) : null);
      return NodeValue.booleanReturn(
          pattern.matcher(new Watched(text.getLiteralLexicalForm(), budget)).find());
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new Regex(newArgs, budget);
    }
  }

  /** REPLACE that checks the deadline while it matches and stops before its result is too long. */
  static final class Replace extends E_StrReplace {
    private final QueryBudget budget;
    private final Pattern constant;

    Replace(ExprList args, QueryBudget budget) {
      super(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
      this.budget = budget;
      this.constant = constantPattern("REPLACE", args.get(1), args.size() > 3 ? args.get(3) : null);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
      Pattern pattern =
          constant != null
              ? constant
              : pattern("REPLACE", args.get(1), args.size() > 3 ? args.get(3) : null);
      return replace(args.get(0), pattern, args.get(2), budget, "REPLACE");
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new Replace(newArgs, budget);
    }
  }

  // ---- Regular expressions under a deadline

  private static Pattern constantPattern(String function, Expr pattern, Expr flags) {
    if (pattern.isConstant()
        && pattern.getConstant().isString()
        && (flags == null || (flags.isConstant() && flags.getConstant().isString()))) {
      return pattern(function, pattern.getConstant(), flags == null ? null : flags.getConstant());
    }
    return null;
  }

  static Pattern pattern(String function, NodeValue pattern, NodeValue flags) {
    if (!pattern.isString()) {
      throw new ExprEvalException(function + ": the pattern is not a string");
    }
    if (flags != null && !flags.isString()) {
      throw new ExprEvalException(function + ": the flags are not a string");
    }
    String f = flags == null ? null : flags.getString();
    if (f != null && !f.chars().allMatch(c -> "smixq".indexOf(c) >= 0)) {
      throw new ExprEvalException(function + ": only the flags s, m, i, x and q are allowed");
    }
    return RegexEngine.makePattern(function, pattern.getString(), f);
  }

  private static Node checkString(String function, NodeValue value) {
    return NodeValueOps.checkAndGetStringLiteral(function, value);
  }

  /**
   * Replaces every match of {@code pattern} in {@code text} as XPath's fn:replace does (one match
   * of the empty string at most), reading the text under the deadline and stopping once the result
   * would go over the limit.
   */
  static NodeValue replace(
      NodeValue text, Pattern pattern, NodeValue replacement, QueryBudget budget, String function) {
    Node input = checkString(function, text);
    if (!replacement.isString()) {
      throw new ExprEvalException(function + ": the replacement is not a string");
    }
    String source = input.getLiteralLexicalForm();
    String rep = replacement.getString();
    Matcher matcher = pattern.matcher(new Watched(source, budget));
    StringBuilder out = null;
    try {
      while (matcher.find()) {
        if (out == null) {
          out = new StringBuilder();
        } else if (matcher.start() == matcher.end()) {
          continue;
        }
        matcher.appendReplacement(out, rep);
        budget.checkString(out.length(), function);
      }
      if (out == null) {
        return text;
      }
      matcher.appendTail(out);
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      throw new ExprEvalException(function + ": " + e.getMessage());
    }
    budget.checkString(out.length(), function);
    String result = out.toString();
    if (result.equals(source)) {
      return text;
    }
    String lang = input.getLiteralLanguage();
    return lang.isEmpty() ? NodeValue.makeString(result) : NodeValue.makeLangString(result, lang);
  }

  /** Whether {@code pattern} occurs in {@code text}, reading it under the deadline. */
  static boolean find(String text, Pattern pattern, QueryBudget budget) {
    return pattern.matcher(new Watched(text, budget)).find();
  }

  /**
   * The text a regular expression reads, checking the query's budget every 4,096 characters read:
   * Java's matcher has no other way to be interrupted, and a backtracking pattern reads the same
   * characters over and over.
   */
  static final class Watched implements CharSequence {
    private final String text;
    private final QueryBudget budget;
    private int reads;

    Watched(String text, QueryBudget budget) {
      this.text = text;
      this.budget = budget;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0xFFF) == 0) {
        budget.check();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
