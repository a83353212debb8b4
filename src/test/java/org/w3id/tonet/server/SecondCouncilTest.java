package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
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
import org.w3id.tonet.cli.CliTest;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.council.CouncilFolder;
import org.w3id.tonet.model.Gazetteer;
import org.w3id.tonet.model.Name;
import org.w3id.tonet.rdf.TONET;

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

  @BeforeAll
  static void export() throws Exception {
    Path dumps = temp.resolve("dumps");
    CliTest.Run run =
        CliTest.run(
            "export",
            "--council",
            FOLDER.toString(),
            "--out",
            dumps.toString(),
            "--base-iri",
            BASE);
    assertEquals(0, run.exit(), run.err());
    exportOut = run.out();
    published = DatasetFactory.create();
    RDFParser.source(dumps.resolve("tonet.trig")).lang(Lang.TRIG).parse(published);
  }

  private static Model graph(String name) {
    return published.getNamedModel(BASE + "graph/" + name);
  }

  @Test
  void theFolderValidatesWithEveryRowReadAndItsExpectedOutput() {
    CliTest.Run run = CliTest.run("validate", "--council", FOLDER.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        "valid: timeline.txt: 40 entries and 6 summary counts from 43 lines, 1821 triples\n",
        run.out(),
        "every row read (no 'not read'), and the data as expected.ttl has it");
    assertTrue(exportOut.startsWith("wrote 30 files to "), exportOut);
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
    ToneWords tone = ToneWords.of(FOLDER);
    Set<String> words = tone.words();
    Set<String> paths = tone.paths();
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

  /**
   * What names the Tone council: its names, places, titles, attribution and a few words of its own,
   * none of them one the example shares (words, in literals and text), and the paths of its named
   * things and its table (in IRIs).
   */
  record ToneWords(Set<String> words, Set<String> paths) {

    static ToneWords of(Path folder) throws Exception {
      Council tone = Council.bundled();
      Council example = Council.read(CouncilFolder.of(folder));
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
      return new ToneWords(words, paths);
    }

    /** The words of the Tone council a text holds. */
    List<String> in(String text) {
      List<String> found = new ArrayList<>();
      for (String w : words) {
        if (text.contains(w)) {
          found.add(w);
        }
      }
      return found;
    }
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

  /**
   * The landing page tells the example's own story from its data (its council, when it was set up,
   * both municipalities it serves, its units, its history), and the pages' meta descriptions are
   * made from its data: not one word of the Tone council on any of them.
   */
  @Test
  void thePagesTellTheExamplesOwnStoryWithNoWordOfTheToneCouncil() throws Exception {
    ToneWords tone = ToneWords.of(FOLDER);
    TonetServer server =
        TonetServer.create().port(0).council(Council.read(CouncilFolder.of(FOLDER))).start();
    try {
      String url = "http://127.0.0.1:" + server.port() + "/";
      String landing = html(url);
      String story =
          landing.substring(landing.indexOf("id=\"story-h\""), landing.indexOf("id=\"glance-h\""));
      assertTrue(story.contains("みずなぎネット推進協議会</a>"), "the council, from the data");
      assertTrue(story.contains("<time datetime=\"2018-04-16\">2018年4月16日</time>"), "set up");
      assertTrue(
          story.contains(">坂井市</a>") && story.contains(">あわら市</a>"),
          "both municipalities it serves: " + story);
      assertTrue(story.contains(">広報部会</a>"), "a unit");
      assertTrue(story.contains("<strong>13</strong> 総会"), "its general assemblies");
      assertTrue(story.contains("地域医療連携フォーラム（みずなぎホール）"), "a symposium");
      assertTrue(story.contains("約150人"), "with its attendance");
      assertTrue(story.contains("みずなぎネットの試験稼働開始"), "a launch");
      assertTrue(story.contains("解散（案）について"), "the proposal to dissolve");
      assertEquals(List.of(), tone.in(landing), "no word of the Tone council on the page");
      for (String path :
          List.of(
              "",
              "page/org/mizunagi-council",
              "page/symposium/2020-02-22",
              "page/place/sakai",
              "sparql",
              "ontology")) {
        String meta = metaDescription(html(url + path));
        assertTrue(
            meta.codePoints().anyMatch(c -> c >= 0x3040 && c <= 0x9fff)
                && meta.matches(".*[A-Za-z]{4,} [A-Za-z]{2,}.*"),
            path + ": ja and en: " + meta);
        assertEquals(List.of(), tone.in(meta), path + ": " + meta);
      }
      assertTrue(metaDescription(landing).contains("みずなぎネット推進協議会"), "its own");
      assertTrue(
          metaDescription(html(url + "page/symposium/2020-02-22")).contains("みずなぎホール"),
          "a page's own data");
    } finally {
      server.stop();
    }
  }

  private static String html(String url) throws Exception {
    HttpResponse<byte[]> page = Http.get(url, "Accept", "text/html");
    assertEquals(200, page.statusCode(), url);
    return new String(page.body(), StandardCharsets.UTF_8);
  }

  private static String metaDescription(String html) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<meta name=\"description\" content=\"([^\"]+)\">")
            .matcher(html);
    assertTrue(m.find(), "a meta description");
    return m.group(1);
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
