package org.w3id.tonet.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.tonet.model.Timeline;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.Exporter;
import org.w3id.tonet.publish.ProgramBuild;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.rdf.Prefixes;
import org.w3id.tonet.source.SourceFile;

/**
 * What a start made, kept for the next one: the three graphs (in RDF Thrift, a binary form Jena
 * reads fast), every dump file and a manifest with the SHA-256 of each. A start with the same seed,
 * program build and options finds its entry, checks every digest and serves it, instead of parsing,
 * mapping, validating and writing the dumps again; a start that finds no entry (or one that does
 * not check out, which is removed) builds as usual and writes one. Entries are written to a
 * temporary folder and moved into place, so a start never reads a half-written one. Only what this
 * user alone can have written is trusted ({@link OwnFiles}): a folder, entry or file that is a
 * symbolic link, another user's, or writable by its group or others is refused, and what is written
 * is readable by its owner only.
 *
 * <pre>
 * BuildCache cache = new BuildCache(BuildCache.defaultFolder());
 * String key = BuildCache.key(seed, base, license, mode);
 * Optional&lt;Site&gt; site = cache.load(key, dataset); // checked; empty when absent or damaged
 * cache.store(key, site);                                // after a build
 * </pre>
 */
public final class BuildCache {

  private static final Logger LOG = LoggerFactory.getLogger(BuildCache.class);

  /** Changes whenever the layout of an entry changes. */
  static final String FORMAT = "1";

  static final String MANIFEST = "manifest.properties";
  static final String GRAPHS = "graphs.rt";
  static final String FILES = "files";

  /** Entries kept at most: the oldest go first. */
  static final int KEEP = 8;

  private final Path folder;
  private final OwnFiles own;

  public BuildCache(Path folder) {
    this(folder, OwnFiles.ofThisUser());
  }

  /** A cache trusting only what {@code own} trusts (the tests name another user). */
  BuildCache(Path folder, OwnFiles own) {
    this.folder = folder;
    this.own = own;
  }

  /** The folder it keeps its entries in. */
  public Path folder() {
    return folder;
  }

