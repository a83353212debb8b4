package org.w3id.tonet.publish;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.model.Identity;
import org.w3id.tonet.model.Name;
import org.w3id.tonet.model.Timeline;
import org.w3id.tonet.opendata.Download;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.rdf.PROV;
import org.w3id.tonet.rdf.Prefixes;
import org.w3id.tonet.rdf.SCHEMA;
import org.w3id.tonet.rdf.TONET;

/**
 * The dataset description (the meta graph, void.ttl, /.well-known/void): VoID statistics and access
 * points, and DCAT 3 / DCAT-AP 3 for data portals, with the licence, rights and provenance.
 *
 * <pre>
 * Model meta = DatasetDescription.builder(iris, data, timeline.source(), council)
 *     .file(Dump.TURTLE.fileName(), sha256, size)
 *     .license("https://creativecommons.org/licenses/by/4.0/")
 *     .build();
 * </pre>
 *
 * <p>No blank nodes and no clock readings: the same input gives the same description.
 */
public final class DatasetDescription {

  static final String SPDX = "http://spdx.org/rdf/terms#";
  static final String IANA = "http://www.iana.org/assignments/media-types/";
  private static final String EU_THEME =
      "http://publications.europa.eu/resource/authority/data-theme/";
  private static final String EU_LANGUAGE =
      "http://publications.europa.eu/resource/authority/language/";

  /**
   * One file of the dump.
   *
   * @param sha256 its hex SHA-256, or null when it cannot be stated (the file holds this
   *     description)
   * @param size its size in bytes, or -1 when not stated
   */
  public record FileInfo(String sha256, long size) {}

  private final Iris iris;
  private final Model data;
  private final Timeline.SourceInfo source;
  private final Identity identity;
  private final Name council;
  private final Map<String, FileInfo> files = new LinkedHashMap<>();
  private final Map<String, Download> views = new LinkedHashMap<>();
  private String license;
  private Publisher publisher = Publisher.UNNAMED;

  /** The vCard namespace DCAT-AP uses for contact points. */
  public static final String VCARD = "http://www.w3.org/2006/vcard/ns#";

  private Quality quality;

  /** The W3C Data Quality Vocabulary. */
  public static final String DQV = "http://www.w3.org/ns/dqv#";

  private DatasetDescription(Iris iris, Model data, Timeline.SourceInfo source, Council council) {
    this.iris = Objects.requireNonNull(iris, "iris");
    this.data = Objects.requireNonNull(data, "data");
    this.source = Objects.requireNonNull(source, "source");
    this.identity = council.identity();
    this.council =
        council
            .lexicon()
            .bySlug(identity.council())
            .orElseThrow(() -> new IllegalStateException("no council " + identity.council()));
  }

  /**
   * Starts a description of a data graph made from a council's table; its folder's identity gives
   * the titles, description, keywords, attribution and publisher.
   */
  public static DatasetDescription builder(
      Iris iris, Model data, Timeline.SourceInfo source, Council council) {
    return new DatasetDescription(iris, data, source, council);
  }

  /** Adds a dump file with its checksum (null when it cannot be stated) and size. */
  public DatasetDescription file(String fileName, String sha256, long size) {
    files.put(Objects.requireNonNull(fileName, "fileName"), new FileInfo(sha256, size));
    return this;
  }

  /**
   * Adds a file of the open-data views (CSV, the event list, the IMI view) as a distribution of its
   * own media type; its size and checksum come with {@link #file}.
   */
  public DatasetDescription download(Download view) {
    views.put(view.fileName(), view);
    return this;
  }

  /** Adds the build's quality measurements (DQV); without it, none are stated. */
  public DatasetDescription quality(Quality measured) {
    this.quality = measured;
    return this;
  }

  /** Sets who publishes (dct:publisher, dcat:contactPoint); without it, the defaults. */
  public DatasetDescription publisher(Publisher who) {
    this.publisher = Objects.requireNonNull(who, "who");
    return this;
  }

  /** Sets the licence (dcterms:license); without it, no licence is claimed. */
  public DatasetDescription license(String licenseIri) {
    this.license = licenseIri;
    return this;
  }

