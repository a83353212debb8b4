package org.w3id.tonet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.server.ServerOnTestSeed;

/**
 * Every document the site serves, in every RDF format it offers, read by a parser other than the
 * one that wrote it: each {@code /id/} IRI's 303 target (found through the endpoint and the service
 * description), {@code /ontology}, {@code /void}, {@code /.well-known/void}, the graph names, the
 * service description at {@code /sparql}, and the dumps. Each answer must be 200 with the type
 * asked for; Jena reads every one and each format gives the graph the Turtle gives; rapper
 * (raptor2, installed by .ci/setup) reads every Turtle, N-Triples, TriG and N-Quads document (one
 * run per format over all of them: those syntaxes concatenate) and RDF/XML documents one by one
 * (every non-{@code /id/} document and every tenth {@code /id/} one: a run costs about 50 ms);
 * jsonld.js reads every JSON-LD document. Before, {@code /ontology} answered 500 for RDF/XML and
 * JSON-LD.
 */
class FormatWalkIT {

  /** The formats a document is offered in: media type, rapper's name for it, file extension. */
  private record Format(String type, String rapper, Lang lang) {}

  private static final List<Format> FORMATS =
      List.of(
          new Format("text/turtle", "turtle", Lang.TURTLE),
          new Format("application/n-triples", "ntriples", Lang.NTRIPLES),
          new Format("application/rdf+xml", "rdfxml", Lang.RDFXML),
          new Format("application/trig", "trig", Lang.TRIG),
          new Format("application/n-quads", "nquads", Lang.NQUADS),
          new Format("application/ld+json", null, Lang.JSONLD));

  /** Older names the documents answer too, each with the format it gets. */
  private static final Map<String, Lang> ALIASES =
      Map.of(
          "text/plain", Lang.NTRIPLES,
          "text/n3", Lang.TURTLE,
          "text/rdf+n3", Lang.TURTLE,
          "application/x-turtle", Lang.TURTLE,
          "application/json", Lang.JSONLD);

  private static final Pattern RETURNED = Pattern.compile("returned (\\d+) (?:triples|statements)");

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @RegisterExtension static final ServerOnTestSeed SERVER = new ServerOnTestSeed();

  @TempDir static Path work;

  @BeforeAll
  static void clients() {
    NodeClients.requireInstalled();
  }

  /** One document fetched in one format. */
  private record Fetched(String path, Format format, byte[] body) {}

  private static HttpResponse<byte[]> get(String url, String accept) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A document in a format: through its 303 when it is an /id/ IRI; 200 with that type. */
  private static byte[] fetch(String url, String accept) throws Exception {
    HttpResponse<byte[]> r = get(url, accept);
    String where = url + " as " + accept;
    if (url.startsWith(SERVER.server().site().base() + "id/")) {
      assertEquals(303, r.statusCode(), where);
      String location = r.headers().firstValue("Location").orElseThrow();
      r = get(location, accept);
      where += " (" + location + ")";
    }
    assertEquals(200, r.statusCode(), where + ": " + new String(r.body(), StandardCharsets.UTF_8));
    String type = r.headers().firstValue("Content-Type").orElse("");
    // JSON-LD is JSON: asked for as application/json, it comes as what it is.
    String expected = accept.equals("application/json") ? "application/ld+json" : accept;
    assertTrue(type.toLowerCase(Locale.ROOT).startsWith(expected), where + ": " + type);
    return r.body();
  }

  /** Every IRI under {base}id/ that the data and the service description name as a subject. */
  private static List<String> idIris() throws Exception {
    String base = SERVER.server().site().base();
    Set<String> iris = new TreeSet<>();
    // Asked as a client would: the endpoint for the data, the service description for its own.
    String query =
        "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"" + base + "id/\")) }";
    Model sd = parse(fetch(SERVER.url() + "sparql", "text/turtle"), Lang.TURTLE);
    try (QueryExecution q = QueryExecution.service(SERVER.url() + "sparql").query(query).build()) {
      q.execSelect().forEachRemaining(row -> iris.add(row.getResource("s").getURI()));
    }
    sd.listSubjects()
        .forEachRemaining(
            s -> {
              if (s.isURIResource() && s.getURI().startsWith(base + "id/")) {
                iris.add(s.getURI());
              }
            });
    return new ArrayList<>(iris);
  }

  private static Model parse(byte[] body, Lang lang) {
    Dataset ds = DatasetFactory.create();
    RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(ds);
    Model all = ModelFactory.createDefaultModel();
    all.add(ds.getDefaultModel());
    ds.listNames().forEachRemaining(n -> all.add(ds.getNamedModel(n)));
    return all;
  }

