package org.w3id.tonet.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.publish.Exporter;
import org.w3id.tonet.publish.SortedRdf;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.rdf.Prefixes;
import org.w3id.tonet.source.SourceFile;
import org.w3id.tonet.validate.Validator;
import org.w3id.tonet.validate.Violation;

/**
 * Converts every council table of a folder, each under its own base path, the way {@code export}
 * converts one: read and parse (strict), map to RDF, serialize the sorted tonet.ttl and tonet.nt;
 * optionally validate (SHACL + checks) and write every dump of {@code export} (all formats, gzip,
 * description). Times each stage, and records the heap: the peak of each heap pool and the largest
 * heap left after any collection (the live set).
 *
 * <pre>
 * java -Xmx2g -cp target/tonet-lod.jar:bench/target/classes org.w3id.tonet.bench.ScaleConvert \
 *     --in bench/target/scale/100k [--validate] [--all-dumps] [--threads 1] [--digest]
 * </pre>
 *
 * <p>Councils are independent datasets (DESIGN.md: each with its own base path), so nothing is kept
 * from one council to the next: memory must not grow with the number of councils.
 */
public final class ScaleConvert {

  private static final String BASE = "https://lod.example.jp/scale/";

  private final AtomicLong parseNanos = new AtomicLong();
  private final AtomicLong mapNanos = new AtomicLong();
  private final AtomicLong serializeNanos = new AtomicLong();
  private final AtomicLong validateNanos = new AtomicLong();
  private final AtomicLong dumpsNanos = new AtomicLong();
  private final AtomicLong parseCpu = new AtomicLong();
  private final AtomicLong mapCpu = new AtomicLong();
  private final AtomicLong serializeCpu = new AtomicLong();
  private final AtomicLong validateCpu = new AtomicLong();
  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong lines = new AtomicLong();
  private final AtomicLong triples = new AtomicLong();
  private final AtomicLong bytesOut = new AtomicLong();
  private final AtomicLong dumpBytes = new AtomicLong();
  private final AtomicLong violations = new AtomicLong();
  private long cpuNanos;
  private final boolean validate;
  private final boolean allDumps;
  private final boolean digest;
  private final boolean floor;
  private final AtomicLong floorNanos = new AtomicLong();

  private ScaleConvert(boolean validate, boolean allDumps, boolean digest, boolean floor) {
    this.floor = floor;
    this.validate = validate;
    this.allDumps = allDumps;
    this.digest = digest;
  }

  public static void main(String[] args) throws Exception {
    Path in = null;
    boolean validate = false;
    boolean allDumps = false;
    boolean digest = false;
    boolean floor = false;
    int threads = 1;
    int passes = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--in" -> in = Path.of(args[++i]);
        case "--validate" -> validate = true;
        case "--all-dumps" -> allDumps = true;
        case "--digest" -> digest = true;
        case "--floor" -> floor = true;
        case "--sort-per-format" -> PER_FORMAT_SORT = true;
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--passes" -> passes = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (in == null) {
      System.err.println(
          "usage: ScaleConvert --in DIR [--validate] [--all-dumps] [--threads N] [--passes N]"
              + " [--digest]");
      System.exit(2);
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(in)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
    }
    // Later passes convert the same councils again in the same JVM: warm figures, for profiling.
    boolean failed = false;
    for (int pass = 1; pass <= passes; pass++) {
      if (passes > 1) {
        System.out.println("pass " + pass + " of " + passes);
      }
      HeapWatch heap = HeapWatch.start();
      ScaleConvert run = new ScaleConvert(validate, allDumps, digest, floor);
      long started = System.nanoTime();
      long cpuStarted = processCpuNanos();
      List<String> digests = run.convertAll(files, threads);
      long wall = System.nanoTime() - started;
      run.cpuNanos = processCpuNanos() - cpuStarted;
      heap.stop();
      String outputDigest = "";
      if (digest) {
        MessageDigest all = sha256();
        digests.forEach(d -> all.update(d.getBytes(StandardCharsets.US_ASCII)));
        outputDigest = HexFormat.of().formatHex(all.digest());
      }
      run.report(in, files.size(), threads, wall, heap, outputDigest);
      failed |= run.violations.get() > 0;
    }
    if (failed) {
      System.exit(1);
    }
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      ManagementFactory.getThreadMXBean();

