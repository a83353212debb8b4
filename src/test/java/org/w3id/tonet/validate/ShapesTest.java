package org.w3id.tonet.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.rdf.PROV;
import org.w3id.tonet.rdf.SCHEMA;
import org.w3id.tonet.rdf.TONET;

/** The shapes accept the seed's data and catch real faults, naming the source lines. */
class ShapesTest {

  private static final String BASE = TestSeeds.BASE;

  private static Model copy() throws Exception {
    return ModelFactory.createDefaultModel().add(TestSeeds.seedData());
  }

  @Test
  void theSeedConformsToEveryShapeAndCheck() throws Exception {
    List<Violation> violations = Validator.validate(TestSeeds.seedData());
    assertTrue(
        violations.isEmpty(),
        () -> String.join("\n", violations.stream().map(Object::toString).toList()));
  }

  @Test
  void aMeetingWithoutDateOrBoundsIsCaughtAtItsLine() throws Exception {
    Model data = copy();
    Resource second = data.getResource(BASE + "id/assembly/extraordinary/2");
    second.removeAll(TONET.notBefore).removeAll(TONET.notAfter);
    List<Violation> violations = Validator.shacl(data);
    assertTrue(
        violations.stream()
            .anyMatch(v -> v.focus().equals(second.getURI()) && v.lines().equals(List.of(20))),
        violations::toString);
  }

  @Test
  void anAttendanceThatIsNotAnIntegerIsCaught() throws Exception {
    Model data = copy();
    Resource symposium = data.getResource(BASE + "id/symposium/2012-03-17");
    symposium.removeAll(TONET.attendance);
    symposium.addLiteral(TONET.attendance, data.createTypedLiteral("約230"));
    List<Violation> violations = Validator.shacl(data);
    assertTrue(
        violations.stream()
            .anyMatch(
                v ->
                    v.focus().equals(symposium.getURI())
                        && v.path().equals("tonet:attendance")
                        && v.lines().equals(List.of(23))),
        violations::toString);
  }

  @Test
  void aResourceWithoutSourceRowIsCaught() throws Exception {
    Model data = copy();
    Resource venue = data.getResource(BASE + "id/venue/pastoral-kazo");
    venue.removeAll(PROV.wasInfluencedBy);
    List<Violation> violations = Validator.shacl(data);
    assertTrue(
        violations.stream()
            .anyMatch(
                v -> v.focus().equals(venue.getURI()) && v.path().equals("prov:wasInfluencedBy")),
        violations::toString);
  }

  @Test
  void aDayWithoutItsRuleIsCaught() throws Exception {
    Model data = copy();
    Resource day = data.getResource(BASE + "id/date/2010-04-01");
    day.removeAll(PROV.wasInfluencedBy);
    assertTrue(
        Validator.shacl(data).stream().anyMatch(v -> v.focus().equals(day.getURI())),
        "a fiscal year's first day names the rule that made it");
  }

  @Test
  void anActivityDerivedFromARowIsCaught() throws Exception {
    Model data = copy();
    Resource establishment = data.getResource(BASE + "id/event/2010-07-20-council-established");
    establishment.addProperty(PROV.wasDerivedFrom, data.getResource(row(8)));
    assertTrue(
        Validator.shacl(data).stream()
            .anyMatch(
                v ->
                    v.focus().equals(establishment.getURI())
                        && v.message().contains("not a prov:Entity")),
        "prov:wasDerivedFrom is for entities: an establishment is a prov:Activity");
  }

  @Test
  void anEntityThatIsOnlyInfluencedIsCaught() throws Exception {
    Model data = copy();
    Resource item = data.getResource(BASE + "id/assembly/council/2/agenda/1");
    item.removeAll(PROV.wasDerivedFrom);
    assertTrue(
        Validator.shacl(data).stream().anyMatch(v -> v.focus().equals(item.getURI())),
        "an agenda item, a prov:Entity, is derived from its row too");
  }

