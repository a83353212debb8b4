package org.w3id.tonet.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.publish.Build;

/**
 * The IMI view uses only terms the IMI core vocabulary defines (src/test/resources/imi/terms.tsv,
 * with its source), each property on a thing of a class IMI gives it and with a value of its range,
 * and types a resource with an IMI class only where ontology/tonet-imi.ttl puts one of the
 * resource's tonet classes under it. Both council folders.
 */
class ImiViewTest {

  private record Term(String kind, String superclass, List<String> domains, String range) {}

  private static Map<String, Term> terms() throws Exception {
    Map<String, Term> terms = new HashMap<>();
    for (String line :
        Files.readAllLines(Path.of("src/test/resources/imi/terms.tsv"), StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.startsWith("term\t") || line.isBlank()) {
        continue;
      }
      String[] c = line.split("\t");
      terms.put(ImiView.IC + c[0], new Term(c[1], c[2], List.of(c[3].split(" ")), c[4]));
    }
    return terms;
  }

  /** A class and every superclass IMI gives it, as IRIs. */
  private static Set<String> closure(String type, Map<String, Term> terms) {
    Set<String> all = new HashSet<>();
    for (String t = type; t != null && all.add(t); ) {
      Term term = terms.get(t);
      t = term == null || term.superclass().equals("-") ? null : ImiView.IC + term.superclass();
    }
    return all;
  }

  private static Set<String> types(Resource r, Map<String, Term> terms) {
    Set<String> all = new HashSet<>();
    r.listProperties(RDF.type).forEach(s -> all.addAll(closure(s.getResource().getURI(), terms)));
    return all;
  }

  private static Build build(String folder) throws Exception {
    return TestSeeds.folderBuild(folder);
  }

  @ParameterizedTest
  @ValueSource(strings = {"seeds", "examples/mizunagi"})
  void theViewUsesOnlyImiTermsOnTheirClassesWithValuesOfTheirRange(String folder) throws Exception {
    Map<String, Term> terms = terms();
    Model view = ImiView.of(build(folder).data());
    assertTrue(view.size() > 100, "the view has " + view.size() + " triples");
    List<String> faults = new ArrayList<>();
    for (Statement s : view.listStatements().toList()) {
      String p = s.getPredicate().getURI();
      if (p.equals(RDF.type.getURI())) {
        Term t = terms.get(s.getResource().getURI());
        if (t == null || !t.kind().equals("class")) {
          faults.add("not an IMI class: " + s);
        }
        continue;
      }
      Term t = terms.get(p);
      if (t == null || !t.kind().equals("property")) {
        faults.add("not an IMI property: " + s);
        continue;
      }
      Set<String> subject = types(s.getSubject(), terms);
      if (t.domains().stream().noneMatch(d -> subject.contains(ImiView.IC + d))) {
        faults.add(p + " on a thing of " + subject + ", not of " + t.domains() + ": " + s);
      }
      RDFNode o = s.getObject();
      if (t.range().startsWith("xsd:")) {
        String datatype = "http://www.w3.org/2001/XMLSchema#" + t.range().substring(4);
        if (!o.isLiteral() || !o.asLiteral().getDatatypeURI().equals(datatype)) {
          faults.add(p + " needs a " + t.range() + ": " + s);
        }
      } else if (!o.isResource()
          || !types(o.asResource(), terms).contains(ImiView.IC + t.range())) {
        faults.add(p + " needs a " + t.range() + ": " + s);
      }
    }
    assertEquals(List.of(), faults);
  }

  @ParameterizedTest
  @ValueSource(strings = {"seeds", "examples/mizunagi"})
  void everyImiTypeFollowsTheAlignmentFile(String folder) throws Exception {
    Model alignment = RDFDataMgr.loadModel("ontology/tonet-imi.ttl");
    Build build = build(folder);
    Model view = ImiView.of(build.data());
    Set<String> kinds = new HashSet<>();
    for (String imiClass : List.of("イベント型", "組織型", "施設型", "場所型")) {
      Resource c = view.createResource(ImiView.IC + imiClass);
      for (Resource r : view.listSubjectsWithProperty(RDF.type, c).toList()) {
        boolean aligned =
            build.data().getResource(r.getURI()).listProperties(RDF.type).toList().stream()
                .anyMatch(t -> alignment.contains(t.getResource(), RDFS.subClassOf, c));
        assertTrue(aligned, r + " is " + imiClass + " with no tonet class under it in the file");
        kinds.add(imiClass);
      }
    }
    assertEquals(Set.of("イベント型", "組織型", "施設型", "場所型"), kinds);
  }

  private static final String PREFIXES =
      "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
          + "PREFIX schema: <http://schema.org/>\n"
          + "PREFIX tonet: <https://w3id.org/tonet/ontology#>\n"
          + "PREFIX ic: <"
          + ImiView.IC
          + ">\n";

