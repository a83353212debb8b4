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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.council.CouncilFolder;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.Build;

/**
 * Holds the code to each council folder's decisions.tsv — the Tone council's (seeds/) and the
 * example's (examples/mizunagi/) — every non-mechanical reading of its table listed there is
 * checked against the RDF the table becomes.
 */
class DecisionsTest {

  /** The folders whose decisions are held, by name. */
  private static final List<String> FOLDERS = List.of("seeds", "examples/mizunagi");

  /**
   * A council folder built under the test base.
   *
   * @param name its path
   * @param council what was read
   * @param data its data graph
   */
  record Folder(String name, Council council, Model data) {

    /** The first 12 hex digits of its table's SHA-256, as its source rows' IRIs have them. */
    String hash() {
      return council.table().shortHash();
    }

    private static final java.util.Map<String, Folder> BUILT = new java.util.HashMap<>();

    static synchronized Folder of(String name) throws Exception {
      Folder f = BUILT.get(name);
      if (f == null) {
        Council council = Council.read(CouncilFolder.of(Path.of(name)));
        f =
            new Folder(
                name,
                council,
                Build.of(council, TimelineParser.Mode.STRICT, new Iris(TestSeeds.BASE)).data());
        BUILT.put(name, f);
      }
      return f;
    }
  }

  /** One row of a decisions.tsv. */
  record Decision(String folder, int line, String decision, String reason) {
    @Override
    public String toString() {
      return folder + " line " + line + ": " + decision;
    }
  }

  static Stream<Decision> decisions() throws Exception {
    List<Decision> rows = new ArrayList<>();
    for (String folder : FOLDERS) {
      rows.addAll(decisions(folder));
    }
    return rows.stream();
  }

  static List<Decision> decisions(String folder) throws Exception {
    List<Decision> rows = new ArrayList<>();
    boolean header = true;
    for (String line :
        Files.readAllLines(Path.of(folder, "decisions.tsv"), StandardCharsets.UTF_8)) {
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
      rows.add(new Decision(folder, Integer.parseInt(cells[0]), cells[1], cells[2]));
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folders")
  void decisionsAreInLineOrderAndNameRealLines(String folder) throws Exception {
    List<Decision> all = decisions(folder);
    assertTrue(all.size() >= 20, "expected the table's readings to be listed");
    assertEquals(
        all.stream().sorted(Comparator.comparingInt(Decision::line)).toList(), all, "line order");
    int lines = Folder.of(folder).council().table().lines().size();
    assertTrue(all.stream().allMatch(d -> d.line() >= 1 && d.line() <= lines));
  }

  static List<String> folders() {
    return FOLDERS;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisions")
  void theCodeKeepsToTheDecision(Decision decision) throws Exception {
    Folder f = Folder.of(decision.folder());
    for (String statement : decision.decision().split(" ; ")) {
      check(f, decision.line(), statement.strip());
    }
  }

  private static void check(Folder f, int line, String statement) throws Exception {
    Model data = f.data();
    String[] w = statement.split(" ");
    String verb = w[0];
    switch (verb) {
      case "makes" -> {
        Set<String> expected = new TreeSet<>();
        for (String p : Arrays.copyOfRange(w, 1, w.length)) {
          expected.add(iri(p));
        }
        assertEquals(expected, eventsFromLine(f, line), statement);
      }
      case "date" -> {
        Resource r = existing(data, w[1]);
        assertEquals(w[2], literal(r, "http://schema.org/startDate"), statement);
        assertEquals(
            TONET.NS + w[3], r.getPropertyResourceValue(TONET.dateBasis).getURI(), statement);
        assertDerivedFrom(f, r, line);
      }
      case "bounds" -> {
        Resource r = existing(data, w[1]);
        assertFalse(r.hasProperty(data.createProperty("http://schema.org/startDate")), statement);
        assertEquals(TONET.DateUnknown, r.getPropertyResourceValue(TONET.dateBasis), statement);
        assertEquals(dash(w[2]), literal(r, TONET.notBefore.getURI()), statement);
        assertEquals(dash(w[3]), literal(r, TONET.notAfter.getURI()), statement);
        assertDerivedFrom(f, r, line);
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
        assertDerivedFrom(f, r, line);
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
            f.council().readings().stream().anyMatch(x -> x.subject().equals(w[1])),
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
        // id/count/{as-of day}-{series}: the count's IRI names the day the summary dates it.
        assertEquals(
            w[1].substring("id/count/".length(), "id/count/".length() + 10),
            literal(count, TONET.asOf.getURI()),
            statement);
        assertDerivedFrom(f, count, line);
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
  private static Set<String> eventsFromLine(Folder f, int line) {
    Model data = f.data();
    Set<String> found = new TreeSet<>();
    Resource row = data.getResource(TestSeeds.BASE + "id/source/" + f.hash() + "/line/" + line);
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

  private static void assertDerivedFrom(Folder f, Resource r, int line) {
    Resource row =
        r.getModel().getResource(TestSeeds.BASE + "id/source/" + f.hash() + "/line/" + line);
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
