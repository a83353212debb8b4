package org.w3id.tonet.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phrasing of a council folder's words.tsv with placeholders, such as {@code 第{n}回協議会臨時総会} or
 * {@code {org}の参加により、参加医療機関等{n}となる}, turned into a regular expression: each placeholder a named
 * group, full-width and half-width brackets alike, white space optional, and every ASCII letter,
 * digit or sign matching its full-width form too (as the folder's tables are compared in NFKC: a
 * word written ICT reads a row written ＩＣＴ, and the reverse).
 *
 * <pre>
 * Template t = Template.of("参加登録者{n}人を超える");
 * t.regex(Map.of());          // 参加登録者(?&lt;n&gt;[0-9０-９][0-9０-９,，]*)人を超える
 * t.placeholders();           // [n]
 * </pre>
 */
final class Template {

  /** A number as written: full-width digits and thousands separators allowed. */
  static final String NUMBER = "[0-9０-９][0-9０-９,，]*";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)\\}");

  private final String written;
  private final List<String> placeholders;

  private Template(String written, List<String> placeholders) {
    this.written = written;
    this.placeholders = List.copyOf(placeholders);
  }

  /** The template of a phrasing as written in words.tsv. */
  static Template of(String written) {
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(written);
    while (m.find()) {
      names.add(m.group(1));
    }
    return new Template(written, names);
  }

  /** The phrasing as written. */
  String written() {
    return written;
  }

  /** Its placeholders, in order ({@code n}, {@code org} …). */
  List<String> placeholders() {
    return placeholders;
  }

  /** The text before the first placeholder, or all of it when there is none. */
  String head() {
    Matcher m = PLACEHOLDER.matcher(written);
    return m.find() ? written.substring(0, m.start()) : written;
  }

  /** The text after the last placeholder, or all of it when there is none. */
  String tail() {
    int end = 0;
    Matcher m = PLACEHOLDER.matcher(written);
    while (m.find()) {
      end = m.end();
    }
    return written.substring(end);
  }

  /**
   * The regular expression, without anchors: each placeholder a named group matching what {@code
   * inner} gives for it ({@code n}: a number; any other: the shortest text).
   */
  String regex(Map<String, String> inner) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(written);
    int from = 0;
    while (m.find()) {
      regex.append(literal(written.substring(from, m.start())));
      String name = m.group(1);
      String group = inner.getOrDefault(name, name.equals("n") ? NUMBER : ".+?");
      // A number may stand apart from the words around it (参加医療機関等 119となる).
      String space = name.equals("n") ? "\\s*" : "";
      regex.append(space).append("(?<").append(name).append('>').append(group).append(')');
      regex.append(space);
      from = m.end();
    }
    return regex.append(literal(written.substring(from))).toString();
  }

  /**
   * Literal text: either bracket form for a bracket, white space optional, an ASCII letter, digit
   * or sign and its full-width form alike (NFKC makes them one), the rest quoted.
   */
  static String literal(String text) {
    StringBuilder regex = new StringBuilder();
    StringBuilder plain = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String special =
          switch (c) {
            case '（', '(' -> "[（(]";
            case '）', ')' -> "[）)]";
            case ' ', '\u3000', '\t' -> "\\s*";
            default -> eitherWidth(c);
          };
      if (special == null) {
        plain.append(c);
        continue;
      }
      if (!plain.isEmpty()) {
        regex.append(Pattern.quote(plain.toString()));
        plain.setLength(0);
      }
      regex.append(special);
    }
    if (!plain.isEmpty()) {
      regex.append(Pattern.quote(plain.toString()));
    }
    return regex.toString();
  }

  /**
   * A class of an ASCII letter, digit or sign and its full-width form (U+FF01–FF5E, which NFKC maps
   * to U+0021–007E), from either; null for any other character.
   */
  private static String eitherWidth(char c) {
    int offset = 0xFF01 - 0x21;
    char ascii;
    if (c >= 0x21 && c <= 0x7E) {
      ascii = c;
    } else if (c >= 0xFF01 && c <= 0xFF5E) {
      ascii = (char) (c - offset);
    } else {
      return null;
    }
    return String.format("[\\x{%04X}\\x{%04X}]", (int) ascii, ascii + offset);
  }

  /** Fills an English template: each {@code {name}} replaced by its value. */
  static String fill(String english, Map<String, String> values) {
    String filled = english;
    for (Map.Entry<String, String> v : values.entrySet()) {
      filled = filled.replace("{" + v.getKey() + "}", v.getValue());
    }
    return filled;
  }
}
