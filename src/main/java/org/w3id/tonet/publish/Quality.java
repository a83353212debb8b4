package org.w3id.tonet.publish;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.tonet.model.SourceRow;
import org.w3id.tonet.rdf.PROV;
import org.w3id.tonet.rdf.SCHEMA;
import org.w3id.tonet.rdf.TONET;
import org.w3id.tonet.validate.Checks;
import org.w3id.tonet.validate.Validator;
import org.w3id.tonet.validate.Violation;

/**
 * The data-quality measurements of a build, counted from its data graph and its validation, for the
 * dataset description (W3C DQV) and the landing page. Each is a share (0 to 1) of things counted,
 * with both counts kept, so a reader sees "87 of 87" as well as 1.0.
 *
 * <pre>
 * Quality q = Quality.of(build);
 * q.measurements().get(0).value(); // 1.0000 (content rows converted)
 * </pre>
 *
 * <p>The metrics are defined in the ontology (tonet:ContentRowsConverted …); the numbers come from
 * the build, never from a file.
 *
 * @param measurements one per metric, in a fixed order
 */
public record Quality(List<Measurement> measurements) {

  public Quality {
    measurements = List.copyOf(measurements);
  }

  /**
   * One measurement.
   *
   * @param metric the tonet metric (a dqv:Metric of the ontology)
   * @param slug the readable part of the measurement's IRI
   * @param count how many passed
   * @param of how many there are
   * @param whatJa what is counted, in Japanese (内容の行)
   * @param whatEn what is counted, in English (content rows)
   */
  public record Measurement(
      Resource metric, String slug, long count, long of, String whatJa, String whatEn) {

    /**
     * The share, to at most four decimal places, in xsd:decimal's canonical form (1.0, 0.5, 0.8837)
     * so a store that keeps decimals by value gives back the same literal; 1.0 when there is
     * nothing to count.
     */
    public BigDecimal value() {
      BigDecimal share =
          of == 0
              ? BigDecimal.ONE
              : BigDecimal.valueOf(count)
                  .divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_EVEN)
                  .stripTrailingZeros();
      return share.scale() < 1 ? share.setScale(1) : share;
    }

    /** 87 / 87 内容の行. */
    public String labelJa() {
      return whatJa + " " + count + " / " + of;
    }

    /** 87 of 87 content rows. */
    public String labelEn() {
      return count + " of " + of + " " + whatEn;
    }
  }

  /** Measures a build: its data graph, and its validation (run once per build, and kept). */
  public static Quality of(Build build) {
    return of(build, build.validate());
  }

  /** Measures a build whose violations are already known. */
  public static Quality of(Build build, List<Violation> violations) {
    Model data = build.data();
    return new Quality(
        List.of(
            contentRows(build, data),
            datesToTheDay(data),
            englishLabels(data),
            statementsWithProvenance(data),
            checksPassed(violations)));
  }

  private static Measurement contentRows(Build build, Model data) {
    String hash = build.timeline().source().shortHash();
    long all = 0;
    long converted = 0;
    for (SourceRow row : build.timeline().rows()) {
      if (row.kind() != SourceRow.Kind.CONTENT && row.kind() != SourceRow.Kind.SUMMARY) {
        continue;
      }
      all++;
      Resource r = data.getResource(build.iris().sourceRow(hash, row.line()));
      boolean made =
          data.listSubjectsWithProperty(PROV.wasInfluencedBy, r).toList().stream()
              .anyMatch(s -> !s.hasProperty(RDF.type, TONET.UnreadRow));
      if (made) {
        converted++;
      }
    }
    return new Measurement(
        TONET.ContentRowsConverted,
        "content-rows-converted",
        converted,
        all,
        "変換できた内容・集計の行",
        "content and summary rows converted");
  }

  private static Measurement datesToTheDay(Model data) {
    List<Resource> events = data.listSubjectsWithProperty(RDF.type, SCHEMA.Event).toList();
    long dated = events.stream().filter(e -> e.hasProperty(SCHEMA.startDate)).count();
    return new Measurement(
        TONET.DatesToTheDay,
        "dates-to-the-day",
        dated,
        events.size(),
        "日まで分かる出来事",
        "events dated to the day");
  }

  private static Measurement englishLabels(Model data) {
    List<Resource> labelled = data.listSubjectsWithProperty(RDFS.label).toList();
    long english =
        labelled.stream()
            .filter(
                r ->
                    r.listProperties(RDFS.label).toList().stream()
                        .anyMatch(s -> s.getLanguage().equals("en")))
            .count();
    return new Measurement(
        TONET.EnglishLabels,
        "english-labels",
        english,
        labelled.size(),
        "英語のラベルを持つ資源",
        "labelled resources with an English label");
  }

  private static Measurement statementsWithProvenance(Model data) {
    Set<Resource> traced = new HashSet<>();
    data.listSubjectsWithProperty(PROV.wasInfluencedBy).forEachRemaining(traced::add);
    for (Resource source : List.of(TONET.SourceRow, TONET.SourceDocument, TONET.Rule)) {
      data.listSubjectsWithProperty(RDF.type, source).forEachRemaining(traced::add);
    }
    long with = 0;
    for (Statement s : data.listStatements(null, null, (RDFNode) null).toList()) {
      if (traced.contains(s.getSubject())) {
        with++;
      }
    }
    return new Measurement(
        TONET.StatementsWithProvenance,
        "statements-with-provenance",
        with,
        data.size(),
        "出典をたどれる記述",
        "statements with provenance");
  }

  private static Measurement checksPassed(List<Violation> violations) {
    List<String> shapes = Validator.nodeShapes();
    long checks = Checks.all().size();
    Set<String> failed = new HashSet<>();
    for (Violation v : violations) {
      failed.add(v.check());
    }
    long all = shapes.size() + checks;
    // A fault the report cannot tie to a named shape still counts against one.
    long passed = Math.max(0, all - failed.size());
    return new Measurement(
        TONET.ChecksPassed, "checks-passed", passed, all, "通った形状と検査", "shapes and checks passed");
  }
}
