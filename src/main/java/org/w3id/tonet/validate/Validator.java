package org.w3id.tonet.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.tonet.rdf.Ontology;
import org.w3id.tonet.rdf.PROV;
import org.w3id.tonet.rdf.Prefixes;
import org.w3id.tonet.rdf.TONET;

/**
 * Validates a data graph against ontology/shapes.ttl and the consistency checks of queries/checks/,
 * and names the source lines of every resource at fault.
 *
 * <pre>
 * List&lt;Violation&gt; faults = Validator.validate(dataModel);
 * faults.forEach(System.err::println); // line 20: …/id/assembly/extraordinary/2 …
 * </pre>
 */
public final class Validator {

  private static final Model SHAPES_MODEL = Ontology.shapes();
  private static final Shapes SHAPES = Shapes.parse(SHAPES_MODEL.getGraph());

  private Validator() {}

  /** Every SHACL violation and failed consistency check, in source-line order. */
  public static List<Violation> validate(Model data) {
    List<Violation> found = new ArrayList<>(shacl(data));
    found.addAll(Checks.run(data));
    found.sort(
        Comparator.comparing((Violation v) -> v.lines().isEmpty() ? 0 : v.lines().get(0))
            .thenComparing(Violation::focus)
            .thenComparing(Violation::path));
    return found;
  }

  /** SHACL violations only. */
  public static List<Violation> shacl(Model data) {
    ValidationReport report =
        ShaclValidator.get().validate(SHAPES, new TypeIndexedGraph(data.getGraph()));
    PrefixMap prefixes = PrefixMapFactory.create(Prefixes.all());
    List<Violation> found = new ArrayList<>();
    for (ReportEntry entry : report.getEntries()) {
      Node focus = entry.focusNode();
      Resource r = data.wrapAsResource(focus);
      String path =
          entry.resultPath() == null
              ? ""
              : entry
                  .resultPath()
                  .toString(new org.apache.jena.sparql.core.Prologue(Prefixes.asMapping()));
      Node source = nodeShape(entry.source());
      String shape =
          source != null && source.isURI()
              ? shortName(source, prefixes)
              : entry.constraint().getComponent().getLocalName();
      found.add(
          new Violation(
              focus.isURI() ? focus.getURI() : focus.toString(),
              labelJa(r),
              path,
              entry.message(),
              lines(r),
              shape));
    }
    return found;
  }

  /** Every node shape of ontology/shapes.ttl, by its name (tsh:Dated …). */
  public static List<String> nodeShapes() {
    return SHAPES_MODEL
        .listSubjectsWithProperty(
            RDF.type, SHAPES_MODEL.createResource("http://www.w3.org/ns/shacl#NodeShape"))
        .filterKeep(Resource::isURIResource)
        .mapWith(r -> shortName(r.asNode(), null))
        .toList()
        .stream()
        .sorted()
        .toList();
  }

  /**
   * The node shape a result comes from: its property shapes are blank nodes, named by the node
   * shape that holds them (sh:property), so a report and the quality count name the shape.
   */
  private static Node nodeShape(Node source) {
    if (source == null || source.isURI()) {
      return source;
    }
    Resource holder =
        SHAPES_MODEL
            .listSubjectsWithProperty(
                SHAPES_MODEL.createProperty("http://www.w3.org/ns/shacl#property"),
                SHAPES_MODEL.wrapAsResource(source))
            .nextOptional()
            .orElse(null);
    return holder == null ? source : holder.asNode();
  }

  /**
   * The seed's line numbers of the rows a resource was made from, or its own line. Gazetteer rows
   * and rules are left out: a report's line numbers are the seed's.
   */
  static List<Integer> lines(Resource r) {
    TreeSet<Integer> lines = new TreeSet<>();
    Statement own = r.getProperty(TONET.lineNumber);
    if (own != null && !r.hasProperty(RDF.type, TONET.GazetteerRow)) {
      lines.add(own.getInt());
    }
    for (RDFNode row : r.getModel().listObjectsOfProperty(r, PROV.wasInfluencedBy).toList()) {
      if (!row.isURIResource() || row.asResource().hasProperty(RDF.type, TONET.GazetteerRow)) {
        continue;
      }
      Statement n = row.asResource().getProperty(TONET.lineNumber);
      if (n != null) {
        lines.add(n.getInt());
      } else {
        lines.addAll(lineFromIri(row.asResource().getURI()));
      }
    }
    return List.copyOf(lines);
  }

  /** A source-row IRI ends in /line/{n}: usable even when the row's own triples are missing. */
  private static List<Integer> lineFromIri(String iri) {
    int at = iri.lastIndexOf("/line/");
    if (at < 0) {
      return List.of();
    }
    try {
      return List.of(Integer.parseInt(iri.substring(at + "/line/".length())));
    } catch (NumberFormatException e) {
      return List.of();
    }
  }

  static String labelJa(Resource r) {
    for (Statement s : r.listProperties(RDFS.label).toList()) {
      if (s.getObject().isLiteral() && s.getLanguage().equals("ja")) {
        return s.getString();
      }
    }
    return "";
  }

  private static String shortName(Node node, PrefixMap prefixes) {
    if (!node.isURI()) {
      return "shape";
    }
    String iri = node.getURI();
    int hash = iri.lastIndexOf('#');
    return hash >= 0 ? "tsh:" + iri.substring(hash + 1) : iri;
  }

  /** A model holding the data and the ontology, as the SPARQL default graph does. */
  static Model withOntology(Model data) {
    return ModelFactory.createUnion(data, Ontology.ontology());
  }
}
