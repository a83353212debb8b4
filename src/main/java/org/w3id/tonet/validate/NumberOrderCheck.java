package org.w3id.tonet.validate;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.expr.E_GreaterThan;
import org.apache.jena.sparql.expr.E_LessThan;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnvBase;
import org.apache.jena.vocabulary.RDF;

/**
 * A check that numbers grow with time: within each class, no resource numbered n is dated before a
 * resource numbered m &lt; n. One fault per such pair, as the SPARQL query that pairs every
 * resource with every other would give ({@code FILTER (?m < ?n && ?laterDay > ?day)}), but found in
 * one ordered pass: O(r log r + f) for r resources and f faults, where the pairing takes r².
 *
 * <pre>
 * List&lt;Violation&gt; faults = Checks.NUMBERING_IN_DATE_ORDER.run(union);
 * </pre>
 *
 * <p>Values are compared as SPARQL compares them. Integers and days without a time zone (all this
 * program writes) are ordered by value; any other value (a day with a time zone, a number typed as
 * a string, an ill-formed literal) is compared with every other value of its class by SPARQL's own
 * {@code <} and {@code >}, so the faults are the same whatever the data holds.
 *
 * @param name the check's name, as reported
 * @param classes the classes numbered apart (each its own numbering)
 * @param number the property holding the number
 * @param day the property holding the day
 * @param message the fault's message from the lexical forms of n, its day, m and m's day
 */
public record NumberOrderCheck(
    String name, List<Resource> classes, Property number, Property day, Message message)
    implements Checks.Check {

  public NumberOrderCheck {
    classes = List.copyOf(classes);
  }

  /** The message of a fault: number n dated day, before number m dated laterDay. */
  @FunctionalInterface
  public interface Message {
    String of(String n, String day, String m, String laterDay);
  }

  /**
   * One statement of a number and a day on a resource, with their values when both are plain (an
   * integer, a day without time zone), else null.
   */
  private record Dated(
      Resource focus,
      Node number,
      Node day,
      NodeValue numberValue,
      NodeValue dayValue,
      BigInteger plainNumber,
      LocalDate plainDay) {

    boolean plain() {
      return plainNumber != null && plainDay != null;
    }
  }

  @Override
  public List<Violation> run(Model union) {
    List<Violation> found = new ArrayList<>();
    for (Resource type : classes) {
      List<Dated> all = dated(union, type);
      List<Dated> plain = all.stream().filter(Dated::plain).toList();
      for (Dated[] pair : plainPairs(plain)) {
        found.add(fault(pair[0], pair[1]));
      }
      // Pairs with at least one value that is not plain, compared the way SPARQL compares them.
      for (Dated odd : all) {
        if (odd.plain()) {
          continue;
        }
        for (Dated other : all) {
          if (before(odd, other)) {
            found.add(fault(odd, other));
          }
          if (other.plain() && before(other, odd)) {
            found.add(fault(other, odd));
          }
        }
      }
    }
    return found;
  }

  /** Every statement of a number and a day on an instance of the class. */
  private List<Dated> dated(Model union, Resource type) {
    List<Dated> all = new ArrayList<>();
    for (Resource r : union.listSubjectsWithProperty(RDF.type, type).toList()) {
      List<RDFNode> numbers = union.listObjectsOfProperty(r, number).toList();
      List<RDFNode> days = union.listObjectsOfProperty(r, day).toList();
      for (RDFNode n : numbers) {
        for (RDFNode d : days) {
          NodeValue nv = NodeValue.makeNode(n.asNode());
          NodeValue dv = NodeValue.makeNode(d.asNode());
          all.add(new Dated(r, n.asNode(), d.asNode(), nv, dv, plainNumber(nv), plainDay(dv)));
        }
      }
    }
    return all;
  }

  /**
   * The faults among plain values: latest day first, each statement is compared with those of a
   * strictly later day, which are kept by number, so only those with a lower number are visited —
   * and each of them is a fault.
   */
  private static List<Dated[]> plainPairs(List<Dated> plain) {
    List<Dated> byDay =
        plain.stream().sorted(Comparator.comparing(Dated::plainDay).reversed()).toList();
    TreeMap<BigInteger, List<Dated>> later = new TreeMap<>();
    List<Dated[]> pairs = new ArrayList<>();
    int i = 0;
    while (i < byDay.size()) {
      int sameDay = i;
      while (sameDay < byDay.size()
          && byDay.get(sameDay).plainDay().equals(byDay.get(i).plainDay())) {
        sameDay++;
      }
      for (Dated d : byDay.subList(i, sameDay)) {
        for (List<Dated> lower : later.headMap(d.plainNumber(), false).values()) {
          for (Dated l : lower) {
            pairs.add(new Dated[] {d, l});
          }
        }
      }
      for (Dated d : byDay.subList(i, sameDay)) {
        later.computeIfAbsent(d.plainNumber(), k -> new ArrayList<>()).add(d);
      }
      i = sameDay;
    }
    return pairs;
  }

  /**
   * Whether {@code focus} is a fault against {@code other}: other's number lower, its day later.
   */
  private static boolean before(Dated focus, Dated other) {
    return holds(new E_LessThan(other.numberValue(), focus.numberValue()))
        && holds(new E_GreaterThan(other.dayValue(), focus.dayValue()));
  }

  /** A SPARQL comparison, false where SPARQL raises an error (as a FILTER does). */
  private static boolean holds(Expr comparison) {
    try {
      return comparison.eval(BindingFactory.empty(), new FunctionEnvBase()).getBoolean();
    } catch (ExprEvalException e) {
      return false;
    }
  }

  private Violation fault(Dated focus, Dated other) {
    return Checks.violation(
        focus.focus(),
        message.of(
            lexical(focus.number()),
            lexical(focus.day()),
            lexical(other.number()),
            lexical(other.day())),
        name);
  }

  /** STR() of a node: a literal's lexical form, an IRI's text. */
  private static String lexical(Node node) {
    return node.isLiteral()
        ? node.getLiteralLexicalForm()
        : node.isURI() ? node.getURI() : node.toString();
  }

  private static BigInteger plainNumber(NodeValue v) {
    return v.isInteger() ? v.getInteger() : null;
  }

  private static LocalDate plainDay(NodeValue v) {
    if (!v.isDate()) {
      return null;
    }
    XMLGregorianCalendar c = v.getDateTime();
    if (c.getTimezone() != DatatypeConstants.FIELD_UNDEFINED) {
      return null;
    }
    return LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
  }
}
