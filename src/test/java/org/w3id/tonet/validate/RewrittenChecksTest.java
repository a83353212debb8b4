package org.w3id.tonet.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.rdf.SCHEMA;
import org.w3id.tonet.rdf.TONET;

/**
 * Each check rewritten for issue 22 (it paired every resource with every other) reports the same
 * faults as its old SPARQL form, kept in src/test/resources/checks-oracle/ as the oracle: on the
 * seed, and on the seed broken in the ways the rewrite could get wrong (ties, several values, a
 * resource in two numberings, values that are not plain integers or days, every date reversed).
 */
class RewrittenChecksTest {

  private static final String BASE = TestSeeds.BASE;

  /** Breakages for the two number-order checks, by name. */
  static Stream<Arguments> numberOrderCases() {
    return Stream.of(
        Arguments.of("the seed as it is", (Consumer<Model>) d -> {}),
        Arguments.of(
            "one assembly moved two years earlier",
            (Consumer<Model>) d -> redate(d, "id/assembly/extraordinary/5", date(d, "2012-10-01"))),
        Arguments.of(
            "every ordinary assembly's date reversed (a fault for every pair)",
            (Consumer<Model>) d -> reverse(d, "id/assembly/ordinary/", 12)),
        Arguments.of(
            "every registrant milestone's date reversed",
            (Consumer<Model>)
                d -> {
                  List<Resource> ms =
                      d.listSubjectsWithProperty(RDF.type, TONET.RegistrantMilestone).toList();
                  ms.sort(
                      Comparator.comparing(r -> r.getProperty(TONET.registrantThreshold).getInt()));
                  List<Literal> days =
                      ms.stream().map(r -> r.getProperty(SCHEMA.startDate).getLiteral()).toList();
                  for (int i = 0; i < ms.size(); i++) {
                    ms.get(i).removeAll(SCHEMA.startDate);
                    ms.get(i).addLiteral(SCHEMA.startDate, days.get(days.size() - 1 - i));
                  }
                }),
        Arguments.of(
            "a later number on the same day as an earlier one, and two assemblies of one number",
            (Consumer<Model>)
                d -> {
                  Literal day5 = startDate(d, "id/assembly/ordinary/5");
                  redate(d, "id/assembly/ordinary/4", day5);
                  set(d, "id/assembly/ordinary/7", TONET.ordinal, integer(d, "6"));
                  redate(
                      d,
                      "id/milestone/registrants-10000",
                      startDate(d, "id/milestone/registrants-5000"));
                }),
        Arguments.of(
            "two days on one assembly, two numbers on another, one in two numberings",
            (Consumer<Model>)
                d -> {
                  res(d, "id/assembly/ordinary/6")
                      .addLiteral(SCHEMA.startDate, date(d, "2011-01-10"));
                  res(d, "id/assembly/extraordinary/9").addLiteral(TONET.ordinal, integer(d, "30"));
                  res(d, "id/assembly/ordinary/3")
                      .addProperty(RDF.type, TONET.ExtraordinaryGeneralAssembly);
                  res(d, "id/milestone/registrants-20000")
                      .addLiteral(SCHEMA.startDate, date(d, "2011-06-01"));
                }),
        Arguments.of(
            "values that are not plain integers or days without a time zone",
            (Consumer<Model>)
                d -> {
                  redate(
                      d,
                      "id/assembly/ordinary/8",
                      d.createTypedLiteral("2012-01-01Z", XSDDatatype.XSDdate));
                  redate(
                      d,
                      "id/assembly/ordinary/9",
                      d.createTypedLiteral("2011-06-01+09:00", XSDDatatype.XSDdate));
                  redate(d, "id/assembly/ordinary/10", d.createLiteral("2010-01-01"));
                  set(d, "id/assembly/ordinary/11", TONET.ordinal, d.createLiteral("2"));
                  set(d, "id/assembly/ordinary/2", TONET.ordinal, d.createLiteral("9"));
                  redate(d, "id/assembly/ordinary/2", d.createLiteral("2009-01-01"));
                  set(
                      d,
                      "id/assembly/extraordinary/3",
                      TONET.ordinal,
                      d.createTypedLiteral("3.5", XSDDatatype.XSDdecimal));
                  set(
                      d,
                      "id/assembly/extraordinary/4",
                      TONET.ordinal,
                      d.createTypedLiteral("x", XSDDatatype.XSDinteger));
                  redate(
                      d,
                      "id/assembly/extraordinary/6",
                      d.createTypedLiteral("2012-13-45", XSDDatatype.XSDdate));
                  set(
                      d,
                      "id/milestone/registrants-15000",
                      TONET.registrantThreshold,
                      d.createTypedLiteral("1.0e9", XSDDatatype.XSDdouble));
                  set(
                      d,
                      "id/assembly/council/4",
                      TONET.ordinal,
                      d.createTypedLiteral("0004", XSDDatatype.XSDint));
                }));
  }

  @ParameterizedTest(name = "numbering-in-date-order: {0}")
  @MethodSource("numberOrderCases")
  void numberingInDateOrderAsBefore(String what, Consumer<Model> breakage) throws Exception {
    assertSameFaults(Checks.NUMBERING_IN_DATE_ORDER, breakage);
  }

  @ParameterizedTest(name = "registrants-grow: {0}")
  @MethodSource("numberOrderCases")
  void registrantsGrowAsBefore(String what, Consumer<Model> breakage) throws Exception {
    assertSameFaults(Checks.REGISTRANTS_GROW, breakage);
  }