  /** The description graph. */
  public Model build() {
    Model meta = ModelFactory.createDefaultModel();
    Prefixes.apply(meta);
    meta.setNsPrefix("foaf", FOAF.NS);
    meta.setNsPrefix("spdx", SPDX);
    meta.setNsPrefix("vcard", VCARD);
    if (quality != null) {
      meta.setNsPrefix("dqv", DQV);
    }
    Resource dataset = meta.createResource(iris.dataset());
    describeDataset(meta, dataset);
    VoidStatistics.describe(meta, dataset, data, iris);
    distributions(meta, dataset);
    service(meta, dataset);
    quality(meta, dataset);
    return meta;
  }

  private void describeDataset(Model meta, Resource dataset) {
    dataset.addProperty(RDF.type, DCAT.Dataset);
    dataset.addProperty(RDF.type, VOID.Dataset);
    dataset.addProperty(RDF.type, SCHEMA.Dataset);
    text(dataset, DCTerms.title, identity.title());
    text(dataset, RDFS.label, identity.title());
    // The short name the site's pages are headed with.
    text(dataset, DCTerms.alternative, identity.siteName());
    text(dataset, DCTerms.description, identity.description());
    for (String keyword : identity.keywordsJa()) {
      dataset.addProperty(DCAT.keyword, keyword, "ja");
    }
    for (String keyword : identity.keywordsEn()) {
      dataset.addProperty(DCAT.keyword, keyword, "en");
    }
    Resource health = meta.createResource(EU_THEME + "HEAL").addProperty(RDF.type, SKOS.Concept);
    health.addProperty(SKOS.prefLabel, "Health", "en");
    dataset.addProperty(DCAT.theme, health);
    Resource japanese =
        meta.createResource(EU_LANGUAGE + "JPN").addProperty(RDF.type, DCTerms.LinguisticSystem);
    Resource english =
        meta.createResource(EU_LANGUAGE + "ENG").addProperty(RDF.type, DCTerms.LinguisticSystem);
    dataset.addProperty(DCTerms.language, japanese);
    dataset.addProperty(DCTerms.language, english);
    Resource landing = meta.createResource(iris.base()).addProperty(RDF.type, FOAF.Document);
    dataset.addProperty(DCAT.landingPage, landing);

    Resource council = meta.createResource(iris.organization(this.council.slug()));
    council.addProperty(RDF.type, FOAF.Agent);
    council.addProperty(FOAF.name, this.council.labelJa(), "ja");
    dataset.addProperty(DCTerms.rightsHolder, council);
    Resource rights = meta.createResource(iris.dataset() + "/rights");
    rights.addProperty(RDF.type, DCTerms.RightsStatement);
    rights.addProperty(RDFS.label, identity.attribution(), "ja");
    dataset.addProperty(DCTerms.rights, rights);
    if (license != null) {
      dataset.addProperty(DCTerms.license, licenseResource(meta));
    }
    publisher(meta, dataset);

    Resource seed = meta.createResource(iris.source(source.shortHash()));
    seed.addProperty(RDF.type, TONET.SourceDocument);
    seed.addProperty(RDF.type, PROV.Entity);
    String title = source.title().isEmpty() ? source.fileName() : source.title();
    seed.addProperty(DCTerms.title, title, "ja");
    text(
        seed,
        DCTerms.description,
        "協議会が公開した経過表（" + source.fileName() + "）。",
        "The timeline table published by the council (" + source.fileName() + ").");
    seed.addProperty(DCTerms.rightsHolder, council);
    seed.addProperty(TONET.sha256, source.sha256());
    dataset.addProperty(DCTerms.source, seed);

    gazetteer(meta, dataset);
    // The source tables are datasets (DCAT-AP gives dcterms:source the range dcat:Dataset), but
    // not ours: typed dcat:Dataset, a harvester that reads types as written (CKAN's ckanext-dcat)
    // would list them as two more, empty, datasets of this publication. Their class says it, so
    // DCAT-AP's shapes and RDFS reasoners find them datasets, and harvesters find one: this.
    meta.createResource(TONET.SourceDocument.getURI()).addProperty(RDFS.subClassOf, DCAT.Dataset);
    temporal(meta, dataset);
    spatial(meta, dataset, council);
  }

