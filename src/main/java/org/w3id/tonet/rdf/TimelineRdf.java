package org.w3id.tonet.rdf;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.tonet.model.AgendaItem;
import org.w3id.tonet.model.DateBasis;
import org.w3id.tonet.model.Entry;
import org.w3id.tonet.model.FiscalYear;
import org.w3id.tonet.model.Name;
import org.w3id.tonet.model.Person;
import org.w3id.tonet.model.Ref;
import org.w3id.tonet.model.ReportedMeetingCount;
import org.w3id.tonet.model.SourceRow;
import org.w3id.tonet.model.Timeline;
import org.w3id.tonet.model.When;
import org.w3id.tonet.source.SourceException;

/**
 * Maps a {@link Timeline} to RDF with the tonet ontology: one resource or more per content row,
 * each naming every source row it draws on (prov:wasInfluencedBy), and the rule that made what no
 * row states (the bounds of a fiscal year).
 *
 * <pre>
 * Model data = TimelineRdf.map(timeline, new Iris("https://lod.example.jp/tonet/"), "council");
 * </pre>
 *
 * <p>Every instance states its class and all the superclasses the ontology declares; {@link
 * Entailments} adds superproperties and inverses once the gazetteer's places are in. No blank nodes
 * are made, so the dumps are stable.
 */
public final class TimelineRdf {

  private static final DateTimeFormatter ENGLISH_DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  /** 地方自治法 (the Local Autonomy Act), whose article 208 sets the fiscal year, on e-Gov. */
  static final String LOCAL_AUTONOMY_ACT = "https://laws.e-gov.go.jp/law/322AC0000000067";

  private final Timeline timeline;
  private final Iris iris;

  /**
   * The slug of the council whose timeline it is: it holds the assemblies, it published the table.
   */
  private final String council;

  // Jena's newer in-memory graph: it finds a statement with a known subject and object by hashing,
  // where the default scans every statement about the subject. The counted series of assemblies
  // and the council are subjects of a statement per row, so SHACL's FILTER NOT EXISTS on them
  // took the square of the rows (issue 22).
  private final Model model = ModelFactory.createModelForGraph(GraphMemFactory.createGraphMem2());
  private final String hash;

  /** Source lines per named thing (organization, venue, system, plan), in line order. */
  private final Map<String, Set<Integer>> nameLines = new LinkedHashMap<>();

  /**
   * Lines that write each fiscal year: in their 年度 cell (from the parser) or in an agenda item. A
   * row inside a fiscal year that does not write it is not a source of it.
   */
  private final Map<Integer, Set<Integer>> yearLines = new LinkedHashMap<>();

  private TimelineRdf(Timeline timeline, Iris iris, String council) {
    this.timeline = timeline;
    this.iris = iris;
    this.council = council;
    this.hash = timeline.source().shortHash();
  }

  /**
   * The data graph of a timeline.
   *
   * @param council the slug of the council whose timeline it is (its folder's identity)
   * @throws SourceException when two entries would share one IRI
   */
  public static Model map(Timeline timeline, Iris iris, String council) throws SourceException {
    return new TimelineRdf(timeline, iris, council).build();
  }

  private Model build() throws SourceException {
    Prefixes.apply(model);
    timeline
        .fiscalYearLines()
        .forEach(
            (year, lines) -> yearLines.computeIfAbsent(year, k -> new TreeSet<>()).addAll(lines));
    Map<Entry, String> entryIris = iris.entries(timeline.entries(), timeline.source().fileName());
    for (Entry entry : timeline.entries()) {
      entry(entry, model.createResource(entryIris.get(entry)));
    }
    for (ReportedMeetingCount count : timeline.counts()) {
      count(count);
    }
    for (Name name : timeline.names()) {
      name(name);
    }
    for (FiscalYear year : timeline.fiscalYears()) {
      fiscalYear(year);
    }
    source();
    return model;
  }

  // ---- entries ---------------------------------------------------------------------------

