package org.w3id.tonet.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The schema.org terms tonet-lod uses, in the http://schema.org/ namespace of schema.org's own
 * JSON-LD context (Jena's SchemaDO uses https).
 *
 * <pre>
 * model.add(meeting, SCHEMA.startDate, "2010-07-20", XSDDatatype.XSDdate);
 * </pre>
 */
public final class SCHEMA {

  /** The namespace, http://schema.org/. */
  public static final String NS = "http://schema.org/";

  private SCHEMA() {}

  /** The namespace as a string. */
  public static String getURI() {
    return NS;
  }

  /** An event happening at a certain time and location. */
  public static final Resource Event = resource("Event");

  /** A series of events. */
  public static final Resource EventSeries = resource("EventSeries");

  /** An organization. */
  public static final Resource Organization = resource("Organization");

  /** A person. */
  public static final Resource Person = resource("Person");

  /** A place. */
  public static final Resource Place = resource("Place");

  /** A geographical region under the jurisdiction of a government. */
  public static final Resource AdministrativeArea = resource("AdministrativeArea");

  /** A creative work. */
  public static final Resource CreativeWork = resource("CreativeWork");

  /** A software application. */
  public static final Resource SoftwareApplication = resource("SoftwareApplication");

  /** A dataset. */
  public static final Resource Dataset = resource("Dataset");

  /** The start date of an event (xsd:date here). */
  public static final Property startDate = property("startDate");

  /** The end date of an event (xsd:date here). */
  public static final Property endDate = property("endDate");

  /** Where an event happened. */
  public static final Property location = property("location");

  /** Who organized an event. */
  public static final Property organizer = property("organizer");

  /** The event series or larger event an event belongs to. */
  public static final Property superEvent = property("superEvent");

  /** A place that contains this one. */
  public static final Property containedInPlace = property("containedInPlace");

  /** A place that this one contains. */
  public static final Property containsPlace = property("containsPlace");

  /** The area an organization serves. */
  public static final Property areaServed = property("areaServed");

  /** The organization a person is affiliated with. */
  public static final Property affiliation = property("affiliation");

  /** A description. */
  public static final Property description = property("description");

  /** Who acted. */
  public static final Property agent = property("agent");

  /** To whom. */
  public static final Property recipient = property("recipient");

  /** The name of an item. */
  public static final Property name = property("name");

  /** A performer at an event (a lecturer). */
  public static final Property performer = property("performer");

  /** The subject matter of an event. */
  public static final Property about = property("about");

  /** The object an action acts upon (a plan submitted or adopted). */
  public static final Property object = property("object");

  /** A co-agent of an action (the recipient of a plan). */
  public static final Property participant = property("participant");

  /** An organization a person is a member of (affiliation implies it). */
  public static final Property memberOf = property("memberOf");

  private static Resource resource(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS, local);
  }
}
