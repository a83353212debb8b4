package org.w3id.tonet.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The tonet ontology (ontology/tonet.ttl): one constant per term.
 *
 * <pre>
 * model.add(meeting, RDF.type, TONET.Symposium);
 * model.addLiteral(meeting, TONET.attendance, 230);
 * </pre>
 *
 * <p>A test checks that these constants and the terms of ontology/tonet.ttl are the same set.
 */
public final class TONET {

  /** The namespace, https://w3id.org/tonet/ontology#. */
  public static final String NS = "https://w3id.org/tonet/ontology#";

  /** The ontology's own IRI. */
  public static final String ONTOLOGY = "https://w3id.org/tonet/ontology";

  private TONET() {}

  /** The namespace as a string. */
  public static String getURI() {
    return NS;
  }

  /**
   * An organization named in the timeline: the council, the prefecture, the national government,
   * universities, hospitals. Also a prov:Entity (ORG makes an organization that results from a
   * change a generated entity), derived from the rows that name it.
   */
  public static final Resource Organization = resource("Organization");

  /**
   * A section (部会, e.g. one per field of work) or a working group of a council; linked to the
   * council with org:unitOf, and the council to it with org:hasUnit.
   */
  public static final Resource OrganizationalUnit = resource("OrganizationalUnit");

  /**
   * A person named in the timeline, kept as written (surname and title) and scoped to the meeting
   * where the name appears; never identified with anyone else.
   */
  public static final Resource Person = resource("Person");

  /** A meeting held on a day. */
  public static final Resource Meeting = resource("Meeting");

  /**
   * Recurring meetings known only as a series (the liaison council, the working group's meetings).
   * A series is dated only by its own row or by its members, and has no fiscal year.
   */
  public static final Resource MeetingSeries = resource("MeetingSeries");

  /** A general assembly of the council: one of the 41 the closing summary counts. */
  public static final Resource GeneralAssembly = resource("GeneralAssembly");

  /**
   * 第N回協議会総会, numbered before the council became an association without legal personality (協議会（第1回）
   * included).
   */
  public static final Resource CouncilAssembly = resource("CouncilAssembly");

  /**
   * An ordinary general assembly (第N期協議会通常総会). 期 is the council's business term, not a count of
   * meetings: tonet:ordinal gives the term's number.
   */
  public static final Resource OrdinaryGeneralAssembly = resource("OrdinaryGeneralAssembly");

  /** An extraordinary general assembly (第N回協議会臨時総会), also when held in writing. */
  public static final Resource ExtraordinaryGeneralAssembly =
      resource("ExtraordinaryGeneralAssembly");

  /** A resolution in writing that is not a numbered assembly (not one of the 41). */
  public static final Resource WrittenResolution = resource("WrittenResolution");

  /**
   * A symposium a council holds (e.g. on regional healthcare cooperation), with its venue and
   * attendance.
   */
  public static final Resource Symposium = resource("Symposium");

  /** Where a meeting was held; its rdfs:label@ja is the name as written. */
  public static final Resource Venue = resource("Venue");

  /** Something reached or begun on a day. */
  public static final Resource Milestone = resource("Milestone");

  /**
   * The submission of a plan: a schema:SendAction with who submitted it (schema:agent), the plan
   * (tonet:plan, a schema:object) and to whom (schema:recipient).
   */
  public static final Resource PlanSubmission = resource("PlanSubmission");

  /**
   * The adoption of a plan: a schema:AcceptAction (the act of adopting an object) with who adopted
   * it (schema:agent) and the plan (tonet:plan, a schema:object).
   */
  public static final Resource PlanAdoption = resource("PlanAdoption");

  /** The number of registered residents passed a threshold (参加登録者N人を超える). */
  public static final Resource RegistrantMilestone = resource("RegistrantMilestone");

  /** The number of participating medical institutions and others (参加医療機関等) reached a count. */
  public static final Resource InstitutionCountMilestone = resource("InstitutionCountMilestone");

  /**
   * A stage in the life of a council's information system: trial operation, full operation, a
   * renewed system; open-ended when written with ～.
   */
  public static final Resource SystemLaunch = resource("SystemLaunch");

  /**
   * An activity begun on a day and carried on (a recruitment, an outreach, a procurement);
   * schema:endDate when the source gives the end. A prov:Activity: it names its source rows with
   * prov:wasInfluencedBy.
   */
  public static final Resource Process = resource("Process");

  /**
   * The setting up of an organization or unit; org:resultingOrganization names it, and the
   * organization points back with org:resultedFrom and prov:wasGeneratedBy. A prov:Activity (by
   * ORG): it names its source rows with prov:wasInfluencedBy.
   */
  public static final Resource Establishment = resource("Establishment");

