package org.w3id.tonet.server;

import java.util.Map;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.Site;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.source.SourceException;

/**
 * The seed published under a public base, and its static site, made once per test run and shared by
 * the tests that only read them (rendering every page and document of the site takes seconds):
 *
 * <pre>
 * String html = new String(PublishedSeed.files().get("ontology.html"), StandardCharsets.UTF_8);
 * </pre>
 */
final class PublishedSeed {

  /** The base IRI, as behind a reverse proxy. */
  static final String BASE = "https://lod.example.jp/tonet/";

  private static Site site;
  private static Map<String, byte[]> files;

  private PublishedSeed() {}

  /** The seed's site under {@link #BASE}, with no licence (shared: do not change its models). */
  static synchronized Site site() throws SourceException {
    if (site == null) {
      site =
          Site.of(
              TestSeeds.build(TestSeeds.seed(), TimelineParser.Mode.STRICT, new Iris(BASE)), null);
    }
    return site;
  }

  /** Every file of its static site, by path ({@link StaticSite#files}). */
  static synchronized Map<String, byte[]> files() throws SourceException {
    if (files == null) {
      files = StaticSite.files(site());
    }
    return files;
  }
}
