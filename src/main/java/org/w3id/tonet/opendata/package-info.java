/**
 * The files Japanese open-data portals and spreadsheet users read, made from a build's data graph:
 * a CSV per kind of thing with CSV on the Web metadata (and a copy that opens in Excel), the
 * standard event list of the recommended municipal data sets (イベント一覧), and a view of the data in
 * the IMI core vocabulary. Nothing here reads the council's table: every file is a view of the
 * triples, so it says nothing the RDF does not.
 *
 * <p>Uses {@code council}, {@code model} and {@code rdf}; used by {@code publish}, whose export and
 * description list its files, and by {@code server.site}, whose pages' JSON {@code JsonOut} writes.
 */
package org.w3id.tonet.opendata;
