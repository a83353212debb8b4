package org.w3id.tonet.sparql;

import java.util.Locale;

/**
 * Numbers as the messages of this package write them: 10 s, 1.5 s, 128 MiB, 10,000.
 *
 * <pre>
 * Sizes.bytes(134_217_728); // "128 MiB"
 * </pre>
 */
public final class Sizes {

  private Sizes() {}

  /** A duration in seconds: "10 s", "2.5 s". */
  public static String seconds(long millis) {
    return millis % 1000 == 0
        ? (millis / 1000) + " s"
        : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** A size in bytes, in the largest binary unit that keeps it a whole number or one decimal. */
  public static String bytes(long n) {
    if (n < 1024) {
      return n + " bytes";
    }
    if (n < (1L << 20)) {
      return String.format(Locale.ROOT, "%.0f KiB", n / 1024.0);
    }
    if (n < (1L << 30)) {
      return String.format(Locale.ROOT, "%.0f MiB", n / (double) (1L << 20));
    }
    return String.format(Locale.ROOT, "%.1f GiB", n / (double) (1L << 30));
  }

  /** A count with thousands separators: 10,000. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
