/**
 * The SPARQL endpoint as served at {@code /sparql}: the SPARQL 1.1 Protocol ({@code SparqlHandler}:
 * reading the request, {@code SparqlRequest}; choosing the format, {@code ResultFormats}; running
 * or sharing a run, {@code QueryRuns}), the page people query it from ({@code SparqlPage}), the
 * example queries with their results ({@code QueryServlet}) and the service description. The engine
 * that runs the queries is {@code org.w3id.tonet.sparql}, below.
 *
 * <p>Uses {@code server.site}, {@code server.http}, {@code server.cache} and the engine; may be
 * used by {@code server.linked} (which dereferences the service description) and {@code server}.
 */
package org.w3id.tonet.server.sparql;
