package org.w3id.tonet.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3id.tonet.model.Name;

/**
 * The hand-kept tables of names, phrases and agenda items ({@code lexicon/names.tsv}, {@code
 * lexicon/phrases.tsv}, {@code lexicon/agenda.tsv}): what every proper name and known activity is
 * called in IRIs and in English, and the English of the agenda.
 *
 * <pre>
 * Lexicon lexicon = Lexicon.load();
 * lexicon.name(Name.Kind.VENUE, "パストラルかぞ").get().slug(); // "pastoral-kazo"
 * lexicon.agendaEnglish("平成23年度決算等", List.of(2011)); // "Accounts for FY2011, and other matters"
 * </pre>
 */
public final class Lexicon {

  /**
   * A known clause of the table.
   *
   * @param kind process, system-launch or meeting
   * @param japanese the clause as written
   * @param slug the event slug
   * @param english the English label
   * @param object the slug of the system or plan it concerns, or ""
   */
  public record Phrase(String kind, String japanese, String slug, String english, String object) {}

  private final Map<String, Name> names = new LinkedHashMap<>();
  private final Map<String, List<String>> aliases = new LinkedHashMap<>();
  private final Map<String, Phrase> phrases = new LinkedHashMap<>();
  private final Map<String, Phrase> legalForms = new LinkedHashMap<>();
  private final List<String> agendaUnits = new ArrayList<>();
  private final Map<String, String> concerns = new LinkedHashMap<>();
  private final Map<String, String> agendaRules = new LinkedHashMap<>();
  private final Map<String, String> agendaItems = new LinkedHashMap<>();

  /** How a rule of lexicon/agenda.tsv writes a fiscal year in Japanese and in English. */
  static final String FISCAL_YEAR_JA = "{年度}";

  static final String FISCAL_YEAR_EN = "{FY}";

  private Lexicon() {}

  private static final Lexicon BUNDLED = readBundled();

  /** The tables bundled with tonet-lod. */
  public static Lexicon load() {
    return BUNDLED;
  }

