package org.w3id.tonet.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text at its top level, aware of the brackets and quotes the source nests: （）, (), 「」, 『』
 * and [].
 *
 * <pre>
 * Brackets.pieces("第4回協議会総会の開催（ネットワークシステムの概要）");
 * // [text "第4回協議会総会の開催", group "ネットワークシステムの概要"]
 * Brackets.splitTopLevel("（案）について、契約", '、'); // ["（案）について", "契約"]
 * </pre>
 */
public final class Brackets {

  private static final String OPENERS = "（(「『[";
  private static final String CLOSERS = "）)」』]";

  private Brackets() {}

  /**
   * A run of text at the top level, or the inside of a round-bracket group.
   *
   * @param text the text, or the group's content without its outer brackets
   * @param group true for a bracket group
   */
  public record Piece(String text, boolean group) {}

  /** Brackets that do not pair up; the message says where. */
  public static final class UnbalancedException extends Exception {
    UnbalancedException(String message) {
      super(message);
    }
  }

  /**
   * The top-level pieces of a text: round-bracket groups (（…） or (…)) and the text between them.
   * Quotes (「…」) stay inside the text around them.
   */
  public static List<Piece> pieces(String text) throws UnbalancedException {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    ArrayList<Character> stack = new ArrayList<>();
    int groupStart = -1; // >= 0 while inside a top-level round-bracket group
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (OPENERS.indexOf(c) >= 0) {
        if (stack.isEmpty() && isRound(c)) {
          if (run.length() > 0) {
            pieces.add(new Piece(run.toString(), false));
            run.setLength(0);
          }
          groupStart = i + 1;
          stack.add(c);
          continue;
        }
        stack.add(c);
      } else if (CLOSERS.indexOf(c) >= 0) {
        if (stack.isEmpty() || !pairs(stack.get(stack.size() - 1), c)) {
          throw new UnbalancedException(
              "'%c' at character %d closes nothing that was opened".formatted(c, i + 1));
        }
        stack.remove(stack.size() - 1);
        if (stack.isEmpty() && groupStart >= 0) {
          pieces.add(new Piece(text.substring(groupStart, i), true));
          groupStart = -1;
          continue;
        }
      }
      if (groupStart < 0) {
        run.append(c);
      }
    }
    if (!stack.isEmpty()) {
      throw new UnbalancedException(
          "'%c' is never closed: the text looks cut short".formatted(stack.get(0)));
    }
    if (run.length() > 0) {
      pieces.add(new Piece(run.toString(), false));
    }
    return pieces;
  }

  /** Splits at a separator that stands outside every bracket and quote. */
  public static List<String> splitTopLevel(String text, char separator) throws UnbalancedException {
    List<String> parts = new ArrayList<>();
    // A stack, not a depth count: （…] must be refused here as pieces() refuses it.
    ArrayList<Character> stack = new ArrayList<>();
    int begin = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (OPENERS.indexOf(c) >= 0) {
        stack.add(c);
      } else if (CLOSERS.indexOf(c) >= 0) {
        if (stack.isEmpty() || !pairs(stack.get(stack.size() - 1), c)) {
          throw new UnbalancedException(
              "'%c' at character %d closes nothing that was opened".formatted(c, i + 1));
        }
        stack.remove(stack.size() - 1);
      } else if (c == separator && stack.isEmpty()) {
        parts.add(text.substring(begin, i));
        begin = i + 1;
      }
    }
    if (!stack.isEmpty()) {
      throw new UnbalancedException("a bracket is never closed: the text looks cut short");
    }
    parts.add(text.substring(begin));
    return parts;
  }

  /** True when a closer ends an opener; full-width and ASCII round brackets pair either way. */
  private static boolean pairs(char opener, char closer) {
    return (isRound(opener) && isRound(closer))
        || OPENERS.indexOf(opener) == CLOSERS.indexOf(closer);
  }

  private static boolean isRound(char c) {
    return c == '（' || c == '(' || c == '）' || c == ')';
  }
}
