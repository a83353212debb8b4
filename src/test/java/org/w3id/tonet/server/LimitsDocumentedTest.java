package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.cli.ServeCommand;
import org.w3id.tonet.sparql.AllowedFunctions;
import picocli.CommandLine;

/**
 * The README's "Limits and fair use" section and the program agree: every limit flag of {@code
 * serve} is in its table, every flag the table names exists, and every function a query may call is
 * named in its list.
 */
class LimitsDocumentedTest {

  private static final Set<String> LIMIT_FLAGS =
      Set.of(
          "--query-timeout",
          "--max-results",
          "--query-memory",
          "--max-string",
          "--query-threads",
          "--query-queue",
          "--client-queries",
          "--client-query-time",
          "--http-threads",
          "--max-connections",
          "--client-connections",
          "--request-timeout",
          "--idle-timeout");

  private static String section() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("### Limits and fair use");
    int end = readme.indexOf("\n### ", start + 10);
    assertTrue(start >= 0 && end > start, "README has a section \"Limits and fair use\"");
    return readme.substring(start, end);
  }

  @Test
  void everyLimitFlagIsInTheTableAndEveryFlagThereExists() throws Exception {
    String section = section();
    Set<String> options = new TreeSet<>();
    new CommandLine(new ServeCommand())
        .getCommandSpec()
        .options()
        .forEach(o -> options.add(o.longestName()));
    assertTrue(options.containsAll(LIMIT_FLAGS), "serve has every limit flag: " + options);
    Set<String> named = new TreeSet<>();
    Matcher m = Pattern.compile("`(--[a-z-]+)").matcher(section);
    while (m.find()) {
      named.add(m.group(1));
    }
    for (String flag : named) {
      assertTrue(options.contains(flag), "README names " + flag + ", which serve does not have");
    }
    Set<String> missing = new TreeSet<>(LIMIT_FLAGS);
    missing.removeAll(named);
    assertEquals(Set.of(), missing, "limit flags the README's table does not give");
  }

  @Test
  void everyFunctionAQueryMayCallIsNamed() throws Exception {
    String section = section();
    Set<String> missing = new TreeSet<>();
    for (String iri : AllowedFunctions.iris()) {
      if (iri.startsWith("http://www.w3.org/2001/XMLSchema#")) {
        continue; // "XSD casts", as a kind
      }
      String name = iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
      if (!section.contains("`" + name + "`") && !section.contains(":" + name + "`")) {
        missing.add(iri);
      }
    }
    assertEquals(Set.of(), missing, "functions offered but not named in the README");
  }
}