  /**
   * A change in the legal form of an organization that stays the same organization (the council
   * became an association without legal personality); not a dissolution or a new organization.
   */
  public static final Resource LegalFormChange = resource("LegalFormChange");

  /** A row of the timeline not classified further, kept with its text. */
  public static final Resource TimelineEvent = resource("TimelineEvent");

  /**
   * A row that could not be read when converting with --lenient, kept with its text and the
   * problem.
   */
  public static final Resource UnreadRow = resource("UnreadRow");

  /**
   * One agenda item: rdfs:label@ja as written, @en a translation (none where there is none),
   * tonet:position, tonet:isDraft, and links to what it concerns.
   */
  public static final Resource AgendaItem = resource("AgendaItem");

  /** A council's information system, such as its regional healthcare network. */
  public static final Resource InformationSystem = resource("InformationSystem");

  /** A plan document, such as the regional medical care revitalization plan. */
  public static final Resource Plan = resource("Plan");

  /**
   * A Japanese fiscal year, 1 April to 31 March, with time:hasBeginning and time:hasEnd instants;
   * made from the rows that write it (the 年度 cell, an agenda item's text) and from the rule that
   * gives its bounds (a tonet:Rule).
   */
  public static final Resource FiscalYear = resource("FiscalYear");

  /** A prefecture (都道府県); linked to its standard area code with tonet:areaCode. */
  public static final Resource Prefecture = resource("Prefecture");

  /**
   * A municipality (市町村) of a council's area. Its name and whether it is a city or a town are
   * stated per period with tonet:municipalStatus (mergers, city status). Linked to its plain
   * standard area code with tonet:areaCode, never owl:sameAs: a code is not a town.
   */
  public static final Resource Municipality = resource("Municipality");

  /**
   * A secondary healthcare area (二次保健医療圏) of a prefecture's health plan, such as the area a council
   * serves; it contains its municipalities (schema:containsPlace).
   */
  public static final Resource HealthcareArea = resource("HealthcareArea");

  /**
   * A period in which a municipality had one name and one kind (city or town): time:hasBeginning /
   * time:hasEnd where known, how it began (tonet:formedBy), and the standard area code of the
   * period (dcterms:identifier, and tonet:areaCode to the dated codes).
   */
  public static final Resource MunicipalStatus = resource("MunicipalStatus");

  /**
   * Whether a municipality is a city (市), a town (町) or a village (村) (concept scheme
   * tonet:MunicipalityKinds).
   */
  public static final Resource MunicipalityKind = resource("MunicipalityKind");

  /**
   * How a municipal status began: a merger into a new municipality, or a town becoming a city
   * (concept scheme tonet:MunicipalChanges).
   */
  public static final Resource MunicipalChange = resource("MunicipalChange");

  /** The legal form of an organization (concept scheme tonet:LegalForms). */
  public static final Resource LegalForm = resource("LegalForm");

  /** The source table file: its title, file name, SHA-256 and publisher. */
  public static final Resource SourceDocument = resource("SourceDocument");

  /**
   * A council folder's hand-kept gazetteer (gazetteer.tsv), a source document of ours: the
   * municipalities, the prefecture and the healthcare area, their history, the municipality of each
   * venue, and the sources of all of it (dcterms:source). Places are made from its rows
   * (tonet:GazetteerRow), not from the rows of the timeline.
   */
  public static final Resource Gazetteer = resource("Gazetteer");

  /** One line of a source file; dcterms:isPartOf its source document. */
  public static final Resource SourceRow = resource("SourceRow");

  /**
   * One row of the gazetteer (a place, a period, a venue, an area served), with an identifier of
   * its own made from the row's key, not its line number (id/source/gazetteer/place/kazo …).
   */
  public static final Resource GazetteerRow = resource("GazetteerRow");

  /**
   * A rule that made a statement no row makes, such as the first and last day of a fiscal year: the
   * source such statements name.
   */
  public static final Resource Rule = resource("Rule");

  /**
   * The role a line plays in the table: title, header, content or summary (concept scheme
   * tonet:RowKinds).
   */
  public static final Resource RowKind = resource("RowKind");

  /** How the date of an event was found (concept scheme tonet:DateBases). */
  public static final Resource DateBasis = resource("DateBasis");

  /** One count of the closing summary: how many times a kind of meeting was held, as of a day. */
  public static final Resource ReportedMeetingCount = resource("ReportedMeetingCount");

  /** The roles a line of a source table can play. */
  public static final Resource RowKinds = resource("RowKinds");

  /** The document's title above the table. */
  public static final Resource TitleRow = resource("TitleRow");

