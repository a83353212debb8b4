package org.w3id.tonet.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.tonet.source.FolderTable;
import org.w3id.tonet.source.SourceProblem;
import org.w3id.tonet.source.Spelling;

/**
 * How one council's table words what the rules look for, from its folder's {@code words.tsv} (its
 * titles, verbs and counters, with their English) and {@code settings.tsv} (choices its table makes
 * that another's may make otherwise): the rules are the program's, the words the folder's.
 *
 * <pre>
 * Phrasing p = Council.bundled().phrasing();
 * p.symposium().matcher("地域医療ネットワークシンポジウムの開催（パストラルかぞ） 約230人参加").matches(); // true
 * p.agendaDotItems(); // 3: 「・」 separates agenda items when it makes three or more
 * </pre>
 *
 * <p>A row kind is recognised by the shape of the row (a number and a counter before a title, a
 * venue in brackets and an attendance after it, 「…」を…に + a verb) and by the folder's words in it.
 * Each pattern here is built once, from the words, when the folder is read.
 */
public final class Phrasing {

  /**
   * A kind of word.
   *
   * @param name its name in the kind column
   * @param placeholders the placeholders its Japanese has, in any order
   * @param english whether a row must give its English
   * @param means the values its means column takes; null for a slug; empty for none
   * @param single whether a folder has at most one row of it
   * @param what what it is, for docs and messages
   */
  record Kind(
      String name,
      List<String> placeholders,
      boolean english,
      List<String> means,
      boolean single,
      String what) {}

  private static final List<String> NONE = List.of();

  /** Every kind of word a folder may list. */
  static final List<Kind> KINDS =
      List.of(
          new Kind(
              "assembly",
              List.of("n"),
              true,
              List.of("council", "ordinary", "extraordinary"),
              false,
              "the title of a numbered general assembly"),
          new Kind(
              "written-resolution",
              NONE,
              true,
              NONE,
              false,
              "the title of a resolution in writing that is not a numbered assembly"),
          new Kind("symposium", NONE, true, NONE, false, "the title of a public symposium"),
          new Kind(
              "milestone",
              List.of("n"),
              true,
              List.of("registrants", "institutions"),
              false,
              "a count reached: registrants ({n}) or participating institutions ({n}, {org})"),
          new Kind(
              "plan-verb",
              NONE,
              true,
              List.of("submission", "adoption"),
              false,
              "the verb of a plan's row: 「plan」を… + verb"),
          new Kind(
              "joint-meeting",
              NONE,
              true,
              null,
              false,
              "the title of a joint meeting of two units: AとBの + title"),
          new Kind(
              "expert-meeting",
              NONE,
              true,
              null,
              false,
              "the title of a meeting with invited lecturers"),
          new Kind("holding", NONE, false, NONE, false, "the verb of holding a meeting"),
          new Kind("establishing", NONE, false, NONE, false, "the verb of setting up a body"),
          new Kind("attendance", List.of("n"), false, NONE, true, "how attendance is counted"),
          new Kind("approximately", NONE, false, NONE, false, "the mark of an approximate number"),
          new Kind("count", List.of("n"), false, NONE, true, "the counter of the summary's counts"),
          new Kind(
              "same-as-above",
              NONE,
              false,
              NONE,
              false,
              "the word by which a row refers to the row above"),
          new Kind("in-writing", NONE, false, NONE, false, "the note of a meeting held in writing"),
          new Kind(
              "from-then-on",
              NONE,
              false,
              NONE,
              false,
              "the word opening a repeat note: （以後、月1回開催）"),
          new Kind(
              "joint-with",
              List.of("with"),
              false,
              NONE,
              true,
              "the bracket of a meeting held jointly with another body"),
          new Kind(
              "operating-as",
              List.of("day", "org", "form"),
              false,
              NONE,
              true,
              "the note of a body's change of legal form"),
          new Kind(
              "dissolution", NONE, false, NONE, false, "the word of a dissolution on an agenda"),
          new Kind("draft", NONE, false, NONE, false, "the bracketed mark of a draft: （案）"),
          new Kind("as-of", List.of("date"), false, NONE, true, "the date of the closing summary"),
          new Kind(
              "header", NONE, false, NONE, true, "the header row's words, spaces and tabs aside"),
          new Kind(
              "meetings-of",
              List.of("unit"),
              false,
              NONE,
              true,
              "the name of the meetings of a unit set up with a repeat note"));

