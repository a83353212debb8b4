package org.w3id.tonet.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The OWL-Time terms tonet-lod uses.
 *
 * <pre>
 * model.add(fiscalYear, TIME.hasBeginning, instant);
 * </pre>
 */
public final class TIME {

  /** The namespace, http://www.w3.org/2006/time#. */
  public static final String NS = "http://www.w3.org/2006/time#";

  private TIME() {}

  /** The namespace as a string. */
  public static String getURI() {
    return NS;
  }

  /** A temporal entity with zero extent. */
  public static final Resource Instant = ResourceFactory.createResource(NS + "Instant");

  /** An instant or an interval: OWL-Time's superclass of both, stated with either. */
  public static final Resource TemporalEntity =
      ResourceFactory.createResource(NS + "TemporalEntity");

  /** The beginning of a temporal entity. */
  public static final Property hasBeginning = ResourceFactory.createProperty(NS, "hasBeginning");

  /** The end of a temporal entity. */
  public static final Property hasEnd = ResourceFactory.createProperty(NS, "hasEnd");

  /** The position of an instant as an xsd:date. */
  public static final Property inXSDDate = ResourceFactory.createProperty(NS, "inXSDDate");
}
