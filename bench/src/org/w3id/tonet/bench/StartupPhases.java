package org.w3id.tonet.bench;

import org.w3id.tonet.council.Council;
import org.w3id.tonet.parse.JapaneseEras;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.publish.Exporter;
import org.w3id.tonet.rdf.Iris;

/**
 * The steps `serve` takes before Fuseki can answer, each timed once in a fresh JVM (cold, as at
 * start-up): the first use of ICU's Japanese calendar, reading and parsing the bundled seed,
 * mapping it (Jena's own start included), and writing every dump file in memory.
 *
 * <pre>
 * java -Xms1g -Xmx1g -XX:+UseG1GC -cp target/tonet-lod.jar:bench/target/bench-classes \
 *     org.w3id.tonet.bench.StartupPhases
 * </pre>
 */
public final class StartupPhases {

  private StartupPhases() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    JapaneseEras.fiscalYearOf(2010);
    long t1 = System.nanoTime();
    // The bundled council folder: the seed and the words, names and places it is read with.
    Council council = Council.bundled();
    TimelineParser.Result parsed = council.parse(TimelineParser.Mode.STRICT);
    long t2 = System.nanoTime();
    Build build = Build.of(council, parsed, new Iris("http://localhost:3030/"));
    long t3 = System.nanoTime();
    Exporter.Publication publication = Exporter.publication(build, null);
    long t4 = System.nanoTime();
    System.out.printf(
        "first ICU use (JapaneseEras) %d ms, read + parse the seed %d ms, map %d ms (Jena's start"
            + " included), %d dump files %d ms%n",
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000,
        publication.files().size(),
        (t4 - t3) / 1_000_000);
  }
}
