package org.w3id.tonet.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.w3id.tonet.rdf.SCHEMA;
import org.w3id.tonet.rdf.TONET;

/**
 * The story the landing page opens with, read from the data alone: who the dataset is about (its
 * rights holder), when that organization was set up, the areas it served, its units, the period the
 * record covers, and the moments that made its history — milestones, symposia, launches,
 * establishments, plans, and the meeting that proposed to dissolve it.
 *
 * <pre>
 * LandingStory.Story story = LandingStory.of(site.data(), site.union(), links);
 * story.highlights(); // 2009-11-06 plan submitted … 2024-03-26 the dissolution proposed
 * </pre>
 */
final class LandingStory {

  private LandingStory() {}

  /** A resource named in the story: its label (and English), its page. */
  record Named(String text, String en, String href) {}

  /** A moment of the history. */
  record Highlight(
      TermView.Day day,
      String kind,
      String kindEn,
      String label,
      String labelEn,
      String href,
      String note) {

    /** The calendar year, for the list's year marks. */
    public String year() {
      return day.iso().substring(0, 4);
    }
  }

  /**
   * An area the organization serves, with the places it contains: one area of nine municipalities,
   * or each of the municipalities a council names itself.
   */
  record Area(Named name, List<Named> places) {

    public boolean hasPlaces() {
      return !places.isEmpty();
    }
  }

  /** A kind of thing the record holds, and how many. */
  record Count(String label, String labelEn, String count, String href) {}

  /** Everything the story says. */
  record Story(
      Named organization,
      TermView.Day established,
      String establishedHref,
      List<Area> areas,
      List<Named> units,
      TermView.Day from,
      TermView.Day to,
      List<Count> kinds,
      List<Highlight> highlights) {

    public boolean hasAreas() {
      return !areas.isEmpty();
    }

    public boolean hasUnits() {
      return !units.isEmpty();
    }

    public boolean hasPeriod() {
      return from != null && to != null;
    }
  }

  /** The kinds of event that make the short history, in the order of their importance here. */
  private static final List<Resource> HIGHLIGHT_KINDS =
      List.of(
          TONET.Establishment,
          TONET.LegalFormChange,
          TONET.PlanSubmission,
          TONET.PlanAdoption,
          TONET.SystemLaunch,
          TONET.Milestone,
          TONET.Symposium);

  /** The kinds counted in the story's summary line. */
  private static final List<Resource> COUNTED =
      List.of(TONET.GeneralAssembly, TONET.Symposium, TONET.Milestone, TONET.SystemLaunch);

  static Story of(Model data, Model union, Links links) {
    Resource dataset = union.getResource(links.id("dataset"));
    Resource org = dataset.getPropertyResourceValue(DCTerms.rightsHolder);
    Resource founding = org == null ? null : org.getPropertyResourceValue(ORG.resultedFrom);
    Resource period = dataset.getPropertyResourceValue(DCTerms.temporal);
    String dcat = "http://www.w3.org/ns/dcat#";
    return new Story(
        named(union, org, links),
        founding == null ? null : TermView.Day.of(literal(founding, SCHEMA.startDate)),
        founding == null ? null : links.href(founding.getURI()),
        org == null ? List.of() : areas(union, org, links),
        org == null ? List.of() : sortedNames(union, org, ORG.hasUnit, links),
        period == null
            ? null
            : TermView.Day.of(literal(period, union.createProperty(dcat, "startDate"))),
        period == null
            ? null
            : TermView.Day.of(literal(period, union.createProperty(dcat, "endDate"))),
        counts(data, union, links),
        highlights(data, union, links));
  }

  private static List<Area> areas(Model union, Resource org, Links links) {
    List<Area> areas = new ArrayList<>();
    for (Resource area : sorted(union, org, SCHEMA.areaServed)) {
      List<Named> places = new ArrayList<>();
      for (Resource place : sorted(union, area, SCHEMA.containsPlace)) {
        places.add(named(union, place, links));
      }
      areas.add(new Area(named(union, area, links), places));
    }
    return areas;
  }

  private static List<Count> counts(Model data, Model union, Links links) {
    List<Count> counts = new ArrayList<>();
    for (Resource kind : COUNTED) {
      int n = data.listSubjectsWithProperty(RDF.type, kind).toList().size();
      if (n > 0) {
        counts.add(
            new Count(
                Labels.name(union, kind.getURI()),
                Labels.of(union, kind.getURI(), "en"),
                org.w3id.tonet.sparql.Sizes.count(n),
                links.href(kind.getURI())));
      }
    }
    return counts;
  }

