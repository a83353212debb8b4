package org.w3id.tonet.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.publish.Exporter;
import org.w3id.tonet.validate.Validator;
import org.w3id.tonet.validate.Violation;

/**
 * The places of the Tone area: ours, each with its standard area code (tonet:areaCode: the plain
 * code on the place, the dated codes on the period they are valid in) and, where sourced, a
 * Wikidata item as a close match, with their history as data, the venues placed in them, and the
 * council's area stated.
 */
class RegionalLinksTest {

  private static final String BASE = TestSeeds.BASE;
  private static final String SAC = "http://data.e-stat.go.jp/lod/sac/";

  private static Model data() throws Exception {
    return TestSeeds.seedData();
  }

  private static Resource place(Model data, String slug) {
    return data.getResource(BASE + "id/place/" + slug);
  }

  @ParameterizedTest(name = "{1} ({0}) is id/place/{2}, whose code is sac:C{0}")
  @CsvSource({
    "11206, 行田市, gyoda",
    "11210, 加須市, kazo",
    "11216, 羽生市, hanyu",
    "11232, 久喜市, kuki",
    "11238, 蓮田市, hasuda",
    "11240, 幸手市, satte",
    "11246, 白岡市, shiraoka",
    "11442, 宮代町, miyashiro",
    "11464, 杉戸町, sugito",
    "11000, 埼玉県, saitama-prefecture"
  })
  void everyPlaceIsOursWithItsPlainCode(String code, String name, String slug) throws Exception {
    Model data = data();
    Resource r = place(data, slug);
    assertTrue(r.hasProperty(org.apache.jena.vocabulary.RDFS.label, name, "ja"), name);
    assertEquals(Set.of(SAC + "C" + code), areaCodes(r), "the plain code of today, and no other");
    assertFalse(
        r.listProperties(SKOS.closeMatch).toList().stream()
            .anyMatch(s -> s.getResource().getURI().startsWith(SAC)),
        "a code is not a close match: the place would be a skos:Concept");
    assertTrue(r.hasProperty(DCTerms.identifier, code), "dcterms:identifier");
    assertTrue(r.hasProperty(RDF.type, SCHEMA.Place), "a schema:Place, stated");
    assertTrue(
        r.hasProperty(SCHEMA.containedInPlace, place(data, "saitama-prefecture"))
            || slug.equals("saitama-prefecture"),
        "in Saitama Prefecture");
  }

  @Test
  void nothingIsOwlSameAs() throws Exception {
    assertFalse(data().contains(null, OWL.sameAs, (RDFNode) null), "a code is not a town");
  }

  @Test
  void thePrefectureAndTheNineMunicipalitiesHaveTheirSourcedWikidataItems() throws Exception {
    Model data = data();
    List<String> links = new ArrayList<>();
    data.listStatements(null, SKOS.closeMatch, (RDFNode) null)
        .forEachRemaining(
            s -> {
              if (s.getResource().getURI().startsWith("http://www.wikidata.org/")) {
                links.add(s.getSubject().getURI() + " " + s.getResource().getURI());
                // The place cites a source that gives the item, the record of GeoNames.jp or
                // Wikidata's own page, whose address names the place or the item.
                String item = s.getResource().getURI().substring(31);
                assertTrue(
                    s.getSubject().listProperties(DCTerms.source).toList().stream()
                        .map(c -> c.getResource().getURI())
                        .anyMatch(
                            iri ->
                                iri.startsWith("https://github.com/indigo-lab/geonamesjp/")
                                    || iri.endsWith("/" + item)),
                    s.getSubject() + " cites no source of " + item);
              }
            });
    // The items GeoNames.jp gives beside each place's standard area codes (gazetteer.tsv S11-S20).
    List<String> expected = new ArrayList<>();
    for (String[] pair :
        new String[][] {
          {"gyoda", "Q860659"},
          {"hanyu", "Q847565"},
          {"hasuda", "Q857256"},
          {"kazo", "Q851680"},
          {"kuki", "Q47535"},
          {"miyashiro", "Q155317"},
          {"saitama-prefecture", "Q128186"},
          {"satte", "Q868971"},
          {"shiraoka", "Q1345322"},
          {"sugito", "Q1345351"}
        }) {
      expected.add(BASE + "id/place/" + pair[0] + " http://www.wikidata.org/entity/" + pair[1]);
    }
    links.sort(null);
    assertEquals(expected, links);
    assertFalse(
        data.contains(
            data.getResource(BASE + "id/place/tone-healthcare-area"),
            SKOS.closeMatch,
            (RDFNode) null),
        "no item is claimed for the healthcare area: none is sourced");
  }

