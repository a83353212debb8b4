package org.w3id.tonet.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of SPARQL queries on the class path (queries/ and queries/checks/ are copied into the
 * jar), listed whether it is read from a folder or from inside the jar.
 *
 * <pre>
 * for (QueryFolder.Query q : QueryFolder.list("/queries")) { q.name(); q.titleJa(); q.text(); }
 * </pre>
 */
public final class QueryFolder {

  private static final Pattern JA = Pattern.compile("(?m)^#\\s*ja:\\s*(.+)$");
  private static final Pattern EN = Pattern.compile("(?m)^#\\s*en:\\s*(.+)$");
  private static final Pattern FIRST_COMMENT = Pattern.compile("(?m)\\A#\\s*(.+)$");

  private QueryFolder() {}

  /**
   * A query file.
   *
   * @param name its file name without .rq
   * @param text the SPARQL text, header comment included
   */
  public record Query(String name, String text) {

    /** The question in Japanese: the "# ja:" line, else the first comment before " / ". */
    public String titleJa() {
      Matcher m = JA.matcher(text);
      if (m.find()) {
        return m.group(1).strip();
      }
      String first = firstComment();
      int slash = first.indexOf(" / ");
      return slash < 0 ? first : first.substring(0, slash).strip();
    }

    /** The question in English: the "# en:" line, else the first comment after " / ". */
    public String titleEn() {
      Matcher m = EN.matcher(text);
      if (m.find()) {
        return m.group(1).strip();
      }
      String first = firstComment();
      int slash = first.indexOf(" / ");
      return slash < 0 ? first : first.substring(slash + 3).strip();
    }

    private String firstComment() {
      Matcher m = FIRST_COMMENT.matcher(text);
      return m.find() ? m.group(1).strip() : name;
    }
  }

  /** Every .rq file directly in a class-path folder, in file-name order. */
  public static List<Query> list(String folder) {
    List<Query> queries = new ArrayList<>();
    for (String file : names(folder)) {
      queries.add(new Query(file.replaceFirst("\\.rq$", ""), read(folder + "/" + file)));
    }
    return queries;
  }

  private static List<String> names(String folder) {
    URL url = QueryFolder.class.getResource(folder);
    if (url == null) {
      throw new IllegalStateException(folder + " is missing from the class path");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return rqFiles(fs.getPath(folder));
      }
      return rqFiles(Path.of(uri));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  private static List<String> rqFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".rq"))
          .sorted()
          .toList();
    }
  }

  private static String read(String path) {
    try (InputStream in = QueryFolder.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
