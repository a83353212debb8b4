package org.w3id.tonet.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.DCAT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.rdf.TONET;

class ExportTest {

  @TempDir Path temp;

  private static Map<String, byte[]> files() throws Exception {
    return Exporter.files(TestSeeds.seedBuild(), null);
  }

  @Test
  void twoRunsGiveByteIdenticalDumps() throws Exception {
    Build again =
        TestSeeds.build(TestSeeds.seed(), TimelineParser.Mode.STRICT, new Iris(TestSeeds.BASE));
    Map<String, byte[]> first = files();
    Map<String, byte[]> second = Exporter.files(again, null);
    assertEquals(first.keySet(), second.keySet());
    for (String name : first.keySet()) {
      assertArrayEquals(first.get(name), second.get(name), name + " differs between runs");
    }
  }

  @ParameterizedTest(name = "{0} holds exactly the data graph")
  @CsvSource({
    "tonet.ttl, TURTLE",
    "tonet.nt, NTRIPLES",
    "tonet.jsonld, JSONLD",
    "tonet.rdf, RDFXML"
  })
  void everyFormatParsesBackToTheSameGraph(String file, String lang) throws Exception {
    Model parsed = parse(files().get(file), lang(lang));
    Model data = TestSeeds.seedData();
    assertTrue(
        parsed.isIsomorphicWith(data),
        () ->
            file + " differs: " + parsed.size() + " triples parsed, " + data.size() + " expected");
  }

  @Test
  void gzipCopiesHoldTheSameBytes() throws Exception {
    Map<String, byte[]> files = files();
    for (Dump dump : Dump.values()) {
      if (files.containsKey(dump.gzipName())) {
        try (InputStream in =
            new GZIPInputStream(new ByteArrayInputStream(files.get(dump.gzipName())))) {
          assertArrayEquals(files.get(dump.fileName()), in.readAllBytes(), dump.gzipName());
        }
      }
    }
    assertTrue(files.containsKey("tonet.trig.gz"));
  }

  @Test
  void trigHoldsTheThreeNamedGraphs() throws Exception {
    Dataset dataset = DatasetFactory.create();
    RDFParser.source(new ByteArrayInputStream(files().get("tonet.trig")))
        .lang(Lang.TRIG)
        .parse(dataset);
    Set<String> names = new TreeSet<>();
    dataset.listNames().forEachRemaining(names::add);
    String base = TestSeeds.BASE;
    assertEquals(Set.of(base + "graph/data", base + "graph/meta", base + "graph/ontology"), names);
    assertTrue(dataset.getNamedModel(base + "graph/data").isIsomorphicWith(TestSeeds.seedData()));
    // Its description graph is void.ttl's less what the description of tonet.trig says it lacks.
    Model meta = parse(files().get("void.ttl"), Lang.TURTLE);
    Model inside = dataset.getNamedModel(base + "graph/meta");
    assertEquals(Dump.TRIG_LACKS, meta.size() - inside.size());
    assertTrue(meta.containsAll(inside), "nothing else differs");
  }

  @Test
  void jsonLdUsesACompactContext() throws Exception {
    String json = new String(files().get("tonet.jsonld"), StandardCharsets.UTF_8);
    assertTrue(json.startsWith("{\n  \"@context\": {"));
    assertTrue(json.contains("\"schema\": \"http://schema.org/\""));
    assertTrue(
        json.contains(
            "\"schema:startDate\": {\"@value\": \"2010-07-20\", \"@type\": \"xsd:date\"}"));
    String context = new String(files().get("context.jsonld"), StandardCharsets.UTF_8);
    assertTrue(context.contains("\"tonet\": \"https://w3id.org/tonet/ontology#\""));
  }

  @Test
  void markupAppearsOnlyInSourceText() throws Exception {
    String turtle = new String(files().get("tonet.ttl"), StandardCharsets.UTF_8);
    for (String line : turtle.split("\n")) {
      if (line.contains("<ul")) {
        assertTrue(line.contains("tonet:sourceText"), line);
      }
    }
  }

