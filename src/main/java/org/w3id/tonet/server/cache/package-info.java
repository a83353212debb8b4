/**
 * What the server keeps while it runs, and how clients and caches may keep it: the byte-bounded LRU
 * ({@code LruBytes}), the SPARQL answers and their keys ({@code AnswerCache}), pages made once
 * ({@code PageCache}), whole responses sent again without reaching the servlets, keyed by the
 * representation chosen ({@code ResponseCache}), each client's share of compressing what is not
 * kept ({@code CompressionShare}), and the HTTP validators: ETags from the publication's tag,
 * Cache-Control, gzip copies ({@code HttpCaching}).
 *
 * <p>Knows nothing of the site or the endpoint: uses {@code server.http} (who a client is, how a
 * request is negotiated), {@code publish} and the engine's answers; {@code server.site}, {@code
 * server.sparql}, {@code server.linked} and {@code server} may use it.
 */
package org.w3id.tonet.server.cache;