  private void entry(Entry entry, Resource r) {
    Entry.Base base = entry.base();
    label(r, base.labelJa(), base.labelEn());
    for (String alt : base.altLabelsJa()) {
      r.addProperty(SKOS.altLabel, alt, "ja");
    }
    when(r, base.when());
    // A series spans years: the fiscal year of the row that names it is not its own.
    if (base.fiscalYear() != null && !(entry instanceof Entry.MeetingSeries)) {
      r.addProperty(TONET.fiscalYear, fiscalYearResource(base.fiscalYear()));
    }
    for (String note : base.notesJa()) {
      r.addProperty(TONET.note, note, "ja");
    }
    for (String series : base.partOf()) {
      r.addProperty(SCHEMA.superEvent, model.createResource(iris.series(series)));
    }
    influencedBy(r, base.lines());
    agenda(r, entry);

    if (entry instanceof Entry.Assembly a) {
      type(
          r,
          switch (a.kind()) {
            case COUNCIL -> TONET.CouncilAssembly;
            case ORDINARY -> TONET.OrdinaryGeneralAssembly;
            case EXTRAORDINARY -> TONET.ExtraordinaryGeneralAssembly;
          });
      r.addLiteral(TONET.ordinal, integer(a.ordinal()));
      r.addLiteral(TONET.heldInWriting, bool(a.heldInWriting()));
      organizer(r, council, base);
      for (String unit : a.jointWith()) {
        r.addProperty(TONET.jointMeetingWith, org(unit, base));
      }
    } else if (entry instanceof Entry.WrittenResolution) {
      type(r, TONET.WrittenResolution);
      r.addLiteral(TONET.heldInWriting, bool(true));
      organizer(r, council, base);
    } else if (entry instanceof Entry.Symposium s) {
      type(r, TONET.Symposium);
      r.addProperty(SCHEMA.location, named(s.venue(), base));
      r.addLiteral(TONET.attendance, integer(s.attendance()));
      r.addLiteral(TONET.attendanceApproximate, bool(s.approximate()));
    } else if (entry instanceof Entry.Meeting m) {
      type(r, TONET.Meeting);
      for (String organizer : m.organizers()) {
        organizer(r, organizer, base);
      }
      for (Person person : m.lecturers()) {
        r.addProperty(TONET.lecturer, person(r, person, base));
      }
    } else if (entry instanceof Entry.MeetingSeries s) {
      type(r, TONET.MeetingSeries);
      if (!s.glossJa().isEmpty()) {
        r.addProperty(TONET.gloss, s.glossJa(), "ja");
      }
      if (!s.frequencyJa().isEmpty()) {
        r.addProperty(TONET.frequency, s.frequencyJa(), "ja");
      }
      if (!s.name().labelLatn().isEmpty()) {
        r.addProperty(RDFS.label, s.name().labelLatn(), "ja-Latn");
      }
    } else if (entry instanceof Entry.Establishment e) {
      type(r, TONET.Establishment);
      r.addProperty(ORG.resultingOrganization, org(e.organizationSlug(), base));
    } else if (entry instanceof Entry.LegalFormChange c) {
      type(r, TONET.LegalFormChange);
      r.addProperty(TONET.organization, org(c.organizationSlug(), base));
      r.addProperty(TONET.legalForm, model.createResource(TONET.NS + c.legalForm()));
    } else if (entry instanceof Entry.Milestone m) {
      type(
          r,
          switch (m.kind()) {
            case PLAN_SUBMITTED -> TONET.PlanSubmission;
            case PLAN_ADOPTED -> TONET.PlanAdoption;
            case SYSTEM_LAUNCH -> TONET.SystemLaunch;
          });
      // The plan events are schema.org actions: who acted, on what, and to whom.
      if (m.agent() != null) {
        r.addProperty(SCHEMA.agent, org(m.agent(), base));
      }
      if (m.recipient() != null) {
        r.addProperty(SCHEMA.recipient, org(m.recipient(), base));
      }
      if (m.object() != null) {
        boolean system = m.kind() == Entry.MilestoneKind.SYSTEM_LAUNCH;
        r.addProperty(
            system ? TONET.system : TONET.plan,
            mention(system ? iris.system(m.object()) : iris.plan(m.object()), m.object(), base));
      }
    } else if (entry instanceof Entry.RegistrantMilestone m) {
      type(r, TONET.RegistrantMilestone);
      r.addLiteral(TONET.registrantThreshold, integer(m.threshold()));
    } else if (entry instanceof Entry.InstitutionCountMilestone m) {
      type(r, TONET.InstitutionCountMilestone);
      r.addLiteral(TONET.participatingInstitutions, integer(m.count()));
      r.addProperty(TONET.joinedOrganization, org(m.joinedSlug(), base));
    } else if (entry instanceof Entry.Process p) {
      type(r, TONET.Process);
      if (p.object() != null) {
        r.addProperty(TONET.system, mention(iris.system(p.object()), p.object(), base));
      }
    } else if (entry instanceof Entry.Unclassified u) {
      if (u.problem().isEmpty()) {
        type(r, TONET.TimelineEvent);
      } else {
        type(r, TONET.UnreadRow);
        r.addProperty(TONET.problem, u.problem());
      }
    }
  }

