package org.w3id.tonet.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The PROV-O terms tonet-lod uses.
 *
 * <pre>
 * model.add(meeting, PROV.wasInfluencedBy, sourceRow);
 * </pre>
 */
public final class PROV {

  /** The namespace, http://www.w3.org/ns/prov#. */
  public static final String NS = "http://www.w3.org/ns/prov#";

  private PROV() {}

  /** The namespace as a string. */
  public static String getURI() {
    return NS;
  }

  /** An entity made from another (here: from a source row); stated on prov:Entity only. */
  public static final Property wasDerivedFrom =
      ResourceFactory.createProperty(NS, "wasDerivedFrom");

  /**
   * What influenced a resource (here: every source row or rule it draws on); valid for entities,
   * activities and agents alike.
   */
  public static final Property wasInfluencedBy =
      ResourceFactory.createProperty(NS, "wasInfluencedBy");

  /** The activity that generated an entity. */
  public static final Property wasGeneratedBy =
      ResourceFactory.createProperty(NS, "wasGeneratedBy");

  /** The entities an activity generated (the inverse of prov:wasGeneratedBy). */
  public static final Property generated = ResourceFactory.createProperty(NS, "generated");

  /** What a resource influenced (the inverse of prov:wasInfluencedBy). */
  public static final Property influenced = ResourceFactory.createProperty(NS, "influenced");

  /** A direct representation of an entity (here: a source row's text). */
  public static final Property value = ResourceFactory.createProperty(NS, "value");

  /** A thing with some fixed aspects. */
  public static final Resource Entity = ResourceFactory.createResource(NS + "Entity");

  /** Something that occurs over a period of time and acts upon or with entities. */
  public static final Resource Activity = ResourceFactory.createResource(NS + "Activity");
}