  @Test
  void exportWritesEveryFileAndCorrectChecksums() throws Exception {
    Path out = temp.resolve("dist");
    List<Path> written = Exporter.export(TestSeeds.seedBuild(), out, null);
    assertEquals(out.resolve("SHA256SUMS"), written.get(written.size() - 1), "SHA256SUMS last");
    Set<String> expected =
        new TreeSet<>(
            List.of(
                "tonet.ttl",
                "tonet.nt",
                "tonet.jsonld",
                "tonet.rdf",
                "tonet-ontology.ttl",
                "tonet.trig",
                "context.jsonld",
                "tonet.ttl.gz",
                "tonet.nt.gz",
                "tonet.jsonld.gz",
                "tonet.rdf.gz",
                "tonet-ontology.ttl.gz",
                "tonet.trig.gz",
                "void.ttl",
                "SHA256SUMS",
                "csv-metadata.json",
                "event-list.csv",
                "tonet-imi.jsonld"));
    for (String kind :
        List.of(
            "assemblies", "symposia", "milestones", "organizations", "places", "agenda-items")) {
      expected.add("tonet-" + kind + ".csv");
      expected.add("tonet-" + kind + ".excel.csv");
    }
    assertEquals(expected, listing(out));
    for (String line : Files.readAllLines(out.resolve("SHA256SUMS"))) {
      String[] parts = line.split("  ", 2);
      assertEquals(parts[0], Exporter.sha256(Files.readAllBytes(out.resolve(parts[1]))), parts[1]);
    }
    assertEquals(expected.size() - 1, Files.readAllLines(out.resolve("SHA256SUMS")).size());
  }

