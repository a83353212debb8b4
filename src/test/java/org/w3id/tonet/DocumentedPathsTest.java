package org.w3id.tonet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every path the documents name exists: the links of README.md and docs/, the files and folders
 * they name in code ({@code src/main/resources/static/site.css}), and the classes they name by
 * package ({@code server/site/Pages}, {@code sparql/QueryScheduler}), so that docs/design.md's
 * package map and its "where to change what" table send a newcomer to files that are there.
 */
class DocumentedPathsTest {

  /**
   * The documents held to their paths. Not bench/README.md: a record of measurements, it names the
   * classes and the files of the time each was made.
   */
  static final List<String> DOCUMENTS =
      List.of("README.md", "docs/design.md", "docs/council-folders.md", "docs/second-council.md");

  /** The folders at the top of the repository whose files the documents name. */
  private static final Pattern FILE =
      Pattern.compile("`((?:src|bench|queries|seeds|ontology|docs|examples|\\.ci)/[^`*{}<>… ]*)`");

  /** A class named by its package folder under org/w3id/tonet: `server/site/Pages.render`. */
  private static final Pattern CLASS =
      Pattern.compile(
          "`((?:source|model|parse|rdf|council|validate|opendata|publish|sparql|server|cli)"
              + "(?:/[a-z]+)*)/([A-Z][A-Za-z0-9]*)(?:\\.[A-Za-z0-9_]+(?:\\(\\))?)*`");

  /** A relative link: [text](target). */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Test
  void everyNamedPathExists() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String name : DOCUMENTS) {
      Path doc = Path.of(name);
      assertTrue(Files.isRegularFile(doc), "run from the project's folder: " + doc);
      String text = Files.readString(doc);
      for (Matcher m = LINK.matcher(text); m.find(); ) {
        String target = m.group(1).replaceFirst("#.*$", "");
        if (target.isEmpty() || target.matches("^[a-z]+:.*")) {
          continue; // an anchor in the same file, or an absolute address
        }
        check(missing, name, m.group(1), doc.resolveSibling(target));
      }
      for (Matcher m = FILE.matcher(text); m.find(); ) {
        check(missing, name, m.group(1), Path.of(m.group(1)));
      }
      for (Matcher m = CLASS.matcher(text); m.find(); ) {
        Path source = Path.of("src/main/java/org/w3id/tonet", m.group(1), m.group(2) + ".java");
        check(missing, name, m.group(0), source);
      }
    }
    assertEquals(List.of(), missing, "paths the documents name that do not exist");
  }

  private static void check(List<String> missing, String doc, String named, Path path) {
    if (!Files.exists(path.normalize())) {
      missing.add(doc + ": " + named + " (" + path.normalize() + ")");
    }
  }
}
