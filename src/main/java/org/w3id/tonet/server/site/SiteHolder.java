package org.w3id.tonet.server.site;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.w3id.tonet.publish.BuildCache;
import org.w3id.tonet.publish.Site;
import org.w3id.tonet.server.cache.CompressionShare;
import org.w3id.tonet.server.cache.LruBytes;
import org.w3id.tonet.server.http.ClientAddress;

/**
 * The published site, set once the server knows its port and has loaded the data; until then
 * requests are answered 503.
 *
 * <pre>
 * SiteHolder holder = new SiteHolder();
 * holder.set(site);
 * </pre>
 */
public final class SiteHolder {

  private final AtomicReference<Site> site = new AtomicReference<>();
  private final AtomicReference<Site> early = new AtomicReference<>();
  private final AtomicReference<Links> links = new AtomicReference<>();
  private final AtomicReference<Pages> pages = new AtomicReference<>();
  private final CompletableFuture<Site> whole = new CompletableFuture<>();
  private final LruBytes<String, byte[]> gzipped;
  private final java.time.Duration maxAge;
  private final CompressionShare compression;

  /**
   * A holder that keeps gzip copies of answers and pages up to {@code gzipBytes}, lets others keep
   * what it serves for {@code maxAge}, and shares the compression of what is not kept by {@code
   * compression}.
   */
  public SiteHolder(long gzipBytes, java.time.Duration maxAge, CompressionShare compression) {
    this.gzipped = new LruBytes<>(gzipBytes, b -> b.length + 64L);
    this.maxAge = maxAge;
    this.compression = compression;
  }

  public SiteHolder() {
    this(
        8L << 20,
        java.time.Duration.ofMinutes(5),
        new CompressionShare(
            CompressionShare.DEFAULT, ClientAddress.trusting(java.util.List.of())));
  }

  /** Each client's share of compressing what is not kept compressed. */
  public CompressionShare compression() {
    return compression;
  }

  /** How long browsers, proxies and CDNs may keep what is served. */
  java.time.Duration maxAge() {
    return maxAge;
  }

  /** Gzip copies of what was sent, by ETag. */
  public LruBytes<String, byte[]> gzipped() {
    return gzipped;
  }

  public void set(Site value) {
    Links l = new Links(value.base());
    links.set(l);
    pages.set(new Pages(l, Pages.Masthead.of(value)));
    site.set(value);
    early.set(null); // not kept for the server's life (an unfinished site holds a copy of the data)
    whole.complete(value);
  }

  /** The server did not start: whoever waits for the site is told so. */
  public void startFailed(Throwable why) {
    whole.completeExceptionally(why);
  }

  /**
   * The site once it is set, for what waits for it (a query the early site cannot answer yet);
   * failed when the start fails. Callers add their own time limit to a {@link
   * CompletableFuture#copy() copy}.
   */
  public CompletableFuture<Site> whole() {
    return whole;
  }

  /** The site, or null while starting. */
  public Site site() {
    return site.get();
  }

  /**
   * Before the site is loaded: a site that can answer SPARQL queries and nothing else — the kept
   * build in a TDB2 database (its store, its base and its tag are those of the site to come; {@link
   * BuildCache#described}), or a cold start's {@link Site#unfinished unfinished} site, whose
   * answers are the finished site's but are neither kept nor tagged, and which stops a query that
   * reaches what is still to come.
   */
  public void answerQueries(Site described) {
    early.set(described);
  }

  /** The site SPARQL queries are answered from: the site, or before it, the early one, or null. */
  public Site queryable() {
    Site s = site.get();
    return s != null ? s : early.get();
  }

  public Links links() {
    return links.get();
  }

  public Pages pages() {
    return pages.get();
  }
}
