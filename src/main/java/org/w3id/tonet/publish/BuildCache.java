package org.w3id.tonet.publish;

import java.io.BufferedOutputStream;
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
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
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
import org.w3id.tonet.council.Council;
import org.w3id.tonet.council.CouncilSource;
import org.w3id.tonet.model.Timeline;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.rdf.Prefixes;
import org.w3id.tonet.source.SourceException;

/**
 * What a start made, kept for the next one: the three graphs (in RDF Thrift, a binary form Jena
 * reads fast), every dump file and a manifest with the SHA-256 of each. A start with the same
 * council folder, program build and options finds its entry, checks every digest and serves it,
 * instead of parsing, mapping, validating and writing the dumps again; a start that finds no entry
 * (or one that does not check out, which is removed) builds as usual and writes one. Entries are
 * written to a temporary folder and moved into place, so a start never reads a half-written one.
 * Only what this user alone can have written is trusted ({@link OwnFiles}): a folder, entry or file
 * that is a symbolic link, another user's, or writable by its group or others is refused, and what
 * is written is readable by its owner only.
 *
 * <pre>
 * BuildCache cache = new BuildCache(BuildCache.defaultFolder());
 * String key = BuildCache.key(council, base, license, mode);
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
   * The key of a build: everything its output depends on — the council folder's bytes (the table's
   * and every other file's, its identity's publisher and contact included), this program build, the
   * base IRI, the licence and the reading mode.
   */
  public static String key(Council council, String base, String license, TimelineParser.Mode mode) {
    return key(council, base, license, Publisher.UNNAMED, mode);
  }

  /** The key of a build that names its publisher (part of the description it holds). */
  public static String key(
      Council council, String base, String license, Publisher publisher, TimelineParser.Mode mode) {
    return key(council.digest(), base, license, publisher, mode);
  }

  /** The key of a build of the council whose {@link Council#digest()} is {@code councilDigest}. */
  public static String key(
      String councilDigest,
      String base,
      String license,
      Publisher publisher,
      TimelineParser.Mode mode) {
    String what =
        String.join(
            "\n",
            "format " + FORMAT,
            "program " + ProgramBuild.id(),
            "council " + councilDigest,
            "base " + base,
            "license " + (license == null ? "" : license),
            "publisher " + publisher.key(),
            "mode " + mode);
    return Exporter.sha256(what.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
  }

  /**
   * An entry's bytes, read and their digests checked, not yet parsed: what needs no Jena.
   *
   * @param key the entry's key
   * @param manifest its manifest
   * @param graphs the three graphs in RDF Thrift
   * @param files every dump file by name
   */
  private record Read(String key, Properties manifest, byte[] graphs, Map<String, byte[]> files) {}

  /** The entry {@link #prefetch} read, until {@link #load} takes it. */
  private final AtomicReference<Read> prefetched = new AtomicReference<>();

  /**
   * Reads the entry kept under {@code key} and checks its digests now, ahead of {@link #load},
   * which then only parses it. Needs no Jena: {@code serve} does this while Jena starts on another
   * thread (issue 22). An entry that does not check out is removed, as {@link #load} would.
   *
   * @return whether an entry was found, read and checked
   */
  public boolean prefetch(String key) {
    Optional<Read> read = read(key);
    read.ifPresent(prefetched::set);
    return read.isPresent();
  }

  /**
   * What a look-up of a council's kept build found: the site, or else the council folder, read, to
   * be built and kept under {@code key}.
   *
   * @param site the kept site, if there is one
   * @param council the folder, read when no site was found (null otherwise)
   * @param key the key the site is kept under, or is to be kept under
   */
  public record Found(Optional<Site> site, Council council, String key) {}

  /**
   * The build kept for a council folder, found by the digest of the folder's bytes without reading
   * the folder (most of a warm start's or a repeated query's time, otherwise); when that finds
   * none, the folder is read, and looked up again by its own digest when that differs.
   *
   * @param keyOf the key of a build of the council with a given digest
   * @param dataset as for {@link #load}: the store it is served from, or null for its own graphs
   * @throws SourceException when the folder has to be read and does not read
   */
  public Found find(CouncilSource council, Function<String, String> keyOf, DatasetGraph dataset)
      throws SourceException {
    Optional<String> plain = council.digest();
    if (plain.isPresent()) {
      String key = keyOf.apply(plain.get());
      Optional<Site> site = load(key, dataset, false);
      if (site.isPresent()) {
        return new Found(site, null, key);
      }
    }
    Council read = council.read();
    String key = keyOf.apply(read.digest());
    if (!plain.equals(Optional.of(read.digest()))) {
      Optional<Site> site = load(key, dataset, false);
      if (site.isPresent()) {
        return new Found(site, null, key);
      }
    }
    return new Found(Optional.empty(), read, key);
  }

  /**
   * The site kept under {@code key}, its graphs loaded into {@code dataset} when {@code fill};
   * empty when there is none, or when it does not check out (it is then removed, and the caller
   * builds).
   */
  public Optional<Site> load(String key, DatasetGraph dataset, boolean fill) {
    Read ahead = prefetched.getAndSet(null);
    Optional<Read> read = ahead != null && ahead.key().equals(key) ? Optional.of(ahead) : read(key);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Path entry = folder.resolve(key);
    try {
      Properties manifest = read.get().manifest();
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
      RDFParser.source(new java.io.ByteArrayInputStream(read.get().graphs()))
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
      Site site =
          Site.loaded(
              data,
              ontology,
              meta,
              iris,
              source(manifest),
              dataset,
              read.get().files(),
              Instant.ofEpochMilli(Long.parseLong(manifest.getProperty("published"))));
      if (fill) {
        site.load();
      }
      touch(entry);
      return Optional.of(site);
    } catch (IOException | RuntimeException e) {
      return unusable(entry, e);
    }
  }

  /**
   * The kept build as far as its two small files tell: its description (void.ttl, the meta graph)
   * and SHA256SUMS, their digests checked, over {@code store}. Enough to answer SPARQL from a store
   * that already holds the build (a TDB2 database: {@link Tdb2Store#holds}) while the rest is
   * loaded: its base, its store and its tag are those of the whole site; its data and ontology
   * graphs are empty. Empty when there is no usable entry.
   */
  public Optional<Site> described(String key, DatasetGraph store) {
    Path entry = folder.resolve(key);
    // Held to what load() holds the whole entry to (load() says why when it is not).
    if (!present(entry) || folderProblem().isPresent()) {
      return Optional.empty();
    }
    try {
      Properties manifest = manifest(entry, key);
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (String file : List.of(Dump.VOID, Dump.SHA256SUMS)) {
        files.put(
            file,
            checked(entry.resolve(FILES).resolve(file), manifest.getProperty("file." + file)));
      }
      Model meta = prefixed();
      RDFParser.source(new java.io.ByteArrayInputStream(files.get(Dump.VOID)))
          .lang(Lang.TURTLE)
          .parse(meta);
      return Optional.of(
          Site.loaded(
              prefixed(),
              prefixed(),
              meta,
              new Iris(manifest.getProperty("base")),
              source(manifest),
              store,
              files,
              Instant.ofEpochMilli(Long.parseLong(manifest.getProperty("published")))));
    } catch (IOException | RuntimeException e) {
      // load() says why and removes the entry.
      return Optional.empty();
    }
  }

  /** Whether there is an entry at {@code entry} (its manifest, a link counted too: refused). */
  private static boolean present(Path entry) {
    return Files.exists(entry.resolve(MANIFEST), LinkOption.NOFOLLOW_LINKS);
  }

  /** The entry's bytes with their digests checked; empty when none is usable (then removed). */
  private Optional<Read> read(String key) {
    Path entry = folder.resolve(key);
    if (!present(entry)) {
      return Optional.empty();
    }
    // What is served from here must be this user's alone: anyone who could write the folder could
    // change what is published (and a consistent edit of a file and its digest would pass the
    // digests). Such a folder is not used at all; such an entry is removed.
    if (!trustedFolder("nothing is loaded from")) {
      return Optional.empty();
    }
    try {
      Properties manifest = manifest(entry, key);
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
      return Optional.of(new Read(key, manifest, graphs, files));
    } catch (IOException | RuntimeException e) {
      return unusable(entry, e);
    }
  }

  /** An entry that does not check out: said, removed, and nothing loaded from it. */
  private static <T> Optional<T> unusable(Path entry, Exception e) {
    LOG.warn("the build cache entry {} is unusable ({}); building again", entry, e.getMessage());
    remove(entry);
    return Optional.empty();
  }

  /**
   * An entry's manifest, once the entry, its files folder and the manifest are found this user's
   * alone, checked to belong to its key.
   */
  private Properties manifest(Path entry, String key) throws IOException {
    trusted(entry, true);
    trusted(entry.resolve(FILES), true);
    Properties manifest = new Properties();
    manifest.load(
        new java.io.StringReader(
            new String(trusted(entry.resolve(MANIFEST), false), StandardCharsets.UTF_8)));
    if (!FORMAT.equals(manifest.getProperty("format"))
        || !key.equals(manifest.getProperty("key"))) {
      throw new IOException("the manifest does not belong to this key");
    }
    return manifest;
  }

  private static Timeline.SourceInfo source(Properties manifest) {
    return new Timeline.SourceInfo(
        manifest.getProperty("seed.file"),
        manifest.getProperty("seed.sha256"),
        manifest.getProperty("seed.title"),
        Integer.parseInt(manifest.getProperty("seed.lines")));
  }

  private static Model prefixed() {
    // Jena's GraphMem2, as a build's own data graph is: adding is cheaper (start-up, issue 22).
    Model model = ModelFactory.createModelForGraph(GraphMemFactory.createGraphMem2());
    Prefixes.apply(model);
    return model;
  }

  /**
   * Whether the folder is this user's alone; when not, says so ("{@code doing} the build cache").
   */
  private boolean trustedFolder(String doing) {
    Optional<String> problem = folderProblem();
    if (problem.isEmpty()) {
      return true;
    }
    LOG.warn("{} the build cache {}: {}", doing, folder, problem.get());
    return false;
  }

  /** Why the folder is not this user's alone, or empty when it is. */
  private Optional<String> folderProblem() {
    try {
      return own.problem(folder, true).map(p -> p + "; it must be writable by this user only");
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    }
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
      // Streamed to the file and digested on the way: held in memory, the graphs of a long table
      // did not fit beside the site (issue 22: 2.4 million triples, 4 GB of heap).
      MessageDigest digest = Exporter.newSha256();
      try (OutputStream out =
          new DigestOutputStream(
              new BufferedOutputStream(OwnFiles.create(staging.resolve(GRAPHS))), digest)) {
        RDFDataMgr.write(out, graphs, Lang.RDFTHRIFT);
      }
      manifest.setProperty("graphs", HexFormat.of().formatHex(digest.digest()));
      Path files = staging.resolve(FILES);
      OwnFiles.makeFolder(files);
      for (Map.Entry<String, byte[]> f : site.files().entrySet()) {
        OwnFiles.write(files.resolve(f.getKey()), f.getValue());
        manifest.setProperty("file." + f.getKey(), Exporter.sha256(f.getValue()));
      }
      try (OutputStream out = OwnFiles.create(staging.resolve(MANIFEST))) {
        manifest.store(
            new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
            "tonet-lod build cache: what one start published");
      }
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
