package org.w3id.tonet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.publish.Exporter;
import org.w3id.tonet.publish.FolderWriter;
import org.w3id.tonet.publish.Quality;
import org.w3id.tonet.publish.SortedRdf;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.source.SourceFile;
import org.w3id.tonet.validate.Checks;
import org.w3id.tonet.validate.Validator;
import org.w3id.tonet.validate.Violation;

/**
 * Times every stage of {@code export} on one table, in the order export runs them, each on its own
 * (wall and CPU time of this thread), and the heap's peak: the stress test of each stage's growth
 * of issue 22, run by bench/long-table.sh at 1x, 10x, 100x and 1000x the seed.
 *
 * <pre>
 * java -Xmx4g -cp target/tonet-lod.jar:bench/target/bench-classes \
 *     org.w3id.tonet.bench.LongTableStages --in bench/target/long/100x.txt --out DIR
 * </pre>
 *
 * <p>Stages: read, parse, map, validate (as export runs it: SHACL and every check, once), quality
 * (the rest of the quality report: it reuses the validation), sort (the data graph, alone), dumps
 * (every file of export, its own sort included), write (into a folder, atomically). Then, apart and
 * not part of export, the validation broken down: SHACL, and each check on its own.
 */
public final class LongTableStages {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<String, long[]> stages = new LinkedHashMap<>();

  public static void main(String[] args) throws Exception {
    Path in = null;
    Path out = null;
    boolean breakdown = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--in" -> in = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--no-breakdown" -> breakdown = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (in == null || out == null) {
      System.err.println("usage: LongTableStages --in FILE --out DIR [--no-breakdown]");
      System.exit(2);
    }
    new LongTableStages().run(in, out, breakdown);
  }

  private interface Stage<T> {
    T run() throws Exception;
  }

  private <T> T time(String name, Stage<T> stage) throws Exception {
    long c0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    T result = stage.run();
    long wall = System.nanoTime() - t0;
    long cpu = THREADS.getCurrentThreadCpuTime() - c0;
    stages.put(name, new long[] {wall, cpu});
    System.out.printf("  %-40s %9.3f s wall %9.3f s CPU%n", name, wall / 1e9, cpu / 1e9);
    return result;
  }

  private void run(Path in, Path out, boolean breakdown) throws Exception {
    HeapWatch heap = HeapWatch.start();
    long started = System.nanoTime();
    SourceFile source = time("read", () -> SourceFile.read(in));
    // The long table is the seed's rows over and over: read with the Tone council's folder.
    Council council = Council.bundled().withTable(source);
    TimelineParser.Result parsed = time("parse", () -> council.parse(TimelineParser.Mode.STRICT));
    Build build =
        time("map", () -> Build.of(council, parsed, new Iris("https://lod.example.jp/long/")));
    List<Violation> violations = time("validate", build::validate);
    time("quality", () -> Quality.of(build));
    time("sort", () -> SortedRdf.sort(build.data().getGraph()));
    Map<String, byte[]> files = time("dumps", () -> Exporter.files(build, null));
    Files.createDirectories(out);
    time("write", () -> FolderWriter.write(out, files));
    long exportWall = System.nanoTime() - started;
    long exportPeak = heap.peakUsed();
    if (breakdown) {
      Model data = build.data();
      time("breakdown: SHACL", () -> Validator.shacl(data));
      Model union = ModelFactory.union(data);
      for (Checks.Check check : Checks.all()) {
        time("breakdown: check " + check.name(), () -> check.run(union));
      }
    }
    heap.stop();
    long lines = source.lines().size();
    System.out.printf(
        "%s: %d lines, %d triples, %d violations; export stages %.2f s; peak heap %d MB during"
            + " export, %d MB with the breakdown; live set after GC at most %d MB; %d"
            + " collections, %.2f s in GC%n",
        in, lines, build.data().size(), violations.size(), exportWall / 1e9, exportPeak >> 20,
        heap.peakUsed() >> 20, heap.maxAfterGc.get() >> 20, heap.collections(), heap.gcSeconds());
    StringBuilder result = new StringBuilder("RESULT");
    result.append(" lines=").append(lines).append(" triples=").append(build.data().size());
    result.append(" violations=").append(violations.size());
    result.append(
        String.format(
            " export_s=%.3f peak_heap_mb=%d live_heap_mb=%d max_heap_mb=%d",
            exportWall / 1e9,
            exportPeak >> 20,
            heap.maxAfterGc.get() >> 20,
            Runtime.getRuntime().maxMemory() >> 20));
    for (Map.Entry<String, long[]> e : stages.entrySet()) {
      String key = e.getKey().replace("breakdown: check ", "check:").replace("breakdown: ", "");
      result.append(String.format(" %s=%.3f/%.3f", key, e.getValue()[0] / 1e9, e.getValue()[1] / 1e9));
    }
    System.out.println(result);
    if (!violations.isEmpty()) {
      System.err.println("first violation: " + violations.get(0));
      System.exit(1);
    }
  }

  /** The data and the ontology, as the checks see them. */
  private static final class ModelFactory {
    static Model union(Model data) {
      return org.apache.jena.rdf.model.ModelFactory.createUnion(
          data, org.w3id.tonet.rdf.Ontology.ontology());
    }
  }
}
