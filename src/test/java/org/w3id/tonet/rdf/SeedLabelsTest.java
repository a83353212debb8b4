package org.w3id.tonet.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;

/**
 * The seed's labels are real: every agenda item has English (no placeholder), things of one kind do
 * not share a label, and the English does not capitalize mid-phrase.
 */
class SeedLabelsTest {

  private static List<String> labels(Resource r, String lang) {
    List<String> found = new ArrayList<>();
    for (Statement s : r.listProperties(RDFS.label).toList()) {
      if (s.getLanguage().equals(lang)) {
        found.add(s.getString());
      }
    }
    return found;
  }

  @Test
  void everyAgendaItemHasOneRealEnglishLabel() throws Exception {
    Model data = TestSeeds.seedData();
    List<Resource> items = data.listSubjectsWithProperty(RDF.type, TONET.AgendaItem).toList();
    assertEquals(64, items.size(), "the seed's agenda items");
    List<String> without = new ArrayList<>();
    for (Resource item : items) {
      List<String> en = labels(item, "en");
      if (en.size() != 1) {
        without.add(item.getURI() + " " + labels(item, "ja"));
        continue;
      }
      assertFalse(en.get(0).startsWith("Agenda item"), "a placeholder: " + en.get(0));
      assertFalse(en.get(0).contains("{FY}"), en.get(0));
      assertTrue(Character.isUpperCase(en.get(0).charAt(0)), "sentence case: " + en.get(0));
    }
    assertEquals(List.of(), without, "agenda items without English (add them to agenda.tsv)");
  }

  @Test
  void fiscalYearsInAgendaEnglishAreTheItemsOwn() throws Exception {
    Model data = TestSeeds.seedData();
    Resource item = data.getResource(TestSeeds.BASE + "id/assembly/extraordinary/18/agenda/1");
    assertEquals(List.of("平成31年度事業計画及び収支予算等について"), labels(item, "ja"));
    assertEquals(List.of("Business plan, budget and other matters for FY2019"), labels(item, "en"));
    Resource dissolution =
        data.getResource(TestSeeds.BASE + "id/assembly/extraordinary/24/agenda/1");
    assertEquals(
        List.of(
            "Dissolution of the Saitama Tone Healthcare Area Medical Cooperation Promotion Council"
                + " (draft)"),
        labels(dissolution, "en"));
  }

  @Test
  void theEightSymposiaAreToldApart() throws Exception {
    Model data = TestSeeds.seedData();
    List<Resource> symposia = data.listSubjectsWithProperty(RDF.type, TONET.Symposium).toList();
    assertEquals(8, symposia.size());
    for (String lang : List.of("ja", "en")) {
      Set<String> distinct = new TreeSet<>();
      symposia.forEach(s -> distinct.addAll(labels(s, lang)));
      assertEquals(8, distinct.size(), "one label per symposium in " + lang + ": " + distinct);
    }
  }

  @Test
  void noEnglishLabelCapitalizesACommonNounMidPhrase() throws Exception {
    // "…of the Exchange of views…", "…of the Written resolution…": a label pasted into another.
    Model data = TestSeeds.seedData();
    List<String> found = new ArrayList<>();
    for (Statement s :
        data.listStatements(null, RDFS.label, (org.apache.jena.rdf.model.RDFNode) null).toList()) {
      String text = s.getString();
      if (s.getLanguage().equals("en")
          && text.matches(".*\\b(of|the|a) (Exchange of views|Written resolution|Agenda item).*")) {
        found.add(text);
      }
    }
    assertEquals(List.of(), found);
  }
}
