package org.w3id.tonet.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.w3id.tonet.model.Name;

/**
 * What a table names that its folder does not list yet, found while the table is read for a draft
 * of its folder ({@code tonet-lod draft}): each name with its kind and the lines it is on. While
 * drafting, a name the folder lacks is given a provisional entry, so the rest of its row is read.
 *
 * <pre>
 * TimelineParser.Draft draft = TimelineParser.draft(table, lexicon, phrasing);
 * draft.missing(); // [names.tsv venue みずなぎホール (line 19), …]
 * </pre>
 */
public final class Drafting {

  /**
   * A name the table uses that its folder does not list.
   *
   * @param file the folder's file it belongs in (names.tsv, phrases.tsv)
   * @param kind its kind there (org, unit, venue, system, plan, series, person, alias, legal-form)
   * @param japanese the name as the table writes it
   * @param lines the lines it is on, in order
   */
  public record Missing(String file, String kind, String japanese, List<Integer> lines) {

    public Missing {
      lines = List.copyOf(lines);
    }
  }

  private final Map<String, Name> provisional = new LinkedHashMap<>();
  private final Map<String, TreeSet<Integer>> lines = new LinkedHashMap<>();
  private final Map<String, String[]> what = new LinkedHashMap<>();

  /** A provisional entry for a name the folder lacks, remembering where the table names it. */
  Name provide(Name.Kind kind, String japanese, int line) {
    String key = remember("names.tsv", kindName(kind), japanese, line);
    return provisional.computeIfAbsent(
        key, k -> new Name(kind, "draft-" + (provisional.size() + 1), japanese, "", "", List.of()));
  }

  /** Remembers a name of another kind (an alias, a legal form) the folder lacks. */
  void note(String file, String kind, String japanese, int line) {
    remember(file, kind, japanese, line);
  }

  private String remember(String file, String kind, String japanese, int line) {
    String key = file + "\t" + kind + "\t" + japanese.strip();
    what.putIfAbsent(key, new String[] {file, kind, japanese.strip()});
    lines.computeIfAbsent(key, k -> new TreeSet<>()).add(line);
    return key;
  }

  /** Every missing name, in the order the table first names them. */
  public List<Missing> missing() {
    List<Missing> all = new ArrayList<>();
    what.forEach(
        (key, w) -> all.add(new Missing(w[0], w[1], w[2], new ArrayList<>(lines.get(key)))));
    return all;
  }

  /** The kind as names.tsv writes it. */
  static String kindName(Name.Kind kind) {
    return kind == Name.Kind.ORGANIZATION ? "org" : kind.name().toLowerCase(Locale.ROOT);
  }
}
