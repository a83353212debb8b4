package org.w3id.tonet.rdf;

import java.time.LocalDate;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.tonet.model.Gazetteer;
import org.w3id.tonet.model.LocalGovernmentCode;

/**
 * Adds the gazetteer's places to a data graph: the prefecture, the healthcare area the council
 * serves and its municipalities with their dated names and kinds, each linked to its statistical
 * LOD standard area code with tonet:areaCode (and to Wikidata with skos:closeMatch where sourced);
 * and places each venue of the data in its municipality.
 *
 * <pre>
 * GazetteerRdf.addTo(data, GazetteerTable.bundled(), iris);
 * // &lt;id/place/kazo&gt; tonet:areaCode sac:C11210 ; tonet:localGovernmentCode "112101" .
 * // &lt;id/place/kazo/status/city-2010&gt; tonet:areaCode sac:C11210-20100323 .
 * // &lt;id/venue/pastoral-kazo&gt; schema:containedInPlace &lt;id/place/kazo&gt; .
 * </pre>
 *
 * <p>Places come from the gazetteer, not from the seed: every statement names the gazetteer row it
 * comes from (prov:wasInfluencedBy a tonet:GazetteerRow with an IRI of its own), and places cite
 * the sources of their rows (dcterms:source). A code is a place's code, not the place: never
 * owl:sameAs, and not skos:closeMatch either, which would make the place a skos:Concept.
 */
public final class GazetteerRdf {

  /** Plain and dated standard area codes: {@code C11210}, {@code C11210-20100323}. */
  public static final String STANDARD_AREA_CODES = "http://data.e-stat.go.jp/lod/sac/";

  /** Wikidata items, in their concept-IRI form. */
  public static final String WIKIDATA = "http://www.wikidata.org/entity/";

  private final Model model;
  private final Gazetteer gazetteer;
  private final Iris iris;
  private final Resource document;

  private GazetteerRdf(Model model, Gazetteer gazetteer, Iris iris) {
    this.model = model;
    this.gazetteer = gazetteer;
    this.iris = iris;
    this.document = model.createResource(iris.gazetteer());
  }

  /** Adds the places, their history and the venues' municipalities to the data graph. */
  public static void addTo(Model model, Gazetteer gazetteer, Iris iris) {
    new GazetteerRdf(model, gazetteer, iris).build();
  }

  private void build() {
    describeDocument();
    for (Gazetteer.Place place : gazetteer.places()) {
      place(place);
    }
    for (Gazetteer.Status status : gazetteer.statuses()) {
      status(status);
    }
    // Only venues and organizations the data already has: a gazetteer row alone makes no venue.
    for (Gazetteer.VenuePlacement v : gazetteer.venues()) {
      Resource venue = model.createResource(iris.venue(v.venue()));
      if (model.contains(venue, RDF.type, TONET.Venue)) {
        venue.addProperty(SCHEMA.containedInPlace, model.createResource(iris.place(v.place())));
        venue.addProperty(PROV.wasInfluencedBy, row(Gazetteer.venueKey(v.venue())));
      }
    }
    for (Gazetteer.AreaServed a : gazetteer.served()) {
      Resource org = model.createResource(iris.organization(a.organization()));
      if (model.contains(org, RDF.type, TONET.Organization)) {
        org.addProperty(SCHEMA.areaServed, model.createResource(iris.place(a.place())));
        org.addProperty(PROV.wasInfluencedBy, row(Gazetteer.servesKey(a)));
      }
    }
  }

  private void describeDocument() {
    type(document, TONET.Gazetteer);
    document.addProperty(DCTerms.title, "地名辞書（" + gazetteer.fileName() + "）", "ja");
    document.addProperty(RDFS.label, "地名辞書（" + gazetteer.fileName() + "）", "ja");
    document.addProperty(RDFS.label, "Gazetteer " + gazetteer.fileName(), "en");
    document.addProperty(TONET.fileName, gazetteer.fileName());
    document.addProperty(TONET.sha256, gazetteer.sha256());
    document.addLiteral(TONET.lineCount, integer(gazetteer.lineCount()));
    for (Gazetteer.Source source : gazetteer.sources()) {
      document.addProperty(DCTerms.source, model.createResource(source.iri()));
    }
  }

