package org.w3id.tonet.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The program's own tab-separated tables: rows keep their line; a bad row names its line. */
class TabTableTest {

  @Test
  void aShortRowIsNamedByItsResourceAndLine() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> TabTable.read("/tabtable/short-row.tsv", 3));
    assertTrue(
        e.getMessage().startsWith("/tabtable/short-row.tsv line 4: expected 3"), e.getMessage());
  }

  @Test
  void commentsAndBlankLinesAreSkippedEmptyCellsKeptAndLinesCounted() {
    List<TabTable.Row> rows = TabTable.read("/tabtable/good.tsv", 2);
    assertEquals(2, rows.size());
    assertEquals(3, rows.get(0).line());
    assertArrayEquals(new String[] {"x", "y"}, rows.get(0).cells());
    assertEquals(5, rows.get(1).line());
    assertArrayEquals(new String[] {"z", ""}, rows.get(1).cells());
  }

  @Test
  void aMissingTableIsSaid() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> TabTable.read("/tabtable/none.tsv", 1));
    assertEquals("/tabtable/none.tsv is missing from the class path", e.getMessage());
  }
}
