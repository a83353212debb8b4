package org.w3id.tonet.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading bytes into numbered lines and cells, and saying where a problem is. */
class SourceFileTest {

  private static SourceFile read(String text) throws SourceException {
    return SourceFile.fromBytes("t.txt", "t.txt", text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  void everyLineEndEndsALine(String end) throws Exception {
    SourceFile file = read(String.join(end, "a", "", "b\tc", "d") + end);
    assertEquals(
        List.of("a", "", "b\tc", "d"), file.lines().stream().map(SourceLine::text).toList());
    assertEquals(List.of(1, 2, 3, 4), file.lines().stream().map(SourceLine::number).toList());
  }

  @Test
  void mixedLineEndsAndNoFinalLineEnd() throws Exception {
    SourceFile file = read("a\r\nb\nc\rd");
    assertEquals(List.of("a", "b", "c", "d"), file.lines().stream().map(SourceLine::text).toList());
  }

  @Test
  void aCrAtTheVeryEndIsOneLineEnd() throws Exception {
    assertEquals(1, read("a\r").lines().size());
    assertEquals(2, read("a\r\r").lines().size());
  }

  @Test
  void cellsKeepEmptyOnesAndPadPastTheEnd() {
    SourceLine line = SourceLine.of(17, "\t\t7月19日～\t公募によるプロポーザル方式で開発業者を選定");
    assertEquals(List.of("", "", "7月19日～", "公募によるプロポーザル方式で開発業者を選定"), line.cells());
    assertEquals("7月19日～", line.cell(3));
    assertEquals("", line.cell(5));
    assertEquals("", line.cell(0));
    assertEquals(List.of("", "", ""), SourceLine.of(1, "\t\t").cells());
  }

  @Test
  void blankMeansWhiteSpaceOnly() {
    assertTrue(SourceLine.of(1, " \t\u3000").isBlank());
    assertEquals(false, SourceLine.of(1, "\t\t-").isBlank());
  }

  @Test
  void byteOrderMarkIsSkippedButHashed() throws Exception {
    byte[] bytes = "\uFEFF平成22年度\t7月20日\n".getBytes(StandardCharsets.UTF_8);
    SourceFile file = SourceFile.fromBytes("t.txt", "t.txt", bytes);
    assertEquals("平成22年度", file.line(1).cell(1));
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertEquals(sha, file.sha256());
    assertEquals(sha.substring(0, 12), file.shortHash());
  }

  @Test
  void undecodableByteIsLocatedToItsLineAndCell() {
    byte[] bytes = "a\r\nb\tc\td".getBytes(StandardCharsets.UTF_8);
    // 0xFF starts no UTF-8 character.
    bytes[bytes.length - 1] = (byte) 0xFF;
    SourceException e =
        assertThrows(SourceException.class, () -> SourceFile.fromBytes("t.txt", "t.txt", bytes));
    SourceProblem p = e.problems().get(0);
    assertEquals("[line 2, cell 3]", p.location());
    assertEquals(
        "t.txt: byte 0xFF at offset 7 is not UTF-8; expected UTF-8 [line 2, cell 3]", p.toString());
  }

  @Test
  void aByteThatStartsNoCharacterIsNotCalledATruncation() {
    byte[] bytes = "a\tb\n".getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    latin1[bytes.length] = (byte) 0xFF;
    SourceException e =
        assertThrows(SourceException.class, () -> SourceFile.fromBytes("t.txt", "t.txt", latin1));
    assertEquals(
        "byte 0xFF at offset 4 is not UTF-8; expected UTF-8", e.problems().get(0).message());
  }

  @Test
  void aLeadByteWithoutItsContinuationAtTheEndIsATruncation() {
    byte[] whole = "a\t平".getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1);
    SourceException e =
        assertThrows(SourceException.class, () -> SourceFile.fromBytes("t.txt", "t.txt", cut));
    SourceProblem p = e.problems().get(0);
    assertTrue(p.message().endsWith("it looks truncated"), p::message);
    assertEquals("[line 1, cell 2]", p.location());
  }

  @Test
  void readKeepsThePathAsGivenAndTheFileName(@TempDir Path folder) throws Exception {
    Path path = folder.resolve("table.txt");
    Files.writeString(path, "平成22年度\t7月20日\t参加登録者5,000人を超える\n");
    SourceFile file = SourceFile.read(path);
    assertEquals(path.toString(), file.name());
    assertEquals("table.txt", file.fileName());
    assertEquals(1, file.lines().size());
  }

  @Test
  void aFolderCannotBeRead(@TempDir Path folder) {
    SourceException e = assertThrows(SourceException.class, () -> SourceFile.read(folder));
    assertTrue(e.problems().get(0).message().startsWith("cannot be read"), e::getMessage);
  }

  @Test
  void locationsOfProblems() {
    SourceProblem cell = new SourceProblem("seed.txt", 12, 2, "2月30日 is not a day", "\t2月30日\t…");
    assertEquals("[line 12, cell 2]", cell.location());
    assertEquals("seed.txt: 2月30日 is not a day [line 12, cell 2]", cell.toString());
    SourceProblem line = new SourceProblem("seed.txt", 12, 0, "cannot both hold", "");
    assertEquals("seed.txt: cannot both hold [line 12]", line.toString());
    SourceProblem file = SourceProblem.ofFile("seed.txt", "the file is empty");
    assertEquals("", file.location());
    assertEquals("seed.txt: the file is empty", file.toString());
  }

  @Test
  void anExceptionCarriesEveryProblemInItsMessage() {
    SourceException e =
        new SourceException(
            List.of(
                new SourceProblem("s.txt", 3, 2, "first", ""),
                new SourceProblem("s.txt", 9, 1, "second", "")));
    assertEquals("s.txt: first [line 3, cell 2]\ns.txt: second [line 9, cell 1]", e.getMessage());
    assertEquals(2, e.problems().size());
    assertThrows(IllegalArgumentException.class, () -> new SourceException(List.of()));
  }
}
