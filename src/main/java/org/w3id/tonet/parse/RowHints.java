package org.w3id.tonet.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.tonet.model.Name;

/**
 * For a row no rule reads, which file of the council folder to add what to: the row's shape says
 * what it probably is (a number before a title is a numbered assembly; a venue in brackets and a
 * number after a title, a symposium; 「plan」を + a verb, a plan), and the row names what is missing.
 * {@code validate} prints these; {@code draft} writes them, with {@code ?} where the data owner
 * fills in.
 *
 * <pre>
 * RowHints.of("第3回運営委員会の開催（予算）", lexicon, phrasing);
 * // [Hint[file=words.tsv, row=assembly	第{n}回運営委員会	?	?	-, why=…]]
 * </pre>
 */
public final class RowHints {

  /**
   * One thing to add.
   *
   * @param file the folder's file (words.tsv, names.tsv, phrases.tsv)
   * @param row the row to add, its cells joined by tabs, {@code ?} where the owner fills in
   * @param why what the row's shape suggests
   */
  public record Hint(String file, String row, String why) {}

  private static final String NUMBER = "[0-9０-９][0-9０-９,，]*";
  private static final Pattern A_NUMBER = Pattern.compile(NUMBER);
  private static final Pattern PLAN =
      Pattern.compile(
          "^(?<agent>[^「」]+?)が「(?<plan>[^「」]+)」を(?:(?<recipient>[^「」]+?)に)?(?<verb>[^「」]+)$");

  /** Two bodies' joint meeting: AとBの + a title + holding. */
  private static final Pattern JOINT =
      Pattern.compile("^(?<a>[^、と]+?)と(?<b>[^、と]+?)の(?<title>[^、を（(]+?)を?");

  /** A body set up: X + を + a short verb (設立, 発足). */
  private static final Pattern SET_UP =
      Pattern.compile("^(?<what>[^、]+)を(?<verb>[^をのと、（(\\s]{1,3})$");

  /** A number that is not a day, a year or a count of meetings. */
  private static final Pattern A_COUNT = Pattern.compile(NUMBER + "(?![0-9０-９,，]*[年月日回度期])");

  private final Lexicon lexicon;
  private final Phrasing phrasing;
  private final Pattern joint;
  private final Pattern numbered;
  private final Pattern bracketOrdinal;
  private final Pattern venueAndCount;
  private final Pattern series;

  private RowHints(Lexicon lexicon, Phrasing phrasing) {
    this.lexicon = lexicon;
    this.phrasing = phrasing;
    String hold = "(?:[のを]?" + Phrasing.alternatives(phrasing.words("holding")) + ")?";
    String after = "(?:\\s*[（(※].*)?$";
    joint =
        Pattern.compile(JOINT.pattern() + Phrasing.alternatives(phrasing.words("holding")) + "$");
    numbered = Pattern.compile("^第[0-9０-９]+(?<counter>回|期)(?<title>[^（(※\\s、]+?)" + hold + after);
    bracketOrdinal =
        Pattern.compile("^(?<title>[^（(※\\s、]+?)[（(]第[0-9０-９]+(?<counter>回|期)[）)]" + hold + after);
    venueAndCount =
        Pattern.compile(
            "^(?<title>[^（(]+?)" + hold + "[（(](?<venue>[^（()）]+)[）)]\\s*(?<tail>.*[0-9０-９].*)$");
    series =
        Pattern.compile(
            "^(?<name>[^（(を、]+?)(?:[（(][^（()）]+[）)])?を[^、（()）]*?"
                + Phrasing.alternatives(phrasing.words("holding"))
                + "(?:[（(][^（()）]*[）)])?$");
  }

  /** What to add to the folder so that a row, as its text reads without markup, is read. */
  public static List<Hint> of(String text, Lexicon lexicon, Phrasing phrasing) {
    return new RowHints(lexicon, phrasing).hints(text.strip());
  }

