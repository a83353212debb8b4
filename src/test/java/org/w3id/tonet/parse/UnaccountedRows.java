package org.w3id.tonet.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3id.tonet.model.Entry;
import org.w3id.tonet.model.ReportedMeetingCount;
import org.w3id.tonet.model.SourceRow;
import org.w3id.tonet.model.Timeline;
import org.w3id.tonet.source.SourceFile;
import org.w3id.tonet.source.SourceLine;
import org.w3id.tonet.source.SourceProblem;

/**
 * What a parse lost or mislocated: every way in which "nothing is dropped silently" and "errors
 * name their line and cell" fail for one file, as readable lines (empty when the parse kept its
 * word).
 *
 * <pre>
 * List&lt;String&gt; faults = UnaccountedRows.in(file, TestSeeds.parse(file, Mode.LENIENT));
 * assertEquals(List.of(), faults);
 * </pre>
 *
 * <p>Held to every file: each non-blank line has a role, and one at most is the title; each content
 * row ends in an entry or a reported problem naming its line; each summary line in a count, an
 * entry or a problem (a heading with no counts under it dates nothing and is exempt); each problem
 * names a line and cell that exist and quotes that line as written; each row kept as unread text
 * carries a problem reported for its line.
 */
final class UnaccountedRows {

  /** A summary heading such as ※ 会議等の開催状況(令和6年3月31日現在): it only dates the counts below it. */
  private static final Pattern HEADING = Pattern.compile("^\\s*※.*現在\\s*[）)]\\s*$");

  private UnaccountedRows() {}

  /** Every fault of a parse result against its file. */
  static List<String> in(SourceFile file, TimelineParser.Result result) {
    List<String> faults = new ArrayList<>();
    faults.addAll(problemsMislocated(file, result.problems()));
    for (SourceProblem p : result.problems()) {
      if (!p.file().equals(file.name())) {
        faults.add("problem names file \"%s\", not \"%s\": %s".formatted(p.file(), file.name(), p));
      }
      if (p.line() > 0 && p.rawText().isEmpty()) {
        faults.add("problem on line %d quotes no text: %s".formatted(p.line(), p));
      }
    }
    Timeline t = result.timeline();
    Map<Integer, SourceRow.Kind> roles = new HashMap<>();
    for (SourceRow row : t.rows()) {
      if (roles.put(row.line(), row.kind()) != null) {
        faults.add("line %d has two roles".formatted(row.line()));
      }
      if (row.line() < 1 || row.line() > file.lines().size()) {
        faults.add("row of line %d, which the file does not have".formatted(row.line()));
      } else if (!row.text().equals(file.line(row.line()).text())) {
        faults.add("line %d's row does not keep the line as written".formatted(row.line()));
      }
    }
    long titles = t.rows().stream().filter(r -> r.kind() == SourceRow.Kind.TITLE).count();
    if (titles > 1) {
      faults.add("%d lines are taken for the title; the table has one".formatted(titles));
    }
    Set<Integer> inEntries = new HashSet<>();
    for (Entry entry : t.entries()) {
      inEntries.addAll(entry.base().lines());
    }
    Set<Integer> inCounts = new HashSet<>();
    for (ReportedMeetingCount count : t.counts()) {
      inCounts.addAll(count.lines());
    }
    Set<Integer> named = new HashSet<>();
    for (SourceProblem p : result.problems()) {
      named.add(p.line());
    }
    for (SourceLine line : file.lines()) {
      int n = line.number();
      SourceRow.Kind role = roles.get(n);
      if (line.isBlank()) {
        continue;
      }
      if (role == null) {
        faults.add("line %d is neither read nor reported: %s".formatted(n, shown(line.text())));
      } else if (role == SourceRow.Kind.CONTENT && !inEntries.contains(n) && !named.contains(n)) {
        faults.add(
            "content line %d ends in no entry and no problem: %s".formatted(n, shown(line.text())));
      } else if (role == SourceRow.Kind.SUMMARY
          && !inEntries.contains(n)
          && !inCounts.contains(n)
          && !named.contains(n)
          && !HEADING.matcher(line.text()).matches()) {
        faults.add(
            "summary line %d ends in no count, no entry and no problem: %s"
                .formatted(n, shown(line.text())));
      }
    }
    for (Entry entry : t.entries()) {
      if (entry instanceof Entry.Unclassified u && !u.problem().isEmpty()) {
        int n = u.base().lines().get(0);
        boolean reported =
            result.problems().stream()
                .anyMatch(p -> p.line() == n && p.message().equals(u.problem()));
        if (!reported) {
          faults.add("line %d is kept as unread text for a problem never reported".formatted(n));
        }
      }
    }
    return faults;
  }

  /**
   * Problems whose line or cell the file does not have, or that quote another text than their line.
   */
  static List<String> problemsMislocated(SourceFile file, List<SourceProblem> problems) {
    List<String> faults = new ArrayList<>();
    for (SourceProblem p : problems) {
      // The parser names the file as the user gave it; the IRI check of the build, by its own name.
      if (!p.file().equals(file.name()) && !p.file().equals(file.fileName())) {
        faults.add("problem names file \"%s\", not \"%s\": %s".formatted(p.file(), file.name(), p));
      }
      if (p.line() < 0 || p.line() > file.lines().size()) {
        faults.add("problem names line %d of %d: %s".formatted(p.line(), file.lines().size(), p));
        continue;
      }
      if (p.line() == 0) {
        if (p.cell() != 0) {
          faults.add("problem names a cell but no line: " + p);
        }
        continue;
      }
      SourceLine line = file.line(p.line());
      if (p.cell() < 0 || p.cell() > Math.max(1, line.cells().size())) {
        faults.add(
            "problem names cell %d of a line with %d cells: %s"
                .formatted(p.cell(), line.cells().size(), p));
      }
      if (!p.rawText().isEmpty() && !p.rawText().equals(line.text())) {
        faults.add("problem quotes another text than its line: " + p);
      }
    }
    return faults;
  }

  private static String shown(String text) {
    String escaped = text.replace("\t", "\\t");
    return escaped.length() > 120 ? escaped.substring(0, 120) + "…" : escaped;
  }
}
