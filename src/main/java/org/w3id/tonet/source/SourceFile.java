package org.w3id.tonet.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A source table read strictly as UTF-8: every line kept with its number, the file's SHA-256 kept
 * for provenance.
 *
 * <pre>
 * SourceFile seed = SourceFile.read(Path.of("seeds/council-timeline.txt"));
 * seed.lines().get(5).cell(2); // "11月6日"
 * </pre>
 *
 * <p>A UTF-8 byte order mark is skipped; CRLF, LF and CR all end a line. Anything that is not UTF-8
 * (Shift_JIS, UTF-16, a file cut in the middle of a character) is refused with the line and cell
 * where decoding failed, because a guessed encoding would silently corrupt every name in the data.
 *
 * @param name the name to show in messages (the path as the user gave it)
 * @param fileName the file's own name, without folders
 * @param sha256 hex SHA-256 of the file's bytes, as stored
 * @param lines every line, blank ones included, numbered from 1
 */
public record SourceFile(String name, String fileName, String sha256, List<SourceLine> lines) {

  /** The name of the seed that ships with tonet-lod. */
  public static final String BUNDLED_SEED = "council-timeline.txt";

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  public SourceFile {
    lines = List.copyOf(lines);
  }

  /** Reads a file from disk. */
  public static SourceFile read(Path path) throws SourceException {
    String shown = path.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new SourceException(
          SourceProblem.ofFile(shown, "no such file (looked in " + path.toAbsolutePath() + ")"));
    } catch (IOException e) {
      throw new SourceException(SourceProblem.ofFile(shown, "cannot be read: " + e.getMessage()));
    }
    Path fileName = path.getFileName();
    return fromBytes(shown, fileName == null ? shown : fileName.toString(), bytes);
  }

  /** Reads the seed bundled in the jar (a copy of seeds/council-timeline.txt). */
  public static SourceFile bundled() throws SourceException {
    try (InputStream in = SourceFile.class.getResourceAsStream("/seeds/" + BUNDLED_SEED)) {
      if (in == null) {
        throw new SourceException(
            SourceProblem.ofFile(BUNDLED_SEED, "the bundled seed is missing from the jar"));
      }
      return fromBytes(BUNDLED_SEED, BUNDLED_SEED, in.readAllBytes());
    } catch (IOException e) {
      throw new SourceException(
          SourceProblem.ofFile(BUNDLED_SEED, "cannot be read: " + e.getMessage()));
    }
  }

  /** Decodes bytes strictly as UTF-8 and splits them into numbered lines. */
  public static SourceFile fromBytes(String name, String fileName, byte[] bytes)
      throws SourceException {
    String sha = sha256Hex(bytes);
    if (bytes.length == 0) {
      throw new SourceException(
          SourceProblem.ofFile(name, "the file is empty; expected a timeline table"));
    }
    refuseUtf16(name, bytes);
    int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
    String text = decodeUtf8(name, bytes, start);
    if (text.indexOf('\0') >= 0) {
      // UTF-16 of characters whose both bytes are below 0x80 (ASCII, and many kanji) is valid
      // UTF-8.
      String order = utf16Order(bytes);
      if (order != null) {
        throw new SourceException(SourceProblem.ofFile(name, "is " + utf16Hint(order)));
      }
      int line = lineOf(text, text.indexOf('\0'));
      throw new SourceException(
          new SourceProblem(
              name,
              line,
              0,
              "contains NUL characters: this is a binary file, not a text table",
              ""));
    }
    List<SourceLine> lines = splitLines(text);
    if (lines.stream().allMatch(SourceLine::isBlank)) {
      throw new SourceException(
          SourceProblem.ofFile(name, "the file holds only blank lines; expected a timeline table"));
    }
    return new SourceFile(name, fileName, sha, lines);
  }

  /** The first 12 hex digits of the SHA-256, used in source-row IRIs. */
  public String shortHash() {
    return sha256.substring(0, 12);
  }

  /** The line with a given 1-based number. */
  public SourceLine line(int number) {
    return lines.get(number - 1);
  }

  private static List<SourceLine> splitLines(String text) {
    List<SourceLine> lines = new ArrayList<>();
    int number = 1;
    int begin = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(SourceLine.of(number++, text.substring(begin, i)));
        if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
          i++;
        }
        begin = i + 1;
      }
    }
    if (begin < length) {
      lines.add(SourceLine.of(number, text.substring(begin)));
    }
    return lines;
  }

  private static void refuseUtf16(String name, byte[] bytes) throws SourceException {
    boolean le = bytes.length >= 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE;
    boolean be = bytes.length >= 2 && bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF;
    if (le || be) {
      throw new SourceException(
          SourceProblem.ofFile(
              name,
              "is UTF-16 (it starts with a UTF-16 byte order mark); expected UTF-8:"
                  + " convert it with `iconv -f UTF-16 -t UTF-8`"));
    }
  }

  private static String decodeUtf8(String name, byte[] bytes, int start) throws SourceException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return decoder.decode(in).toString();
    } catch (MalformedInputException e) {
      int offset = in.position();
      throw new SourceException(notUtf8(name, bytes, start, offset));
    } catch (CharacterCodingException e) {
      throw new SourceException(SourceProblem.ofFile(name, "is not valid UTF-8: " + e));
    }
  }

  /** Locates the first undecodable byte to its line and cell, and says what the file looks like. */
  private static SourceProblem notUtf8(String name, byte[] bytes, int start, int offset) {
    int line = 1;
    int cell = 1;
    int lineStart = start;
    for (int i = start; i < offset; i++) {
      if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= offset || bytes[i + 1] != '\n'))) {
        line++;
        cell = 1;
        lineStart = i + 1;
      } else if (bytes[i] == '\t') {
        cell++;
      }
    }
    int lineEnd = lineStart;
    while (lineEnd < bytes.length && bytes[lineEnd] != '\n' && bytes[lineEnd] != '\r') {
      lineEnd++;
    }
    String hint;
    String order = utf16Order(bytes);
    if (endsInsideCharacter(bytes, offset)) {
      hint = "the file ends in the middle of a character: it looks truncated";
    } else if (order != null) {
      hint = "the file looks like " + utf16Hint(order);
    } else if (hasNul(bytes)) {
      hint = "the file holds NUL bytes: it looks like a binary file, not a text table";
    } else if (looksLikeShiftJis(bytes, start)) {
      hint =
          "the file looks like Shift_JIS; expected UTF-8: convert it with"
              + " `iconv -f SHIFT_JIS -t UTF-8`";
    } else {
      hint = "expected UTF-8";
    }
    String raw = new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    return new SourceProblem(
        name,
        line,
        cell,
        "byte 0x%02X at offset %d is not UTF-8; %s".formatted(bytes[offset] & 0xFF, offset, hint),
        raw);
  }

  /**
   * True when the byte at offset starts a UTF-8 sequence longer than what is left of the file, and
   * what is left continues it: 0xF5 to 0xFF start no character, so a file ending in one is not cut.
   */
  private static boolean endsInsideCharacter(byte[] bytes, int offset) {
    int lead = bytes[offset] & 0xFF;
    int needed = lead >= 0xF5 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (needed <= bytes.length - offset) {
      return false;
    }
    for (int i = offset + 1; i < bytes.length; i++) {
      if ((bytes[i] & 0xC0) != 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when the bytes read as Shift_JIS and the text has kana: Latin-1 text often reads as
   * Shift_JIS too (é and a letter make a kanji), but its bytes almost never make kana, and a
   * Japanese table always has some.
   */
  private static boolean looksLikeShiftJis(byte[] bytes, int start) {
    String text = decoded(bytes, start, bytes.length, Charset.forName("windows-31j"));
    return text != null && text.codePoints().anyMatch(c -> c >= 0x3041 && c <= 0x30FF);
  }

  /**
   * "LE" or "BE" when the bytes read as UTF-16 without a byte order mark, otherwise null: every
   * ASCII character (tab, line end, digit) has a NUL byte in UTF-16, so the NUL bytes all stand on
   * odd offsets (little-endian) or all on even ones (big-endian), and the whole decodes.
   */
  private static String utf16Order(byte[] bytes) {
    int even = 0;
    int odd = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        if (i % 2 == 0) {
          even++;
        } else {
          odd++;
        }
      }
    }
    if (bytes.length % 2 != 0 || (even == 0) == (odd == 0)) {
      return null;
    }
    String order = odd > 0 ? "LE" : "BE";
    Charset charset = odd > 0 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    return decoded(bytes, 0, bytes.length, charset) == null ? null : order;
  }

  private static String utf16Hint(String order) {
    return "UTF-16%s without a byte order mark; expected UTF-8: convert it with `iconv -f UTF-16%s -t UTF-8`"
        .formatted(order, order);
  }

  private static boolean hasNul(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  /** The bytes decoded strictly, or null when they are not in that charset. */
  private static String decoded(byte[] bytes, int from, int to, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, Math.max(0, to - from)))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