  @Test
  void theOpenDataViewsAreDistributionsWithTheirMediaTypeSizeAndChecksum() throws Exception {
    Path out = temp.resolve("views");
    Exporter.export(TestSeeds.seedBuild(), out, null);
    org.apache.jena.rdf.model.Model meta =
        org.apache.jena.riot.RDFDataMgr.loadModel(out.resolve("void.ttl").toString());
    String base = TestSeeds.seedBuild().iris().base();
    List<String> views = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.list(out)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".csv") || n.equals("csv-metadata.json"))
          .forEach(views::add);
    }
    assertEquals(14, views.size(), views.toString());
    for (String name : views) {
      org.apache.jena.rdf.model.Resource d = meta.getResource(base + "id/distribution/" + name);
      assertTrue(meta.contains(meta.getResource(base + "id/dataset"), DCAT.distribution, d), name);
      assertEquals(
          base + "downloads/" + name, d.getPropertyResourceValue(DCAT.downloadURL).getURI());
      assertEquals(
          "http://www.iana.org/assignments/media-types/"
              + (name.endsWith(".csv") ? "text/csv" : "application/csvm+json"),
          d.getPropertyResourceValue(DCAT.mediaType).getURI(),
          name);
      assertEquals(Files.size(out.resolve(name)), d.getProperty(DCAT.byteSize).getLong(), name);
    }
    assertEquals(
        "https://www.w3.org/TR/tabular-metadata/",
        meta.getResource(base + "id/distribution/csv-metadata.json")
            .getPropertyResourceValue(org.apache.jena.vocabulary.DCTerms.conformsTo)
            .getURI());
  }

  @Test
  void exportLeavesOtherFilesAloneAndNoStagingBehind() throws Exception {
    Path out = Files.createDirectories(temp.resolve("dist"));
    Files.writeString(out.resolve("README.txt"), "mine");
    Files.writeString(out.resolve("tonet.ttl"), "old dump");
    Exporter.export(TestSeeds.seedBuild(), out, null);
    assertEquals("mine", Files.readString(out.resolve("README.txt")));
    assertFalse(Files.readString(out.resolve("tonet.ttl")).equals("old dump"));
    try (Stream<Path> s = Files.list(out)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".tonet-export-")));
    }
  }

  @Test
  void aFolderInTheWayStopsTheExportBeforeAnythingChanges() throws Exception {
    Path out = Files.createDirectories(temp.resolve("dist"));
    Files.writeString(out.resolve("tonet.ttl"), "old dump");
    Files.createDirectories(out.resolve("SHA256SUMS").resolve("mine"));
    IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class, () -> Exporter.export(TestSeeds.seedBuild(), out, null));
    assertTrue(e.getMessage().contains("SHA256SUMS"), e.getMessage());
    assertEquals("old dump", Files.readString(out.resolve("tonet.ttl")));
    assertTrue(Files.isDirectory(out.resolve("SHA256SUMS").resolve("mine")));
    assertEquals(Set.of("tonet.ttl", "SHA256SUMS"), listing(out));
  }

  @Test
  void aCompressedCopysDescriptionSaysSoAfterWhatItHolds() {
    assertEquals(
        "the data graph in Turtle, gzip-compressed",
        DatasetDescription.description(Dump.TURTLE, true));
    assertEquals(
        "every graph (data, ontology, description) in TriG, gzip-compressed; its description graph"
            + " has 10 statements fewer than void.ttl and the endpoint's graph/meta: the size and"
            + " checksum of this file and of its gzip copy, which no file can hold of itself",
        DatasetDescription.description(Dump.TRIG, true));
  }

  @Test
  void theDescriptionConformsToDcatAp3() throws Exception {
    Model meta = parse(files().get("void.ttl"), Lang.TURTLE);
    ValidationReport report = dcatAp3(meta);
    assertTrue(report.conforms(), () -> reportText(report));
  }

  private static ValidationReport dcatAp3(Model meta) throws IOException {
    Model shapesModel = ModelFactory.createDefaultModel();
    try (InputStream in =
        ExportTest.class.getResourceAsStream("/conformance/dcat-ap-3.0.0-SHACL.ttl")) {
      assertNotNull(in);
      RDFParser.source(in).lang(Lang.TURTLE).parse(shapesModel);
    }
    return ShaclValidator.get().validate(Shapes.parse(shapesModel.getGraph()), meta.getGraph());
  }

  @Test
  void aHarvesterFindsOneDatasetWithItsPublisherAndContact() throws Exception {
    Model meta = parse(files().get("void.ttl"), Lang.TURTLE);
    // As CKAN's ckanext-dcat RDFParser finds datasets: every subject typed dcat:Dataset as
    // written, without inference. The two source tables made two more, empty, before.
    List<String> datasets =
        meta.listSubjectsWithProperty(
                org.apache.jena.vocabulary.RDF.type, org.apache.jena.vocabulary.DCAT.Dataset)
            .mapWith(r -> r.getURI())
            .toList();
    String base = TestSeeds.seedBuild().iris().base();
    assertEquals(List.of(base + "id/dataset"), datasets);
    org.apache.jena.rdf.model.Resource dataset = meta.getResource(base + "id/dataset");
    org.apache.jena.rdf.model.Resource publisher =
        dataset.getPropertyResourceValue(org.apache.jena.vocabulary.DCTerms.publisher);
    assertEquals(base + "id/publisher", publisher.getURI(), "the default publisher");
    assertEquals(
        java.net.URI.create(base).getAuthority(),
        publisher.getProperty(org.apache.jena.sparql.vocabulary.FOAF.name).getString(),
        "named after the host of the base IRI");
    org.apache.jena.rdf.model.Resource contact =
        dataset.getPropertyResourceValue(org.apache.jena.vocabulary.DCAT.contactPoint);
    assertEquals(
        base,
        contact
            .getPropertyResourceValue(meta.createProperty(DatasetDescription.VCARD, "hasURL"))
            .getURI(),
        "the landing page by default");
    // The sources are still datasets to whoever reads classes (DCAT-AP's range of
    // dcterms:source), through the class the description states.
    for (org.apache.jena.rdf.model.RDFNode source :
        meta.listObjectsOfProperty(dataset, org.apache.jena.vocabulary.DCTerms.source).toList()) {
      assertTrue(
          source
              .asResource()
              .hasProperty(org.apache.jena.vocabulary.RDF.type, TONET.SourceDocument),
          source.toString());
    }
    assertTrue(
        meta.contains(
            TONET.SourceDocument,
            org.apache.jena.vocabulary.RDFS.subClassOf,
            org.apache.jena.vocabulary.DCAT.Dataset));
  }

  @Test
  void aGivenPublisherAndContactAreStated() throws Exception {
    Model meta =
        Exporter.publication(
                TestSeeds.seedBuild(),
                null,
                new Publisher(
                    "https://city.example/org", "Example City", "mailto:lod@city.example"))
            .meta();
    String base = TestSeeds.seedBuild().iris().base();
    org.apache.jena.rdf.model.Resource dataset = meta.getResource(base + "id/dataset");
    org.apache.jena.rdf.model.Resource publisher =
        dataset.getPropertyResourceValue(org.apache.jena.vocabulary.DCTerms.publisher);
    assertEquals("https://city.example/org", publisher.getURI());
    assertEquals(
        "Example City",
        publisher.getProperty(org.apache.jena.sparql.vocabulary.FOAF.name).getString());
    org.apache.jena.rdf.model.Resource contact =
        dataset.getPropertyResourceValue(org.apache.jena.vocabulary.DCAT.contactPoint);
    assertEquals(
        "mailto:lod@city.example",
        contact
            .getPropertyResourceValue(meta.createProperty(DatasetDescription.VCARD, "hasEmail"))
            .getURI());
    ValidationReport report = dcatAp3(meta);
    assertTrue(report.conforms(), () -> reportText(report));
  }

  /**
   * One publisher model (issues 16 and 19): a part the command line gives wins; a part it leaves
   * out is the council folder's identity's; where that says nothing too, issue 16's default.
   */
  @Test
  void theFoldersPublisherAndContactAreTheDefaultsThatTheOptionsOverride() throws Exception {
    org.w3id.tonet.council.Council example =
        org.w3id.tonet.council.Council.read(
            org.w3id.tonet.council.CouncilFolder.of(Path.of("examples", "mizunagi")));
    Iris iris = new Iris("https://lod.example.org/mizunagi/");
    Build build = Build.of(example, TimelineParser.Mode.STRICT, iris);
    org.apache.jena.rdf.model.Property fn =
        ModelFactory.createDefaultModel().createProperty(DatasetDescription.VCARD, "fn");
    org.apache.jena.rdf.model.Property hasUrl =
        ModelFactory.createDefaultModel().createProperty(DatasetDescription.VCARD, "hasURL");
    org.apache.jena.rdf.model.Property hasEmail =
        ModelFactory.createDefaultModel().createProperty(DatasetDescription.VCARD, "hasEmail");

    Model folders = Exporter.publication(build, null).meta();
    org.apache.jena.rdf.model.Resource dataset = folders.getResource(iris.dataset());
    org.apache.jena.rdf.model.Resource publisher =
        dataset.getPropertyResourceValue(org.apache.jena.vocabulary.DCTerms.publisher);
    assertEquals(iris.base() + "id/publisher", publisher.getURI());
    assertEquals(
        Set.of("tonet-lod プロジェクト（例）@ja", "The tonet-lod project (example)@en"),
        names(publisher, org.apache.jena.sparql.vocabulary.FOAF.name),
        "the identity's publisher, in its languages");
    assertEquals(
        "https://w3id.org/tonet/",
        publisher
            .getPropertyResourceValue(org.apache.jena.sparql.vocabulary.FOAF.homepage)
            .getURI());
    org.apache.jena.rdf.model.Resource contact =
        dataset.getPropertyResourceValue(org.apache.jena.vocabulary.DCAT.contactPoint);
    assertEquals(
        "https://w3id.org/tonet/",
        contact.getPropertyResourceValue(hasUrl).getURI(),
        "the identity's contact, not the landing page");
    assertEquals(names(publisher, org.apache.jena.sparql.vocabulary.FOAF.name), names(contact, fn));
    ValidationReport report = dcatAp3(folders);
    assertTrue(report.conforms(), () -> reportText(report));

    Model given =
        Exporter.publication(
                build, null, new Publisher(null, "Example City", "mailto:lod@city.example"))
            .meta();
    org.apache.jena.rdf.model.Resource other =
        given
            .getResource(iris.dataset())
            .getPropertyResourceValue(org.apache.jena.vocabulary.DCTerms.publisher);
    assertEquals(iris.base() + "id/publisher", other.getURI(), "no --publisher: the default IRI");
    assertEquals(Set.of("Example City"), names(other, org.apache.jena.sparql.vocabulary.FOAF.name));
    assertFalse(
        other.hasProperty(org.apache.jena.sparql.vocabulary.FOAF.homepage),
        "the folder's page is its publisher's, not this one's");
    org.apache.jena.rdf.model.Resource givenContact =
        given
            .getResource(iris.dataset())
            .getPropertyResourceValue(org.apache.jena.vocabulary.DCAT.contactPoint);
    assertEquals(
        "mailto:lod@city.example", givenContact.getPropertyResourceValue(hasEmail).getURI());
    assertFalse(givenContact.hasProperty(hasUrl), "the folder's contact is overridden");
    ValidationReport givenReport = dcatAp3(given);
    assertTrue(givenReport.conforms(), () -> reportText(givenReport));
  }

  /** The values of a property, each as its text and language tag (text@lang, or text alone). */
  private static Set<String> names(
      org.apache.jena.rdf.model.Resource r, org.apache.jena.rdf.model.Property p) {
    Set<String> names = new TreeSet<>();
    r.listProperties(p)
        .forEachRemaining(
            s ->
                names.add(
                    s.getString() + (s.getLanguage().isEmpty() ? "" : "@" + s.getLanguage())));
    return names;
  }

  @Test
  void theDescriptionNamesEveryDumpWithItsChecksum() throws Exception {
    Map<String, byte[]> files = files();
    String meta = new String(files.get("void.ttl"), StandardCharsets.UTF_8);
    for (String name :
        List.of("tonet.ttl", "tonet.nt", "tonet.jsonld", "tonet.rdf", "tonet.ttl.gz")) {
      assertTrue(meta.contains("downloads/" + name + ">"), name);
      assertTrue(meta.contains(Exporter.sha256(files.get(name))), "checksum of " + name);
    }
    assertTrue(meta.contains("void:triples " + TestSeeds.seedData().size()));
    assertTrue(meta.contains(TestSeeds.tone().identity().attribution()));
    assertFalse(meta.contains("dcterms:license"), "no licence is claimed unless given");
  }

  @Test
  void aLicenceIsStatedWhenGiven() throws Exception {
    String meta =
        new String(
            Exporter.files(TestSeeds.seedBuild(), "https://creativecommons.org/licenses/by/4.0/")
                .get("void.ttl"),
            StandardCharsets.UTF_8);
    assertTrue(meta.contains("dcterms:license <https://creativecommons.org/licenses/by/4.0/>"));
  }

  private static String reportText(ValidationReport report) {
    StringBuilder s = new StringBuilder();
    report
        .getEntries()
        .forEach(
            e ->
                s.append(e.focusNode())
                    .append(' ')
                    .append(e.resultPath())
                    .append(' ')
                    .append(e.message())
                    .append('\n'));
    return s.toString();
  }

  private static Set<String> listing(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      Set<String> names = new TreeSet<>();
      s.forEach(p -> names.add(p.getFileName().toString()));
      return names;
    }
  }

  private static Lang lang(String name) {
    return switch (name) {
      case "TURTLE" -> Lang.TURTLE;
      case "NTRIPLES" -> Lang.NTRIPLES;
      case "JSONLD" -> Lang.JSONLD;
      default -> Lang.RDFXML;
    };
  }

  private static Model parse(byte[] bytes, Lang lang) {
    Model model = ModelFactory.createDefaultModel();
    RDFParser.source(new ByteArrayInputStream(bytes)).lang(lang).parse(model);
    return model;
  }

  static Model load(Path file) {
    return RDFDataMgr.loadModel(file.toString());
  }
}
