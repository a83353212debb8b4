package org.w3id.tonet.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDFS;

/**
 * The tonet ontology and SHACL shapes as shipped (ontology/tonet.ttl, ontology/shapes.ttl), and the
 * superclasses of each class, which every instance states because Fuseki does no inference.
 *
 * <pre>
 * Ontology.superclasses(TONET.ExtraordinaryGeneralAssembly);
 * // [tonet:GeneralAssembly, tonet:Meeting, schema:Event]
 * </pre>
 */
public final class Ontology {

  private static final Model ONTOLOGY = load("/ontology/tonet.ttl");
  private static final Map<Resource, List<Resource>> SUPERCLASSES = new ConcurrentHashMap<>();

  private Ontology() {}

  /** A fresh copy of the ontology graph. */
  public static Model ontology() {
    return ModelFactory.createDefaultModel().add(ONTOLOGY);
  }

  /** A fresh copy of the SHACL shapes graph. */
  public static Model shapes() {
    return load("/ontology/shapes.ttl");
  }

  /** Every superclass the ontology declares for a class, transitively, in a stable order. */
  public static List<Resource> superclasses(Resource type) {
    return SUPERCLASSES.computeIfAbsent(type, Ontology::walk);
  }

  /** The superproperties the ontology states for a property (rdfs:subPropertyOf), not walked. */
  public static List<Resource> directSuperproperties(Resource property) {
    return ONTOLOGY
        .listObjectsOfProperty(ONTOLOGY.createResource(property.getURI()), RDFS.subPropertyOf)
        .filterKeep(RDFNode::isURIResource)
        .mapWith(RDFNode::asResource)
        .toList();
  }

  /** The inverse the ontology declares for a property (owl:inverseOf), if any. */
  public static Optional<Resource> inverse(Resource property) {
    return ONTOLOGY
        .listObjectsOfProperty(ONTOLOGY.createResource(property.getURI()), OWL.inverseOf)
        .filterKeep(RDFNode::isURIResource)
        .mapWith(RDFNode::asResource)
        .nextOptional();
  }

  private static List<Resource> walk(Resource type) {
    Set<Resource> found = new LinkedHashSet<>();
    Deque<Resource> todo = new ArrayDeque<>(List.of(type));
    while (!todo.isEmpty()) {
      Resource next = todo.pop();
      for (RDFNode parent :
          ONTOLOGY
              .listObjectsOfProperty(ONTOLOGY.createResource(next.getURI()), RDFS.subClassOf)
              .toList()) {
        if (parent.isURIResource() && found.add(parent.asResource())) {
          todo.add(parent.asResource());
        }
      }
    }
    return List.copyOf(found);
  }

  private static Model load(String path) {
    try (InputStream in = Ontology.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the class path");
      }
      Model model = ModelFactory.createDefaultModel();
      RDFParser.source(in).lang(Lang.TURTLE).parse(model);
      return model;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