  private List<Hint> hints(String text) {
    Matcher m;
    if ((m = numbered.matcher(text)).matches()) {
      return List.of(assembly("第{n}" + m.group("counter") + m.group("title")));
    }
    if ((m = bracketOrdinal.matcher(text)).matches()) {
      return List.of(assembly(m.group("title") + "（第{n}" + m.group("counter") + "）"));
    }
    if ((m = venueAndCount.matcher(text)).matches()) {
      List<Hint> hints = new ArrayList<>();
      if (!listed(phrasing.words("symposium"), m.group("title"))) {
        hints.add(
            new Hint(
                "words.tsv",
                "symposium\t" + m.group("title") + "\t?\t-\t-",
                "a title before a venue in brackets and a number of people: a symposium; write its"
                    + " English"));
      }
      if (!phrasing.attendance().matcher(m.group("tail")).matches()) {
        hints.add(
            new Hint(
                "words.tsv",
                "attendance\t" + counted(m.group("tail")) + "\t-\t-\t-",
                "how this table writes the number of people, {n} for the number (replace the"
                    + " attendance row the folder has)"));
      }
      name(hints, Name.Kind.VENUE, m.group("venue"), "the venue in brackets");
      return hints;
    }
    if ((m = PLAN.matcher(text)).matches()) {
      List<Hint> hints = new ArrayList<>();
      if (phrasing.planVerb(m.group("verb")) == null) {
        hints.add(
            new Hint(
                "words.tsv",
                "plan-verb\t" + m.group("verb") + "\t?\t?\t-",
                "「plan」を + a verb: what the verb does to a plan (submission or adoption) and its"
                    + " English in the past tense"));
      }
      name(hints, Name.Kind.ORGANIZATION, m.group("agent"), "who acts on the plan");
      name(hints, Name.Kind.PLAN, m.group("plan"), "the plan");
      if (m.group("recipient") != null) {
        name(hints, Name.Kind.ORGANIZATION, m.group("recipient"), "to whom");
      }
      return hints;
    }
    if ((m = joint.matcher(text)).matches() && !isJointTitle(m.group("title"))) {
      List<Hint> hints = new ArrayList<>();
      hints.add(
          new Hint(
              "words.tsv",
              "joint-meeting\t" + m.group("title") + "\t?\t?\t-",
              "AとBの + a title + a verb of holding: a joint meeting of two units; its English"
                  + " (of the A and the B is added) and the slug of its event"));
      name(hints, Name.Kind.UNIT, m.group("a"), "a unit meeting jointly");
      name(hints, Name.Kind.UNIT, m.group("b"), "a unit meeting jointly");
      return hints;
    }
    if ((m = series.matcher(text)).matches()
        && lexicon.name(Name.Kind.SERIES, m.group("name")).isEmpty()) {
      return List.of(
          new Hint(
              "names.tsv",
              "series\t" + m.group("name") + "\t?\t?\t-\t-\t-",
              "meetings held (開催) under a name: if they are held again and again, a series with"
                  + " its slug and English"));
    }
    if (A_COUNT.matcher(withoutBrackets(text)).find()) {
      return List.of(
          new Hint(
              "words.tsv",
              "milestone\t" + counted(text) + "\t?\t?\t-",
              "a number reached: a milestone of registrants or of institutions (write {org} where"
                  + " it names who joined), with its English ({n} for the number)"));
    }
    List<Hint> hints = new ArrayList<>();
    List<String> clauses;
    try {
      clauses = Brackets.splitTopLevel(text, '、');
    } catch (Brackets.UnbalancedException e) {
      clauses = List.of(text);
    }
    for (String clause : clauses) {
      clause(hints, clause.strip());
    }
    return hints;
  }

  private boolean isJointTitle(String title) {
    return listed(
        phrasing.jointMeetings().keySet().stream().map(Phrasing.Title::japanese).toList(), title);
  }

  /** Whether the folder lists a word as written here, compared as its words are (NFKC). */
  private static boolean listed(List<String> words, String written) {
    String form = Lexicon.form(written);
    return words.stream().anyMatch(w -> Lexicon.form(w).equals(form));
  }