  /** The column header (年度 / 月 日 / 実 施 内 容); it repeats mid-file. */
  public static final Resource HeaderRow = resource("HeaderRow");

  /** A row of the timeline (of the gazetteer: one entry); it becomes at least one resource. */
  public static final Resource ContentRow = resource("ContentRow");

  /** The closing summary's heading or one of its counts. */
  public static final Resource SummaryRow = resource("SummaryRow");

  /** The ways the date of an event is found. */
  public static final Resource DateBases = resource("DateBases");

  /** The row gives the day in its date cell or its text. */
  public static final Resource DateAsWritten = resource("DateAsWritten");

  /** The row has no date but refers back to the row above (同…), whose day it takes. */
  public static final Resource DateFromRowAbove = resource("DateFromRowAbove");

  /**
   * The row gives no day; only certain bounds are stated with tonet:notBefore / tonet:notAfter
   * (none when none are certain).
   */
  public static final Resource DateUnknown = resource("DateUnknown");

  /** Whether a municipality is a city or a town. */
  public static final Resource MunicipalityKinds = resource("MunicipalityKinds");

  /** A city (市). */
  public static final Resource City = resource("City");

  /** A town (町). */
  public static final Resource Town = resource("Town");

  /** How a period of a municipality's name and kind can begin. */
  public static final Resource MunicipalChanges = resource("MunicipalChanges");

  /** Several municipalities merged into a new one (新設合併). */
  public static final Resource Merger = resource("Merger");

  /** A town became a city, staying the same municipality (市制施行). */
  public static final Resource CityStatusGranted = resource("CityStatusGranted");

  /** The legal forms of organizations the timeline names. */
  public static final Resource LegalForms = resource("LegalForms");

  /**
   * An association that has no legal personality but has its own rules, a representative and
   * property, and is treated as an association in law (権利能力なき社団).
   */
  public static final Resource AssociationWithoutLegalPersonality =
      resource("AssociationWithoutLegalPersonality");

  /**
   * Of all content and summary rows of the source, the share that became at least one resource
   * other than an unread row (0 to 1).
   */
  public static final Resource ContentRowsConverted = resource("ContentRowsConverted");

  /**
   * Of all events (schema:Event), the share whose day is known (schema:startDate), 0 to 1; the
   * others carry only their certain bounds.
   */
  public static final Resource DatesToTheDay = resource("DatesToTheDay");

  /**
   * Of the data's resources that have a label, the share that also have an English one (@en), 0 to
   * 1.
   */
  public static final Resource EnglishLabels = resource("EnglishLabels");

  /**
   * Of the data's triples, the share whose subject is a source itself (a row, a document, a rule)
   * or names its sources with prov:wasInfluencedBy, 0 to 1.
   */
  public static final Resource StatementsWithProvenance = resource("StatementsWithProvenance");

  /**
   * Of the SHACL node shapes (ontology/shapes.ttl) and the consistency checks (queries/checks/),
   * the share with no violation, 0 to 1.
   */
  public static final Resource ChecksPassed = resource("ChecksPassed");

  /** The row's 1-based line number in its source file. */
  public static final Property lineNumber = property("lineNumber");

  /** The line's text as written, tabs included: the only place raw markup may appear. */
  public static final Property sourceText = property("sourceText");

  /** The source file's name. */
  public static final Property fileName = property("fileName");

  /** The hex SHA-256 of the source file's bytes. */
  public static final Property sha256 = property("sha256");

  /** The number of lines in the source file, blank ones included. */
  public static final Property lineCount = property("lineCount");

  /** The N of 第N回 / 第N期 (for an ordinary assembly, the number of the business term). */
  public static final Property ordinal = property("ordinal");

  /** The number of participants. */
  public static final Property attendance = property("attendance");

  /** Stated with every attendance: true when written with 約, else false. */
  public static final Property attendanceApproximate = property("attendanceApproximate");

  /** The N of 参加登録者N人を超える. */
  public static final Property registrantThreshold = property("registrantThreshold");

  /** The number of participating medical institutions and others (参加医療機関等) reached on the day. */
  public static final Property participatingInstitutions = property("participatingInstitutions");

  /** True for a resolution in writing (書面表決). */
  public static final Property heldInWriting = property("heldInWriting");

  /** The 1-based position of the item on the agenda. */
  public static final Property position = property("position");

  /** True when the item carries the draft mark （案）. */
  public static final Property isDraft = property("isDraft");

  /** The earliest day an undated event can have happened, or a series have begun (inclusive). */
  public static final Property notBefore = property("notBefore");

  /** The latest day an undated event can have happened, or a series have begun (inclusive). */
  public static final Property notAfter = property("notAfter");