  @Test
  void datedCodesAreOnTheirPeriodOnly() throws Exception {
    Model data = data();
    assertEquals(Set.of(SAC + "C11210-20100323"), areaCodes(status(data, "kazo", "city-2010")));
    // 白岡市 has its own code; 白岡町's code C11445 is on the town's period, not on the city.
    assertEquals(Set.of(SAC + "C11246"), areaCodes(place(data, "shiraoka")));
    assertEquals(Set.of(SAC + "C11445-19990901"), areaCodes(status(data, "shiraoka", "town-1954")));
    assertEquals(Set.of(SAC + "C11246-20121001"), areaCodes(status(data, "shiraoka", "city-2012")));
    assertEquals(
        Set.of(SAC + "C11238-19721001", SAC + "C11238-20110104"),
        areaCodes(status(data, "hasuda", "city")));
    assertFalse(
        data.listSubjectsWithProperty(RDF.type, TONET.MunicipalStatus).toList().stream()
            .anyMatch(s -> s.hasProperty(SKOS.closeMatch)),
        "a period is not a skos:Concept");
  }

  @Test
  void noClassIsMatchedToAnIndividual() throws Exception {
    Model ontology = Ontology.ontology();
    assertFalse(
        ontology.contains(TONET.Prefecture, SKOS.closeMatch, (RDFNode) null),
        "tonet:Prefecture is a class, sacs:Prefecture an individual");
  }

  private static Resource status(Model data, String place, String slug) {
    return data.getResource(BASE + "id/place/" + place + "/status/" + slug);
  }

  private static Set<String> areaCodes(Resource r) {
    Set<String> found = new TreeSet<>();
    r.listProperties(TONET.areaCode).forEachRemaining(s -> found.add(s.getResource().getURI()));
    return found;
  }

  @ParameterizedTest(name = "{0} was re-formed by a merger on 2010-03-23")
  @CsvSource({"kazo, 11210", "kuki, 11232"})
  void kazoAndKukiWereReformedByMergers(String slug, String code) throws Exception {
    Model data = data();
    Resource status = data.getResource(BASE + "id/place/" + slug + "/status/city-2010");
    assertTrue(place(data, slug).hasProperty(TONET.municipalStatus, status));
    assertTrue(status.hasProperty(TONET.formedBy, TONET.Merger));
    assertTrue(status.hasProperty(TONET.municipalityKind, TONET.City));
    assertEquals("2010-03-23", day(status, TIME.hasBeginning));
    assertFalse(status.hasProperty(TIME.hasEnd), "still in force");
    assertTrue(
        status.hasProperty(TONET.areaCode, data.getResource(SAC + "C" + code + "-20100323")));
  }

  @Test
  void shiraokaWasATownUntil2012() throws Exception {
    Model data = data();
    // What 白岡 was on a day, asked the way a consumer would: by the periods' bounds.
    assertEquals(List.of("白岡町", "tonet:Town"), statusOn(data, "2012-09-30"));
    assertEquals(List.of("白岡市", "tonet:City"), statusOn(data, "2012-10-01"));
    assertEquals(List.of("白岡町", "tonet:Town"), statusOn(data, "2010-07-20"));
    Resource town = data.getResource(BASE + "id/place/shiraoka/status/town-1954");
    assertEquals("2012-09-30", day(town, TIME.hasEnd));
    assertTrue(
        data.getResource(BASE + "id/place/shiraoka/status/city-2012")
            .hasProperty(TONET.formedBy, TONET.CityStatusGranted));
  }

