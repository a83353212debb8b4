package org.w3id.tonet.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.rdf.TONET;
import org.w3id.tonet.validate.Checks;
import org.w3id.tonet.validate.Validator;
import org.w3id.tonet.validate.Violation;

/**
 * The quality the description publishes (W3C DQV) is measured from the build: counted here again,
 * independently, and shown to move when the data gets worse.
 */
class QualityTest {

  private static final String DQV = DatasetDescription.DQV;

  private static Quality.Measurement measure(Quality q, Resource metric) {
    return q.measurements().stream()
        .filter(m -> m.metric().equals(metric))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theSeedsMeasurementsAreItsOwnCounts() throws Exception {
    Build build = TestSeeds.seedBuild();
    Quality q = Quality.of(build);
    assertEquals(5, q.measurements().size());

    Quality.Measurement rows = measure(q, TONET.ContentRowsConverted);
    long contentAndSummary =
        build.timeline().rows().stream()
            .filter(
                r ->
                    r.kind() == org.w3id.tonet.model.SourceRow.Kind.CONTENT
                        || r.kind() == org.w3id.tonet.model.SourceRow.Kind.SUMMARY)
            .count();
    assertEquals(contentAndSummary, rows.of());
    assertEquals(contentAndSummary, rows.count(), "every row of the seed is converted");

    Quality.Measurement dates = measure(q, TONET.DatesToTheDay);
    assertEquals(count(build.data(), "?e a <http://schema.org/Event>"), dates.of());
    assertEquals(
        count(build.data(), "?e a <http://schema.org/Event> ; <http://schema.org/startDate> ?d"),
        dates.count());
    assertTrue(dates.count() < dates.of(), "the undated assembly and series are not dated");

    Quality.Measurement checks = measure(q, TONET.ChecksPassed);
    assertEquals(Validator.nodeShapes().size() + Checks.all().size(), checks.of());
    assertEquals(checks.of(), checks.count(), "the seed passes every shape and check");
    assertEquals(new BigDecimal("1.0"), checks.value());

    Quality.Measurement provenance = measure(q, TONET.StatementsWithProvenance);
    assertEquals(build.data().size(), provenance.of());
    assertEquals(provenance.of(), provenance.count(), "every statement traces to a source");

    Quality.Measurement english = measure(q, TONET.EnglishLabels);
    assertEquals(english.of(), english.count(), "every labelled resource has English");
  }

  @Test
  void theMeasurementsMoveWhenTheDataGetsWorse() throws Exception {
    // A row the parser cannot read (lenient mode) is not converted.
    Build lenient =
        TestSeeds.build(
            TestSeeds.table(
                "平成22年度\t7月20日\t埼玉利根保健医療圏医療連携推進協議会を設置、協議会（第1回）の開催", "\t2月30日\t第2回協議会総会の開催"),
            TimelineParser.Mode.LENIENT,
            new Iris(TestSeeds.BASE));
    Quality.Measurement rows = measure(Quality.of(lenient), TONET.ContentRowsConverted);
    assertEquals(2, rows.of());
    assertEquals(1, rows.count(), "the unread row is kept as text, not converted");
    assertEquals(new BigDecimal("0.5"), rows.value());

    // A violation of a shape counts against that shape.
    Model data = ModelFactory.createDefaultModel().add(TestSeeds.seedData());
    Resource milestone = data.getResource(TestSeeds.BASE + "id/milestone/registrants-5000");
    data.removeAll(milestone, RDFS.label, null);
    List<Violation> violations = Validator.validate(data);
    Quality.Measurement checks =
        measure(Quality.of(TestSeeds.seedBuild(), violations), TONET.ChecksPassed);
    assertTrue(checks.count() < checks.of(), checks.labelEn());
  }

  @Test
  void aBuildIsValidatedOnceAndTheQualityReportReusesIt() throws Exception {
    Build build =
        TestSeeds.build(TestSeeds.seed(), TimelineParser.Mode.STRICT, new Iris(TestSeeds.BASE));
    List<Violation> first = build.validate();
    assertTrue(first.isEmpty(), first::toString);
    // Had the report validated again, it would see the label removed after the build's
    // validation; it counts the build's one validation instead (issue 22: export validated twice).
    Resource milestone = build.data().getResource(TestSeeds.BASE + "id/milestone/registrants-5000");
    build.data().removeAll(milestone, RDFS.label, null);
    assertTrue(!Validator.validate(build.data()).isEmpty(), "the change is a violation");
    Quality.Measurement checks = measure(Quality.of(build), TONET.ChecksPassed);
    assertEquals(checks.of(), checks.count());
    Exporter.files(build, null);
    assertTrue(first == build.validate(), "validate() gives the one result it found");
  }

  @Test
  void theDescriptionPublishesEachMeasurementInDqv() throws Exception {
    Map<String, byte[]> files = Exporter.files(TestSeeds.seedBuild(), null);
    Model meta = ModelFactory.createDefaultModel();
    RDFParser.fromString(new String(files.get("void.ttl"), StandardCharsets.UTF_8))
        .lang(Lang.TURTLE)
        .parse(meta);
    Resource dataset = meta.getResource(TestSeeds.BASE + "id/dataset");
    Quality q = Quality.of(TestSeeds.seedBuild());
    for (Quality.Measurement m : q.measurements()) {
      Resource r = meta.getResource(TestSeeds.BASE + "id/dataset/quality/" + m.slug());
      assertTrue(dataset.hasProperty(meta.createProperty(DQV, "hasQualityMeasurement"), r));
      assertTrue(r.hasProperty(RDF.type, meta.createResource(DQV + "QualityMeasurement")));
      assertTrue(r.hasProperty(meta.createProperty(DQV, "computedOn"), dataset));
      assertTrue(r.hasProperty(meta.createProperty(DQV, "isMeasurementOf"), m.metric()));
      assertEquals(
          m.value(),
          new BigDecimal(r.getProperty(meta.createProperty(DQV, "value")).getString()),
          m.slug());
      assertTrue(r.hasProperty(RDFS.label, m.labelEn(), "en"));
      assertTrue(
          meta.getResource(m.metric().getURI())
              .hasProperty(RDF.type, meta.createResource(DQV + "Metric")));
    }
  }

  @Test
  void theTrigAndItsGzipCopyHaveTheirSizeAndChecksumInTheDescription() throws Exception {
    Map<String, byte[]> files = Exporter.files(TestSeeds.seedBuild(), null);
    Model meta = ModelFactory.createDefaultModel();
    RDFParser.fromString(new String(files.get("void.ttl"), StandardCharsets.UTF_8))
        .lang(Lang.TURTLE)
        .parse(meta);
    for (String name : List.of("tonet.trig", "tonet.trig.gz")) {
      Resource distribution = meta.getResource(TestSeeds.BASE + "id/distribution/" + name);
      assertEquals(files.get(name).length, distribution.getProperty(DCAT.byteSize).getLong(), name);
      Resource checksum =
          distribution.getPropertyResourceValue(
              meta.createProperty("http://spdx.org/rdf/terms#checksum"));
      assertEquals(
          Exporter.sha256(files.get(name)),
          checksum
              .getProperty(meta.createProperty("http://spdx.org/rdf/terms#checksumValue"))
              .getString(),
          name);
    }
  }

  private static long count(Model data, String pattern) {
    String q = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { " + pattern + " }";
    try (QueryExecution exec = QueryExecution.model(data).query(q).build()) {
      return exec.execSelect().next().getLiteral("n").getLong();
    }
  }
}
