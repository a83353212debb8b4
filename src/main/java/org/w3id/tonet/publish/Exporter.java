package org.w3id.tonet.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.w3id.tonet.opendata.Download;
import org.w3id.tonet.opendata.ImiView;
import org.w3id.tonet.opendata.OpenData;
import org.w3id.tonet.rdf.Prefixes;

/**
 * Writes the dumps of a build into a folder, all or nothing: every file is written and checked into
 * a staging folder first, then moved into place, SHA256SUMS last.
 *
 * <pre>
 * List&lt;Path&gt; written = Exporter.export(build, Path.of("dist"), null);
 * </pre>
 */
public final class Exporter {

  private Exporter() {}

  /**
   * Every dump file and the dataset description they were described with.
   *
   * @param files the bytes of every file by name, SHA256SUMS last
   * @param meta the description graph (void.ttl)
   */
  public record Publication(Map<String, byte[]> files, Model meta) {}

  /**
   * The bytes of every dump file, by name, SHA256SUMS included.
   *
   * @param licenseIri the licence to state, or null to claim none
   */
  public static Map<String, byte[]> files(Build build, String licenseIri) {
    return publication(build, licenseIri).files();
  }

  /**
   * Every dump file with its description graph.
   *
   * @param licenseIri the licence to state, or null to claim none
   */
  public static Publication publication(Build build, String licenseIri) {
    return publication(build, licenseIri, Publisher.UNNAMED);
  }