  /** What one clause of a row of several asks for. */
  private void clause(List<Hint> hints, String clause) {
    Matcher m;
    if ((m = numbered.matcher(clause)).matches()) {
      hints.add(assembly("第{n}" + m.group("counter") + m.group("title")));
      return;
    }
    if ((m = bracketOrdinal.matcher(clause)).matches()) {
      hints.add(assembly(m.group("title") + "（第{n}" + m.group("counter") + "）"));
      return;
    }
    if ((m = SET_UP.matcher(clause)).matches()
        && !listed(phrasing.words("establishing"), m.group("verb"))) {
      hints.add(
          new Hint(
              "words.tsv",
              "establishing\t" + m.group("verb") + "\t-\t-\t-",
              "X + を + a verb: if the verb sets up a body (設立, 発足), a verb of setting up"));
      if (lexicon.name(Name.Kind.ORGANIZATION, m.group("what")).isEmpty()
          && lexicon.name(Name.Kind.UNIT, m.group("what")).isEmpty()) {
        name(hints, Name.Kind.ORGANIZATION, m.group("what"), "the body set up");
      }
      return;
    }
    String head = clause;
    boolean bracketsAfter = false;
    try {
      List<Brackets.Piece> pieces = Brackets.pieces(clause);
      if (!pieces.isEmpty() && !pieces.get(0).group()) {
        head = pieces.get(0).text().strip();
        // Brackets that only give an end date (～3月15日) belong to an activity, not a title.
        bracketsAfter =
            pieces.stream()
                .skip(1)
                .anyMatch(p -> !p.group() || !p.text().strip().matches("^[～〜~].*"));
      }
    } catch (Brackets.UnbalancedException e) {
      // The clause as written, brackets and all.
    }
    if (head.isEmpty() || lexicon.phrase(head).isPresent()) {
      return;
    }
    if (bracketsAfter) {
      hints.add(
          new Hint(
              "words.tsv",
              "?\t" + head + "\t?\t?\t-",
              "a title with brackets after it: a meeting of the table's own kind"
                  + " (expert-meeting: lecturers listed after it, with its slug; written-resolution:"
                  + " a resolution in writing), with its English"));
      return;
    }
    hints.add(
        new Hint(
            "phrases.tsv",
            "?\t" + head + "\t?\t?\t-\t-",
            "a clause no rule reads: an activity begun (process), a stage of the system"
                + " (system-launch) or a one-day event (meeting), with its slug and English;"
                + " or leave the row a plain event"));
  }

  private static String withoutBrackets(String text) {
    try {
      StringBuilder plain = new StringBuilder();
      for (Brackets.Piece piece : Brackets.pieces(text)) {
        if (!piece.group()) {
          plain.append(piece.text());
        }
      }
      return plain.toString();
    } catch (Brackets.UnbalancedException e) {
      return text;
    }
  }

  private Hint assembly(String title) {
    return new Hint(
        "words.tsv",
        "assembly\t" + title + "\t?\t?\t-",
        "a number and a counter with a title: a numbered assembly; its English with {nth}, and its"
            + " kind (council, ordinary or extraordinary)");
  }

  private void name(List<Hint> hints, Name.Kind kind, String japanese, String what) {
    if (lexicon.name(kind, japanese.strip()).isEmpty()) {
      hints.add(
          new Hint(
              "names.tsv",
              Drafting.kindName(kind) + "\t" + japanese.strip() + "\t?\t?\t-\t-\t-",
              what + ": its slug and English"));
    }
  }

  /** A text with its number written {n}, and the mark of an approximate number left out. */
  private String counted(String text) {
    String counted = A_NUMBER.matcher(text.strip()).replaceFirst("{n}");
    for (String approximately : phrasing.words("approximately")) {
      counted = counted.replace(approximately, "");
    }
    return counted.replaceAll("\\s+", " ").strip();
  }

  /** For a message: the hints of a row, each as "file: row (why)". */
  public static List<String> describe(List<Hint> hints) {
    return hints.stream()
        .map(h -> h.file() + ": " + h.row().replace('\t', ' ') + "  (" + h.why() + ")")
        .toList();
  }
}