  /**
   * A setting: a choice a table makes that another's may make otherwise, with the choice of the
   * bundled folder's table (seeds/) as default.
   *
   * @param name its name
   * @param fallback its value when the folder does not set it
   * @param what what it decides
   */
  record Setting(String name, String fallback, String what) {}

  static final List<Setting> SETTINGS_KNOWN =
      List.of(
          new Setting(
              "agenda-dot-items",
              "3",
              "「・」 separates agenda items only when it makes this many or more (fewer: a pair such"
                  + " as 確認・決定 is one item)"),
          new Setting(
              "assembly-series",
              "general-assemblies",
              "the series (names.tsv) every numbered general assembly belongs to"),
          new Setting(
              "joint-meeting-series",
              "section-meetings",
              "the series (names.tsv) the joint meetings of units belong to"));

  /** The columns of words.tsv. */
  public static final FolderTable.Schema WORDS =
      FolderTable.Schema.of(
          FolderTable.Column.required("kind", "one of " + String.join(", ", kindNames())),
          FolderTable.Column.required(
              "japanese",
              "the word or phrasing as the table writes it, with {n} where a number stands ({org},"
                  + " {day}, {with}, {date}, {unit}, {form} where a name or a day does)"),
          FolderTable.Column.optional(
              "english", "its English ({nth}, {n}, {org} where the number or name goes)"),
          FolderTable.Column.optional(
              "means", "what it stands for (see docs/council-folders.md for each kind)"),
          FolderTable.Column.optional("note", "why it reads so"));

  /** The columns of settings.tsv. */
  public static final FolderTable.Schema SETTINGS =
      FolderTable.Schema.of(
          FolderTable.Column.required("setting", "one of " + String.join(", ", settingNames())),
          FolderTable.Column.required("value", "the setting's value"),
          FolderTable.Column.optional("note", "why the table needs it"));

  /** A title with its English and, where it makes an event, the event's slug. */
  record Title(String japanese, String english, String slug) {}

  /** An assembly's title: its kind, the pattern of a row it begins, its English template. */
  record AssemblyTitle(String kind, Pattern pattern, String english) {}

  /** A milestone's phrasing: registrants or institutions, its pattern and English template. */
  record MilestoneForm(String kind, Pattern pattern, String english) {}

  /** A plan verb: submission or adoption, with its English (submitted). */
  record PlanVerb(String kind, String english) {}

  private final String council;
  private final String system;
  private final Map<String, List<FolderTable.Row>> rows;
  private final Map<String, String> settings;

  private final List<AssemblyTitle> assemblies = new ArrayList<>();
  private final List<Title> writtenResolutions;
  private final List<Title> symposia;
  private final List<MilestoneForm> milestones = new ArrayList<>();
  private final Map<String, PlanVerb> planVerbs = new LinkedHashMap<>();
  private final List<Pattern> inWritingMarks = new ArrayList<>();
  private final Pattern sameAsAbove;
  private final Pattern draftMark;
  private final List<Title> jointMeetings;
  private final List<Title> expertMeetings;
  private final Map<Title, Pattern> jointPatterns = new LinkedHashMap<>();
  private final Map<Title, Pattern> expertPatterns = new LinkedHashMap<>();
  private final Pattern written;
  private final Pattern symposium;
  private final Pattern attendance;
  private final Pattern plan;
  private final Pattern sameEstablish;
  private final Pattern establishRepeat;
  private final Pattern series;
  private final Pattern establish;
  private final Pattern jointWith;
  private final Pattern operatingAs;
  private final Pattern dissolution;
  private final Pattern symposiumOfYear;
  private final Pattern summaryHeading;
  private final Pattern count;
  private final Pattern countAtEnd;
  private final Pattern plainCount;
  private final Pattern countGroup;

