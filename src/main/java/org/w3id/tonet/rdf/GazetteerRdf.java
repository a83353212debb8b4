package org.w3id.tonet.rdf;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.tonet.model.Gazetteer;

/**
 * Adds the gazetteer's places to a data graph: the prefecture, the healthcare area the council
 * serves and its municipalities with their dated names and kinds, each linked to the statistical
 * LOD standard area codes (and to Wikidata where sourced) with skos:closeMatch; and places each
 * venue of the data in its municipality.
 *
 * <pre>
 * GazetteerRdf.addTo(data, GazetteerTable.bundled(), iris);
 * // &lt;id/place/kazo&gt; skos:closeMatch sac:C11210, sac:C11210-20100323 .
 * // &lt;id/venue/pastoral-kazo&gt; schema:containedInPlace &lt;id/place/kazo&gt; .
 * </pre>
 *
 * <p>Places come from the gazetteer, not from the seed, so they are derived from the gazetteer's
 * resource (prov:wasDerivedFrom, a tonet:Gazetteer) and cite the sources of their rows
 * (dcterms:source). Never owl:sameAs: a code or a Wikidata item is not our place, only close to it.
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
      }
    }
    for (Gazetteer.AreaServed a : gazetteer.served()) {
      Resource org = model.createResource(iris.organization(a.organization()));
      if (model.contains(org, RDF.type, TONET.Organization)) {
        org.addProperty(SCHEMA.areaServed, model.createResource(iris.place(a.place())));
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
      }
    }
    List<Gazetteer.Status> statuses = gazetteer.statusesOf(place.slug());
    Set<String> codes = new LinkedHashSet<>(place.codes());
    Set<String> dated = new LinkedHashSet<>(place.datedCodes());
    // The current status comes last in the table; its code is the municipality's code today,
    // so it is listed first.
    for (int i = statuses.size() - 1; i >= 0; i--) {
      codes.add(statuses.get(i).code());
      dated.addAll(statuses.get(i).datedCodes());
    }
    if (!codes.isEmpty()) {
      r.addProperty(DCTerms.identifier, codes.iterator().next());
    }
    for (String code : codes) {
      r.addProperty(SKOS.closeMatch, model.createResource(STANDARD_AREA_CODES + "C" + code));
    }
    for (String code : dated) {
      r.addProperty(SKOS.closeMatch, model.createResource(STANDARD_AREA_CODES + code));
    }
    if (!place.wikidata().isEmpty()) {
      r.addProperty(SKOS.closeMatch, model.createResource(WIKIDATA + place.wikidata()));
    }
    for (Gazetteer.Status status : statuses) {
      r.addProperty(TONET.municipalStatus, model.createResource(statusIri(status)));
      if (!status.labelJa().equals(place.labelJa())) {
        r.addProperty(SKOS.altLabel, status.labelJa(), "ja");
      }
    }
    provenance(r, place.sources());
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
    if (status.from() != null) {
      r.addProperty(TIME.hasBeginning, instant(status.from()));
    }
    if (status.until() != null) {
      r.addProperty(TIME.hasEnd, instant(status.until()));
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
    for (String code : status.datedCodes()) {
      r.addProperty(SKOS.closeMatch, model.createResource(STANDARD_AREA_CODES + code));
    }
    if (!status.noteJa().isEmpty()) {
      r.addProperty(SKOS.historyNote, status.noteJa(), "ja");
    }
    if (!status.noteEn().isEmpty()) {
      r.addProperty(SKOS.historyNote, status.noteEn(), "en");
    }
    provenance(r, status.sources());
  }

  // ---- small pieces ----------------------------------------------------------------------

  private String statusIri(Gazetteer.Status status) {
    return iris.placeStatus(status.place(), status.slug());
  }

  private Resource instant(LocalDate day) {
    return Instants.of(model, iris, day);
  }

  private void provenance(Resource r, List<String> sourceIds) {
    r.addProperty(PROV.wasDerivedFrom, document);
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