  private static List<String> statusOn(Model data, String day) {
    String q =
        """
        PREFIX tonet: <https://w3id.org/tonet/ontology#>
        PREFIX time:  <http://www.w3.org/2006/time#>
        PREFIX rdfs:  <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX xsd:   <http://www.w3.org/2001/XMLSchema#>
        SELECT ?name ?kind WHERE {
          ?place tonet:municipalStatus ?s ; rdfs:label "白岡市"@ja .
          ?s rdfs:label ?name ; tonet:municipalityKind ?kind .
          FILTER (lang(?name) = "ja")
          OPTIONAL { ?s time:hasBeginning/time:inXSDDate ?from }
          OPTIONAL { ?s time:hasEnd/time:inXSDDate ?to }
          FILTER ((!BOUND(?from) || ?from <= ?day) && (!BOUND(?to) || ?day <= ?to))
        }"""
            .replace("?day", "\"" + day + "\"^^xsd:date");
    List<String> rows = new ArrayList<>();
    try (QueryExecution exec = QueryExecution.model(data).query(q).build()) {
      exec.execSelect()
          .forEachRemaining(
              (QuerySolution s) -> {
                rows.add(s.getLiteral("name").getString());
                rows.add("tonet:" + s.getResource("kind").getLocalName());
              });
    }
    return rows;
  }

  private static String day(Resource interval, org.apache.jena.rdf.model.Property bound) {
    return interval
        .getPropertyResourceValue(bound)
        .getProperty(TIME.inXSDDate)
        .getLiteral()
        .getLexicalForm();
  }

  @Test
  void everySymposiumVenueLiesInAMunicipalityOfTheCouncilsArea() throws Exception {
    String q =
        """
        PREFIX tonet:  <https://w3id.org/tonet/ontology#>
        PREFIX schema: <http://schema.org/>
        SELECT ?symposium WHERE {
          ?symposium a tonet:Symposium .
          FILTER NOT EXISTS {
            ?symposium schema:location/schema:containedInPlace ?m .
            ?m a tonet:Municipality .
            ?council schema:areaServed/schema:containsPlace ?m .
          }
        }""";
    try (QueryExecution exec = QueryExecution.model(data()).query(q).build()) {
      List<String> outside = new ArrayList<>();
      exec.execSelect().forEachRemaining(s -> outside.add(s.get("symposium").toString()));
      assertEquals(List.of(), outside);
    }
    Model data = data();
    assertTrue(
        data.getResource(BASE + "id/venue/pastoral-kazo")
            .hasProperty(SCHEMA.containedInPlace, place(data, "kazo")));
    assertTrue(
        data.getResource(BASE + "id/venue/nit-gakuyu-kaikan")
            .hasProperty(SCHEMA.containedInPlace, place(data, "miyashiro")));
  }

  @Test
  void theCouncilServesTheToneAreaWhichContainsTheNineMunicipalities() throws Exception {
    Model data = data();
    Resource area = place(data, "tone-healthcare-area");
    assertTrue(
        data.getResource(BASE + "id/org/council").hasProperty(SCHEMA.areaServed, area),
        "schema:areaServed");
    assertTrue(area.hasProperty(RDF.type, TONET.HealthcareArea));
    assertTrue(area.hasProperty(org.apache.jena.vocabulary.RDFS.label, "利根保健医療圏", "ja"));
    assertEquals(9, area.listProperties(SCHEMA.containsPlace).toList().size());
    area.listProperties(SCHEMA.containsPlace)
        .forEachRemaining(
            s ->
                assertTrue(
                    s.getResource().hasProperty(SCHEMA.containedInPlace, area),
                    "both directions stated: " + s.getResource()));
  }