  @Test
  void reversedDatesGiveAFaultForEveryPairWithLinesAndMessages() throws Exception {
    Model data = seedCopy();
    reverse(data, "id/assembly/ordinary/", 12);
    List<Violation> found = Checks.NUMBERING_IN_DATE_ORDER.run(Validator.withOntology(data));
    assertEquals(12 * 11 / 2, found.size());
    Violation first =
        found.stream()
            .filter(v -> v.focus().endsWith("/ordinary/12"))
            .filter(v -> v.message().contains("number 1 "))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of(79), first.lines(), first.toString());
    assertTrue(
        first.message().startsWith("number 12 is dated 2012-06-26, before number 1 on 2023-10-17"),
        first.message());
  }

  static Stream<Arguments> countedCases() {
    return Stream.of(
        Arguments.of("the seed as it is", (Consumer<Model>) d -> {}),
        Arguments.of(
            "one assembly out of the counted series",
            (Consumer<Model>) d -> res(d, "id/assembly/ordinary/3").removeAll(SCHEMA.superEvent)),
        Arguments.of(
            "every ordinary assembly out of it",
            (Consumer<Model>)
                d -> {
                  for (int n = 1; n <= 12; n++) {
                    res(d, "id/assembly/ordinary/" + n).removeAll(SCHEMA.superEvent);
                  }
                }),
        Arguments.of(
            "a second counted series that holds one assembly",
            (Consumer<Model>)
                d -> {
                  Resource series = res(d, "id/series/test-second");
                  res(d, "id/assembly/ordinary/5").addProperty(SCHEMA.superEvent, series);
                  res(d, "id/count/test-second").addProperty(TONET.countOf, series);
                  res(d, "id/assembly/ordinary/6").removeAll(SCHEMA.superEvent);
                }),
        Arguments.of(
            "no count of the series at all",
            (Consumer<Model>)
                d -> {
                  d.removeAll(null, TONET.countOf, null);
                  res(d, "id/assembly/ordinary/3").removeAll(SCHEMA.superEvent);
                }));
  }

  /**
   * The old form repeated each fault once per assembly counted (with 41 assemblies, a missing one
   * was reported 40 times); the new one reports each fault once per counted series.
   */
  @ParameterizedTest(name = "assemblies-all-counted: {0}")
  @MethodSource("countedCases")
  void assembliesAllCountedAsBefore(String what, Consumer<Model> breakage) throws Exception {
    Model data = seedCopy();
    breakage.accept(data);
    Model union = Validator.withOntology(data);
    Checks.Check now =
        Checks.all().stream()
            .filter(c -> c.name().equals("assemblies-all-counted"))
            .findFirst()
            .orElseThrow();
    List<Violation> found = now.run(union);
    List<Violation> before = oracle("assemblies-all-counted").run(union);
    assertEquals(new TreeSet<>(strings(before)), new TreeSet<>(strings(found)));
    assertEquals(before.isEmpty(), found.isEmpty());
    long series = data.listObjectsOfProperty(TONET.countOf).toList().size();
    assertTrue(
        found.size() <= new TreeSet<>(strings(found)).size() * Math.max(1, series),
        found::toString);
  }

  @Test
  void theRewrittenCountCheckCatchesOneMissingAssemblyOnce() throws Exception {
    Model data = seedCopy();
    res(data, "id/assembly/ordinary/3").removeAll(SCHEMA.superEvent);
    Model union = Validator.withOntology(data);
    Checks.Check now =
        Checks.all().stream()
            .filter(c -> c.name().equals("assemblies-all-counted"))
            .findFirst()
            .orElseThrow();
    List<Violation> found = now.run(union);
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).focus().endsWith("/id/assembly/ordinary/3"));
    assertFalse(found.get(0).lines().isEmpty());
  }

  // ---- helpers ----------------------------------------------------------------------------

  private static void assertSameFaults(Checks.Check check, Consumer<Model> breakage)
      throws Exception {
    Model data = seedCopy();
    breakage.accept(data);
    Model union = Validator.withOntology(data);
    List<String> before = strings(oracle(check.name()).run(union));
    List<String> now = strings(check.run(union));
    assertEquals(before, now);
  }

  /** The check as it was: the SPARQL query that paired every resource with every other. */
  private static Checks.SparqlCheck oracle(String name) throws IOException {
    try (InputStream in =
        RewrittenChecksTest.class.getResourceAsStream("/checks-oracle/" + name + ".rq")) {
      return new Checks.SparqlCheck(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Faults as sorted text (focus, label, message, lines, check): a multiset, order aside. */
  private static List<String> strings(List<Violation> found) {
    return found.stream().map(Violation::toString).sorted().toList();
  }

  private static Model seedCopy() throws Exception {
    return ModelFactory.createDefaultModel().add(TestSeeds.seedData());
  }

  private static Resource res(Model data, String path) {
    return data.getResource(BASE + path);
  }

  private static Literal startDate(Model data, String path) {
    return res(data, path).getProperty(SCHEMA.startDate).getLiteral();
  }

  private static void redate(Model data, String path, Literal day) {
    set(data, path, SCHEMA.startDate, day);
  }

  private static void set(Model data, String path, Property p, Literal value) {
    res(data, path).removeAll(p).addLiteral(p, value);
  }

  private static void reverse(Model data, String prefix, int count) {
    List<Literal> days = new java.util.ArrayList<>();
    for (int n = 1; n <= count; n++) {
      days.add(startDate(data, prefix + n));
    }
    for (int n = 1; n <= count; n++) {
      redate(data, prefix + n, days.get(count - n));
    }
  }

  private static Literal date(Model data, String day) {
    return data.createTypedLiteral(day, XSDDatatype.XSDdate);
  }

  private static Literal integer(Model data, String n) {
    return data.createTypedLiteral(n, XSDDatatype.XSDinteger);
  }
}
