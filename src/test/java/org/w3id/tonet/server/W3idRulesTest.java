package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.server.http.Conneg;

/**
 * The w3id.org redirect rules kept in w3id/.htaccess: they negotiate every RDF format the server
 * offers for the ontology, send resource IRIs on with a 303, and name their target once.
 */
class W3idRulesTest {

  private static final Path RULES = Path.of("w3id", ".htaccess");

  private static List<String> lines() throws Exception {
    return Files.readAllLines(RULES, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  @Test
  void everyRdfFormatTheServerOffersIsNegotiatedForTheOntology() throws Exception {
    String rules = String.join("\n", lines());
    for (Conneg.Format f : Conneg.Format.rdfOffers()) {
      String condition = "RewriteCond %{HTTP_ACCEPT} " + f.mediaType().replace("+", "\\+");
      assertTrue(rules.contains(condition), "no rule for " + f.mediaType());
    }
    assertTrue(rules.contains("RewriteRule ^ontology(/[0-9.]+)?$ "), "the ontology and versions");
  }

  @Test
  void theTargetIsSetOnceAndEveryRedirectUsesIt() throws Exception {
    List<String> sets = lines().stream().filter(l -> l.contains("[E=TONET:")).toList();
    assertEquals(1, sets.size(), "TONET is set once: " + sets);
    Matcher m = Pattern.compile("\\[E=TONET:(https?://[^\\]]+[^/])\\]").matcher(sets.get(0));
    assertTrue(m.find(), "an absolute base without the final slash: " + sets.get(0));
    for (String line : lines()) {
      if (line.startsWith("RewriteRule") && line.contains("[R=")) {
        assertTrue(line.contains(" %{ENV:TONET}/"), "redirects to the target: " + line);
      }
    }
  }

  @Test
  void resourceIrisAreSentOnWithA303() throws Exception {
    assertTrue(lines().contains("RewriteRule ^(id/.*)$ %{ENV:TONET}/$1 [R=303,L]"));
  }
}