  private void when(Resource r, When when) {
    if (when.isDated()) {
      r.addLiteral(SCHEMA.startDate, date(when.start()));
      if (when.end() != null) {
        r.addLiteral(SCHEMA.endDate, date(when.end()));
      }
      if (when.openEnded()) {
        r.addLiteral(TONET.openEnded, bool(true));
      }
    } else {
      if (when.notBefore() != null) {
        r.addLiteral(TONET.notBefore, date(when.notBefore()));
      }
      if (when.notAfter() != null) {
        r.addLiteral(TONET.notAfter, date(when.notAfter()));
      }
    }
    r.addProperty(TONET.dateBasis, basis(when.basis()));
  }

  private static Resource basis(DateBasis basis) {
    return switch (basis) {
      case AS_WRITTEN -> TONET.DateAsWritten;
      case FROM_ROW_ABOVE -> TONET.DateFromRowAbove;
      case UNKNOWN -> TONET.DateUnknown;
    };
  }

  private void agenda(Resource meeting, Entry entry) {
    for (AgendaItem item : entry.agenda()) {
      Resource r = model.createResource(iris.agendaItem(meeting.getURI(), item.position()));
      meeting.addProperty(TONET.agendaItem, r);
      type(r, TONET.AgendaItem);
      r.addProperty(RDFS.label, item.labelJa(), "ja");
      // No English is better than a placeholder: the folder's agenda.tsv gives it, or nothing does.
      if (!item.labelEn().isEmpty()) {
        r.addProperty(RDFS.label, item.labelEn(), "en");
      }
      r.addLiteral(TONET.position, integer(item.position()));
      r.addLiteral(TONET.isDraft, bool(item.draft()));
      for (FiscalYear year : item.fiscalYears()) {
        Resource fy = fiscalYearResource(year);
        r.addProperty(TONET.concernsFiscalYear, fy);
        yearLines(year).addAll(entry.base().lines());
      }
      for (Ref ref : item.concerns()) {
        switch (ref.kind()) {
          case NAME -> r.addProperty(TONET.concerns, mentionBySlug(ref.key(), entry.base()));
          case SYMPOSIUM ->
              r.addProperty(
                  TONET.concerns, model.createResource(iris.symposium(LocalDate.parse(ref.key()))));
          case DISSOLUTION ->
              r.addProperty(TONET.proposesDissolutionOf, org(ref.key(), entry.base()));
        }
      }
      influencedBy(r, entry.base().lines());
    }
  }

  private Resource person(Resource meeting, Person person, Entry.Base base) {
    Resource r = model.createResource(iris.person(meeting.getURI(), person.slug()));
    type(r, TONET.Person);
    label(r, person.labelJa(), person.labelEn());
    r.addProperty(SCHEMA.description, person.descriptionJa(), "ja");
    if (person.affiliationSlug() != null) {
      r.addProperty(SCHEMA.affiliation, org(person.affiliationSlug(), base));
    }
    influencedBy(r, base.lines());
    return r;
  }

  private void organizer(Resource r, String slug, Entry.Base base) {
    r.addProperty(SCHEMA.organizer, org(slug, base));
  }

  // ---- named things, fiscal years, counts, the source ------------------------------------

  private Resource org(String slug, Entry.Base base) {
    return mention(iris.organization(slug), slug, base);
  }

