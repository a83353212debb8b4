package org.w3id.tonet.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One count of the closing summary: how many times a kind of meeting was held, as of a day.
 *
 * <pre>
 * new ReportedMeetingCount(41, LocalDate.of(2024, 3, 31), "協議会", "通常総会・臨時総会",
 *     "協議会(通常総会・臨時総会) 41回", "協議会(通常総会・臨時総会) 41回", "general-assemblies",
 *     List.of(82, 84));
 * </pre>
 *
 * @param count the number reported
 * @param asOf the day the summary speaks of
 * @param labelJa what is counted, as written
 * @param glossJa the bracketed explanation, as written, or ""
 * @param writtenJa the count as the line writes it (協議会(通常総会・臨時総会) 41回, 医師会等説明(46回))
 * @param normalJa the count in the one form every count can be written in: name(gloss) N回
 * @param seriesSlug the meeting series counted
 * @param lines the heading line and the count's own line
 */
public record ReportedMeetingCount(
    int count,
    LocalDate asOf,
    String labelJa,
    String glossJa,
    String writtenJa,
    String normalJa,
    String seriesSlug,
    List<Integer> lines) {

  public ReportedMeetingCount {
    lines = List.copyOf(lines);
  }
}
