package org.w3id.tonet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.jena.rdf.model.Model;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.model.Timeline;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceFile;

/** Shared access to the seed and to builds of it, for tests. */
public final class TestSeeds {

  /** The seed as committed (Maven runs tests from the project folder). */
  public static final Path SEED = Path.of("seeds", "council-timeline.txt");

  /** The base IRI tests use. */
  public static final String BASE = "http://example.org/tonet/";

  private static Build seedBuild;

  private TestSeeds() {}

  /** The seed, read. */
  public static SourceFile seed() throws SourceException {
    return SourceFile.read(SEED);
  }

  /** A strict build of the seed under {@link #BASE}, made once per test run. */
  public static synchronized Build seedBuild() throws SourceException {
    if (seedBuild == null) {
      seedBuild = build(seed(), TimelineParser.Mode.STRICT, new Iris(BASE));
    }
    return seedBuild;
  }

  /** The seed's data graph (shared: do not modify; copy it first). */
  public static Model seedData() throws SourceException {
    return seedBuild().data();
  }

  /** The text of one line of the seed, verbatim (tabs included, no line end). */
  public static String seedLine(int number) throws SourceException {
    return seed().line(number).text();
  }

  /** A source file made from text, as UTF-8. */
  public static SourceFile text(String name, String content) throws SourceException {
    return SourceFile.fromBytes(name, name, content.getBytes(StandardCharsets.UTF_8));
  }

  /** A table of the seed's shape: the header, then the given rows. */
  public static SourceFile table(String... rows) throws SourceException {
    return text("test.txt", "年度\t月 日\t実 施 内 容\n" + String.join("\n", rows) + "\n");
  }

  /** A copy of the Tone council's folder (the repository's seeds/) in {@code folder}, to change. */
  public static Path copyOfTone(Path folder) throws java.io.IOException {
    java.nio.file.Files.createDirectories(folder);
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("seeds"))) {
      for (Path file : files.toList()) {
        java.nio.file.Files.copy(file, folder.resolve(file.getFileName()));
      }
    }
    return folder;
  }

  /** Replaces {@code from} by {@code to} in a file of a copied folder, which must hold it. */
  public static void replace(Path file, String from, String to) throws java.io.IOException {
    String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
    org.junit.jupiter.api.Assertions.assertTrue(text.contains(from), file + " holds " + from);
    java.nio.file.Files.writeString(
        file, text.replace(from, to), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * A strict build of a council folder of the repository: "seeds" gives {@link #seedBuild()},
   * another folder (examples/mizunagi) is built under https://lod.example.org/mizunagi/.
   */
  public static Build folderBuild(String folder) throws SourceException {
    return folder.equals("seeds")
        ? seedBuild()
        : Build.of(
            Council.read(org.w3id.tonet.council.CouncilFolder.of(Path.of(folder))),
            TimelineParser.Mode.STRICT,
            new Iris("https://lod.example.org/mizunagi/"));
  }

  /** The text of every competency query of queries/, by file name. */
  public static java.util.List<String> competencyQueries() throws java.io.IOException {
    java.util.List<String> texts = new java.util.ArrayList<>();
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("queries"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
        texts.add(java.nio.file.Files.readString(file));
      }
    }
    return texts;
  }

  /** The Tone council's folder, as the program bundles it. */
  public static Council tone() throws SourceException {
    return Council.bundled();
  }

  /** A table read by the Tone council's folder, in a mode. */
  public static TimelineParser.Result parse(SourceFile file, TimelineParser.Mode mode)
      throws SourceException {
    return tone().withTable(file).parse(mode);
  }

  /** A table read strictly by the Tone council's folder. */
  public static Timeline parse(SourceFile file) throws SourceException {
    return parse(file, TimelineParser.Mode.STRICT).timeline();
  }

  /** A table built by the Tone council's folder. */
  public static Build build(SourceFile file, TimelineParser.Mode mode, Iris iris)
      throws SourceException {
    return Build.of(tone().withTable(file), mode, iris);
  }

  /** A table already parsed, built by the Tone council's folder. */
  public static Build build(TimelineParser.Result parsed, Iris iris) throws SourceException {
    return Build.of(tone(), parsed, iris);
  }
}