  /**
   * Every dump file with its description graph, which names {@code publisher}.
   *
   * @param licenseIri the licence to state, or null to claim none
   */
  public static Publication publication(Build build, String licenseIri, Publisher publisher) {
    // The quality report needs the build's validation, the costliest stage, which the dump files
    // do not: it runs beside them, on a core of its own where there is one (issue 22: a cold
    // start of the server). Both only read the graphs.
    FutureTask<Quality> quality = new FutureTask<>(() -> Quality.of(build));
    Thread measuring = new Thread(quality, "tonet-lod-quality");
    measuring.setDaemon(true);
    measuring.start();
    Map<String, String> prefixes = Prefixes.all();
    Map<String, byte[]> files = new LinkedHashMap<>();
    Graph data = build.data().getGraph();
    // Sorted once for the four formats of the data graph.
    SortedRdf.Sorted sorted = SortedRdf.sort(data);
    files.put(Dump.TURTLE.fileName(), text(out -> SortedRdf.turtle(sorted, prefixes, out)));
    files.put(Dump.NTRIPLES.fileName(), text(out -> SortedRdf.nTriples(sorted, out)));
    files.put(Dump.JSONLD.fileName(), text(out -> SortedRdf.jsonLd(sorted, prefixes, out)));
    files.put(Dump.RDFXML.fileName(), text(out -> SortedRdf.rdfXml(sorted, prefixes, out)));
    files.put(
        Dump.ONTOLOGY.fileName(),
        text(out -> SortedRdf.turtle(build.ontology().getGraph(), prefixes, out)));
    files.put(
        Dump.CONTEXT.fileName(),
        SortedRdf.contextDocument(prefixes).getBytes(StandardCharsets.UTF_8));
    for (Dump dump : List.of(Dump.TURTLE, Dump.NTRIPLES, Dump.JSONLD, Dump.RDFXML, Dump.ONTOLOGY)) {
      files.put(dump.gzipName(), gzip(files.get(dump.fileName())));
    }
    // The views for spreadsheets and portals (CSV with CSVW metadata, the standard event list,
    // the IMI view): files of the dataset like the dumps, described as distributions.
    List<Download> views =
        new java.util.ArrayList<>(OpenData.downloads(build.data(), build.council()));
    Map<String, String> imiPrefixes = new LinkedHashMap<>(prefixes);
    imiPrefixes.put("ic", ImiView.IC);
    Graph imi = ImiView.of(build.data()).getGraph();
    views.add(
        new Download(
            ImiView.FILE,
            text(out -> SortedRdf.jsonLd(SortedRdf.sort(imi), imiPrefixes, out)),
            "application/ld+json",
            ImiView.DESCRIPTION,
            null));
    for (Download view : views) {
      files.put(view.fileName(), view.bytes());
    }

    DatasetDescription description =
        DatasetDescription.builder(
                build.iris(), build.data(), build.timeline().source(), build.council())
            .quality(joined(quality))
            .publisher(publisher);
    views.forEach(description::download);
    // Each file's checksum is computed once, for the description and for SHA256SUMS.
    Map<String, String> checksums = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      checksums.put(file.getKey(), sha256(file.getValue()));
      description.file(file.getKey(), checksums.get(file.getKey()), file.getValue().length);
    }
    // The TriG dump holds the description, which cannot state the dump's own size and checksum
    // (they would change with it). So the TriG holds the description as it is before the TriG is
    // written; the description published in void.ttl and graph/meta states both, for the TriG and
    // its gzip copy, as for every other file.
    description.file(Dump.TRIG.fileName(), null, -1);
    description.file(Dump.TRIG.gzipName(), null, -1);
    Model withinTrig = description.license(licenseIri).build();
    Map<String, Graph> graphs = new LinkedHashMap<>();
    graphs.put(build.iris().graph("data"), data);
    graphs.put(build.iris().graph("ontology"), build.ontology().getGraph());
    graphs.put(build.iris().graph("meta"), withinTrig.getGraph());
    Map<String, String> metaPrefixes = new LinkedHashMap<>(prefixes);
    metaPrefixes.putAll(withinTrig.getNsPrefixMap());
    files.put(Dump.TRIG.fileName(), text(out -> SortedRdf.trig(graphs, metaPrefixes, out)));
    files.put(Dump.TRIG.gzipName(), gzip(files.get(Dump.TRIG.fileName())));
    for (String trig : List.of(Dump.TRIG.fileName(), Dump.TRIG.gzipName())) {
      checksums.put(trig, sha256(files.get(trig)));
      description.file(trig, checksums.get(trig), files.get(trig).length);
    }
    Model meta = description.build();
    files.put(Dump.VOID, text(out -> SortedRdf.turtle(meta.getGraph(), metaPrefixes, out)));
    StringBuilder sums = new StringBuilder();
    files.keySet().stream()
        .sorted()
        .forEach(
            name ->
                sums.append(checksums.computeIfAbsent(name, n -> sha256(files.get(n))))
                    .append("  ")
                    .append(name)
                    .append('\n'));
    files.put(Dump.SHA256SUMS, sums.toString().getBytes(StandardCharsets.UTF_8));
    return new Publication(files, meta);
  }

  /**
   * Writes every dump file and SHA256SUMS into a folder, replacing earlier dumps of the same names
   * and leaving other files alone. Nothing in the folder changes unless every file was written.
   *
   * @return the paths written, SHA256SUMS last
   */
  public static List<Path> export(Build build, Path folder, String licenseIri) throws IOException {
    return export(build, folder, licenseIri, Publisher.UNNAMED);
  }

  /** Writes every dump file, naming {@code publisher}, into a folder, all or nothing. */
  public static List<Path> export(Build build, Path folder, String licenseIri, Publisher publisher)
      throws IOException {
    return FolderWriter.write(folder, publication(build, licenseIri, publisher).files());
  }

  /** The result of a task on another thread, its failure rethrown here. */
  private static <T> T joined(FutureTask<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the quality was measured", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Hex SHA-256 of bytes. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newSha256().digest(bytes));
  }

  /** A new SHA-256 digest, for bytes digested as they are written. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** A gzip copy; Java writes no timestamp into the header, so it is stable. */
  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private interface TextWriter {
    void write(Writer out) throws IOException;
  }

  private static byte[] text(TextWriter writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