  private Resource named(Name name, Entry.Base base) {
    return mention(iris.name(name), name.slug(), base);
  }

  private Resource mentionBySlug(String slug, Entry.Base base) {
    Name name =
        timeline.names().stream()
            .filter(n -> n.slug().equals(slug))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no name with slug " + slug));
    return named(name, base);
  }

  /** A named thing mentioned by an entry: remember the entry's lines as its source. */
  private Resource mention(String iri, String slug, Entry.Base base) {
    nameLines.computeIfAbsent(slug, k -> new TreeSet<>()).addAll(base.lines());
    return model.createResource(iri);
  }

  private void name(Name name) {
    Resource r = model.createResource(iris.name(name));
    type(
        r,
        switch (name.kind()) {
          case ORGANIZATION -> TONET.Organization;
          case UNIT -> TONET.OrganizationalUnit;
          case VENUE -> TONET.Venue;
          case SYSTEM -> TONET.InformationSystem;
          case PLAN -> TONET.Plan;
          case SERIES, PERSON ->
              throw new IllegalStateException(name.kind() + " is not mapped as a name");
        });
    r.addProperty(RDFS.label, name.labelJa(), "ja");
    if (!name.labelEn().isEmpty()) {
      r.addProperty(RDFS.label, name.labelEn(), "en");
    }
    if (!name.labelLatn().isEmpty()) {
      r.addProperty(RDFS.label, name.labelLatn(), "ja-Latn");
    }
    if (name.kind() == Name.Kind.UNIT) {
      for (String parent : name.parents()) {
        Resource organization = model.createResource(iris.organization(parent));
        r.addProperty(ORG.unitOf, organization);
        // ORG's range of org:unitOf: an organization with units is a formal organization, as the
        // council is, an association with rules, a representative and property (decisions.tsv).
        organization.addProperty(RDF.type, ORG.FormalOrganization);
        nameLines.computeIfAbsent(parent, k -> new TreeSet<>());
      }
    }
    influencedBy(r, nameLines.getOrDefault(name.slug(), Set.of()));
  }

  private Resource fiscalYearResource(FiscalYear year) {
    return model.createResource(iris.fiscalYear(year));
  }

  private Set<Integer> yearLines(FiscalYear year) {
    return yearLines.computeIfAbsent(year.startYear(), k -> new TreeSet<>());
  }

  private void fiscalYear(FiscalYear year) {
    Resource r = fiscalYearResource(year);
    type(r, TONET.FiscalYear);
    for (String label : year.labelsJa()) {
      r.addProperty(RDFS.label, label, "ja");
    }
    r.addProperty(RDFS.label, year.labelEn(), "en");
    r.addProperty(SKOS.prefLabel, year.labelJa(), "ja");
    for (String other : year.labelsJa().subList(1, year.labelsJa().size())) {
      r.addProperty(SKOS.altLabel, other, "ja");
    }
    Resource rule = fiscalYearRule();
    r.addProperty(
        TIME.hasBeginning, instant(year.begins()).addProperty(PROV.wasInfluencedBy, rule));
    r.addProperty(TIME.hasEnd, instant(year.ends()).addProperty(PROV.wasInfluencedBy, rule));
    influencedBy(r, yearLines.getOrDefault(year.startYear(), Set.of()));
    r.addProperty(PROV.wasInfluencedBy, rule);
  }

  /**
   * The rule that makes the bounds of a fiscal year, which no row writes: a Japanese fiscal year
   * runs from 1 April to 31 March (地方自治法第208条 for local government).
   */
  private Resource fiscalYearRule() {
    Resource rule = model.createResource(iris.rule("fiscal-year"));
    if (!rule.hasProperty(RDF.type)) {
      type(rule, TONET.Rule);
      label(rule, "年度の始まりと終わり（4月1日～翌年3月31日）", "Bounds of a fiscal year (1 April to 31 March)");
      rule.addProperty(
          RDFS.comment, "年度（会計年度）は4月1日に始まり翌年3月31日に終わる。表の年度欄と議題の年度から、その年度の始まりと終わりの日を作る規則。", "ja");
      rule.addProperty(
          RDFS.comment,
          "A fiscal year (会計年度) begins on 1 April and ends on 31 March of the next year: the rule"
              + " that makes the first and last day of every fiscal year the table's 年度 cells and"
              + " agenda items name.",
          "en");
      rule.addProperty(DCTerms.source, model.createResource(LOCAL_AUTONOMY_ACT));
    }
    return rule;
  }

