/**
 * The HTTP edge, what every request meets before any page: Jetty fitted for a public endpoint
 * ({@code JettySetup}), the first handler with its security headers, CORS, methods and address
 * length ({@code EdgeHandler}, {@code SecurityHeaders}), connections per client and slow headers
 * ({@code ConnectionGuard}: near the connection cap it makes room among clients), refusals counted
 * per client and logged once a minute ({@code Refusals}, as a metric: {@code Metrics}), who the
 * client is ({@code ClientAddress}), bodies read and sent without holding a thread ({@code
 * BodyReader}, {@code AsyncBody}), form decoding, Jetty's own error pages ({@code
 * PlainErrorHandler}), plain replies ({@code Replies}), the request log, and content negotiation
 * with the RDF writers it chooses between ({@code Conneg}, {@code RdfWriters}).
 *
 * <p>The lowest of the server's roles: it uses nothing of the server (only {@code publish}'s sorted
 * writers and the engine's sizes); every role above it may use it: {@code server.cache}, {@code
 * server.site}, {@code server.sparql}, {@code server.linked} and {@code server}.
 */
package org.w3id.tonet.server.http;
