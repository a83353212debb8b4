package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.publish.Site;
import org.w3id.tonet.server.site.Links;

/** export --site: every page, document and dump as a static file, every link resolving. */
class StaticSiteTest {

  private static final String BASE = PublishedSeed.BASE;
  private static final Pattern LINK = Pattern.compile("(?:href|src|action)=\"([^\"]*)\"");

  @TempDir static Path folder;
  private static Site site;

  @BeforeAll
  static void write() throws Exception {
    site = PublishedSeed.site();
    StaticSite.write(site, folder);
  }

  @Test
  void everyLocalLinkOfEveryPageResolvesToAFile() throws Exception {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path html : htmlFiles()) {
      Matcher m = LINK.matcher(Files.readString(html, StandardCharsets.UTF_8));
      while (m.find()) {
        // As a browser reads the attribute: character references replaced (the page escapes "="
        // as &#61;, which a link with two parameters, such as a query's CSV link, has twice).
        String link =
            Pattern.compile("&#([0-9]+);")
                .matcher(m.group(1).replace("&amp;", "&"))
                .replaceAll(r -> Character.toString(Integer.parseInt(r.group(1))));
        if (!link.startsWith(BASE)) {
          assertFalse(link.startsWith("http://localhost"), html + " links to " + link);
          continue;
        }
        checked++;
        if (!resolves(link)) {
          broken.add(folder.relativize(html) + " → " + link);
        }
      }
    }
    assertTrue(checked > 5000, "links checked: " + checked);
    assertTrue(
        broken.isEmpty(),
        broken.size() + " broken links, e.g. " + broken.subList(0, Math.min(10, broken.size())));
  }

  /**
   * A link resolves as the static host would: the file, NAME.html, or an /id/ of the redirect map.
   */
  private static boolean resolves(String link) throws Exception {
    String path = URI.create(link).getPath().substring(URI.create(BASE).getPath().length());
    if (path.isEmpty()) {
      return Files.isRegularFile(folder.resolve("index.html"));
    }
    if (path.startsWith("id/")) {
      String redirects = Files.readString(folder.resolve(StaticSite.NGINX));
      return redirects.contains("    /tonet/" + path + " 1;")
          && Files.isRegularFile(folder.resolve("page/" + path.substring(3) + ".html"));
    }
    return Files.isRegularFile(folder.resolve(path))
        || Files.isRegularFile(folder.resolve(path + ".html"));
  }

  @Test
  void everyIriHasAPageAndFourDocuments() throws Exception {
    List<String> ids = StaticSite.localIris(site, new Links(BASE));
    assertTrue(ids.size() > 250, "IRIs: " + ids.size());
    for (String iri : ids) {
      String path = iri.substring((BASE + "id/").length());
      assertTrue(Files.isRegularFile(folder.resolve("page/" + path + ".html")), path);
      for (String ext : List.of("ttl", "jsonld", "rdf", "nt")) {
        assertTrue(
            Files.isRegularFile(folder.resolve("data/" + path + "." + ext)), path + "." + ext);
      }
    }
    Model doc = RDFDataMgr.loadModel(folder.resolve("data/symposium/2012-03-17.jsonld").toString());
    assertTrue(doc.containsResource(doc.getResource(BASE + "id/symposium/2012-03-17")));
  }

  @Test
  void theDumpsAndTheDescriptionAreThere() throws Exception {
    for (String name :
        List.of(
            "tonet.ttl",
            "tonet.nt",
            "tonet.jsonld",
            "tonet.rdf",
            "tonet.trig",
            "tonet.ttl.gz",
            "void.ttl",
            "SHA256SUMS")) {
      assertTrue(Files.isRegularFile(folder.resolve("downloads/" + name)), name);
    }
    assertTrue(
        Files.readString(folder.resolve(".well-known/void"))
            .contains("void:sparqlEndpoint <" + BASE + "sparql>"));
  }

  @Test
  void theRedirectMapCoversEveryIriAndNegotiates() throws Exception {
    String nginx = Files.readString(folder.resolve(StaticSite.NGINX));
    List<String> ids = StaticSite.localIris(site, new Links(BASE));
    for (String iri : ids) {
      assertTrue(
          nginx.contains("    /tonet/id/" + iri.substring((BASE + "id/").length()) + " 1;"), iri);
    }
    assertTrue(nginx.contains("return 303 /tonet/page/$1;"));
    assertTrue(nginx.contains("return 303 /tonet/data/$1$tonet_rdf_ext;"));
    assertTrue(nginx.contains("add_header Vary Accept always;"));
    String netlify = Files.readString(folder.resolve(StaticSite.NETLIFY));
    assertTrue(
        netlify.contains("/tonet/id/symposium/2012-03-17 /tonet/page/symposium/2012-03-17 303"));
    assertEquals(ids.size() + 1, netlify.split("\n").length);
  }

  @Test
  void theStaticSparqlPageSaysThereIsNoEndpoint() throws Exception {
    String html = Files.readString(folder.resolve("sparql.html"));
    assertTrue(html.contains("no live SPARQL endpoint"));
    assertFalse(html.contains("<form"));
  }

  private static List<Path> htmlFiles() throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  static Set<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
    }
  }
}
