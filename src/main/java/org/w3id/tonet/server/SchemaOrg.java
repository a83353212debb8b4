package org.w3id.tonet.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.tonet.rdf.SCHEMA;
import org.w3id.tonet.rdf.TONET;

/**
 * The schema.org JSON-LD each page embeds, so search engines see events, places, organizations and
 * the dataset.
 *
 * <pre>
 * String json = SchemaOrg.forResource(model, iri, links); // {"@context":"http://schema.org",…}
 * </pre>
 */
final class SchemaOrg {

  /** schema.org's own context maps its terms to http://schema.org/, as our data does. */
  private static final String CONTEXT = "http://schema.org";

  private SchemaOrg() {}

  /** The JSON-LD of a resource page. */
  static String forResource(Model model, String iri, Links links) {
    return Json.write(describe(model, model.getResource(iri), links, true));
  }

  private static Map<String, Object> describe(Model model, Resource r, Links links, boolean top) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (top) {
      json.put("@context", CONTEXT);
    }
    json.put("@type", type(r));
    json.put("@id", r.getURI());
    json.put("name", Labels.name(model, r.getURI()));
    String en = Labels.of(model, r.getURI(), "en");
    if (en != null && !en.equals(json.get("name"))) {
      json.put("alternateName", en);
    }
    if (links.isLocal(r.getURI())) {
      json.put("url", links.page(r.getURI()));
    }
    if (!top) {
      return json;
    }
    if (json.get("@type").equals("Dataset")) {
      // What dataset search engines require of a Dataset besides its name.
      String description = text(model, r, DCTerms.description, "en");
      json.put(
          "description",
          description != null ? description : text(model, r, DCTerms.description, "ja"));
      json.put("identifier", r.getURI());
      Resource license = r.getPropertyResourceValue(DCTerms.license);
      json.put("license", license == null ? null : license.getURI());
      json.put("creator", linked(model, r, DCTerms.rightsHolder, links, "Organization"));
    }
    json.put("startDate", literal(r, SCHEMA.startDate));
    json.put("endDate", literal(r, SCHEMA.endDate));
    json.put("location", linked(model, r, SCHEMA.location, links));
    json.put("organizer", linked(model, r, SCHEMA.organizer, links));
    json.put("containedInPlace", linked(model, r, SCHEMA.containedInPlace, links));
    json.put("superEvent", linked(model, r, SCHEMA.superEvent, links));
    json.put("affiliation", linked(model, r, SCHEMA.affiliation, links));
    json.put("areaServed", linked(model, r, SCHEMA.areaServed, links));
    Statement attendance = r.getProperty(TONET.attendance);
    if (attendance != null) {
      json.put(
          "description",
          (r.hasLiteral(TONET.attendanceApproximate, true) ? "約" : "")
              + attendance.getInt()
              + "人参加");
    }
    return json;
  }

  private static String type(Resource r) {
    if (r.hasProperty(RDF.type, SCHEMA.EventSeries)) {
      return "EventSeries";
    }
    if (r.hasProperty(RDF.type, SCHEMA.Event)) {
      return "Event";
    }
    if (r.hasProperty(RDF.type, SCHEMA.Place)) {
      return "Place";
    }
    if (r.hasProperty(RDF.type, SCHEMA.Organization)) {
      return "Organization";
    }
    if (r.hasProperty(RDF.type, SCHEMA.Person)) {
      return "Person";
    }
    if (r.hasProperty(RDF.type, SCHEMA.SoftwareApplication)) {
      return "SoftwareApplication";
    }
    // Only a dataset that can say what it is: a Dataset without a description is one that
    // dataset search engines reject, and a source table is a work the dataset is based on.
    if (r.hasProperty(RDF.type, DCAT.Dataset) && r.hasProperty(DCTerms.description)) {
      return "Dataset";
    }
    if (r.hasProperty(RDF.type, DCAT.Dataset) || r.hasProperty(RDF.type, TONET.SourceDocument)) {
      return "CreativeWork";
    }
    return "Thing";
  }

  private static Object linked(
      Model model, Resource r, org.apache.jena.rdf.model.Property p, Links links) {
    List<Object> values = new ArrayList<>();
    for (RDFNode o : model.listObjectsOfProperty(r, p).toList()) {
      if (o.isURIResource()) {
        values.add(describe(model, o.asResource(), links, false));
      }
    }
    return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : values;
  }

  private static String literal(Resource r, org.apache.jena.rdf.model.Property p) {
    Statement s = r.getProperty(p);
    return s == null || !s.getObject().isLiteral() ? null : s.getLiteral().getLexicalForm();
  }

  /** The JSON-LD of the landing page: the dataset, for dataset search engines. */
  static String forDataset(Site site, Links links, Map<String, String> downloads) {
    Model meta = site.meta();
    Resource dataset = meta.getResource(site.iris().dataset());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("@context", CONTEXT);
    json.put("@type", "Dataset");
    json.put("@id", dataset.getURI());
    json.put("name", text(meta, dataset, DCTerms.title, "ja"));
    json.put("alternateName", text(meta, dataset, DCTerms.title, "en"));
    json.put("description", text(meta, dataset, DCTerms.description, "en"));
    json.put("url", links.home());
    json.put("inLanguage", List.of("ja", "en"));
    json.put("identifier", dataset.getURI());
    json.put("keywords", keywords(dataset));
    // Only a licence that was given (--license) is stated; without one, none is claimed.
    Resource license = dataset.getPropertyResourceValue(DCTerms.license);
    json.put("license", license == null ? null : license.getURI());
    Resource period = dataset.getPropertyResourceValue(DCTerms.temporal);
    if (period != null) {
      json.put(
          "temporalCoverage",
          literal(period, DCAT.startDate) + "/" + literal(period, DCAT.endDate));
    }
    json.put("spatialCoverage", linked(site.union(), dataset, DCTerms.spatial, links, "Place"));
    // The council made the table the data is made from: it is the rights holder of the source
    // document the description names, and the creator search engines ask for.
    Object council = linked(site.union(), dataset, DCTerms.rightsHolder, links, "Organization");
    json.put("creator", council);
    json.put("copyrightHolder", council);
    json.put("isBasedOn", sources(site.union(), dataset, links));
    // The attribution the council asks for, as the description's rights statement words it.
    Resource rights = dataset.getPropertyResourceValue(DCTerms.rights);
    json.put("creditText", rights == null ? null : text(meta, rights, RDFS.label, "ja"));
    List<Object> distributions = new ArrayList<>();
    for (Map.Entry<String, String> d : downloads.entrySet()) {
      Map<String, Object> download = new LinkedHashMap<>();
      download.put("@type", "DataDownload");
      download.put("contentUrl", links.download(d.getKey()));
      download.put("encodingFormat", d.getValue());
      distributions.add(download);
    }
    json.put("distribution", distributions);
    return Json.write(json);
  }

  /** The dataset's keywords (dcat:keyword), Japanese and English, as the description has them. */
  private static List<String> keywords(Resource dataset) {
    List<String> keywords = new ArrayList<>();
    for (Statement s : dataset.listProperties(DCAT.keyword).toList()) {
      if (s.getObject().isLiteral()) {
        keywords.add(s.getString());
      }
    }
    keywords.sort(null);
    return keywords.isEmpty() ? null : keywords;
  }

  /** The resources a property links to, as schema.org nodes of a type, named from the union. */
  private static Object linked(
      Model union, Resource r, org.apache.jena.rdf.model.Property p, Links links, String type) {
    List<Object> values = new ArrayList<>();
    for (RDFNode o : r.getModel().listObjectsOfProperty(r, p).toList()) {
      if (o.isURIResource()) {
        Map<String, Object> node =
            describe(union, union.getResource(o.asResource().getURI()), links, false);
        node.put("@type", type);
        values.add(node);
      }
    }
    return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : values;
  }

  /** The source tables the dataset is made from (dcterms:source), each with who made it. */
  private static Object sources(Model union, Resource dataset, Links links) {
    List<Object> values = new ArrayList<>();
    for (RDFNode o : dataset.getModel().listObjectsOfProperty(dataset, DCTerms.source).toList()) {
      if (!o.isURIResource()) {
        continue;
      }
      Resource source = o.asResource();
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("@type", "CreativeWork");
      node.put("@id", source.getURI());
      String ja = text(source.getModel(), source, DCTerms.title, "ja");
      node.put("name", ja != null ? ja : text(source.getModel(), source, DCTerms.title, "en"));
      if (links.isLocal(source.getURI())) {
        node.put("url", links.page(source.getURI()));
      }
      node.put("creator", linked(union, source, DCTerms.rightsHolder, links, "Organization"));
      values.add(node);
    }
    return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : values;
  }

  private static String text(
      Model model, Resource r, org.apache.jena.rdf.model.Property p, String lang) {
    for (Statement s : r.listProperties(p).toList()) {
      if (s.getObject().isLiteral() && s.getLanguage().equals(lang)) {
        return s.getString();
      }
    }
    return null;
  }
}