  @Test
  void anActionPropertyOnAnEventIsCaught() throws Exception {
    Model data = copy();
    Resource symposium = data.getResource(BASE + "id/symposium/2013-03-23");
    symposium.addProperty(SCHEMA.agent, data.getResource(BASE + "id/org/council"));
    assertTrue(
        Validator.shacl(data).stream()
            .anyMatch(v -> v.focus().equals(symposium.getURI()) && v.message().contains("Action")),
        "schema:agent belongs to schema.org actions");
  }

  @Test
  void aSeriesWithAFiscalYearIsCaught() throws Exception {
    Model data = copy();
    Resource series = data.getResource(BASE + "id/series/liaison-council");
    series.addProperty(TONET.fiscalYear, data.getResource(BASE + "id/fiscal-year/2010"));
    assertTrue(
        Validator.shacl(data).stream()
            .anyMatch(
                v -> v.focus().equals(series.getURI()) && v.path().equals("tonet:fiscalYear")),
        "a series spans years");
  }

  @Test
  void anAgendaItemWithTwoEnglishLabelsIsCaught() throws Exception {
    Model data = copy();
    Resource item = data.getResource(BASE + "id/assembly/council/2/agenda/1");
    item.addProperty(RDFS.label, "Agenda item 1 of the 2nd Council General Assembly", "en");
    assertTrue(Validator.shacl(data).stream().anyMatch(v -> v.focus().equals(item.getURI())));
  }

  private static String row(int line) {
    return BASE + "id/source/157963e9056f/line/" + line;
  }

  @Test
  void aDatedEventThatAlsoHasBoundsIsCaught() throws Exception {
    Model data = copy();
    Resource first = data.getResource(BASE + "id/assembly/extraordinary/1");
    first.addLiteral(TONET.notBefore, data.createTypedLiteral("2011-04-01", XSDDatatype.XSDdate));
    assertFalse(Validator.shacl(data).isEmpty());
  }

  @Test
  void aDayOutsideItsFiscalYearIsCaught() throws Exception {
    Model data = copy();
    Resource first = data.getResource(BASE + "id/assembly/extraordinary/1");
    first.removeAll(SCHEMA.startDate);
    // 11月15日 read in the wrong year: the classic fiscal-year slip.
    first.addLiteral(SCHEMA.startDate, data.createTypedLiteral("2012-11-15", XSDDatatype.XSDdate));
    List<Violation> violations = Validator.shacl(data);
    assertTrue(
        violations.stream()
            .anyMatch(v -> v.focus().equals(first.getURI()) && v.lines().equals(List.of(19))),
        violations::toString);
  }

  @Test
  void aSymposiumWithoutVenueIsCaught() throws Exception {
    Model data = copy();
    data.getResource(BASE + "id/symposium/2013-03-23").removeAll(SCHEMA.location);
    assertFalse(Validator.shacl(data).isEmpty());
  }

  @Test
  void anEventWithoutEnglishLabelIsCaught() throws Exception {
    Model data = copy();
    Resource r = data.getResource(BASE + "id/milestone/registrants-5000");
    data.remove(r, RDFS.label, data.createLiteral("Registrants exceeded 5,000", "en"));
    assertEquals(1, Validator.shacl(data).size());
  }

  @Test
  void aProposalMisreadAsAChangeEventIsCaught() throws Exception {
    Model data = copy();
    Resource change = data.getResource(BASE + "id/event/2011-08-22-council-legal-form-change");
    change.addProperty(RDF.type, data.createResource("http://www.w3.org/ns/org#ChangeEvent"));
    assertTrue(
        Validator.shacl(data).stream().anyMatch(v -> v.focus().equals(change.getURI())),
        "org:ChangeEvent is only for establishments");
  }

  @Test
  void violationsReadWithLineNumbers() throws Exception {
    Model data = copy();
    data.getResource(BASE + "id/assembly/extraordinary/2")
        .removeAll(TONET.notBefore)
        .removeAll(TONET.notAfter);
    String report = Validator.shacl(data).get(0).toString();
    assertTrue(report.startsWith("line 20: "), report);
    assertTrue(report.contains("第2回協議会臨時総会"), report);
  }
}
