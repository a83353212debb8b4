/**
 * The server, put together: {@code TonetServer} (its options and limits, and the running server),
 * {@code ServerStart} (the start, step by step: the build read or loaded beside Jetty's start, the
 * build kept for the next one), {@code Routes} (every path and the servlet that answers it), and
 * {@code StaticSite} (what the server answers, written as static files).
 *
 * <p>The roles below it, from the bottom: {@code server.http}, {@code server.cache}, {@code
 * server.site}, {@code server.sparql}, {@code server.linked}; each uses only those before it. This
 * package may use all of them; only {@code cli} uses it.
 */
package org.w3id.tonet.server;
