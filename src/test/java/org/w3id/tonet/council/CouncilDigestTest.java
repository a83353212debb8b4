package org.w3id.tonet.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.TestSeeds;

/**
 * The digest {@code query} finds a kept build by, from a folder's bytes alone, is the digest of the
 * council the folder reads as: else a kept build would be missed (or, worse, another found).
 */
class CouncilDigestTest {

  @TempDir Path temp;

  @Test
  void theBytesGiveTheDigestOfWhatTheFolderReadsAs() throws Exception {
    assertEquals(
        Optional.of(Council.read(CouncilFolder.bundled()).digest()),
        Council.digestOf(CouncilFolder.bundled(), null),
        "the bundled folder");
    CouncilFolder second = CouncilFolder.of(Path.of("examples/mizunagi"));
    assertEquals(
        Optional.of(Council.read(second).digest()), Council.digestOf(second, null), "mizunagi");
    Path table = temp.resolve("table.txt");
    Files.write(table, Files.readAllBytes(TestSeeds.SEED));
    Files.writeString(table, "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    assertEquals(
        Optional.of(Council.read(CouncilFolder.bundled(), table).digest()),
        Council.digestOf(CouncilFolder.bundled(), table),
        "the bundled folder with --seed");
  }

  @Test
  void aChangedFileChangesTheDigest() throws Exception {
    Path folder = TestSeeds.copyOfTone(temp.resolve("council"));
    String before = Council.digestOf(CouncilFolder.of(folder), null).orElseThrow();
    Files.writeString(
        folder.resolve("names.tsv"),
        "# one more comment\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    String after = Council.digestOf(CouncilFolder.of(folder), null).orElseThrow();
    assertNotEquals(before, after);
    assertEquals(Council.read(CouncilFolder.of(folder)).digest(), after);
  }

  @Test
  void aFolderWithoutAPlainTableRowIsLeftToBeRead() throws Exception {
    Path folder = TestSeeds.copyOfTone(temp.resolve("council"));
    Files.writeString(
        folder.resolve("identity.tsv"),
        Files.readString(folder.resolve("identity.tsv")).replaceFirst("(?m)^table\\t", "#table\t"));
    assertTrue(Council.digestOf(CouncilFolder.of(folder), null).isEmpty());
    assertTrue(Council.digestOf(CouncilFolder.of(temp.resolve("nowhere")), null).isEmpty());
  }
}