  private void place(Gazetteer.Place place) {
    Resource r = model.createResource(iris.place(place.slug()));
    type(
        r,
        switch (place.type()) {
          case PREFECTURE -> TONET.Prefecture;
          case HEALTHCARE_AREA -> TONET.HealthcareArea;
          case MUNICIPALITY -> TONET.Municipality;
        });
    labels(r, place.labelJa(), place.labelEn(), place.labelLatn());
    for (String slug : place.within()) {
      Resource outer = model.createResource(iris.place(slug));
      r.addProperty(SCHEMA.containedInPlace, outer);
      // The area states what it contains as well, so either direction can be queried without
      // inference (Fuseki does none).
      if (gazetteer.place(slug).map(p -> p.type() == Gazetteer.PlaceType.HEALTHCARE_AREA).get()) {
        outer.addProperty(SCHEMA.containsPlace, r);
        outer.addProperty(PROV.wasInfluencedBy, row(Gazetteer.placeKey(place.slug())));
      }
    }
    List<Gazetteer.Status> statuses = gazetteer.statusesOf(place.slug());
    // The current status comes last in the table; its code is the municipality's code today.
    String today =
        statuses.isEmpty()
            ? place.codes().stream().findFirst().orElse(null)
            : statuses.get(statuses.size() - 1).code();
    if (today != null) {
      r.addProperty(DCTerms.identifier, today);
      // Only the code of today: 白岡市 is not 白岡町's code C11445, which its status of the time
      // carries (as its dated code).
      r.addProperty(TONET.areaCode, model.createResource(STANDARD_AREA_CODES + "C" + today));
      r.addProperty(TONET.localGovernmentCode, LocalGovernmentCode.of(today).value());
    }
    // Dated codes belong to the period they are valid in, that is to a municipal status; the
    // prefecture has none, so its row's dated code is not stated.
    if (!place.wikidata().isEmpty()) {
      r.addProperty(SKOS.closeMatch, model.createResource(WIKIDATA + place.wikidata()));
      // SKOS's domain of skos:closeMatch: a place matched to a Wikidata item is a skos:Concept.
      r.addProperty(RDF.type, SKOS.Concept);
    }
    r.addProperty(PROV.wasInfluencedBy, row(Gazetteer.placeKey(place.slug())));
    for (Gazetteer.Status status : statuses) {
      r.addProperty(TONET.municipalStatus, model.createResource(statusIri(status)));
      r.addProperty(PROV.wasInfluencedBy, row(Gazetteer.statusKey(status)));
      if (!status.labelJa().equals(place.labelJa())) {
        r.addProperty(SKOS.altLabel, status.labelJa(), "ja");
      }
    }
    citations(r, place.sources());
  }

  private void status(Gazetteer.Status status) {
    Resource r = model.createResource(statusIri(status));
    type(r, TONET.MunicipalStatus);
    labels(r, status.labelJa(), status.labelEn(), status.labelLatn());
    r.addProperty(
        TONET.municipalityKind,
        switch (status.kind()) {
          case CITY -> TONET.City;
          case TOWN -> TONET.Town;
        });
    Resource source = row(Gazetteer.statusKey(status));
    if (status.from() != null) {
      r.addProperty(
          TIME.hasBeginning, instant(status.from()).addProperty(PROV.wasInfluencedBy, source));
    }
    if (status.until() != null) {
      r.addProperty(TIME.hasEnd, instant(status.until()).addProperty(PROV.wasInfluencedBy, source));
    }
    if (status.formedBy() != null) {
      r.addProperty(
          TONET.formedBy,
          switch (status.formedBy()) {
            case MERGER -> TONET.Merger;
            case CITY_STATUS -> TONET.CityStatusGranted;
          });
    }
    r.addProperty(DCTerms.identifier, status.code());
    // The period's own code: 白岡町 (11445) had 114456 until 2012-09-30, 白岡市 has 112461.
    r.addProperty(TONET.localGovernmentCode, LocalGovernmentCode.of(status.code()).value());
    for (String code : status.datedCodes()) {
      r.addProperty(TONET.areaCode, model.createResource(STANDARD_AREA_CODES + code));
    }
    if (!status.noteJa().isEmpty()) {
      r.addProperty(SKOS.historyNote, status.noteJa(), "ja");
    }
    if (!status.noteEn().isEmpty()) {
      r.addProperty(SKOS.historyNote, status.noteEn(), "en");
    }
    r.addProperty(PROV.wasInfluencedBy, source);
    citations(r, status.sources());
  }

  // ---- small pieces ----------------------------------------------------------------------

  private String statusIri(Gazetteer.Status status) {
    return iris.placeStatus(status.place(), status.slug());
  }

  private Resource instant(LocalDate day) {
    return Instants.of(model, iris, day);
  }

  /**
   * The resource of a gazetteer row, described once: a tonet:GazetteerRow, part of the gazetteer,
   * with its line and text.
   */
  private Resource row(String key) {
    Gazetteer.Row row =
        gazetteer
            .row(key)
            .orElseThrow(() -> new IllegalStateException("the gazetteer has no row " + key));
    Resource r = model.createResource(iris.gazetteerRow(row.key()));
    if (!r.hasProperty(RDF.type)) {
      type(r, TONET.GazetteerRow);
      r.addProperty(RDFS.label, gazetteer.fileName() + " " + row.line() + "行目", "ja");
      r.addProperty(RDFS.label, gazetteer.fileName() + " line " + row.line(), "en");
      r.addLiteral(TONET.lineNumber, integer(row.line()));
      r.addProperty(TONET.sourceText, row.text());
      r.addProperty(TONET.rowKind, TONET.ContentRow);
      r.addProperty(DCTerms.isPartOf, document);
    }
    return r;
  }

  /** The sources the gazetteer cites for a row (dcterms:source). */
  private void citations(Resource r, List<String> sourceIds) {
    for (String id : sourceIds) {
      gazetteer.sources().stream()
          .filter(s -> s.id().equals(id))
          .forEach(s -> r.addProperty(DCTerms.source, model.createResource(s.iri())));
    }
  }

  private void labels(Resource r, String ja, String en, String latn) {
    r.addProperty(RDFS.label, ja, "ja");
    if (!en.isEmpty()) {
      r.addProperty(RDFS.label, en, "en");
    }
    if (!latn.isEmpty()) {
      r.addProperty(RDFS.label, latn, "ja-Latn");
    }
  }

  private void type(Resource r, Resource type) {
    r.addProperty(RDF.type, type);
    for (Resource parent : Ontology.superclasses(type)) {
      r.addProperty(RDF.type, parent);
    }
  }

  private Literal integer(int n) {
    return model.createTypedLiteral(Integer.toString(n), XSDDatatype.XSDinteger);
  }
}