  /**
   * Who publishes (dct:publisher, a foaf:Agent) and how to reach them (dcat:contactPoint, a vCard
   * with an e-mail or a web address), as DCAT-AP 3 recommends. Each part is the command line's when
   * it gives one, else the council folder's identity's (its publisher, publisher-page and contact),
   * else a default that says whoever runs the publication at the base IRI publishes it ({@link
   * Publisher}).
   */
  private void publisher(Model meta, Resource dataset) {
    Resource agent = meta.createResource(publisher.iri(iris));
    agent.addProperty(RDF.type, FOAF.Agent);
    // The folder's publisher is named in its languages, with its page; a name given on the command
    // line names another agent, of whom the folder's page says nothing.
    boolean folderNames = publisher.name() == null && !identity.publisher().isEmpty();
    List<Literal> names =
        folderNames
            ? texts(meta, identity.publisher())
            : List.of(meta.createLiteral(publisher.name(iris)));
    names.forEach(name -> agent.addProperty(FOAF.name, name));
    if (folderNames && !identity.publisherPage().isEmpty()) {
      agent.addProperty(FOAF.homepage, meta.createResource(identity.publisherPage()));
    }
    dataset.addProperty(DCTerms.publisher, agent);
    Resource contact = meta.createResource(publisher.contactPoint(iris));
    contact.addProperty(RDF.type, meta.createResource(VCARD + "Kind"));
    names.forEach(name -> contact.addProperty(meta.createProperty(VCARD, "fn"), name));
    String address =
        publisher.contact() == null && !identity.contact().isEmpty()
            ? identity.contact()
            : publisher.contact(iris);
    contact.addProperty(
        meta.createProperty(VCARD, address.startsWith("mailto:") ? "hasEmail" : "hasURL"),
        meta.createResource(address));
    dataset.addProperty(DCAT.contactPoint, contact);
  }

  /** The hand-kept gazetteer the places come from: the dataset's second source. */
  private void gazetteer(Model meta, Resource dataset) {
    for (Resource g : data.listSubjectsWithProperty(RDF.type, TONET.Gazetteer).toList()) {
      Resource r = meta.createResource(g.getURI());
      r.addProperty(RDF.type, TONET.Gazetteer);
      r.addProperty(RDF.type, TONET.SourceDocument);
      r.addProperty(RDF.type, PROV.Entity);
      g.listProperties(DCTerms.title)
          .forEachRemaining(t -> r.addProperty(DCTerms.title, t.getObject()));
      text(r, DCTerms.description, identity.gazetteer());
      g.listProperties(TONET.sha256)
          .forEachRemaining(t -> r.addProperty(TONET.sha256, t.getObject()));
      dataset.addProperty(DCTerms.source, r);
    }
  }

  /** The area the council serves is the area the dataset covers (dcterms:spatial). */
  private void spatial(Model meta, Resource dataset, Resource council) {
    TreeSet<String> areas = new TreeSet<>();
    data.listObjectsOfProperty(data.getResource(council.getURI()), SCHEMA.areaServed)
        .forEachRemaining(o -> areas.add(o.asResource().getURI()));
    for (String area : areas) {
      Resource location = meta.createResource(area);
      location.addProperty(RDF.type, DCTerms.Location);
      data.getResource(area)
          .listProperties(RDFS.label)
          .forEachRemaining(l -> location.addProperty(RDFS.label, l.getObject()));
      dataset.addProperty(DCTerms.spatial, location);
    }
  }

  private void temporal(Model meta, Resource dataset) {
    TreeSet<String> days = new TreeSet<>();
    for (Property p : List.of(SCHEMA.startDate, SCHEMA.endDate)) {
      data.listObjectsOfProperty(p).forEachRemaining(o -> days.add(o.asLiteral().getLexicalForm()));
    }
    if (days.isEmpty()) {
      return;
    }
    Resource period = meta.createResource(iris.dataset() + "/period");
    period.addProperty(RDF.type, DCTerms.PeriodOfTime);
    period.addLiteral(DCAT.startDate, date(meta, days.first()));
    period.addLiteral(DCAT.endDate, date(meta, days.last()));
    dataset.addProperty(DCTerms.temporal, period);
  }

