package org.w3id.tonet.opendata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes rows as CSV (RFC 4180: comma-separated, CRLF line ends, a cell quoted when it holds a
 * comma, a quote or a line break, quotes doubled), in UTF-8, with or without a byte order mark.
 *
 * <pre>
 * byte[] plain = Csv.utf8(List.of(List.of("名称", "date"), List.of("第1回", "2010-07-20")));
 * byte[] excel = Csv.excel(rows); // the same bytes after EF BB BF
 * </pre>
 *
 * <p>The copy for Excel is UTF-8 with a byte order mark, not Shift_JIS: Excel on a Japanese Windows
 * reads a CSV without a BOM in the system's code page (CP932) and garbles UTF-8, but takes the BOM
 * as the sign of UTF-8; Shift_JIS cannot hold every character of the data (the macrons of the
 * romanized names, ō in Ōtone, are not in CP932) and would have to drop or replace them.
 */
public final class Csv {

  /** The UTF-8 byte order mark. */
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private Csv() {}

  /** The rows as UTF-8 CSV without a byte order mark. */
  public static byte[] utf8(List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(cell(row.get(i)));
      }
      out.append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The rows as UTF-8 CSV after a byte order mark, which Excel needs to read UTF-8. */
  public static byte[] excel(List<List<String>> rows) {
    return withBom(utf8(rows));
  }

  /** The same bytes after a byte order mark. */
  public static byte[] withBom(byte[] utf8) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length + 3);
    out.writeBytes(BOM);
    out.writeBytes(utf8);
    return out.toByteArray();
  }

  private static String cell(String value) {
    String v = value == null ? "" : value;
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