  private Phrasing(
      String council,
      String system,
      Map<String, List<FolderTable.Row>> rows,
      Map<String, String> settings) {
    this.council = Objects.requireNonNull(council, "council");
    this.system = Objects.requireNonNull(system, "system");
    this.rows = rows;
    this.settings = settings;
    String hold = alternatives(words("holding"));
    String holding = "(?:[のを]?" + hold + ")";
    for (FolderTable.Row row : rows("assembly")) {
      Template t = Template.of(row.get("japanese"));
      assemblies.add(
          new AssemblyTitle(
              row.get("means"),
              Pattern.compile(
                  "^(?<title>"
                      + t.regex(Map.of("n", "[0-9０-９]+"))
                      + ")"
                      + holding
                      + "?(?<rest>.*)$"),
              row.get("english")));
    }
    writtenResolutions = titles("written-resolution");
    symposia = titles("symposium");
    jointMeetings = titles("joint-meeting");
    expertMeetings = titles("expert-meeting");
    written =
        Pattern.compile(
            "^(?<title>" + alternatives(japanese(writtenResolutions)) + ")(?<rest>.*)$");
    String approximate = "\\s*(?:" + alternatives(words("approximately")) + "\\s*)?";
    String attendance =
        template("attendance")
            .map(
                t ->
                    Template.of(t.written().replace("{n}", "{approx}{n}"))
                        .regex(Map.of("approx", approximate)))
            .orElse("(?!)");
    this.attendance = Pattern.compile("^\\s*" + attendance + "$");
    symposium =
        Pattern.compile(
            "^(?<title>"
                + alternatives(japanese(symposia))
                + ")"
                + holding
                + "?(?<open>[（(])(?<venue>.+)(?<close>[）)])\\s*"
                + attendance
                + "$");
    for (FolderTable.Row row : rows("milestone")) {
      Template t = Template.of(row.get("japanese"));
      milestones.add(
          new MilestoneForm(
              row.get("means"),
              Pattern.compile("^" + lookahead(t) + t.regex(Map.of("org", "[^「」]+?")) + "。?$"),
              row.get("english")));
    }
    for (FolderTable.Row row : rows("plan-verb")) {
      planVerbs.put(row.get("japanese"), new PlanVerb(row.get("means"), row.get("english")));
    }
    // A long row must not take cubic time to fail these patterns (a 4,000-character row of
    // 国が「地域」を… took 9 s): the agent and the quoted plan stop at a quote mark, so only the first
    // 「 is tried; the series' gloss stops at a round bracket; the rest are tried only when the row
    // ends as they must (the lookahead is linear, and what follows it then matches at once).
    plan =
        Pattern.compile(
            "^(?<agent>[^「」]+?)が「(?<plan>[^「」]+)」を(?:(?<recipient>.+?)に)?(?<verb>"
                + alternatives(new ArrayList<>(planVerbs.keySet()))
                + ")$");
    String establishing = alternatives(words("establishing"));
    sameEstablish =
        Pattern.compile(
            "^"
                + alternatives(words("same-as-above"))
                + "(?<org>.+?)に(?<units>(?:「[^」]+」と?)+)を"
                + establishing
                + "$");
    for (Title joint : jointMeetings) {
      String title = Template.literal(joint.japanese());
      jointPatterns.put(
          joint,
          Pattern.compile(
              "^(?=.*の"
                  + title
                  + holding
                  + "?$)(?<label>(?<a>.+?)と(?<b>.+?)の"
                  + title
                  + ")"
                  + holding
                  + "?$"));
    }
    for (Title expert : expertMeetings) {
      expertPatterns.put(
          expert,
          Pattern.compile("^(?<label>" + Template.literal(expert.japanese()) + ")(?<rest>.*)$"));
    }
    establishRepeat =
        Pattern.compile(
            "^(?=.*"
                + hold
                + "[）)]$)(?<established>(?<unit>.+?)"
                + establishing
                + ")[（(]"
                + alternatives(words("from-then-on"))
                + "、?(?<frequency>.+?)"
                + hold
                + "[）)]$");
    series =
        Pattern.compile(
            "^(?=.*"
                + hold
                + "(?:[（(][^（()）]*[）)])?$)(?<name>[^（(]+?)(?:[（(](?<gloss>[^（()）]+)[）)])?を"
                + "(?<frequency>.*?)"
                + hold
                + "(?:[（(](?<after>[^（()）]+)[）)])?$");
    establish = Pattern.compile("^(?<what>.+)を" + establishing + "$");
    jointWith =
        Pattern.compile(
            "^"
                + template("joint-with").map(t -> t.regex(Map.of("with", ".+"))).orElse("(?!)")
                + "$");
    operatingAs =
        Pattern.compile(
            template("operating-as")
                .map(t -> "^" + lookahead(t) + t.regex(Map.of("day", "[0-9０-９]+月[0-9０-９]+日")) + "$")
                .orElse("(?!)"));
    dissolution = Pattern.compile("^(?<org>.+?)の" + alternatives(words("dissolution")));
    symposiumOfYear =
        Pattern.compile(
            "(?<year>(?:\\S+?)(?:元|[0-9０-９]+)年度)(?:" + alternatives(japanese(symposia)) + ")");
    summaryHeading =
        Pattern.compile(
            "^※\\s*(?<title>.+?)\\s*[（(]"
                + template("as-of").map(t -> t.regex(Map.of())).orElse("(?!)")
                + "[）)]\\s*$");
    String counted = template("count").map(t -> t.regex(Map.of())).orElse("(?!)");
    count = Pattern.compile("^\\s*" + counted + "\\s*(?<rest>.*)$");
    countAtEnd = Pattern.compile("\\s*" + counted + "$");
    plainCount = Pattern.compile("^(?<name>.+?)\\s+" + counted + "$");
    countGroup = Pattern.compile("^" + counted + "$");
    // The marks are words too: compared as the rest of words.tsv is (Template.literal).
    for (String w : words("in-writing")) {
      inWritingMarks.add(Pattern.compile(Template.literal(w)));
    }
    sameAsAbove = Pattern.compile(alternatives(words("same-as-above")));
    draftMark = Pattern.compile("[（(]" + alternatives(words("draft")) + "[）)]");
  }