  private void distributions(Model meta, Resource dataset) {
    Resource gzip = mediaType(meta, "application/gzip");
    for (Dump dump : Dump.values()) {
      for (boolean compressed : List.of(false, true)) {
        String name = compressed ? dump.gzipName() : dump.fileName();
        FileInfo info = files.get(name);
        if (info == null) {
          continue;
        }
        Resource download = meta.createResource(iris.base() + "downloads/" + name);
        download.addProperty(RDF.type, RDFS.Resource);
        Resource distribution = meta.createResource(iris.base() + "id/distribution/" + name);
        distribution.addProperty(RDF.type, DCAT.Distribution);
        distribution.addProperty(DCTerms.title, name);
        distribution.addProperty(DCTerms.description, description(dump, compressed), "en");
        distribution.addProperty(DCAT.accessURL, download);
        distribution.addProperty(DCAT.downloadURL, download);
        distribution.addProperty(DCAT.mediaType, mediaType(meta, dump.mediaType()));
        if (compressed) {
          distribution.addProperty(DCAT.compressFormat, gzip);
        }
        checksum(meta, distribution, info);
        dataset.addProperty(DCAT.distribution, distribution);
        if (dump != Dump.CONTEXT && dump != Dump.ONTOLOGY && !compressed) {
          dataset.addProperty(VOID.dataDump, download);
        }
      }
    }
    for (Download view : views.values()) {
      FileInfo info = files.get(view.fileName());
      if (info == null) {
        continue;
      }
      Resource distribution =
          distribution(meta, view.fileName(), view.description(), view.mediaType(), info);
      if (view.conformsTo() != null) {
        Resource standard = meta.createResource(view.conformsTo());
        standard.addProperty(RDF.type, DCTerms.Standard);
        distribution.addProperty(DCTerms.conformsTo, standard);
      }
      dataset.addProperty(DCAT.distribution, distribution);
    }
  }

  /** A distribution of a file that is not a dump: its download, type, size and checksum. */
  private Resource distribution(
      Model meta, String name, String description, String mediaType, FileInfo info) {
    Resource download = meta.createResource(iris.base() + "downloads/" + name);
    download.addProperty(RDF.type, RDFS.Resource);
    Resource distribution = meta.createResource(iris.base() + "id/distribution/" + name);
    distribution.addProperty(RDF.type, DCAT.Distribution);
    distribution.addProperty(DCTerms.title, name);
    distribution.addProperty(DCTerms.description, description, "en");
    distribution.addProperty(DCAT.accessURL, download);
    distribution.addProperty(DCAT.downloadURL, download);
    distribution.addProperty(DCAT.mediaType, mediaType(meta, mediaType));
    checksum(meta, distribution, info);
    return distribution;
  }

  /** A distribution's size, checksum and licence, where known. */
  private void checksum(Model meta, Resource distribution, FileInfo info) {
    if (info.size() >= 0) {
      distribution.addLiteral(DCAT.byteSize, nonNegative(meta, info.size()));
    }
    if (info.sha256() != null) {
      Resource checksum = meta.createResource(distribution.getURI() + "/checksum");
      checksum.addProperty(RDF.type, meta.createResource(SPDX + "Checksum"));
      Resource sha = meta.createResource(SPDX + "checksumAlgorithm_sha256");
      sha.addProperty(RDF.type, meta.createResource(SPDX + "ChecksumAlgorithm"));
      checksum.addProperty(meta.createProperty(SPDX, "algorithm"), sha);
      checksum.addLiteral(
          meta.createProperty(SPDX, "checksumValue"),
          meta.createTypedLiteral(info.sha256(), XSDDatatype.XSDhexBinary));
      distribution.addProperty(meta.createProperty(SPDX, "checksum"), checksum);
    }
    if (license != null) {
      distribution.addProperty(DCTerms.license, licenseResource(meta));
    }
  }

