package org.w3id.tonet.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The PROV-O terms tonet-lod uses.
 *
 * <pre>
 * model.add(meeting, PROV.wasDerivedFrom, sourceRow);
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

  /** A resource made from another (here: from a source row). */
  public static final Property wasDerivedFrom =
      ResourceFactory.createProperty(NS, "wasDerivedFrom");
}