  private static Lexicon readBundled() {
    Lexicon lexicon = new Lexicon();
    for (String[] row : rows("names.tsv", 7)) {
      String kind = row[0];
      if (kind.equals("alias")) {
        lexicon.aliases.put(form(row[1]), List.of(row[2].split(" ")));
        continue;
      }
      Name name =
          new Name(
              kind.equals("org")
                  ? Name.Kind.ORGANIZATION
                  : Name.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)),
              row[2],
              row[1],
              dash(row[3]),
              dash(row[4]),
              row[5].equals("-") ? List.of() : List.of(row[5].split(" ")));
      String key = key(name.kind(), name.labelJa());
      if (lexicon.names.put(key, name) != null) {
        throw new IllegalStateException("names.tsv lists " + key + " twice");
      }
    }
    for (String[] row : rows("phrases.tsv", 5)) {
      switch (row[0]) {
        case "agenda-unit" -> lexicon.agendaUnits.add(row[1]);
        case "legal-form" ->
            lexicon.legalForms.put(
                form(row[1]), new Phrase(row[0], row[1], row[2], dash(row[3]), dash(row[4])));
        case "concern" -> lexicon.concerns.put(row[1], row[2]);
        case "process", "system-launch", "meeting" ->
            lexicon.phrases.put(
                form(row[1]), new Phrase(row[0], row[1], row[2], dash(row[3]), dash(row[4])));
        default -> throw new IllegalStateException("phrases.tsv: unknown kind " + row[0]);
      }
    }
    for (String[] row : rows("agenda.tsv", 3)) {
      Map<String, String> table =
          switch (row[0]) {
            case "rule" -> lexicon.agendaRules;
            case "item" -> lexicon.agendaItems;
            default -> throw new IllegalStateException("agenda.tsv: unknown kind " + row[0]);
          };
      if (table.put(form(row[1]), row[2]) != null) {
        throw new IllegalStateException("agenda.tsv lists " + row[1] + " twice");
      }
      if (row[0].equals("rule") && count(row[1], FISCAL_YEAR_JA) != count(row[2], FISCAL_YEAR_EN)) {
        throw new IllegalStateException(
            "agenda.tsv: the rule " + row[1] + " has a {FY} for each {年度}, in its English too");
      }
    }
    return lexicon;
  }

  /** The entry for a name as written, if the table has one. */
  public Optional<Name> name(Name.Kind kind, String japanese) {
    return Optional.ofNullable(names.get(key(kind, japanese)));
  }

  /** The entry with a slug, if any (the first listed, for slugs with several spellings). */
  public Optional<Name> bySlug(String slug) {
    return names.values().stream().filter(n -> n.slug().equals(slug)).findFirst();
  }

  /** The slugs an alias stands for (作業部会 → the two sections), if it is one. */
  public Optional<List<String>> alias(String japanese) {
    return Optional.ofNullable(aliases.get(form(japanese)));
  }

  /** The known clause, if this text is one. */
  public Optional<Phrase> phrase(String japanese) {
    return Optional.ofNullable(phrases.get(form(japanese)));
  }

  /** A legal form as written (権利能力なき社団), with its concept in the ontology as slug. */
  public Optional<Phrase> legalForm(String japanese) {
    return Optional.ofNullable(legalForms.get(form(japanese)));
  }

  /** Texts whose 、 joins parts of one agenda item. */
  public List<String> agendaUnits() {
    return List.copyOf(agendaUnits);
  }

  /** Keywords that link an agenda item to a thing, with that thing's slug, in table order. */
  public Map<String, String> concerns() {
    return java.util.Collections.unmodifiableMap(concerns);
  }

  /**
   * The English of an agenda item: the table's own for the item as written, else the rule the item
   * fits once each fiscal year it names is read as {年度}; empty when neither.
   *
   * @param item the item as written
   * @param mentions the fiscal years it names, as written, in order (平成23年度)
   * @param startYears the Gregorian year each of them begins in, in the same order
   */
  public Optional<String> agendaEnglish(
      String asWritten, List<String> mentions, List<Integer> startYears) {
    String item = form(asWritten);
    String english = agendaItems.get(item);
    if (english != null) {
      return Optional.of(english);
    }
    StringBuilder pattern = new StringBuilder();
    int from = 0;
    for (String asWrittenMention : mentions) {
      String mention = form(asWrittenMention);
      int at = item.indexOf(mention, from);
      if (at < 0) {
        return Optional.empty();
      }
      pattern.append(item, from, at).append(FISCAL_YEAR_JA);
      from = at + mention.length();
    }
    pattern.append(item.substring(from));
    String rule = agendaRules.get(pattern.toString());
    if (rule == null || mentions.isEmpty()) {
      return Optional.empty();
    }
    for (int year : startYears) {
      rule = rule.replaceFirst(java.util.regex.Pattern.quote(FISCAL_YEAR_EN), "FY" + year);
    }
    return Optional.of(rule);
  }

  private static int count(String text, String placeholder) {
    return text.split(java.util.regex.Pattern.quote(placeholder), -1).length - 1;
  }

  private static String key(Name.Kind kind, String japanese) {
    return kind + "\t" + form(japanese);
  }

  /**
   * Text in the form the tables are compared in: the parser's normal form (NFKC, no white space),
   * so that a seed written with full-width digits (第２期募集, as Japanese input methods write it) finds
   * the entry written with ASCII ones, and the reverse.
   */
  static String form(String text) {
    return JapaneseEras.normalize(text);
  }

  /** Whether {@code text} contains {@code keyword}, both in the tables' form. */
  static boolean mentions(String text, String keyword) {
    return form(text).contains(form(keyword));
  }

  private static String dash(String cell) {
    return cell.equals("-") ? "" : cell;
  }

  private static List<String[]> rows(String table, int columns) {
    return TabTable.read("/lexicon/" + table, columns).stream().map(TabTable.Row::cells).toList();
  }
}
