package org.w3id.tonet.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;

class SeedFileTest {

  /** The seed is a byte-for-byte copy of ../shared/seeds/000_f7192d809ee5ae11.txt. */
  @Test
  void seedIsTheSharedSourceByteForByte() throws Exception {
    byte[] bytes = Files.readAllBytes(TestSeeds.SEED);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertEquals("157963e9056fa7ee8bf9f33dcff72d97b89d12a972adcd5551779a71b8ae21d4", sha);
  }

  @Test
  void bundledSeedIsTheSameFile() throws Exception {
    SourceFile bundled = SourceFile.bundled();
    assertEquals(TestSeeds.seed().sha256(), bundled.sha256());
    assertEquals(88, bundled.lines().size());
  }

  @Test
  void everyLineKeepsItsNumberAndCells() throws Exception {
    SourceFile seed = TestSeeds.seed();
    SourceLine line16 = seed.line(16);
    assertEquals(16, line16.number());
    assertEquals("平成23年度", line16.cell(2));
    assertEquals("6月6日", line16.cell(3));
    assertEquals("", line16.cell(1));
  }
}