  @Test
  void everyDocumentInEveryFormatIsReadByAnotherParser() throws Exception {
    String base = SERVER.server().site().base();
    List<String> ids = idIris();
    assertTrue(ids.size() > 400, "the IRIs to walk: " + ids.size());
    List<String> others =
        List.of(
            "ontology",
            "void",
            ".well-known/void",
            "graph/data",
            "graph/ontology",
            "graph/meta",
            "sparql");
    List<String> urls = new ArrayList<>(ids);
    for (String path : others) {
      urls.add(SERVER.url() + path);
    }
    // Fetched four at a time; each document's formats compared with its Turtle.
    List<Fetched> fetched = Collections.synchronizedList(new ArrayList<>());
    List<String> differing = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    long started = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (String url : urls) {
        futures.add(
            pool.submit(
                () -> {
                  Model turtle = null;
                  for (Format f : FORMATS) {
                    byte[] body = fetch(url, f.type());
                    Model m = parse(body, f.lang());
                    if (turtle == null) {
                      turtle = m;
                    } else if (!m.isIsomorphicWith(turtle)) {
                      differing.add(url + " as " + f.type());
                    }
                    fetched.add(new Fetched(url, f, body));
                  }
                  if (!url.startsWith(base + "id/")) {
                    for (Map.Entry<String, Lang> alias : ALIASES.entrySet()) {
                      Model m = parse(fetch(url, alias.getKey()), alias.getValue());
                      if (!m.isIsomorphicWith(turtle)) {
                        differing.add(url + " as " + alias.getKey());
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), differing, "documents whose formats give other graphs than Turtle");
    System.out.printf(
        "FormatWalkIT: %d documents x %d formats fetched and read by Jena in %d ms%n",
        urls.size(), FORMATS.size(), (System.nanoTime() - started) / 1_000_000);

    // rapper: one run per concatenable syntax over every document, statements counted.
    for (Format f : FORMATS) {
      if (f.rapper() == null || f.lang() == Lang.RDFXML) {
        continue;
      }
      Path all = work.resolve("all." + f.rapper());
      long expected = 0;
      try (var out = Files.newOutputStream(all)) {
        for (Fetched d : fetched) {
          if (d.format() == f) {
            out.write(d.body());
            out.write('\n');
            expected += parse(d.body(), f.lang()).size();
          }
        }
      }
      assertEquals(expected, rapperCount(all, f.rapper()), "rapper on every " + f.type());
    }
    // rapper on RDF/XML, one document a run.
    int i = 0;
    for (Fetched d : fetched) {
      if (d.format().lang() != Lang.RDFXML) {
        continue;
      }
      boolean id = d.path().startsWith(base + "id/");
      if (id && i++ % 10 != 0) {
        continue;
      }
      Path file = work.resolve("doc.rdf");
      Files.write(file, d.body());
      assertEquals(
          parse(d.body(), Lang.RDFXML).size(), rapperCount(file, "rdfxml"), d.path() + " RDF/XML");
    }
    // jsonld.js on every JSON-LD document, in one run: the quads of each, counted.
    List<Fetched> jsonLd = new ArrayList<>();
    StringBuilder docs = new StringBuilder("[");
    for (Fetched d : fetched) {
      if (d.format().lang() == Lang.JSONLD) {
        docs.append(jsonLd.isEmpty() ? "" : ",\n")
            .append(new String(d.body(), StandardCharsets.UTF_8));
        jsonLd.add(d);
      }
    }
    docs.append("]");
    List<String> counts = NodeClients.run(Duration.ofMinutes(5), docs.toString(), "jsonld-count");
    assertEquals(jsonLd.size(), counts.size());
    for (int k = 0; k < jsonLd.size(); k++) {
      assertEquals(
          parse(jsonLd.get(k).body(), Lang.JSONLD).size(),
          Long.parseLong(counts.get(k)),
          jsonLd.get(k).path() + " as JSON-LD, by jsonld.js");
    }
  }

  @Test
  void everyDumpIsReadByAnotherParser() throws Exception {
    Map<String, String> dumps = new LinkedHashMap<>();
    dumps.put("tonet.ttl", "turtle");
    dumps.put("tonet.nt", "ntriples");
    dumps.put("tonet.rdf", "rdfxml");
    dumps.put("tonet-ontology.ttl", "turtle");
    dumps.put("tonet.trig", "trig");
    dumps.put("void.ttl", "turtle");
    for (Map.Entry<String, String> dump : dumps.entrySet()) {
      HttpResponse<byte[]> r = get(SERVER.url() + "downloads/" + dump.getKey(), "*/*");
      assertEquals(200, r.statusCode(), dump.getKey());
      Path file = work.resolve(dump.getKey());
      Files.write(file, r.body());
      Lang lang = dump.getValue().equals("trig") ? Lang.TRIG : lang(dump.getValue());
      assertEquals(
          parseStatements(r.body(), lang), rapperCount(file, dump.getValue()), dump.getKey());
    }
    HttpResponse<byte[]> jsonLd = get(SERVER.url() + "downloads/tonet.jsonld", "*/*");
    List<String> counts =
        NodeClients.run(
            Duration.ofMinutes(2),
            "[" + new String(jsonLd.body(), StandardCharsets.UTF_8) + "]",
            "jsonld-count");
    assertEquals(
        List.of(Long.toString(SERVER.server().site().data().size())), counts, "tonet.jsonld");
  }

  private static Lang lang(String rapperName) {
    return switch (rapperName) {
      case "turtle" -> Lang.TURTLE;
      case "ntriples" -> Lang.NTRIPLES;
      case "rdfxml" -> Lang.RDFXML;
      default -> throw new IllegalArgumentException(rapperName);
    };
  }

  /** Statements in a file, every graph counted (a TriG's graphs do not share statements). */
  private static long parseStatements(byte[] body, Lang lang) {
    Dataset ds = DatasetFactory.create();
    RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(ds);
    long n = ds.getDefaultModel().size();
    for (var names = ds.listNames(); names.hasNext(); ) {
      n += ds.getNamedModel(names.next()).size();
    }
    return n;
  }

  private static long rapperCount(Path file, String syntax) throws Exception {
    Process p;
    try {
      p =
          new ProcessBuilder("rapper", "-i", syntax, "-c", file.toString())
              .redirectErrorStream(true)
              .start();
    } catch (java.io.IOException e) {
      throw new AssertionError("rapper is not installed: run ./.ci/setup (raptor2-utils)", e);
    }
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("rapper did not finish on " + file);
    }
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), text);
    assertTrue(!text.contains("Error"), text);
    Matcher m = RETURNED.matcher(text);
    assertTrue(m.find(), text);
    return Long.parseLong(m.group(1));
  }
}
