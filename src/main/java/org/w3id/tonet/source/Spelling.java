package org.w3id.tonet.source;

import java.util.Collection;
import java.util.Optional;

/**
 * The valid word nearest to a mistyped one, for messages that say what was probably meant.
 *
 * <pre>
 * Spelling.nearest("englsh", List.of("kind", "english", "note")); // Optional[english]
 * Spelling.nearest("zzz", List.of("kind", "english"));            // Optional.empty
 * </pre>
 *
 * <p>Nearness is the edit distance (insertions, deletions, substitutions); a word is suggested only
 * when it is within a third of its length (at least 2), so a suggestion is a likely typo rather
 * than a guess.
 */
public final class Spelling {

  private Spelling() {}

  /** The choice nearest to {@code written}, if one is near enough to be a likely typo. */
  public static Optional<String> nearest(String written, Collection<String> choices) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String choice : choices) {
      int d = distance(written, choice);
      if (d < bestDistance) {
        best = choice;
        bestDistance = d;
      }
    }
    if (best == null || bestDistance > Math.max(2, best.length() / 3)) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /** The fix to print: "did you mean X?" when one is near, else the list of choices. */
  public static String suggestion(String written, Collection<String> choices) {
    return nearest(written, choices)
        .map(n -> "did you mean " + n + "?")
        .orElse("use one of " + String.join(", ", choices));
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
