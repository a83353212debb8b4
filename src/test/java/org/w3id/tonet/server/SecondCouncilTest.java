package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.cli.Main;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.council.CouncilFolder;
import org.w3id.tonet.model.Gazetteer;
import org.w3id.tonet.model.Name;
import org.w3id.tonet.rdf.TONET;
import picocli.CommandLine;

/**
 * A second council end to end: the example folder examples/mizunagi (a made-up council, real
 * places) validates, exports and is served by the same program as the Tone council, with its own
 * names, places, identity and pages, and not one fact of the Tone council. DecisionsTest holds its
 * rows to the example's decisions.tsv, one fact at a time.
 */
class SecondCouncilTest {

  private static final Path FOLDER = Path.of("examples", "mizunagi");
  private static final String BASE = "https://lod.example.org/mizunagi/";

  @TempDir static Path temp;

  private static Dataset published;
  private static String exportOut;

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  @BeforeAll
  static void export() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path dumps = temp.resolve("dumps");
    int exit =
        run(
            out,
            err,
            "export",
            "--council",
            FOLDER.toString(),
            "--out",
            dumps.toString(),
            "--base-iri",
            BASE);
    assertEquals(0, exit, err.toString());
    exportOut = out.toString();
    published = DatasetFactory.create();
    RDFParser.source(dumps.resolve("tonet.trig")).lang(Lang.TRIG).parse(published);
  }

  private static Model graph(String name) {
    return published.getNamedModel(BASE + "graph/" + name);
  }

  @Test
  void theFolderValidatesWithEveryRowReadAndItsExpectedOutput() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, "validate", "--council", FOLDER.toString()), err.toString());
    assertEquals(
        "valid: timeline.txt: 40 entries and 6 summary counts from 43 lines, 1816 triples\n",
        out.toString(),
        "every row read (no 'not read'), and the data as expected.ttl has it");
    assertTrue(exportOut.startsWith("wrote 15 files to "), exportOut);
  }

  @Test
  void everyKindOfRowIsReadByTheFoldersWords() {
    Model data = graph("data");
    assertEquals(4, instances(data, TONET.CouncilAssembly));
    assertEquals(3, instances(data, TONET.OrdinaryGeneralAssembly));
    assertEquals(6, instances(data, TONET.ExtraordinaryGeneralAssembly));
    assertEquals(1, instances(data, TONET.WrittenResolution));
    assertEquals(2, instances(data, TONET.Symposium));
    assertEquals(2, instances(data, TONET.RegistrantMilestone));
    assertEquals(1, instances(data, TONET.InstitutionCountMilestone));
    assertEquals(2, instances(data, TONET.SystemLaunch));
    assertEquals(2, instances(data, TONET.PlanAdoption));
    assertEquals(3 + 1, instances(data, TONET.Establishment), "the council, 2 sections, 1 team");
    assertEquals(1, instances(data, TONET.LegalFormChange));
    assertEquals(6, instances(data, TONET.MeetingSeries));
    assertEquals(0, instances(data, TONET.TimelineEvent), "no row left a plain event");
    assertEquals(0, instances(data, TONET.UnreadRow));
    // A launch is of the folder's system, though its phrase names none (identity.tsv's system).
    Resource trial = data.getResource(BASE + "id/event/2020-04-01-trial-operation");
    assertEquals(
        BASE + "id/system/mizunagi-net", trial.getPropertyResourceValue(TONET.system).getURI());
  }

  @Test
  void theDescriptionIsTheFoldersIdentityAndConformsToDcatAp3() throws Exception {
    Model meta = graph("meta");
    Resource dataset = meta.getResource(BASE + "id/dataset");
    assertTrue(
        meta.contains(dataset, DCTerms.alternative, meta.createLiteral("みずなぎネット協議会の経過（例）", "ja")));
    Resource publisher = dataset.getPropertyResourceValue(DCTerms.publisher);
    assertNotNull(publisher, "the identity's publisher");
    assertTrue(
        publisher.hasProperty(
            org.apache.jena.sparql.vocabulary.FOAF.name,
            meta.createLiteral("tonet-lod プロジェクト（例）", "ja")));
    assertNotNull(dataset.getPropertyResourceValue(DCAT.contactPoint), "the identity's contact");
    Set<String> spatial = new TreeSet<>();
    dataset
        .listProperties(DCTerms.spatial)
        .forEachRemaining(s -> spatial.add(s.getResource().getURI()));
    assertEquals(Set.of(BASE + "id/place/awara", BASE + "id/place/sakai"), spatial);
    Model shapes = ModelFactory.createDefaultModel();
    try (InputStream in =
        SecondCouncilTest.class.getResourceAsStream("/conformance/dcat-ap-3.0.0-SHACL.ttl")) {
      RDFParser.source(in).lang(Lang.TURTLE).parse(shapes);
    }
    ValidationReport report =
        ShaclValidator.get().validate(Shapes.parse(shapes.getGraph()), meta.getGraph());
    assertTrue(report.conforms(), () -> report.toString());
  }

  /**
   * Not one fact of the Tone council: no literal holds one of its names, places, titles or its
   * attribution, and no IRI one of its named things or its table, in any graph but the ontology
   * (which is about councils and names none).
   */
  @Test
  void theOutputHoldsNoFactOfTheToneCouncil() throws Exception {
    Council tone = Council.bundled();
    Council example = Council.read(CouncilFolder.of(FOLDER));
    Set<String> shared = new TreeSet<>();
    for (Name.Kind kind : Name.Kind.values()) {
      for (Name n : names(example, kind)) {
        shared.add(n.labelJa());
        shared.add(n.labelEn());
        shared.add(n.labelLatn());
      }
    }
    Set<String> words = new TreeSet<>(List.of("Tone", "Saitama", "とねっと", "利根", "埼玉"));
    Set<String> paths = new TreeSet<>();
    for (Name.Kind kind : Name.Kind.values()) {
      for (Name n : names(tone, kind)) {
        for (String label : List.of(n.labelJa(), n.labelEn(), n.labelLatn())) {
          if (label.length() >= 3 && !shared.contains(label)) {
            words.add(label);
          }
        }
        if (kind != Name.Kind.PERSON && !shared.contains(n.labelJa())) {
          paths.add("/" + folderOf(kind) + "/" + n.slug() + ">");
        }
      }
    }
    for (Gazetteer.Place p : tone.gazetteer().places()) {
      words.add(p.labelJa());
      words.add(p.labelEn());
      paths.add("/place/" + p.slug() + ">");
    }
    words.add(tone.identity().title().ja());
    words.add(tone.identity().siteName().ja());
    words.add(tone.identity().attribution());
    paths.add(tone.table().shortHash());
    List<String> found = new ArrayList<>();
    for (Quad q : (Iterable<Quad>) () -> published.asDatasetGraph().find()) {
      if (q.getGraph().getURI().equals(BASE + "graph/ontology")) {
        continue;
      }
      for (Node n : List.of(q.getSubject(), q.getObject())) {
        String text =
            n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? "<" + n.getURI() + ">" : "";
        for (String w : n.isLiteral() ? words : paths) {
          if (text.contains(w)) {
            found.add(w + " in " + q);
          }
        }
      }
    }
    assertTrue(words.size() > 40 && paths.size() > 30, "the Tone council's names are looked for");
    assertEquals(List.of(), found);
  }

  @Test
  void theServerPublishesTheFolderUnderItsOwnName() throws Exception {
    TonetServer server =
        TonetServer.create().port(0).council(Council.read(CouncilFolder.of(FOLDER))).start();
    try {
      HttpResponse<byte[]> page = Http.get("http://127.0.0.1:" + server.port() + "/");
      assertEquals(200, page.statusCode());
      String html = new String(page.body(), StandardCharsets.UTF_8);
      assertTrue(html.contains("<title>"), html);
      assertTrue(html.contains("みずなぎネット協議会の経過（例） LOD</title>"), html);
      assertTrue(html.contains("Mizunagi Net council timeline (example)"), html);
      assertTrue(html.contains("出典：みずなぎネット推進協議会「協議会の経過」（tonet-lod の架空の例）を加工して作成"), html);
      assertFalse(html.contains("とねっと"), "no word of the Tone council on its landing page");
    } finally {
      server.stop();
    }
  }

  private static long instances(Model data, Resource type) {
    return data.listSubjectsWithProperty(RDF.type, type).toList().size();
  }

  private static List<Name> names(Council council, Name.Kind kind) {
    List<Name> names = new ArrayList<>();
    for (Name n : council.lexicon().names()) {
      if (n.kind() == kind) {
        names.add(n);
      }
    }
    return names;
  }

  private static String folderOf(Name.Kind kind) {
    return switch (kind) {
      case ORGANIZATION, UNIT -> "org";
      case VENUE -> "venue";
      case SYSTEM -> "system";
      case PLAN -> "plan";
      case SERIES -> "series";
      case PERSON -> "person";
    };
  }
}
