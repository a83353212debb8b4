package org.w3id.tonet.server;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The published site, set once the server knows its port and has loaded the data; until then
 * requests are answered 503.
 *
 * <pre>
 * SiteHolder holder = new SiteHolder();
 * holder.set(site);
 * </pre>
 */
final class SiteHolder {

  private final AtomicReference<Site> site = new AtomicReference<>();
  private final AtomicReference<Links> links = new AtomicReference<>();
  private final AtomicReference<Pages> pages = new AtomicReference<>();

  void set(Site value) {
    Links l = new Links(value.base());
    links.set(l);
    pages.set(new Pages(l));
    site.set(value);
  }

  /** The site, or null while starting. */
  Site site() {
    return site.get();
  }

  Links links() {
    return links.get();
  }

  Pages pages() {
    return pages.get();
  }
}
