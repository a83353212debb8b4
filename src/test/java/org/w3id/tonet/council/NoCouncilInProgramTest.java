package org.w3id.tonet.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing of one council is in the program: no proper name of the bundled Tone folder (its
 * organizations, units, venues, places, persons, its identity's titles, in Japanese or English)
 * occurs in the Java code, the page templates and static files, the program's lexicon or the
 * ontology. Javadoc and comments may use the bundled folder as an example and are not read; a word
 * the second council's folder (examples/mizunagi) uses too is a word of councils, not of one.
 */
class NoCouncilInProgramTest {

  private static final Path TONE = Path.of("seeds");
  private static final Path SECOND = Path.of("examples/mizunagi");

  /** Japanese text of two characters or more, or a capitalised name of five or more. */
  private static final Pattern NAME =
      Pattern.compile(
          "(?=.*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]).{2,}|[A-Z][A-Za-z'’ -]{4,}");

  @Test
  void noProperNameOfTheToneFolderIsInTheProgram() throws IOException {
    Set<String> names = toneNames();
    assertTrue(names.size() > 50, "the Tone folder's names were read: " + names.size());
    List<String> found;
    try (Stream<Path> files =
        Stream.of(
                "src/main/java",
                "src/main/resources/templates",
                "src/main/resources/static",
                "src/main/resources/lexicon",
                "ontology")
            .map(Path::of)
            .flatMap(NoCouncilInProgramTest::walk)) {
      found =
          files
              .flatMap(
                  file -> {
                    String text = read(file);
                    return names.stream().filter(text::contains).map(name -> file + ": " + name);
                  })
              .sorted()
              .toList();
    }
    assertEquals(
        List.of(), found, "names of the Tone council in the program (move them to seeds/)");
  }

  @Test
  void commentsAreNotReadButStringsAre() {
    String code = "/** 加須市 */ class A { // 加須市\n String s = \"// 羽生市\"; /* 久喜市 */ char c = '\"'; }";
    String read = withoutComments(code);
    assertTrue(read.contains("羽生市"), read);
    assertTrue(!read.contains("加須市") && !read.contains("久喜市"), read);
  }

  /** The cells of the Tone folder's name tables that the second council's folder does not use. */
  private static Set<String> toneNames() throws IOException {
    Set<String> tone = new TreeSet<>();
    for (String file : List.of("names.tsv", "gazetteer.tsv", "identity.tsv")) {
      tone.addAll(cells(TONE.resolve(file)));
    }
    Set<String> shared = new TreeSet<>();
    try (Stream<Path> files = Files.list(SECOND)) {
      for (Path file : files.toList()) {
        shared.addAll(cells(file));
      }
    }
    tone.removeAll(shared);
    return tone.stream().filter(c -> NAME.matcher(c).matches()).collect(Collectors.toSet());
  }

  private static Set<String> cells(Path file) throws IOException {
    Set<String> cells = new TreeSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("#")) {
        continue;
      }
      for (String cell : line.split("\t")) {
        if (!cell.isBlank() && !cell.strip().startsWith("http")) {
          cells.add(cell.strip());
        }
      }
    }
    return cells;
  }

  private static Stream<Path> walk(Path root) {
    try {
      return Files.walk(root).filter(Files::isRegularFile).toList().stream();
    } catch (IOException e) {
      throw new IllegalStateException(root + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return file.toString().endsWith(".java") ? withoutComments(text) : text;
    } catch (java.nio.charset.MalformedInputException e) {
      return ""; // an image or another binary file: no text to hold a name
    } catch (IOException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
  }

  /** Java source with its comments blanked, its string and character literals kept. */
  static String withoutComments(String code) {
    StringBuilder out = new StringBuilder(code.length());
    int i = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (code.startsWith("//", i)) {
        i = code.indexOf('\n', i);
        i = i < 0 ? code.length() : i;
      } else if (code.startsWith("/*", i)) {
        int end = code.indexOf("*/", i + 2);
        i = end < 0 ? code.length() : end + 2;
        out.append(' ');
      } else if (code.startsWith("\"\"\"", i)) {
        int end = code.indexOf("\"\"\"", i + 3);
        end = end < 0 ? code.length() : end + 3;
        out.append(code, i, end);
        i = end;
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < code.length() && code.charAt(end) != c) {
          end += code.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(end + 1, code.length());
        out.append(code, i, end);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