  /** CPU time of the calling thread. */
  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** CPU time of the whole process (all threads, GC and JIT included). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private List<String> convertAll(List<Path> files, int threads) throws Exception {
    List<String> digests = new ArrayList<>();
    if (threads <= 1) {
      for (Path file : files) {
        digests.add(convert(file));
      }
      return digests;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (Path file : files) {
        futures.add(pool.submit(() -> convert(file)));
      }
      for (Future<String> f : futures) {
        digests.add(f.get());
      }
      return digests;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Converts one council; returns the SHA-256 of its tonet.ttl and tonet.nt when --digest. */
  private String convert(Path file) throws Exception {
    String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
    long c0 = cpu();
    long t0 = System.nanoTime();
    SourceFile source = SourceFile.read(file);
    // Each table is of the seed's shape, read with the Tone council's folder (its words).
    Council council = Council.bundled().withTable(source);
    TimelineParser.Result parsed = council.parse(TimelineParser.Mode.STRICT);
    long t1 = System.nanoTime();
    long c1 = cpu();
    Build build = Build.of(council, parsed, new Iris(BASE + name + "/"));
    long t2 = System.nanoTime();
    long c2 = cpu();
    Graph data = build.data().getGraph();
    Map<String, String> prefixes = Prefixes.all();
    byte[][] files = PER_FORMAT_SORT ? DumpsPerFormat.of(data, prefixes) : dumps(data, prefixes);
    byte[] ttlBytes = files[0];
    byte[] ntBytes = files[1];
    Sink sink = new Sink(digest);
    sink.write(ttlBytes, 0, ttlBytes.length);
    sink.write(ntBytes, 0, ntBytes.length);
    long t3 = System.nanoTime();
    long c3 = cpu();
    parseCpu.addAndGet(c1 - c0);
    mapCpu.addAndGet(c2 - c1);
    serializeCpu.addAndGet(c3 - c2);
    parseNanos.addAndGet(t1 - t0);
    mapNanos.addAndGet(t2 - t1);
    serializeNanos.addAndGet(t3 - t2);
    if (validate) {
      List<Violation> found = Validator.validate(build.data());
      long t4 = System.nanoTime();
      validateNanos.addAndGet(t4 - t3);
      validateCpu.addAndGet(cpu() - c3);
      if (!found.isEmpty()) {
        violations.addAndGet(found.size());
        synchronized (this) {
          System.err.println(file + ": " + found.size() + " violations, first: " + found.get(0));
        }
      }
    }
    if (floor) {
      // What Jena itself takes to build a graph of the same triples: parse our N-Triples into a
      // new in-memory graph (RIOT's fastest path). No conversion can build its graph faster.
      byte[] bytes = ntBytes;
      long f0 = System.nanoTime();
      Graph copy = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
      org.apache.jena.riot.RDFParser.create()
          .source(new java.io.ByteArrayInputStream(bytes))
          .lang(org.apache.jena.riot.Lang.NTRIPLES)
          .parse(copy);
      floorNanos.addAndGet(System.nanoTime() - f0);
      if (copy.size() != data.size()) {
        throw new IllegalStateException("N-Triples round trip lost triples in " + file);
      }
    }
    if (allDumps) {
      long t5 = System.nanoTime();
      Map<String, byte[]> dumps = Exporter.files(build, null);
      dumpsNanos.addAndGet(System.nanoTime() - t5);
      dumpBytes.addAndGet(dumps.values().stream().mapToLong(b -> b.length).sum());
    }
    rows.addAndGet(source.lines().stream().filter(l -> !l.isBlank()).count());
    lines.addAndGet(source.lines().size());
    triples.addAndGet(data.size());
    bytesOut.addAndGet(sink.count);
    return sink.digest();
  }

  private void report(
      Path in, int councils, int threads, long wall, HeapWatch heap, String outputDigest) {
    double seconds = wall / 1e9;
    long convertNanos = parseNanos.get() + mapNanos.get() + serializeNanos.get();
    System.out.printf(
        "input %s: %d councils, %d rows (non-blank lines), %d lines, %d triples%n",
        in, councils, rows.get(), lines.get(), triples.get());
    System.out.printf(
        "threads %d, wall %.2f s, %.0f rows/s (wall, all stages run); process CPU %.2f s%n",
        threads, seconds, rows.get() / seconds, cpuNanos / 1e9);
    System.out.printf(
        "conversion (parse+map+serialize) %.2f s = parse %.2f + map %.2f + serialize %.2f;"
            + " %.0f rows/s%n",
        convertNanos / 1e9,
        parseNanos.get() / 1e9,
        mapNanos.get() / 1e9,
        serializeNanos.get() / 1e9,
        rows.get() / (convertNanos / 1e9));
    long convertCpu = parseCpu.get() + mapCpu.get() + serializeCpu.get();
    System.out.printf(
        "conversion thread CPU %.2f s = parse %.2f + map %.2f + serialize %.2f; %.0f rows per CPU"
            + " second%n",
        convertCpu / 1e9,
        parseCpu.get() / 1e9,
        mapCpu.get() / 1e9,
        serializeCpu.get() / 1e9,
        rows.get() / (convertCpu / 1e9));
    if (validate) {
      System.out.printf(
          "validation (SHACL + checks) %.2f s (thread CPU %.2f s), %d violations%n",
          validateNanos.get() / 1e9, validateCpu.get() / 1e9, violations.get());
    }
    if (allDumps) {
      System.out.printf(
          "all dumps of export %.2f s, %d bytes%n", dumpsNanos.get() / 1e9, dumpBytes.get());
    }
    if (floor) {
      System.out.printf(
          "floor: Jena parses the same N-Triples into a graph in %.2f s (%.0f rows/s)%n",
          floorNanos.get() / 1e9, rows.get() / (floorNanos.get() / 1e9));
    }
    System.out.printf("serialized tonet.ttl + tonet.nt: %d bytes%n", bytesOut.get());
    System.out.printf(
        "heap: max %d MB; peak used %d MB (sum of pool peaks); largest live set after GC %d MB;"
            + " %d collections, %.2f s in GC%n",
        Runtime.getRuntime().maxMemory() >> 20,
        heap.peakUsed() >> 20,
        heap.maxAfterGc.get() >> 20,
        heap.collections(),
        heap.gcSeconds());
    if (!outputDigest.isEmpty()) {
      System.out.println("output sha256 " + outputDigest);
    }
    System.out.printf(
        "RESULT rows=%d councils=%d triples=%d threads=%d wall_s=%.3f convert_s=%.3f parse_s=%.3f"
            + " map_s=%.3f serialize_s=%.3f validate_s=%.3f dumps_s=%.3f rows_per_s=%.0f"
            + " peak_heap_mb=%d live_after_gc_mb=%d gc_s=%.2f process_cpu_s=%.3f"
            + " convert_cpu_s=%.3f parse_cpu_s=%.3f map_cpu_s=%.3f serialize_cpu_s=%.3f"
            + " validate_cpu_s=%.3f rows_per_cpu_s=%.0f floor_s=%.3f peak_rss_mb=%d%n",
        rows.get(),
        councils,
        triples.get(),
        threads,
        seconds,
        convertNanos / 1e9,
        parseNanos.get() / 1e9,
        mapNanos.get() / 1e9,
        serializeNanos.get() / 1e9,
        validateNanos.get() / 1e9,
        dumpsNanos.get() / 1e9,
        rows.get() / (convertNanos / 1e9),
        heap.peakUsed() >> 20,
        heap.maxAfterGc.get() >> 20,
        heap.gcSeconds(),
        cpuNanos / 1e9,
        convertCpu / 1e9,
        parseCpu.get() / 1e9,
        mapCpu.get() / 1e9,
        serializeCpu.get() / 1e9,
        validateCpu.get() / 1e9,
        rows.get() / (convertCpu / 1e9),
        floorNanos.get() / 1e9,
        peakRssMb());
  }

  /** The process's peak resident set (VmHWM), in MB; -1 where /proc is missing. */
  private static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not on Linux
    }
    return -1;
  }

