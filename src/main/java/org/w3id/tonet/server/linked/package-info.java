/**
 * The linked-data documents: {@code /id/} and its 303s, {@code /page/} and {@code /data/} ({@code
 * LinkedDataServlet}), the graph names ({@code GraphServlet}), the ontology ({@code
 * OntologyServlet}), the dataset description ({@code DescriptionServlet}) and the dumps ({@code
 * DownloadsServlet}).
 *
 * <p>The top of the server's roles: it uses {@code server.sparql} (the service description is one
 * of the documents), {@code server.site}, {@code server.http} and {@code server.cache}; only {@code
 * server} uses it.
 */
package org.w3id.tonet.server.linked;
