package org.w3id.tonet.cli;

import java.io.PrintWriter;
import java.util.List;
import org.w3id.tonet.model.Entry;
import org.w3id.tonet.parse.RowHints;
import org.w3id.tonet.publish.Build;

/**
 * The rows of a build that no rule read (kept as plain events, tonet:TimelineEvent), each with what
 * to add to which file of the council folder to read it.
 *
 * <pre>
 * NotRead.print(build, out);
 * // not read: timeline.txt line 19: 地域医療連携フォーラムを開催（みずなぎホール） 参加者約150名
 * //   words.tsv: symposium 地域医療連携フォーラム ? - -  (a title before a venue …)
 * </pre>
 */
final class NotRead {

  private NotRead() {}

  /**
   * Says when the table has numbered assemblies and a closing summary, but no assembly belongs to a
   * series the summary counts: the setting naming that series does not name one of the folder's.
   */
  private static void unlinked(Build build, PrintWriter out) {
    List<Entry> entries = build.timeline().entries();
    boolean assemblies = entries.stream().anyMatch(e -> e instanceof Entry.Assembly);
    boolean linked =
        entries.stream().anyMatch(e -> e instanceof Entry.Assembly && !e.base().partOf().isEmpty());
    if (assemblies && !linked && !build.timeline().counts().isEmpty()) {
      out.println(
          "note: no numbered assembly belongs to a series the closing summary counts:"
              + " settings.tsv's assembly-series names no series of names.tsv; fix: set"
              + " assembly-series to the slug of the summary's series of assemblies");
    }
  }

  /** Prints each row not read and its hints; nothing when every row is read. */
  static void print(Build build, PrintWriter out) {
    unlinked(build, out);
    int rows = 0;
    for (Entry entry : build.timeline().entries()) {
      if (!(entry instanceof Entry.Unclassified u) || !u.problem().isEmpty()) {
        continue;
      }
      rows++;
      out.printf(
          "not read: %s line %d: %s%n",
          build.timeline().source().fileName(),
          entry.base().lines().get(0),
          entry.base().labelJa());
      List<RowHints.Hint> hints =
          RowHints.of(
              entry.base().labelJa(), build.council().lexicon(), build.council().phrasing());
      for (String hint : RowHints.describe(hints)) {
        out.println("  add to " + hint);
      }
    }
    if (rows > 0) {
      out.printf(
          "%d %s kept as plain events (tonet:TimelineEvent): add to the council folder what each"
              + " says, filling in each ?, to read %s; or leave %s so%n",
          rows, rows == 1 ? "row" : "rows", rows == 1 ? "it" : "them", rows == 1 ? "it" : "them");
    }
  }
}
