package org.w3id.tonet.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3id.tonet.model.Name;
import org.w3id.tonet.source.FolderTable;
import org.w3id.tonet.source.SourceProblem;
import org.w3id.tonet.source.Spelling;

/**
 * A council folder's hand-kept tables of names, phrases and agenda items ({@code names.tsv}, {@code
 * phrases.tsv}, {@code agenda.tsv}): what every proper name and known activity is called in IRIs
 * and in English, and the English of the agenda.
 *
 * <pre>
 * Lexicon lexicon = Council.bundled().lexicon();
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

  /** How a rule of agenda.tsv writes a fiscal year in Japanese and in English. */
  static final String FISCAL_YEAR_JA = "{年度}";

  static final String FISCAL_YEAR_EN = "{FY}";

  /** The columns of names.tsv. */
  public static final FolderTable.Schema NAMES =
      FolderTable.Schema.of(
          FolderTable.Column.required(
              "kind", "org, unit, venue, system, plan, series, person or alias"),
          FolderTable.Column.required("japanese", "the name exactly as the table writes it"),
          FolderTable.Column.required(
              "slug",
              "lower-case ASCII words joined by '-' (for alias: the slugs it stands for, separated"
                  + " by spaces)"),
          FolderTable.Column.optional("english", "a published or obvious English name"),
          FolderTable.Column.optional("romanized", "a Hepburn romanization (ja-Latn)"),
          FolderTable.Column.optional(
              "parents",
              "the slugs it belongs to (a unit: its organization; a series: a wider one)"),
          FolderTable.Column.optional("note", "where the English comes from, or why"));

  /** The columns of phrases.tsv. */
  public static final FolderTable.Schema PHRASES =
      FolderTable.Schema.of(
          FolderTable.Column.required(
              "kind", "process, system-launch, meeting, agenda-unit, concern or legal-form"),
          FolderTable.Column.required("japanese", "the clause or text exactly as written"),
          FolderTable.Column.optional(
              "slug",
              "the event's slug (process, system-launch, meeting), the slug of what an item concerns"
                  + " (concern), or the legal form's concept in the ontology (legal-form)"),
          FolderTable.Column.optional("english", "the English label"),
          FolderTable.Column.optional("object", "the slug of the system or plan it concerns"),
          FolderTable.Column.optional("note", "why the entry reads as it does"));

  /** The columns of agenda.tsv. */
  public static final FolderTable.Schema AGENDA =
      FolderTable.Schema.of(
          FolderTable.Column.required("kind", "rule or item"),
          FolderTable.Column.required(
              "japanese",
              "the item as written (a rule: with each fiscal year it names written {年度})"),
          FolderTable.Column.required(
              "english", "the English (a rule: {FY} for each fiscal year, in the same order)"),
          FolderTable.Column.optional("note", "why the English reads as it does"));

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private static final List<String> NAME_KINDS =
      List.of("org", "unit", "venue", "system", "plan", "series", "person", "alias");

  private static final List<String> PHRASE_KINDS =
      List.of("process", "system-launch", "meeting", "agenda-unit", "concern", "legal-form");

  private Lexicon() {}

  /** A lexicon with no names, phrases or agenda English. */
  public static Lexicon empty() {
    return new Lexicon();
  }

  /**
   * The lexicon of a council folder's tables; every problem found is added to {@code problems}.
   *
   * @param names names.tsv, read with {@link #NAMES}
   * @param phrases phrases.tsv, read with {@link #PHRASES}
   * @param agenda agenda.tsv, read with {@link #AGENDA}
   */
  public static Lexicon of(
      FolderTable names, FolderTable phrases, FolderTable agenda, List<SourceProblem> problems) {
    Lexicon lexicon = new Lexicon();
    Map<String, Integer> nameLines = new HashMap<>();
    for (FolderTable.Row row : names.rows()) {
      lexicon.nameRow(row, nameLines, problems);
    }
    for (FolderTable.Row row : phrases.rows()) {
      lexicon.phraseRow(row, problems);
    }
    Map<String, Integer> agendaLines = new HashMap<>();
    for (FolderTable.Row row : agenda.rows()) {
      lexicon.agendaRow(row, agendaLines, problems);
    }
    return lexicon;
  }

  private void nameRow(
      FolderTable.Row row, Map<String, Integer> firstLines, List<SourceProblem> problems) {
    String kind = row.get("kind");
    if (!NAME_KINDS.contains(kind)) {
      problems.add(row.expected("kind", Spelling.suggestion(kind, NAME_KINDS)));
      return;
    }
    List<String> slugs = row.list("slug");
    for (String slug : slugs) {
      if (!SLUG.matcher(slug).matches()) {
        problems.add(
            row.problem(
                "slug",
                "a slug is lower-case ASCII words joined by '-', such as pastoral-kazo",
                "write it in lower-case letters, digits and '-'"));
        return;
      }
    }
    if (kind.equals("alias")) {
      aliases.put(form(row.get("japanese")), slugs);
      return;
    }
    if (slugs.size() != 1) {
      problems.add(
          row.problem(
              "slug",
              "a name of kind " + kind + " has one slug",
              "keep one; only an alias lists several"));
      return;
    }
    Name name =
        new Name(
            kind.equals("org")
                ? Name.Kind.ORGANIZATION
                : Name.Kind.valueOf(kind.toUpperCase(Locale.ROOT)),
            slugs.get(0),
            row.get("japanese"),
            row.get("english"),
            row.get("romanized"),
            row.list("parents"));
    String key = key(name.kind(), name.labelJa());
    Integer first = firstLines.putIfAbsent(key, row.line());
    if (first != null) {
      problems.add(
          row.problem(
              "japanese",
              "this " + kind + " is listed twice (first on line " + first + ")",
              "remove one of the two rows"));
      return;
    }
    names.put(key, name);
  }

  private void phraseRow(FolderTable.Row row, List<SourceProblem> problems) {
    String kind = row.get("kind");
    String japanese = row.get("japanese");
    Phrase phrase =
        new Phrase(kind, japanese, row.get("slug"), row.get("english"), row.get("object"));
    switch (kind) {
      case "agenda-unit" -> agendaUnits.add(japanese);
      case "legal-form" -> legalForms.put(form(japanese), phrase);
      case "concern" -> {
        if (!row.has("slug")) {
          problems.add(row.expected("slug", "write the slug of what the text concerns"));
          return;
        }
        concerns.put(japanese, row.get("slug"));
      }
      case "process", "system-launch", "meeting" -> {
        if (!SLUG.matcher(row.get("slug")).matches()) {
          problems.add(
              row.problem(
                  "slug",
                  "a " + kind + " needs the slug of its event IRI (id/event/{date}-{slug})",
                  "write lower-case ASCII words joined by '-'"));
          return;
        }
        phrases.put(form(japanese), phrase);
      }
      default -> problems.add(row.expected("kind", Spelling.suggestion(kind, PHRASE_KINDS)));
    }
  }

  private void agendaRow(
      FolderTable.Row row, Map<String, Integer> firstLines, List<SourceProblem> problems) {
    String kind = row.get("kind");
    Map<String, String> table =
        switch (kind) {
          case "rule" -> agendaRules;
          case "item" -> agendaItems;
          default -> null;
        };
    if (table == null) {
      problems.add(row.expected("kind", Spelling.suggestion(kind, List.of("rule", "item"))));
      return;
    }
    String japanese = row.get("japanese");
    Integer first = firstLines.putIfAbsent(kind + "\t" + form(japanese), row.line());
    if (first != null) {
      problems.add(
          row.problem(
              "japanese",
              "this " + kind + " is listed twice (first on line " + first + ")",
              "remove one of the two rows"));
      return;
    }
    if (kind.equals("rule")
        && count(japanese, FISCAL_YEAR_JA) != count(row.get("english"), FISCAL_YEAR_EN)) {
      problems.add(
          row.problem(
              "english",
              "a rule has one {FY} in its English for each {年度} in its Japanese",
              "write {FY} where the English names each fiscal year"));
      return;
    }
    table.put(form(japanese), row.get("english"));
  }

  /** The entry for a name as written, if the table has one. */
  public Optional<Name> name(Name.Kind kind, String japanese) {
    return Optional.ofNullable(names.get(key(kind, japanese)));
  }

  /** Every name of the table, in table order (an alias is not a name). */
  public List<Name> names() {
    return List.copyOf(names.values());
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
}
