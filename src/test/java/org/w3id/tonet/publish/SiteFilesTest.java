package org.w3id.tonet.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;

/**
 * A site's files come in the order of their names, whatever order they were made or loaded in: the
 * landing page lists them so, and the same publication (the same ETag) must give the same bytes on
 * every start. (They were in Map.copyOf's order, which changes from one JVM to the next.)
 */
class SiteFilesTest {

  @Test
  void theFilesComeInTheOrderOfTheirNames() throws Exception {
    Site site = Site.of(TestSeeds.seedBuild(), null);
    List<String> names = new ArrayList<>(site.files().keySet());
    assertTrue(names.size() >= 30, "every file: " + names.size());
    List<String> sorted = new ArrayList<>(names);
    Collections.sort(sorted);
    assertEquals(sorted, names);

    // The same files handed over in another order come out in the same order.
    Map<String, byte[]> reversed = new LinkedHashMap<>();
    List<String> backwards = new ArrayList<>(names);
    Collections.reverse(backwards);
    backwards.forEach(name -> reversed.put(name, site.files().get(name)));
    Site loaded =
        Site.loaded(
            site.data(),
            site.ontology(),
            site.meta(),
            site.iris(),
            site.source(),
            null,
            reversed,
            site.published());
    assertEquals(names, new ArrayList<>(loaded.files().keySet()));
    assertEquals(site.tag(), loaded.tag());
  }
}