  @Test
  void placesComeFromTheGazetteerWhichCitesItsSources() throws Exception {
    Model data = data();
    Resource gazetteer = data.getResource(BASE + "id/source/gazetteer");
    assertTrue(gazetteer.hasProperty(RDF.type, TONET.Gazetteer));
    assertTrue(
        gazetteer.hasProperty(RDF.type, data.getResource(PROV.NS + "Entity")), "a prov:Entity");
    Set<RDFNode> cited = new java.util.HashSet<>();
    gazetteer.listProperties(DCTerms.source).forEachRemaining(s -> cited.add(s.getObject()));
    for (Resource type : List.of(TONET.Municipality, TONET.Prefecture, TONET.MunicipalStatus)) {
      for (Resource r : data.listSubjectsWithProperty(RDF.type, type).toList()) {
        assertTrue(
            r.listProperties(PROV.wasInfluencedBy).toList().stream()
                .map(s -> s.getResource())
                .anyMatch(
                    row ->
                        row.hasProperty(RDF.type, TONET.GazetteerRow)
                            && row.hasProperty(DCTerms.isPartOf, gazetteer)),
            r + " names its gazetteer row");
        assertFalse(r.listProperties(DCTerms.source).toList().isEmpty(), r + " cites sources");
        r.listProperties(DCTerms.source)
            .forEachRemaining(
                s -> assertTrue(cited.contains(s.getObject()), "listed by the gazetteer: " + s));
      }
    }
  }

  @Test
  void gazetteerRowsHaveIdentifiersOfTheirOwnWithTheirLineAndText() throws Exception {
    Model data = data();
    Resource row = data.getResource(BASE + "id/source/gazetteer/status/shiraoka/town-1954");
    assertTrue(row.hasProperty(RDF.type, TONET.GazetteerRow));
    String text = row.getProperty(TONET.sourceText).getString();
    assertTrue(text.startsWith("status\tshiraoka\ttown-1954\t白岡町"), text);
    int line = row.getProperty(TONET.lineNumber).getInt();
    String[] table =
        java.nio.file.Files.readString(java.nio.file.Path.of("seeds", "gazetteer.tsv")).split("\n");
    assertEquals(text, table[line - 1], "the row's line and text agree with the table");
    // The days of a period come from its row, and the venue's municipality from the venue's row.
    assertTrue(
        data.getResource(BASE + "id/date/2012-09-30").hasProperty(PROV.wasInfluencedBy, row));
    assertTrue(
        data.getResource(BASE + "id/venue/pastoral-kazo")
            .hasProperty(
                PROV.wasInfluencedBy,
                data.getResource(BASE + "id/source/gazetteer/venue/pastoral-kazo")));
  }

  @Test
  void theDatasetDescriptionStatesTheAreaAndTheLinksets() throws Exception {
    Model meta = Exporter.publication(TestSeeds.seedBuild(), null).meta();
    Resource dataset = meta.getResource(BASE + "id/dataset");
    Resource area = meta.getResource(BASE + "id/place/tone-healthcare-area");
    assertTrue(dataset.hasProperty(DCTerms.spatial, area));
    assertTrue(area.hasProperty(RDF.type, DCTerms.Location));
    assertTrue(dataset.hasProperty(DCTerms.source, meta.getResource(BASE + "id/source/gazetteer")));
    Resource sac = meta.getResource(BASE + "id/dataset/linkset/standard-area-codes");
    assertTrue(dataset.hasProperty(org.apache.jena.vocabulary.VOID.subset, sac));
    assertEquals(
        countLinks(TestSeeds.seedData(), TONET.areaCode, SAC),
        sac.getProperty(org.apache.jena.vocabulary.VOID.triples).getLong());
    assertTrue(sac.hasProperty(org.apache.jena.vocabulary.VOID.linkPredicate, TONET.areaCode));
    Resource wikidata = meta.getResource(BASE + "id/dataset/linkset/wikidata");
    assertTrue(
        wikidata.hasProperty(org.apache.jena.vocabulary.VOID.linkPredicate, SKOS.closeMatch));
    assertEquals(10, wikidata.getProperty(org.apache.jena.vocabulary.VOID.triples).getLong());
  }