  private static List<Highlight> highlights(Model data, Model union, Links links) {
    List<Highlight> found = new ArrayList<>();
    for (Resource event : data.listSubjectsWithProperty(SCHEMA.startDate).toList()) {
      Resource kind = highlightKind(event);
      String note = null;
      if (kind == null) {
        Resource proposal = dissolutionProposal(event);
        if (proposal == null) {
          continue;
        }
        kind = mostSpecificKind(event, union);
        note = Labels.name(union, proposal.getURI());
      } else if (kind.equals(TONET.Symposium)) {
        note = symposiumNote(event);
      }
      String iri = event.getURI();
      String kindIri = mostSpecificKind(event, union).getURI();
      found.add(
          new Highlight(
              TermView.Day.of(literal(event, SCHEMA.startDate)),
              Labels.name(union, kindIri),
              Labels.of(union, kindIri, "en"),
              distinctLabel(union, event),
              Labels.of(union, iri, "en"),
              links.href(iri),
              note));
    }
    found.sort(Comparator.comparing((Highlight h) -> h.day().iso()).thenComparing(Highlight::href));
    return found;
  }

  private static Resource highlightKind(Resource event) {
    for (Resource kind : HIGHLIGHT_KINDS) {
      if (event.hasProperty(RDF.type, kind)) {
        return kind;
      }
    }
    return null;
  }

  /** The agenda item of a meeting that proposes to dissolve an organization, or null. */
  private static Resource dissolutionProposal(Resource meeting) {
    for (Statement s : meeting.listProperties(TONET.agendaItem).toList()) {
      if (s.getObject().isResource() && s.getResource().hasProperty(TONET.proposesDissolutionOf)) {
        return s.getResource();
      }
    }
    return null;
  }

  /** How many came to a symposium: 約230人 (its title names the venue already). */
  private static String symposiumNote(Resource symposium) {
    Statement attendance = symposium.getProperty(TONET.attendance);
    List<String> parts = new ArrayList<>();
    if (attendance != null) {
      boolean approximate = symposium.hasLiteral(TONET.attendanceApproximate, true);
      parts.add(
          (approximate ? "約" : "") + org.w3id.tonet.sparql.Sizes.count(attendance.getLong()) + "人");
    }
    return parts.isEmpty() ? null : String.join(" · ", parts);
  }

  /** The tonet kind of a resource that no other of its tonet kinds is a subclass of. */
  static Resource mostSpecificKind(Resource r, Model union) {
    List<Resource> kinds = new ArrayList<>();
    for (Statement s : r.listProperties(RDF.type).toList()) {
      if (s.getObject().isURIResource() && s.getResource().getURI().startsWith(TONET.NS)) {
        kinds.add(s.getResource());
      }
    }
    kinds.sort(Comparator.comparing(Resource::getURI));
    for (Resource kind : kinds) {
      boolean broader = false;
      for (Resource other : kinds) {
        broader |=
            !other.equals(kind)
                && union.contains(other, org.apache.jena.vocabulary.RDFS.subClassOf, kind);
      }
      if (!broader) {
        return kind;
      }
    }
    return kinds.isEmpty() ? SCHEMA.Event : kinds.get(0);
  }

  /**
   * The Japanese label of a resource, told apart from another of the same day that has the same
   * label (one row of the table can set up two sections: the sentence is the same, the section is
   * not): the name of the organization it resulted in is added, else its English label.
   */
  static String distinctLabel(Model union, Resource r) {
    String label = Labels.name(union, r.getURI());
    String day = literal(r, SCHEMA.startDate);
    if (day == null) {
      return label;
    }
    Map<String, Integer> same = new HashMap<>();
    for (Resource other :
        r.getModel()
            .listSubjectsWithProperty(SCHEMA.startDate, r.getProperty(SCHEMA.startDate).getObject())
            .toList()) {
      same.merge(Labels.name(union, other.getURI()), 1, Integer::sum);
    }
    if (same.getOrDefault(label, 0) < 2) {
      return label;
    }
    Resource result = r.getPropertyResourceValue(ORG.resultingOrganization);
    if (result != null) {
      return label + "（" + Labels.name(union, result.getURI()) + "）";
    }
    String en = Labels.of(union, r.getURI(), "en");
    return en == null ? label : label + "（" + en + "）";
  }

  private static Named named(Model union, Resource r, Links links) {
    if (r == null || !r.isURIResource()) {
      return null;
    }
    String name = Labels.name(union, r.getURI());
    String en = Labels.of(union, r.getURI(), "en");
    return new Named(name, en == null || en.equals(name) ? null : en, links.href(r.getURI()));
  }

  private static List<Named> sortedNames(Model union, Resource r, Property p, Links links) {
    List<Named> names = new ArrayList<>();
    for (Resource x : sorted(union, r, p)) {
      names.add(named(union, x, links));
    }
    return names;
  }

  private static List<Resource> sorted(Model union, Resource r, Property p) {
    // In the order of their identifiers where they have them (a place's standard area code), so
    // that places are listed as their own registers list them.
    List<Resource> found = new ArrayList<>();
    for (RDFNode o : union.listObjectsOfProperty(r, p).toList()) {
      if (o.isURIResource()) {
        found.add(o.asResource());
      }
    }
    found.sort(
        Comparator.comparing(
                (Resource x) -> {
                  String id = literal(x, DCTerms.identifier);
                  return id == null ? "\uffff" : id;
                })
            .thenComparing(Resource::getURI));
    return found;
  }

  static String literal(Resource r, Property p) {
    Statement s = r.getProperty(p);
    return s == null || !s.getObject().isLiteral() ? null : s.getLiteral().getLexicalForm();
  }
}