  /** Each resource's values along a path, as "resource value" (an IRI, or a literal's text). */
  private static Set<String> values(Model model, String classes, String path, String language) {
    String filter =
        language == null ? "" : "FILTER (!isLiteral(?v) || lang(?v) = \"" + language + "\")";
    String query =
        PREFIXES
            + "SELECT DISTINCT ?s ?v WHERE { "
            + (classes.isEmpty() ? "" : "VALUES ?c { " + classes + " } ?s a ?c . ")
            + "?s "
            + path
            + " ?v "
            + filter
            + " }";
    Set<String> values = new HashSet<>();
    try (org.apache.jena.query.QueryExecution exec =
        org.apache.jena.query.QueryExecution.model(model).query(query).build()) {
      exec.execSelect()
          .forEachRemaining(
              row -> {
                RDFNode v = row.get("v");
                values.add(
                    row.getResource("s").getURI()
                        + " "
                        + (v.isLiteral() ? v.asLiteral().getLexicalForm() : v.toString()));
              });
    }
    return values;
  }

  @ParameterizedTest
  @ValueSource(strings = {"seeds", "examples/mizunagi"})
  void everyValueACorrespondenceReachesInTheDataTheImiPathReachesInTheView(String folder)
      throws Exception {
    Model alignment = RDFDataMgr.loadModel("ontology/tonet-imi.ttl");
    String ns = "https://w3id.org/tonet/ontology/imi#";
    Model data = build(folder).data();
    Model view = ImiView.of(data);
    List<Resource> correspondences =
        alignment
            .listSubjectsWithProperty(RDF.type, alignment.createResource(ns + "Correspondence"))
            .toList();
    assertTrue(correspondences.size() >= 9, "correspondences: " + correspondences);
    Set<String> imiProperties = new HashSet<>();
    Set<String> unused = new HashSet<>();
    Map<String, Term> terms = terms();
    for (Resource c : correspondences) {
      String classes =
          c.listProperties(alignment.createProperty(ns, "appliesTo")).toList().stream()
              .map(s -> "<" + s.getResource().getURI() + ">")
              .collect(java.util.stream.Collectors.joining(" "));
      String path = c.getProperty(alignment.createProperty(ns, "path")).getString();
      String imiPath = c.getProperty(alignment.createProperty(ns, "imiPath")).getString();
      Statement language = c.getProperty(alignment.createProperty(ns, "language"));
      Set<String> inData =
          values(data, classes, path, language == null ? null : language.getString());
      if (inData.isEmpty()) {
        unused.add(c.getLocalName());
      }
      Set<String> missing = new HashSet<>(inData);
      missing.removeAll(values(view, "", imiPath, null));
      assertEquals(Set.of(), missing, c + ": values of " + path + " not reached by " + imiPath);
      for (String step : imiPath.split("/")) {
        imiProperties.add(ImiView.IC + step.substring(3));
      }
    }
    // Every correspondence is put to the test but the end date's: no meeting of either folder
    // lasts more than a day (and ImiView gives it its start date as its ic:終了日時).
    assertEquals(Set.of("endDate"), unused, "correspondences no value of the data reaches");
    // The paths name only IMI properties, and every property of the view whose values come from
    // the data is on a path (the others are the structure of IMI's values: year, month, day, the
    // role 主催 and the code's kind).
    for (String p : imiProperties) {
      assertEquals("property", terms.get(p) == null ? null : terms.get(p).kind(), p);
    }
    Set<String> used = new HashSet<>();
    view.listStatements().forEachRemaining(s -> used.add(s.getPredicate().getURI()));
    used.remove(RDF.type.getURI());
    used.removeAll(imiProperties);
    assertEquals(
        Set.of("年", "月", "日", "役割", "種別").stream()
            .map(n -> ImiView.IC + n)
            .collect(java.util.stream.Collectors.toSet()),
        used);
  }

  @org.junit.jupiter.api.Test
  void aMunicipalityCarriesItsCodesAsImiAddressCodes() throws Exception {
    Model view = ImiView.of(build("seeds").data());
    String base = TestSeeds.seedBuild().iris().base();
    Resource address = view.getResource(base + "id/place/kazo#imi-address");
    Resource city = address.getPropertyResourceValue(view.createProperty(ImiView.IC, "市区町村コード"));
    Resource pref = address.getPropertyResourceValue(view.createProperty(ImiView.IC, "都道府県コード"));
    assertEquals("112101", city.getProperty(view.createProperty(ImiView.IC, "識別値")).getString());
    assertEquals("110001", pref.getProperty(view.createProperty(ImiView.IC, "識別値")).getString());
    assertEquals("埼玉県加須市", address.getProperty(view.createProperty(ImiView.IC, "表記")).getString());
    assertTrue(
        view.contains(
            view.getResource(base + "id/place/kazo"),
            RDF.type,
            view.createResource(ImiView.IC + "場所型")));
  }
}