  /** $XDG_CACHE_HOME/tonet-lod, or ~/.cache/tonet-lod. */
  public static Path defaultFolder() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("tonet-lod");
  }

  /**
   * The key of a build: everything its output depends on — the seed's bytes, this program build,
   * the base IRI, the licence and the reading mode.
   */
  public static String key(SourceFile seed, String base, String license, TimelineParser.Mode mode) {
    String what =
        String.join(
            "\n",
            "format " + FORMAT,
            "program " + ProgramBuild.id(),
            "seed " + seed.sha256(),
            "base " + base,
            "license " + (license == null ? "" : license),
            "mode " + mode);
    return Exporter.sha256(what.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
  }

  /**
   * The site kept under {@code key}, its graphs loaded into {@code dataset} when {@code fill};
   * empty when there is none, or when it does not check out (it is then removed, and the caller
   * builds).
   */
  public Optional<Site> load(String key, DatasetGraph dataset, boolean fill) {
    Path entry = folder.resolve(key);
    Path manifestFile = entry.resolve(MANIFEST);
    if (!Files.exists(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    // What is served from here must be this user's alone: anyone who could write the folder could
    // change what is published (and a consistent edit of a file and its digest would pass the
    // digests). Such a folder is not used at all; such an entry is removed.
    if (!trustedFolder("nothing is loaded from")) {
      return Optional.empty();
    }
    try {
      trusted(entry, true);
      trusted(entry.resolve(FILES), true);
      Properties manifest = new Properties();
      manifest.load(
          new java.io.StringReader(
              new String(trusted(manifestFile, false), StandardCharsets.UTF_8)));
      if (!FORMAT.equals(manifest.getProperty("format"))
          || !key.equals(manifest.getProperty("key"))) {
        throw new IOException("the manifest does not belong to this key");
      }
      byte[] graphs = checked(entry.resolve(GRAPHS), manifest.getProperty("graphs"));
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (String name : new TreeMap<>(manifest).keySet().stream().map(Object::toString).toList()) {
        if (name.startsWith("file.")) {
          String file = name.substring("file.".length());
          if (!file.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*")) {
            throw new IOException("the manifest names a file outside the entry: " + file);
          }
          files.put(file, checked(entry.resolve(FILES).resolve(file), manifest.getProperty(name)));
        }
      }
      Iris iris = new Iris(manifest.getProperty("base"));
      // Read straight into the three graphs (no dataset in between: this is on the start-up's
      // critical path).
      Model data = prefixed();
      Model ontology = prefixed();
      Model meta = prefixed();
      Map<Node, Graph> into =
          Map.of(
              NodeFactory.createURI(iris.graph("data")), data.getGraph(),
              NodeFactory.createURI(iris.graph("ontology")), ontology.getGraph(),
              NodeFactory.createURI(iris.graph("meta")), meta.getGraph());
      RDFParser.source(new java.io.ByteArrayInputStream(graphs))
          .lang(Lang.RDFTHRIFT)
          .parse(
              new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                  Graph graph = into.get(quad.getGraph());
                  if (graph == null) {
                    throw new IllegalStateException("an unknown graph " + quad.getGraph());
                  }
                  graph.add(quad.asTriple());
                }

                @Override
                public void triple(Triple triple) {
                  throw new IllegalStateException("a triple outside the three graphs");
                }
              });
      if (data.isEmpty() || ontology.isEmpty() || meta.isEmpty()) {
        throw new IOException("a graph is missing");
      }
      Timeline.SourceInfo source =
          new Timeline.SourceInfo(
              manifest.getProperty("seed.file"),
              manifest.getProperty("seed.sha256"),
              manifest.getProperty("seed.title"),
              Integer.parseInt(manifest.getProperty("seed.lines")));
      Site site =
          Site.loaded(
              data,
              ontology,
              meta,
              iris,
              source,
              dataset,
              files,
              Instant.ofEpochMilli(Long.parseLong(manifest.getProperty("published"))));
      if (fill) {
        site.load();
      }
      touch(entry);
      return Optional.of(site);
    } catch (IOException | RuntimeException e) {
      LOG.warn("the build cache entry {} is unusable ({}); building again", entry, e.getMessage());
      remove(entry);
      return Optional.empty();
    }
  }

  private static Model prefixed() {
    Model model = ModelFactory.createDefaultModel();
    Prefixes.apply(model);
    return model;
  }

  /**
   * Whether the folder is this user's alone; when not, says so ("{@code doing} the build cache").
   */
  private boolean trustedFolder(String doing) {
    try {
      Optional<String> problem = own.problem(folder, true);
      if (problem.isEmpty()) {
        return true;
      }
      LOG.warn(
          "{} the build cache {}: {}; it must be writable by this user only",
          doing,
          folder,
          problem.get());
    } catch (IOException e) {
      LOG.warn("{} the build cache {}: {}", doing, folder, e.getMessage());
    }
    return false;
  }

  /** A file's bytes, once it is found this user's alone and its digest is the manifest's. */
  private byte[] checked(Path file, String sha256) throws IOException {
    byte[] bytes = trusted(file, false);
    if (sha256 == null || !sha256.equals(Exporter.sha256(bytes))) {
      throw new IOException(file.getFileName() + " does not match its digest");
    }
    return bytes;
  }

  /**
   * The bytes of a file (or nothing, for a folder) that is this user's alone and not a link;
   * refused with why otherwise.
   */
  private byte[] trusted(Path path, boolean folder) throws IOException {
    Optional<String> problem = own.problem(path, folder);
    if (problem.isPresent()) {
      throw new IOException("refused: " + problem.get());
    }
    return folder ? null : own.read(path);
  }

  /**
   * Keeps a site under {@code key}: written to a temporary folder, then moved into place. A cache
   * that cannot be written is reported and otherwise ignored: the server runs without it.
   */
  public void store(String key, Site site) {
    Path entry = folder.resolve(key);
    if (Files.isDirectory(entry)) {
      return;
    }
    Path staging = null;
    try {
      OwnFiles.makeFolder(folder);
      if (!trustedFolder("nothing is kept in")) {
        return;
      }
      staging = Files.createTempDirectory(folder, ".writing-");
      Properties manifest = new Properties();
      manifest.setProperty("format", FORMAT);
      manifest.setProperty("key", key);
      manifest.setProperty("program", ProgramBuild.id());
      manifest.setProperty("base", site.base());
      manifest.setProperty("published", Long.toString(site.published().toEpochMilli()));
      manifest.setProperty("seed.file", site.source().fileName());
      manifest.setProperty("seed.sha256", site.source().sha256());
      manifest.setProperty("seed.title", site.source().title());
      manifest.setProperty("seed.lines", Integer.toString(site.source().lineCount()));
      Dataset graphs = DatasetFactory.create();
      site.namedGraphs().forEach(graphs::addNamedModel);
      ByteArrayOutputStream thrift = new ByteArrayOutputStream();
      RDFDataMgr.write(thrift, graphs, Lang.RDFTHRIFT);
      OwnFiles.write(staging.resolve(GRAPHS), thrift.toByteArray());
      manifest.setProperty("graphs", Exporter.sha256(thrift.toByteArray()));
      Path files = staging.resolve(FILES);
      OwnFiles.makeFolder(files);
      for (Map.Entry<String, byte[]> f : site.files().entrySet()) {
        OwnFiles.write(files.resolve(f.getKey()), f.getValue());
        manifest.setProperty("file." + f.getKey(), Exporter.sha256(f.getValue()));
      }
      ByteArrayOutputStream written = new ByteArrayOutputStream();
      try (OutputStream out = written) {
        manifest.store(
            new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
            "tonet-lod build cache: what one start published");
      }
      OwnFiles.write(staging.resolve(MANIFEST), written.toByteArray());
      try {
        Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, entry);
      }
      staging = null;
      prune();
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not write the build cache in {}: {}", folder, e.getMessage());
    } finally {
      if (staging != null) {
        remove(staging);
      }
    }
  }

  /** Keeps the {@value #KEEP} entries used last. */
  private void prune() throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      entries
          .filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing(BuildCache::lastUsed).reversed())
          .skip(KEEP)
          .forEach(BuildCache::remove);
    }
  }

  private static long lastUsed(Path entry) {
    try {
      return Files.getLastModifiedTime(entry.resolve(MANIFEST)).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void touch(Path entry) {
    try {
      Files.setLastModifiedTime(
          entry.resolve(MANIFEST), java.nio.file.attribute.FileTime.from(Instant.now()));
    } catch (IOException e) {
      // only the pruning order depends on it
    }
  }

  private static void remove(Path path) {
    try (Stream<Path> all = Files.walk(path)) {
      all.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("could not remove {}: {}", path, e.getMessage());
    }
  }

  /** Unused entries in the folder, for the tests: their keys. */
  java.util.List<String> keys() throws IOException {
    java.util.List<String> keys = new java.util.ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return keys;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path p : entries) {
        if (Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) {
          keys.add(p.getFileName().toString());
        }
      }
    }
    return keys;
  }
}