  /**
   * The build's quality, in DQV: one dqv:QualityMeasurement per metric of the ontology, computed on
   * the dataset, its value a share from 0 to 1 (xsd:decimal) and its label the counts behind it.
   * The metrics' labels are repeated here, so void.ttl reads on its own.
   */
  private void quality(Model meta, Resource dataset) {
    if (quality == null) {
      return;
    }
    Resource measurementClass = meta.createResource(DQV + "QualityMeasurement");
    Resource metricClass = meta.createResource(DQV + "Metric");
    Model ontology = org.w3id.tonet.rdf.Ontology.ontology();
    for (Quality.Measurement m : quality.measurements()) {
      Resource r = meta.createResource(iris.dataset() + "/quality/" + m.slug());
      r.addProperty(RDF.type, measurementClass);
      r.addProperty(meta.createProperty(DQV, "computedOn"), dataset);
      r.addProperty(meta.createProperty(DQV, "isMeasurementOf"), m.metric());
      r.addLiteral(
          meta.createProperty(DQV, "value"),
          meta.createTypedLiteral(m.value().toPlainString(), XSDDatatype.XSDdecimal));
      text(r, RDFS.label, m.labelJa(), m.labelEn());
      dataset.addProperty(meta.createProperty(DQV, "hasQualityMeasurement"), r);
      Resource metric = meta.createResource(m.metric().getURI());
      metric.addProperty(RDF.type, metricClass);
      ontology
          .getResource(m.metric().getURI())
          .listProperties(RDFS.label)
          .forEachRemaining(l -> metric.addProperty(RDFS.label, l.getObject()));
    }
  }

  private void service(Model meta, Resource dataset) {
    Resource endpoint = meta.createResource(iris.base() + "sparql");
    endpoint.addProperty(RDF.type, RDFS.Resource);
    Resource service = meta.createResource(iris.base() + "id/service/sparql");
    service.addProperty(RDF.type, DCAT.DataService);
    text(
        service,
        DCTerms.title,
        new Identity.Text(
            identity.siteName().ja() + " SPARQL エンドポイント",
            "SPARQL endpoint of the " + identity.siteName().en()));
    service.addProperty(DCAT.endpointURL, endpoint);
    service.addProperty(DCAT.endpointDescription, endpoint);
    Resource standard = meta.createResource("https://www.w3.org/TR/sparql11-protocol/");
    standard.addProperty(RDF.type, DCTerms.Standard);
    service.addProperty(DCTerms.conformsTo, standard);
    service.addProperty(DCAT.servesDataset, dataset);
    if (license != null) {
      service.addProperty(DCTerms.license, licenseResource(meta));
    }
  }

  private Resource licenseResource(Model meta) {
    Resource r = meta.createResource(license);
    r.addProperty(RDF.type, DCTerms.LicenseDocument);
    return r;
  }

  private static Resource mediaType(Model meta, String type) {
    return meta.createResource(IANA + type).addProperty(RDF.type, DCTerms.MediaType);
  }

  /** A text in Japanese and in English. */
  static void text(Resource r, Property p, String ja, String en) {
    r.addProperty(p, ja, "ja");
    r.addProperty(p, en, "en");
  }

  /** A text of the identity, in each language it is given in. */
  private static void text(Resource r, Property p, Identity.Text text) {
    texts(r.getModel(), text).forEach(literal -> r.addProperty(p, literal));
  }

  /** The literals of a text of the identity: one for each language it is given in. */
  private static List<Literal> texts(Model meta, Identity.Text text) {
    List<Literal> literals = new java.util.ArrayList<>();
    if (!text.ja().isEmpty()) {
      literals.add(meta.createLiteral(text.ja(), "ja"));
    }
    if (!text.en().isEmpty()) {
      literals.add(meta.createLiteral(text.en(), "en"));
    }
    return literals;
  }

  private static Literal date(Model meta, String day) {
    return meta.createTypedLiteral(day, XSDDatatype.XSDdate);
  }

  /** DCAT byte sizes are xsd:nonNegativeInteger. */
  private static Literal nonNegative(Model meta, long n) {
    return meta.createTypedLiteral(Long.toString(n), XSDDatatype.XSDnonNegativeInteger);
  }

  /**
   * A distribution's description: the dump's, with "gzip-compressed" after what the file holds (the
   * TriG's own remark, after a semicolon, stays last).
   */
  static String description(Dump dump, boolean compressed) {
    String d = dump.description();
    if (!compressed) {
      return d;
    }
    int semicolon = d.indexOf(';');
    return semicolon < 0
        ? d + ", gzip-compressed"
        : d.substring(0, semicolon) + ", gzip-compressed" + d.substring(semicolon);
  }
}