  /** True when the source marks a beginning with ～ and gives no end: it began then and went on. */
  public static final Property openEnded = property("openEnded");

  /** The number reported. */
  public static final Property count = property("count");

  /** The day the summary speaks of. */
  public static final Property asOf = property("asOf");

  /** How often the series met, as written (月1～2回程度必要に応じて). */
  public static final Property frequency = property("frequency");

  /** Why the row could not be read. */
  public static final Property problem = property("problem");

  /** A note written after ※ on the row, as written; stated as a skos:note too. */
  public static final Property note = property("note");

  /**
   * A bracketed explanation written after a name (e.g. 圏域の行政担当課長会議): it tells the scope of the
   * name, it does not define it; stated as a skos:scopeNote and a skos:note too.
   */
  public static final Property gloss = property("gloss");

  /**
   * Marks a statement about the resource that is our reading, not a statement of the source (the
   * evidence is in seeds/decisions.tsv); stated as a skos:note too.
   */
  public static final Property readingNote = property("readingNote");

  /** The role the line plays in the table. */
  public static final Property rowKind = property("rowKind");

  /**
   * From every resource made from a table row that happened at a time, to its fiscal year (a series
   * spans years and has none).
   */
  public static final Property fiscalYear = property("fiscalYear");

  /** From a meeting to each of its agenda items; the inverse is tonet:agendaOf. */
  public static final Property agendaItem = property("agendaItem");

  /** From an agenda item to the one meeting that took it up. */
  public static final Property agendaOf = property("agendaOf");

  /**
   * From an agenda item to what it is about: the system, the council, a symposium, a fiscal year;
   * stated as dcterms:subject too.
   */
  public static final Property concerns = property("concerns");

  /** From an agenda item to the fiscal year it is about (平成23年度決算 → FY2011). */
  public static final Property concernsFiscalYear = property("concernsFiscalYear");

  /**
   * From an agenda item proposing a dissolution (解散（案）) to the organization: a proposal, not a
   * dissolution.
   */
  public static final Property proposesDissolutionOf = property("proposesDissolutionOf");

  /** How the date was found: tonet:DateAsWritten, tonet:DateFromRowAbove or tonet:DateUnknown. */
  public static final Property dateBasis = property("dateBasis");

  /** The meeting series the count counts. */
  public static final Property countOf = property("countOf");

  /** From a meeting held as a joint meeting (…との合同会議) to the other body. */
  public static final Property jointMeetingWith = property("jointMeetingWith");

  /** A lecturer invited to the meeting; stated as schema:performer too. */
  public static final Property lecturer = property("lecturer");

  /** The information system an event concerns; stated as schema:about too. */
  public static final Property system = property("system");

  /**
   * The plan submitted or adopted (the submission and the adoption are schema.org actions); stated
   * as schema:object too.
   */
  public static final Property plan = property("plan");

  /**
   * The organization whose legal form changed (it stays the same organization); stated as
   * schema:about too.
   */
  public static final Property organization = property("organization");

  /**
   * The legal form after the change: a concept of tonet:LegalForms such as
   * tonet:AssociationWithoutLegalPersonality.
   */
  public static final Property legalForm = property("legalForm");

  /** The organization whose joining brought the count to the milestone. */
  public static final Property joinedOrganization = property("joinedOrganization");

  /**
   * From a municipality to each period in which it had one name and one kind; the inverse is
   * tonet:statusOf.
   */
  public static final Property municipalStatus = property("municipalStatus");

  /** From a period of a name and kind to its municipality. */
  public static final Property statusOf = property("statusOf");

  /** Whether the municipality was a city or a town in that period. */
  public static final Property municipalityKind = property("municipalityKind");

  /** How the period began: tonet:Merger or tonet:CityStatusGranted. */
  public static final Property formedBy = property("formedBy");

  /**
   * From a place to its standard area code of statistical LOD: the plain code (sac:C11210) on a
   * prefecture or municipality, the dated codes of the period (sac:C11210-20100323) on a municipal
   * status. A code is not the place (neither owl:sameAs nor skos:closeMatch): this is a dedicated
   * property for a place's code, as the Japanese IMI core vocabulary gives an address its
   * municipality code (市区町村コード).
   */
  public static final Property areaCode = property("areaCode");

  /**
   * The 6-digit 全国地方公共団体コード of a prefecture or municipality (its code of today) and of a municipal
   * status (the code of its period): the 5-digit standard area code with its check digit, as
   * municipal open data is keyed. Aligned to the IMI core vocabulary's 都道府県コード and 市区町村コード in
   * ontology/tonet-imi.ttl.
   */
  public static final Property localGovernmentCode = property("localGovernmentCode");

  private static Resource resource(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS, local);
  }
}
