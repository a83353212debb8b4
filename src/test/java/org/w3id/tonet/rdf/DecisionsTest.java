package org.w3id.tonet.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.tonet.TestSeeds;

/**
 * Holds the code to seeds/decisions.tsv: every non-mechanical reading of the seed listed there is
 * checked against the RDF the seed becomes.
 */
class DecisionsTest {

  private static final Path DECISIONS = Path.of("seeds", "decisions.tsv");

  /** One row of decisions.tsv. */
  record Decision(int line, String decision, String reason) {
    @Override
    public String toString() {
      return "line " + line + ": " + decision;
    }
  }

  static Stream<Decision> decisions() throws Exception {
    List<Decision> rows = new ArrayList<>();
    boolean header = true;
    for (String line : Files.readAllLines(DECISIONS, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      if (header) {
        assertEquals("line\tdecision\treason", line);
        header = false;
        continue;
      }
      String[] cells = line.split("\t", -1);
      assertEquals(3, cells.length, "three columns: " + line);
      assertFalse(cells[2].isBlank(), "every decision gives its reason: " + line);
      rows.add(new Decision(Integer.parseInt(cells[0]), cells[1], cells[2]));
    }
    return rows.stream();
  }

  @Test
  void decisionsAreInLineOrderAndNameRealLines() throws Exception {
    List<Decision> all = decisions().toList();
    assertTrue(all.size() >= 30, "expected the seed's readings to be listed");
    assertEquals(
        all.stream().sorted(Comparator.comparingInt(Decision::line)).toList(), all, "line order");
    int lines = TestSeeds.seed().lines().size();
    assertTrue(all.stream().allMatch(d -> d.line() >= 1 && d.line() <= lines));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisions")
  void theCodeKeepsToTheDecision(Decision decision) throws Exception {
    Model data = TestSeeds.seedData();
    for (String statement : decision.decision().split(" ; ")) {
      check(data, decision.line(), statement.strip());
    }
  }

  private static void check(Model data, int line, String statement) throws Exception {
    String[] w = statement.split(" ");
    String verb = w[0];
    switch (verb) {
      case "makes" -> {
        Set<String> expected = new TreeSet<>();
        for (String p : Arrays.copyOfRange(w, 1, w.length)) {
          expected.add(iri(p));
        }
        assertEquals(expected, eventsFromLine(data, line), statement);
      }
      case "date" -> {
        Resource r = existing(data, w[1]);
        assertEquals(w[2], literal(r, "http://schema.org/startDate"), statement);
        assertEquals(
            TONET.NS + w[3], r.getPropertyResourceValue(TONET.dateBasis).getURI(), statement);
        assertDerivedFrom(r, line);
      }
      case "bounds" -> {
        Resource r = existing(data, w[1]);
        assertFalse(r.hasProperty(data.createProperty("http://schema.org/startDate")), statement);
        assertEquals(TONET.DateUnknown, r.getPropertyResourceValue(TONET.dateBasis), statement);
        assertEquals(dash(w[2]), literal(r, TONET.notBefore.getURI()), statement);
        assertEquals(dash(w[3]), literal(r, TONET.notAfter.getURI()), statement);
        assertDerivedFrom(r, line);
      }
      case "range" -> {
        Resource r = existing(data, w[1]);
        assertEquals(w[2], literal(r, "http://schema.org/startDate"), statement);
        assertEquals(w[3], literal(r, "http://schema.org/endDate"), statement);
      }
      case "open" -> {
        Resource r = existing(data, w[1]);
        assertTrue(r.hasLiteral(TONET.openEnded, true), statement);
        assertFalse(r.hasProperty(data.createProperty("http://schema.org/endDate")), statement);
      }
      case "agenda" -> {
        Resource r = existing(data, w[1]);
        String rest = statement.substring(statement.indexOf(w[1]) + w[1].length()).strip();
        List<String> expected = Arrays.stream(rest.split(" \\| ")).map(String::strip).toList();
        assertEquals(expected, agenda(r), statement);
        assertDerivedFrom(r, line);
      }
      case "draft" -> {
        Resource item = existing(data, w[1] + "/agenda/" + w[2]);
        assertTrue(item.hasLiteral(TONET.isDraft, true), statement);
      }
      case "concerns" ->
          assertTrue(
              existing(data, w[1]).hasProperty(TONET.concerns, data.getResource(iri(w[2]))),
              statement);
      case "dissolves" -> {
        Resource item = existing(data, w[1]);
        assertTrue(
            item.hasProperty(TONET.proposesDissolutionOf, data.getResource(iri(w[2]))), statement);
        // A proposal is not a dissolution: nothing says the council ended.
        assertFalse(
            data.listSubjectsWithProperty(
                    data.createProperty("http://www.w3.org/ns/org#originalOrganization"))
                .hasNext(),
            "no dissolution event");
        assertFalse(data.contains(null, data.createProperty("http://schema.org/dissolutionDate")));
      }
      case "venue" ->
          assertTrue(
              existing(data, w[1])
                  .hasProperty(
                      data.createProperty("http://schema.org/location"), existing(data, w[2])),
              statement);
      case "attendance" -> {
        Resource r = existing(data, w[1]);
        assertEquals(w[2], literal(r, TONET.attendance.getURI()), statement);
        assertEquals(w[3], literal(r, TONET.attendanceApproximate.getURI()), statement);
      }
      case "joint" -> {
        Set<String> expected = new TreeSet<>();
        for (String p : Arrays.copyOfRange(w, 2, w.length)) {
          expected.add(iri(p));
        }
        Set<String> actual = new TreeSet<>();
        existing(data, w[1])
            .listProperties(TONET.jointMeetingWith)
            .forEachRemaining(s -> actual.add(s.getResource().getURI()));
        assertEquals(expected, actual, statement);
      }
      case "written" ->
          assertTrue(existing(data, w[1]).hasLiteral(TONET.heldInWriting, true), statement);
      case "class" ->
          assertTrue(existing(data, w[1]).hasProperty(RDF.type, type(data, w[2])), statement);
      case "notclass" ->
          assertFalse(existing(data, w[1]).hasProperty(RDF.type, type(data, w[2])), statement);
      case "partof" ->
          assertTrue(
              existing(data, w[1])
                  .hasProperty(
                      data.createProperty("http://schema.org/superEvent"), existing(data, w[2])),
              statement);
      case "fy" ->
          assertEquals(
              iri("id/fiscal-year/" + w[2]),
              existing(data, w[1]).getPropertyResourceValue(TONET.fiscalYear).getURI(),
              statement);
      case "label" -> {
        String text = statement.substring(statement.indexOf(" " + w[2] + " ") + w[2].length() + 2);
        assertTrue(existing(data, w[1]).hasProperty(RDFS.label, text, w[2]), statement);
      }
      case "altlabel" -> {
        String text = statement.substring(statement.indexOf(" " + w[2] + " ") + w[2].length() + 2);
        assertTrue(existing(data, w[1]).hasProperty(SKOS.altLabel, text, w[2]), statement);
      }
      case "nolabel" -> {
        Resource r = existing(data, w[1]);
        assertFalse(
            r.listProperties(RDFS.label).toList().stream()
                .anyMatch(l -> l.getLanguage().equals(w[2])),
            statement);
      }
      case "sources" -> {
        Set<Integer> expected = new TreeSet<>();
        for (String n : Arrays.copyOfRange(w, 2, w.length)) {
          expected.add(Integer.parseInt(n));
        }
        Set<Integer> actual = new TreeSet<>();
        existing(data, w[1])
            .listProperties(PROV.wasInfluencedBy)
            .forEachRemaining(
                st -> {
                  Statement n = st.getResource().getProperty(TONET.lineNumber);
                  if (n != null && !st.getResource().hasProperty(RDF.type, TONET.GazetteerRow)) {
                    actual.add(n.getInt());
                  }
                });
        assertEquals(expected, actual, statement);
      }
      case "reading" -> {
        Resource r = existing(data, w[1]);
        for (String lang : List.of("ja", "en")) {
          assertTrue(
              r.listProperties(TONET.readingNote).toList().stream()
                  .anyMatch(n -> n.getLanguage().equals(lang)),
              statement + ": a reading note in " + lang);
        }
        assertTrue(
            TestSeeds.tone().readings().stream().anyMatch(x -> x.subject().equals(w[1])),
            statement + ": listed in readings.tsv");
      }
      case "unitof" -> {
        Resource unit = existing(data, w[1]);
        Resource parent = existing(data, w[2]);
        assertTrue(unit.hasProperty(ORG.unitOf, parent), statement);
        assertTrue(parent.hasProperty(ORG.hasUnit, unit), statement + ": org:hasUnit stated");
        assertTrue(parent.hasProperty(RDF.type, ORG.FormalOrganization), statement);
      }
      case "count" -> {
        Resource count = existing(data, w[1]);
        assertEquals(w[2], literal(count, TONET.count.getURI()), statement);
        assertEquals(iri(w[3]), count.getPropertyResourceValue(TONET.countOf).getURI(), statement);
        assertEquals("2024-03-31", literal(count, TONET.asOf.getURI()), statement);
        assertDerivedFrom(count, line);
      }
      case "lecturer" -> {
        Resource meeting = existing(data, w[1]);
        Resource person = existing(data, w[2]);
        assertTrue(meeting.hasProperty(TONET.lecturer, person), statement);
        assertEquals(
            iri(w[3]),
            person
                .getPropertyResourceValue(data.createProperty("http://schema.org/affiliation"))
                .getURI(),
            statement);
      }
      case "title" -> {
        String title = statement.substring("title ".length());
        assertTrue(data.contains(null, DCTerms.title, data.createLiteral(title, "ja")), statement);
      }
      default -> fail("unknown statement in decisions.tsv: " + statement);
    }
  }

  /** Events, series and milestones made from a line (not agenda items, people or names). */
  private static Set<String> eventsFromLine(Model data, int line) {
    Set<String> found = new TreeSet<>();
    Resource row = data.getResource(TestSeeds.BASE + "id/source/157963e9056f/line/" + line);
    data.listSubjectsWithProperty(PROV.wasInfluencedBy, row)
        .forEachRemaining(
            s -> {
              if (s.hasProperty(RDF.type, SCHEMA.Event)) {
                found.add(s.getURI());
              }
            });
    // A series dated from its members names their rows too, but the row made the member, not the
    // series: leave out every series that an event of the row belongs to.
    Set<String> series = new TreeSet<>();
    for (String event : found) {
      data.getResource(event)
          .listProperties(data.createProperty("http://schema.org/superEvent"))
          .forEachRemaining(st -> series.add(st.getResource().getURI()));
    }
    found.removeAll(series);
    return found;
  }

  private static List<String> agenda(Resource meeting) {
    List<Resource> items = new ArrayList<>();
    meeting.listProperties(TONET.agendaItem).forEachRemaining(s -> items.add(s.getResource()));
    items.sort(Comparator.comparingInt(i -> i.getProperty(TONET.position).getInt()));
    return items.stream()
        .map(
            i ->
                i.listProperties(RDFS.label).toList().stream()
                    .filter(s -> s.getLanguage().equals("ja"))
                    .findFirst()
                    .orElseThrow()
                    .getString())
        .toList();
  }

  private static void assertDerivedFrom(Resource r, int line) {
    Resource row = r.getModel().getResource(TestSeeds.BASE + "id/source/157963e9056f/line/" + line);
    assertTrue(r.hasProperty(PROV.wasInfluencedBy, row), r + " names line " + line);
  }

  private static Resource existing(Model data, String path) {
    Resource r = data.getResource(iri(path));
    assertTrue(data.contains(r, RDF.type), "no resource " + r);
    return r;
  }

  private static Resource type(Model data, String prefixed) {
    return data.getResource(data.expandPrefix(prefixed));
  }

  private static String literal(Resource r, String property) {
    Statement s = r.getProperty(r.getModel().createProperty(property));
    if (s == null) {
      return null;
    }
    RDFNode o = s.getObject();
    return o.isLiteral() ? ((Literal) o).getLexicalForm() : o.toString();
  }

  private static String dash(String value) {
    return value.equals("-") ? null : value;
  }

  private static String iri(String path) {
    return TestSeeds.BASE + path;
  }
}
