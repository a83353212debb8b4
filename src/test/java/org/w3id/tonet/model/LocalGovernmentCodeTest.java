package org.w3id.tonet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.council.CouncilFolder;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.rdf.TONET;

/**
 * The 6-digit local government codes: the check digit as the Ministry defines it, held to codes as
 * published (src/test/resources/local-government-codes.tsv, with its source), and stated for every
 * place and municipal status of both council folders.
 */
class LocalGovernmentCodeTest {

  private static final Path PUBLISHED = Path.of("src/test/resources/local-government-codes.tsv");

  /** code → "prefecture municipality" of the published list's extract. */
  private static Map<String, String> published() throws IOException {
    Map<String, String> codes = new TreeMap<>();
    for (String line : Files.readAllLines(PUBLISHED, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.startsWith("code\t") || line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t");
      codes.put(cells[0], cells[1] + (cells[2].equals("-") ? "" : cells[2]));
    }
    return codes;
  }

  @Test
  void everyPublishedCodeHasTheComputedCheckDigit() throws IOException {
    Map<String, String> codes = published();
    assertTrue(codes.size() >= 24, "the extract lists " + codes.size() + " codes");
    TreeSet<Integer> remainders = new TreeSet<>();
    for (String code : codes.keySet()) {
      assertEquals(code, LocalGovernmentCode.of(code.substring(0, 5)).value(), codes.get(code));
      int sum = 0;
      for (int i = 0; i < 5; i++) {
        sum += (code.charAt(i) - '0') * (6 - i);
      }
      remainders.add(sum % 11);
    }
    // Every remainder occurs, the two whose digit is not 11 - r (0 gives 1, 1 gives 0) included.
    assertEquals(11, remainders.size(), "remainders covered: " + remainders);
  }

  @Test
  void theRemaindersZeroAndOneGiveOneAndZero() {
    // 11000: 6+5 = 11, remainder 0, 11 - 0 = 11, last digit 1 (埼玉県 110001)
    assertEquals('1', LocalGovernmentCode.checkDigit("11000"));
    // 01205: 5+8+10 = 23, remainder 1, 11 - 1 = 10, last digit 0 (室蘭市 012050)
    assertEquals('0', LocalGovernmentCode.checkDigit("01205"));
  }

  @Test
  void aWrongCheckDigitOrLengthIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LocalGovernmentCode("112102"));
    assertThrows(IllegalArgumentException.class, () -> LocalGovernmentCode.of("1121"));
    assertThrows(IllegalArgumentException.class, () -> LocalGovernmentCode.of("1121a"));
    assertEquals("11210", new LocalGovernmentCode("112101").fiveDigits());
  }

  @Test
  void bothFoldersStateTheCodeOfEveryPlaceAndPeriod() throws Exception {
    Map<String, String> codes = published();
    for (Council council :
        List.of(
            Council.bundled(), Council.read(CouncilFolder.of(Path.of("examples", "mizunagi"))))) {
      Model data =
          Build.of(council, TimelineParser.Mode.STRICT, new Iris("http://localhost:3030/")).data();
      List<String> checked = new ArrayList<>();
      for (Resource type : List.of(TONET.Prefecture, TONET.Municipality, TONET.MunicipalStatus)) {
        for (Resource r :
            data.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, type).toList()) {
          String five = r.getRequiredProperty(DCTerms.identifier).getString();
          String six = r.getRequiredProperty(TONET.localGovernmentCode).getString();
          assertEquals(LocalGovernmentCode.of(five).value(), six, r.getURI());
          checked.add(six);
          String name = r.getProperty(RDFS.label, "ja").getString();
          // A code of today that the published list has names the same place.
          if (codes.containsKey(six) && type != TONET.MunicipalStatus) {
            assertTrue(
                codes.get(six).endsWith(name), six + " is " + codes.get(six) + ", not " + name);
          }
        }
      }
      assertFalse(checked.isEmpty(), "no place has a local government code");
      assertTrue(checked.stream().anyMatch(codes::containsKey), "none is a published code");
    }
  }
}
