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