  /**
   * The phrasing of a council folder's words.tsv and settings.tsv; every problem found is added to
   * {@code problems}.
   *
   * @param council the slug of the council whose table it is (identity.tsv)
   * @param system the slug of its information system, or "" (identity.tsv)
   */
  public static Phrasing of(
      String council,
      String system,
      FolderTable words,
      FolderTable settings,
      List<SourceProblem> problems) {
    Map<String, List<FolderTable.Row>> rows = new LinkedHashMap<>();
    Map<String, Integer> firstLines = new HashMap<>();
    for (FolderTable.Row row : words.rows()) {
      Kind kind = kind(row.get("kind"));
      if (kind == null) {
        problems.add(row.expected("kind", Spelling.suggestion(row.get("kind"), kindNames())));
        continue;
      }
      if (check(kind, row, firstLines, rows, problems)) {
        rows.computeIfAbsent(kind.name(), k -> new ArrayList<>()).add(row);
      }
    }
    if (!rows.containsKey("header") && !words.rows().isEmpty()) {
      problems.add(
          SourceProblem.ofFile(
              words.file(),
              "has no header row (the table's header, such as 年度 月日 実施内容); fix: add a row:"
                  + " header\t<the header's words>"));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (FolderTable.Row row : settings.rows()) {
      String name = row.get("setting");
      Setting setting =
          SETTINGS_KNOWN.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
      if (setting == null) {
        problems.add(row.expected("setting", Spelling.suggestion(name, settingNames())));
        continue;
      }
      String value = row.get("value");
      if (setting.name().equals("agenda-dot-items") && !value.matches("[2-9]|[1-9][0-9]")) {
        problems.add(
            row.problem(
                "value",
                "expected a whole number of items, 2 or more",
                "write how many parts 「・」 must make to separate agenda items"));
        continue;
      }
      if (!setting.name().equals("agenda-dot-items") && !value.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        problems.add(
            row.problem("value", "expected a slug of names.tsv", "write the series' slug"));
        continue;
      }
      if (values.put(name, value) != null) {
        problems.add(row.problem("setting", "set twice", "keep one row"));
      }
    }
    return new Phrasing(council, system, rows, values);
  }

  private static boolean check(
      Kind kind,
      FolderTable.Row row,
      Map<String, Integer> firstLines,
      Map<String, List<FolderTable.Row>> rows,
      List<SourceProblem> problems) {
    if (row.toFill("english") || row.toFill("means")) {
      return false; // reported as still to be filled in
    }
    Template t = Template.of(row.get("japanese"));
    // A milestone may name who joined ({org}), an institutions one must: checked below.
    List<String> written = new ArrayList<>(t.placeholders());
    if (kind.name().equals("milestone")) {
      written.remove("org");
    }
    List<String> wantedSorted = new ArrayList<>(kind.placeholders());
    wantedSorted.sort(null);
    written.sort(null);
    if (!written.equals(wantedSorted)) {
      String wanted =
          String.join(" and ", kind.placeholders().stream().map(p -> "{" + p + "}").toList());
      problems.add(
          row.problem(
              "japanese",
              kind.placeholders().isEmpty()
                  ? article(kind.name()) + " has no placeholder"
                  : article(kind.name()) + " has " + wanted + " once",
              kind.placeholders().isEmpty()
                  ? "write the word as the table writes it"
                  : "write the phrasing as the table writes it, with "
                      + wanted
                      + " where it stands"));
      return false;
    }
    if (kind.english() && !row.has("english")) {
      problems.add(row.expected("english", "write its English"));
      return false;
    }
    if (kind.means() == null && !row.get("means").matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      problems.add(
          row.problem(
              "means",
              "expected the slug of the event it makes (id/event/{date}-{slug})",
              "write lower-case ASCII words joined by '-'"));
      return false;
    }
    if (kind.means() != null
        && !kind.means().isEmpty()
        && !kind.means().contains(row.get("means"))) {
      problems.add(
          row.problem(
              "means",
              article(kind.name()) + " means " + String.join(", ", kind.means()),
              Spelling.suggestion(row.get("means"), kind.means())));
      return false;
    }
    if (kind.name().equals("milestone")
        && row.get("means").equals("institutions") != t.placeholders().contains("org")) {
      problems.add(
          row.problem(
              "japanese",
              "an institutions milestone names who joined ({org}); a registrants one does not",
              "write {org} where the table names who joined, only for institutions"));
      return false;
    }
    String key = kind.name() + (kind.single() ? "" : "\t" + row.get("japanese"));
    Integer first = firstLines.putIfAbsent(key, row.line());
    if (first != null) {
      problems.add(
          row.problem(
              "kind",
              kind.single()
                  ? "a folder has one " + kind.name() + " row (the first is line " + first + ")"
                  : "this " + kind.name() + " is listed twice (first on line " + first + ")",
              "keep one row"));
      return false;
    }
    return true;
  }

  // ---- what the rules ask --------------------------------------------------------------

  /** The slug of the council whose table it is: it holds the assemblies. */
  public String council() {
    return council;
  }

  /** The slug of the council's information system, or "": what a launch is of by default. */
  public String system() {
    return system;
  }

  /** The rows of a kind of word, in table order. */
  List<FolderTable.Row> rows(String kind) {
    return rows.getOrDefault(kind, List.of());
  }

  /** The words of a kind, as written, in table order. */
  public List<String> words(String kind) {
    return rows(kind).stream().map(r -> r.get("japanese")).toList();
  }

  /** The titles of numbered assemblies. */
  List<AssemblyTitle> assemblies() {
    return assemblies;
  }

  /** Resolutions in writing that are not numbered assemblies: title (rest). */
  Pattern written() {
    return written;
  }

  /** The English of a written resolution's title. */
  Title writtenTitle(String japanese) {
    return find(writtenResolutions, japanese);
  }

  /** Title, holding verb, （venue）, [approximately] N + attendance counter. */
  Pattern symposium() {
    return symposium;
  }

  /** An attendance as the folder's counter writes it, alone: [approximately] N + counter. */
  Pattern attendance() {
    return attendance;
  }

  /** The English of a symposium title. */
  Title symposiumTitle(String japanese) {
    return find(symposia, japanese);
  }

  /** Registrant and institution milestones. */
  List<MilestoneForm> milestones() {
    return milestones;
  }

  /** Agentが「plan」を[recipientに]verb. */
  Pattern plan() {
    return plan;
  }

  /** A plan verb as written (compared in the tables' form, NFKC), or null. */
  PlanVerb planVerb(String japanese) {
    String form = Lexicon.form(japanese);
    return planVerbs.entrySet().stream()
        .filter(v -> Lexicon.form(v.getKey()).equals(form))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  /** 同body に「unit」と「unit」を + establishing. */
  Pattern sameEstablish() {
    return sameEstablish;
  }

  /** AとBの + joint title + holding, by title. */
  Map<Title, Pattern> jointMeetings() {
    return jointPatterns;
  }

  /** Expert meeting title (rest), by title. */
  Map<Title, Pattern> expertMeetings() {
    return expertPatterns;
  }

  /** Unit + establishing （from then on、frequency + holding）. */
  Pattern establishRepeat() {
    return establishRepeat;
  }

  /** Series[（gloss）]を[frequency] + holding[（frequency）]. */
  Pattern series() {
    return series;
  }

  /** Body + を + establishing. */
  Pattern establish() {
    return establish;
  }

  /** The bracket of a joint meeting: {with}との合同会議. */
  Pattern jointWith() {
    return jointWith;
  }

  /** The note of a change of legal form: {day}から{org}を{form}として運営. */
  Pattern operatingAs() {
    return operatingAs;
  }

  /** An agenda item proposing to dissolve a body: {org}の解散. */
  Pattern dissolution() {
    return dissolution;
  }

  /** An agenda item naming a fiscal year's symposium: 平成26年度 + symposium title. */
  Pattern symposiumOfYear() {
    return symposiumOfYear;
  }

  /** The closing summary's heading: ※ title （date + as of）. */
  Pattern summaryHeading() {
    return summaryHeading;
  }

  /** A count at the start of a text: N回 rest. */
  Pattern count() {
    return count;
  }

  /** A count at the end of a text. */
  Pattern countAtEnd() {
    return countAtEnd;
  }

  /** name N回. */
  Pattern plainCount() {
    return plainCount;
  }

  /** A bracket holding only a count: (N回). */
  Pattern countGroup() {
    return countGroup;
  }

  /** A count as the counter writes it (41 → 41回). */
  String countText(String number) {
    return template("count").map(t -> t.written().replace("{n}", number)).orElse(number);
  }

  /** The name of the meetings of a unit (システムワーキンググループの会議), or the unit's. */
  String meetingsOf(String unit) {
    return template("meetings-of")
        .map(t -> Template.fill(t.written(), Map.of("unit", unit)))
        .orElse(unit);
  }

  /** The first verb of setting up a body (設置), for the usual form of an establishment's name. */
  String establishingWord() {
    return words("establishing").stream().findFirst().orElse("");
  }

  /**
   * Whether a note says the meeting was held in writing, and how long the mark is as written (the
   * words compared as the rest of words.tsv is: {@link Template#literal}).
   */
  int inWriting(String note) {
    for (Pattern mark : inWritingMarks) {
      Matcher m = mark.matcher(note);
      if (m.lookingAt()) {
        return m.end();
      }
    }
    return -1;
  }

  /** Whether a row's text refers to the row above (同…). */
  boolean refersBack(String text) {
    return sameAsAbove.matcher(text.strip()).lookingAt();
  }

  /** Whether an agenda item is marked as a draft: （案）, in either bracket form. */
  boolean isDraft(String item) {
    return draftMark.matcher(item).find();
  }

  /** Whether a line's cells, white space aside, are the header's words (compared in NFKC). */
  boolean isHeader(String joined) {
    String form = Lexicon.form(joined);
    return rows("header").stream().anyMatch(r -> Lexicon.form(r.get("japanese")).equals(form));
  }

  /** The header as words.tsv gives it, for messages. */
  String header() {
    return words("header").stream().findFirst().orElse("(no header row in words.tsv)");
  }

  /** The slugs of the events joint meetings make. */
  List<String> jointMeetingSlugs() {
    return jointMeetings.stream().map(Title::slug).toList();
  }

  /** 「・」 separates agenda items only when it makes this many or more. */
  int agendaDotItems() {
    return Integer.parseInt(setting("agenda-dot-items"));
  }

  /** The series every numbered assembly belongs to. */
  String assemblySeries() {
    return setting("assembly-series");
  }

  /** The series the joint meetings of units belong to. */
  String jointMeetingSeries() {
    return setting("joint-meeting-series");
  }

  private String setting(String name) {
    return settings.getOrDefault(
        name,
        SETTINGS_KNOWN.stream()
            .filter(s -> s.name().equals(name))
            .findFirst()
            .orElseThrow()
            .fallback());
  }

  // ---- small pieces ------------------------------------------------------------------------

  private List<Title> titles(String kind) {
    return rows(kind).stream()
        .map(r -> new Title(r.get("japanese"), r.get("english"), r.get("means")))
        .toList();
  }

  private static List<String> japanese(List<Title> titles) {
    return titles.stream().map(Title::japanese).toList();
  }

  /** The title a pattern of these titles matched: compared in NFKC, as the pattern matched it. */
  private static Title find(List<Title> titles, String japanese) {
    String form = Lexicon.form(japanese);
    return titles.stream()
        .filter(t -> Lexicon.form(t.japanese()).equals(form))
        .findFirst()
        .orElseThrow();
  }

  private java.util.Optional<Template> template(String kind) {
    return rows(kind).stream().findFirst().map(r -> Template.of(r.get("japanese")));
  }

  /** Words as alternatives, the longest first; a pattern that never matches when there are none. */
  static String alternatives(List<String> words) {
    if (words.isEmpty()) {
      return "(?!)";
    }
    List<String> sorted = new ArrayList<>(words);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return "(?:" + String.join("|", sorted.stream().map(Template::literal).toList()) + ")";
  }

  /** A lookahead on the literal end of a template, so a row that cannot end so fails at once. */
  private static String lookahead(Template t) {
    String tail = t.tail();
    return tail.isEmpty() ? "" : "(?=.*" + Template.literal(tail) + "。?$)";
  }

  /** "an assembly", "a symposium". */
  private static String article(String word) {
    return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
  }

  private static Kind kind(String name) {
    return KINDS.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
  }

  private static List<String> kindNames() {
    return KINDS.stream().map(Kind::name).toList();
  }

  private static List<String> settingNames() {
    return SETTINGS_KNOWN.stream().map(Setting::name).toList();
  }
}
