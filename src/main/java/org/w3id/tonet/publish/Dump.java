package org.w3id.tonet.publish;

import java.util.List;

/**
 * The files of a dump, each with its media type and what it holds.
 *
 * <pre>
 * Dump.TURTLE.fileName(); // "tonet.ttl"
 * </pre>
 */
public enum Dump {
  TURTLE("tonet.ttl", "text/turtle", "the data graph in Turtle"),
  NTRIPLES("tonet.nt", "application/n-triples", "the data graph in N-Triples"),
  JSONLD("tonet.jsonld", "application/ld+json", "the data graph in JSON-LD"),
  RDFXML("tonet.rdf", "application/rdf+xml", "the data graph in RDF/XML"),
  ONTOLOGY("tonet-ontology.ttl", "text/turtle", "the tonet ontology in Turtle"),
  TRIG(
      "tonet.trig",
      "application/trig",
      "every graph (data, ontology, description) in TriG; its description graph has "
          + Dump.TRIG_LACKS
          + " statements fewer than void.ttl and the endpoint's graph/meta: the size and checksum"
          + " of this file and of its gzip copy, which no file can hold of itself"),
  CONTEXT("context.jsonld", "application/ld+json", "the JSON-LD @context of tonet.jsonld");

  /**
   * How many statements the description inside tonet.trig lacks: for tonet.trig and tonet.trig.gz
   * each, dcat:byteSize, spdx:checksum and the checksum's type, algorithm and value.
   */
  public static final int TRIG_LACKS = 10;

  /** The dataset description (VoID and DCAT) written beside the dumps. */
  public static final String VOID = "void.ttl";

  /** The checksum list, in the format of sha256sum. */
  public static final String SHA256SUMS = "SHA256SUMS";

  private final String fileName;
  private final String mediaType;
  private final String description;

  Dump(String fileName, String mediaType, String description) {
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.description = description;
  }

  /** The file's name in the dump folder. */
  public String fileName() {
    return fileName;
  }

  /** Its gzip copy's name. */
  public String gzipName() {
    return fileName + ".gz";
  }

  /** Its IANA media type. */
  public String mediaType() {
    return mediaType;
  }

  /** What it holds, in English. */
  public String description() {
    return description;
  }

  /** The dumps that hold RDF (every one but the context). */
  public static List<Dump> rdf() {
    return List.of(TURTLE, NTRIPLES, JSONLD, RDFXML, ONTOLOGY, TRIG);
  }
}