  /**
   * --sort-per-format: each format sorts the graph itself, through the API every version of
   * SortedRdf has (to measure a jar from before SortedRdf.sort).
   */
  private static boolean PER_FORMAT_SORT;

  /** tonet.ttl and tonet.nt as export writes them: sorted once, through an OutputStreamWriter. */
  private static byte[][] dumps(Graph data, Map<String, String> prefixes) throws IOException {
    SortedRdf.Sorted sorted = SortedRdf.sort(data);
    java.io.ByteArrayOutputStream ttl = new java.io.ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(ttl, StandardCharsets.UTF_8)) {
      SortedRdf.turtle(sorted, prefixes, w);
    }
    java.io.ByteArrayOutputStream nt = new java.io.ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(nt, StandardCharsets.UTF_8)) {
      SortedRdf.nTriples(sorted, w);
    }
    return new byte[][] {ttl.toByteArray(), nt.toByteArray()};
  }

  /** The same files, each format sorting on its own (kept apart so it links with older jars). */
  private static final class DumpsPerFormat {
    static byte[][] of(Graph data, Map<String, String> prefixes) throws IOException {
      java.io.ByteArrayOutputStream ttl = new java.io.ByteArrayOutputStream();
      try (Writer w = new OutputStreamWriter(ttl, StandardCharsets.UTF_8)) {
        SortedRdf.turtle(data, prefixes, w);
      }
      java.io.ByteArrayOutputStream nt = new java.io.ByteArrayOutputStream();
      try (Writer w = new OutputStreamWriter(nt, StandardCharsets.UTF_8)) {
        SortedRdf.nTriples(data, w);
      }
      return new byte[][] {ttl.toByteArray(), nt.toByteArray()};
    }
  }

  /** Counts (and optionally hashes) the bytes written, then drops them. */
  private static final class Sink extends OutputStream {
    long count;
    final MessageDigest md;

    Sink(boolean digest) {
      md = digest ? sha256() : null;
    }

    @Override
    public void write(int b) {
      count++;
      if (md != null) {
        md.update((byte) b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
      if (md != null) {
        md.update(b, off, len);
      }
    }

    String digest() {
      return md == null ? "" : HexFormat.of().formatHex(md.digest());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
