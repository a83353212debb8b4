package org.w3id.tonet.council;

import java.util.ArrayList;
import java.util.List;
import org.w3id.tonet.source.FolderTable;
import org.w3id.tonet.source.SourceProblem;

/**
 * Reads a council folder's {@code event-list.tsv}: what the standard event list (イベント一覧 of the
 * recommended municipal data sets) needs that the table does not say — which local government the
 * list is filed under (its code and names fill the list's first columns) and the katakana readings
 * of the meetings' titles (イベント名_カナ, a required column).
 *
 * <pre>
 * kind     japanese              value                        note
 * place    -                     saitama-prefecture           the prefecture the area lies in
 * reading  第{n}期協議会通常総会   ダイ{n}キキョウギカイツウジョウソウカイ
 * </pre>
 */
public final class EventListTable {

  /** The columns of event-list.tsv. */
  public static final FolderTable.Schema SCHEMA =
      FolderTable.Schema.of(
          FolderTable.Column.required("kind", "place or reading"),
          FolderTable.Column.optional(
              "japanese", "for a reading: a title as the table writes it, {n} for a number"),
          FolderTable.Column.required(
              "value",
              "for place: a place's slug in gazetteer.tsv; for reading: the title in katakana,"
                  + " {n} where the number goes"),
          FolderTable.Column.optional("note", "why"));

  /**
   * What the folder says for the event list.
   *
   * @param place the slug of the gazetteer place the list is filed under, or "" when none
   * @param readings the katakana readings of titles
   */
  public record EventList(String place, List<Reading> readings) {

    /** No place, no readings. */
    public static final EventList NONE = new EventList("", List.of());

    public EventList {
      readings = List.copyOf(readings);
    }
  }

  /**
   * A title's reading.
   *
   * @param japanese the title, {n} for a number
   * @param kana its reading in katakana, {n} for the number
   */
  public record Reading(String japanese, String kana) {}

  private EventListTable() {}

  /** Reads the table; each fault is added to {@code problems}. */
  static EventList read(FolderTable table, List<SourceProblem> problems) {
    String place = "";
    List<Reading> readings = new ArrayList<>();
    for (FolderTable.Row row : table.rows()) {
      String kind = row.get("kind");
      String value = row.get("value");
      switch (kind) {
        case "place" -> {
          if (!place.isEmpty()) {
            problems.add(row.problem("kind", "a second place", "keep one place row"));
          } else if (!value.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problems.add(row.expected("value", "write the slug of a place of gazetteer.tsv"));
          } else {
            place = value;
          }
        }
        case "reading" -> {
          String japanese = row.get("japanese");
          if (japanese.isEmpty()) {
            problems.add(row.expected("japanese", "write the title as the table writes it"));
          } else if (!value.matches("([\\u30A0-\\u30FF]|\\{n\\})+")) {
            problems.add(
                row.problem(
                    "value",
                    "expected katakana (and {n} for the number), as the event list's" + " イベント名_カナ",
                    "write the title's reading in full-width katakana"));
          } else if (japanese.contains("{n}") != value.contains("{n}")) {
            problems.add(
                row.problem("value", "{n} in one of japanese and value only", "write {n} in both"));
          } else {
            readings.add(new Reading(japanese, value));
          }
        }
        default -> problems.add(row.expected("kind", "write place or reading"));
      }
    }
    return new EventList(place, readings);
  }
}