  private static long countLinks(Model data, org.apache.jena.rdf.model.Property p, String prefix) {
    return data.listStatements(null, p, (RDFNode) null)
        .filterKeep(s -> s.getResource().getURI().startsWith(prefix))
        .toList()
        .size();
  }

  // ---- the shapes hold the contract ------------------------------------------------------------

  private static Model copy() throws Exception {
    return ModelFactory.createDefaultModel().add(data());
  }

  private static void assertCaught(Model broken, String focus, String messagePart) {
    List<Violation> violations = Validator.shacl(broken);
    assertTrue(
        violations.stream()
            .anyMatch(v -> v.focus().equals(focus) && v.toString().contains(messagePart)),
        violations::toString);
  }

  @Test
  void anOwlSameAsToACodeIsCaught() throws Exception {
    Model data = copy();
    Resource kazo = place(data, "kazo");
    kazo.addProperty(OWL.sameAs, data.getResource(SAC + "C11210"));
    assertCaught(data, kazo.getURI(), "never owl:sameAs");
  }

  @Test
  void aCodeAsACloseMatchIsCaught() throws Exception {
    Model data = copy();
    Resource kazo = place(data, "kazo");
    kazo.addProperty(SKOS.closeMatch, data.getResource(SAC + "C11210"));
    assertCaught(data, kazo.getURI(), "Wikidata item only");
  }

  @Test
  void aDatedCodeOnAPlaceIsCaught() throws Exception {
    Model data = copy();
    Resource kazo = place(data, "kazo");
    kazo.addProperty(TONET.areaCode, data.getResource(SAC + "C11210-20100323"));
    assertCaught(data, kazo.getURI(), "dated codes belong to its municipal statuses");
  }

  @Test
  void aVenueWithoutItsMunicipalityIsCaught() throws Exception {
    Model data = copy();
    Resource venue = data.getResource(BASE + "id/venue/hasuda-hastopia");
    venue.removeAll(SCHEMA.containedInPlace);
    assertCaught(data, venue.getURI(), "placed in its municipality");
  }

  @Test
  void overlappingStatusesAreCaught() throws Exception {
    Model data = copy();
    Resource town = data.getResource(BASE + "id/place/shiraoka/status/town-1954");
    town.removeAll(TIME.hasEnd);
    town.addProperty(TIME.hasEnd, data.getResource(BASE + "id/date/2013-03-31"));
    data.getResource(BASE + "id/date/2013-03-31")
        .addProperty(RDF.type, TIME.Instant)
        .addLiteral(
            TIME.inXSDDate,
            data.createTypedLiteral(
                "2013-03-31", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate));
    assertCaught(data, town.getURI(), "overlap");
  }

  @Test
  void aMunicipalityWithTwoCurrentStatusesIsCaught() throws Exception {
    Model data = copy();
    data.getResource(BASE + "id/place/shiraoka/status/town-1954").removeAll(TIME.hasEnd);
    assertCaught(data, BASE + "id/place/shiraoka", "two statuses still in force");
  }

  @Test
  void aPlaceNotFromTheGazetteerIsCaught() throws Exception {
    Model data = copy();
    Resource hanyu = place(data, "hanyu");
    hanyu.removeAll(PROV.wasInfluencedBy);
    assertCaught(data, hanyu.getURI(), "made from the gazetteer");
  }
}