  private Resource instant(LocalDate day) {
    return Instants.of(model, iris, day);
  }

  private void count(ReportedMeetingCount count) {
    Resource r = model.createResource(iris.count(count.asOf(), count.seriesSlug()));
    type(r, TONET.ReportedMeetingCount);
    String normalised = count.normalJa();
    String seriesEn =
        timeline.entries().stream()
            .filter(
                e ->
                    e instanceof Entry.MeetingSeries s
                        && s.name().slug().equals(count.seriesSlug()))
            .map(e -> e.base().labelEn())
            .findFirst()
            .orElse(count.seriesSlug());
    label(
        r,
        count.writtenJa(),
        "%d: %s, as of %s".formatted(count.count(), seriesEn, ENGLISH_DAY.format(count.asOf())));
    if (!normalised.equals(count.writtenJa())) {
      r.addProperty(SKOS.altLabel, normalised, "ja");
    }
    r.addLiteral(TONET.count, integer(count.count()));
    r.addLiteral(TONET.asOf, date(count.asOf()));
    r.addProperty(TONET.countOf, model.createResource(iris.series(count.seriesSlug())));
    influencedBy(r, count.lines());
  }

  private void source() {
    Timeline.SourceInfo info = timeline.source();
    Resource doc = model.createResource(iris.source(hash));
    type(doc, TONET.SourceDocument);
    String title = info.title().isEmpty() ? info.fileName() : info.title();
    doc.addProperty(DCTerms.title, title, "ja");
    label(doc, title, "Source table " + info.fileName());
    doc.addProperty(TONET.fileName, info.fileName());
    doc.addProperty(TONET.sha256, info.sha256());
    doc.addLiteral(TONET.lineCount, integer(info.lineCount()));
    if (timeline.names().stream().anyMatch(n -> n.slug().equals(council))) {
      doc.addProperty(DCTerms.publisher, model.createResource(iris.organization(council)));
    }
    for (SourceRow row : timeline.rows()) {
      Resource r = model.createResource(iris.sourceRow(hash, row.line()));
      type(r, TONET.SourceRow);
      label(r, row.line() + "行目", "line " + row.line());
      r.addLiteral(TONET.lineNumber, integer(row.line()));
      r.addProperty(TONET.sourceText, row.text());
      r.addProperty(
          TONET.rowKind,
          switch (row.kind()) {
            case TITLE -> TONET.TitleRow;
            case HEADER -> TONET.HeaderRow;
            case CONTENT -> TONET.ContentRow;
            case SUMMARY -> TONET.SummaryRow;
          });
      r.addProperty(DCTerms.isPartOf, doc);
    }
  }

  // ---- small pieces ----------------------------------------------------------------------

  private void type(Resource r, Resource type) {
    r.addProperty(RDF.type, type);
    for (Resource parent : Ontology.superclasses(type)) {
      r.addProperty(RDF.type, parent);
    }
  }

  private void label(Resource r, String ja, String en) {
    r.addProperty(RDFS.label, ja, "ja");
    r.addProperty(RDFS.label, en, "en");
  }

  /**
   * Names the source rows a resource draws on. prov:wasInfluencedBy holds for entities and
   * activities alike; {@link Entailments} adds prov:wasDerivedFrom where the resource is an entity.
   */
  private void influencedBy(Resource r, Iterable<Integer> lines) {
    for (int line : lines) {
      r.addProperty(PROV.wasInfluencedBy, model.createResource(iris.sourceRow(hash, line)));
    }
  }

  private Literal date(LocalDate day) {
    return model.createTypedLiteral(day.toString(), XSDDatatype.XSDdate);
  }

  private Literal integer(int n) {
    return model.createTypedLiteral(Integer.toString(n), XSDDatatype.XSDinteger);
  }

  private Literal bool(boolean b) {
    return model.createTypedLiteral(Boolean.toString(b), XSDDatatype.XSDboolean);
  }
}
