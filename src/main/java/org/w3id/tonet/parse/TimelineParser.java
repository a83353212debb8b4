package org.w3id.tonet.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.tonet.model.AgendaItem;
import org.w3id.tonet.model.DateBasis;
import org.w3id.tonet.model.Entry;
import org.w3id.tonet.model.FiscalYear;
import org.w3id.tonet.model.Name;
import org.w3id.tonet.model.Person;
import org.w3id.tonet.model.Ref;
import org.w3id.tonet.model.ReportedMeetingCount;
import org.w3id.tonet.model.SourceRow;
import org.w3id.tonet.model.Timeline;
import org.w3id.tonet.model.When;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceFile;
import org.w3id.tonet.source.SourceLine;
import org.w3id.tonet.source.SourceProblem;

/**
 * Reads a timeline table into a {@link Timeline}: fiscal years carried down, dates resolved to the
 * day, every row classified, the closing summary's counts read, undated entries bounded.
 *
 * <pre>
 * Council tone = Council.bundled();
 * Timeline t = tone.parse(Mode.STRICT).timeline();
 * TimelineParser.Result r = TimelineParser.parse(file, Mode.LENIENT, tone.lexicon(), tone.phrasing());
 * r.problems().forEach(System.err::println);                               // what was kept as text
 * </pre>
 *
 * <p>Strict mode reports every bad line of the file in one {@link SourceException} and returns
 * nothing. Lenient mode keeps each unreadable row as an entry with its text and the problem.
 */
public final class TimelineParser {

  /** What to do with a row that cannot be read. */
  public enum Mode {
    /** Report it and convert nothing. */
    STRICT,
    /** Keep it as an unread row with its text and the problem, and convert the rest. */
    LENIENT
  }

  /**
   * The timeline and the problems met on the way (always empty in strict mode).
   *
   * @param timeline what was read
   * @param problems rows kept as unread text, each with its location
   */
  public record Result(Timeline timeline, List<SourceProblem> problems) {}

  private static final Pattern COUNT_LINE = Pattern.compile("^[-‐－]?\\s*・?\\s*(.+)$");
  private static final Pattern HEADER_SPACE = Pattern.compile("[\\s\u3000]");

  private final SourceFile file;
  private final Mode mode;
  private final Lexicon lexicon;
  private final Phrasing phrasing;
  private final Drafting drafting;
  private final RowClassifier classifier;
  private final List<SourceProblem> problems = new ArrayList<>();
  private final List<SourceRow> rows = new ArrayList<>();
  private final List<Entry> entries = new ArrayList<>();
  private final List<ReportedMeetingCount> counts = new ArrayList<>();
  private final Set<Integer> unreadLines = new HashSet<>();

  /** The lines whose 年度 cell writes each fiscal year, by the year it begins in. */
  private final Map<Integer, List<Integer>> fiscalYearLines = new LinkedHashMap<>();

  private String title = "";
  private int titleLine;

  private TimelineParser(
      SourceFile file, Mode mode, Lexicon lexicon, Phrasing phrasing, Drafting drafting) {
    this.file = file;
    this.mode = mode;
    this.lexicon = lexicon;
    this.phrasing = phrasing;
    this.drafting = drafting;
    this.classifier = new RowClassifier(lexicon, phrasing, drafting);
  }

  /**
   * A table read to draft its folder: leniently, every name the folder lacks given a provisional
   * entry so its row is still read, and noted.
   *
   * @param result what was read (rows that still cannot be read are kept as unread text)
   * @param missing the names the table uses that the folder does not list, with their lines
   */
  public record Draft(Result result, List<Drafting.Missing> missing) {}

  /** Reads a table to draft its folder from the words it has so far. */
  public static Draft draft(SourceFile file, Lexicon lexicon, Phrasing phrasing) {
    Drafting drafting = new Drafting();
    TimelineParser parser = new TimelineParser(file, Mode.LENIENT, lexicon, phrasing, drafting);
    Timeline timeline = parser.run();
    return new Draft(new Result(timeline, List.copyOf(parser.problems)), drafting.missing());
  }

  /**
   * Reads a file in the given mode with a council folder's lexicon and phrasing; strict mode throws
   * with every problem found.
   */
  public static Result parse(SourceFile file, Mode mode, Lexicon lexicon, Phrasing phrasing)
      throws SourceException {
    TimelineParser parser = new TimelineParser(file, mode, lexicon, phrasing, null);
    Timeline timeline = parser.run();
    if (mode == Mode.STRICT && !parser.problems.isEmpty()) {
      throw new SourceException(parser.problems);
    }
    return new Result(timeline, List.copyOf(parser.problems));
  }

  // ---- pass 1: lines ---------------------------------------------------------------------

  private enum Region {
    BEFORE_TABLE,
    TABLE,
    SUMMARY
  }

  private Timeline run() {
    Region region = Region.BEFORE_TABLE;
    FiscalYear fiscalYear = null;
    int brokenFiscalYearLine = 0;
    List<LocalDate> daysAbove = List.of();
    LocalDate asOf = null;
    int headingLine = 0;
    for (SourceLine line : file.lines()) {
      if (line.isBlank()) {
        continue;
      }
      if (isHeader(line)) {
        rows.add(row(line, SourceRow.Kind.HEADER));
        region = Region.TABLE;
        continue;
      }
      Matcher heading = phrasing.summaryHeading().matcher(firstCell(line));
      if (heading.matches()) {
        rows.add(row(line, SourceRow.Kind.SUMMARY));
        region = Region.SUMMARY;
        headingLine = line.number();
        asOf = asOf(line, heading.group("date"));
        continue;
      }
      if (region == Region.SUMMARY) {
        rows.add(row(line, SourceRow.Kind.SUMMARY));
        readCounts(line, asOf, headingLine);
        continue;
      }
      Cells cells;
      try {
        cells = cells(line);
      } catch (RowProblem p) {
        rows.add(row(line, SourceRow.Kind.CONTENT));
        // A row that gives a fiscal year but cannot be read leaves the year of the rows below it
        // unknown: they are reported, not read silently in the year given above this row.
        boolean givesFiscalYear = line.cells().stream().anyMatch(TimelineParser::isFiscalYearCell);
        report(line, p.cell(), p.getMessage(), givesFiscalYear ? null : fiscalYear);
        if (givesFiscalYear) {
          fiscalYear = null;
          brokenFiscalYearLine = line.number();
        }
        daysAbove = List.of();
        continue;
      }
      if (region == Region.BEFORE_TABLE && cells.fiscalYear() == 0 && cells.date() == 0) {
        if (title.isEmpty()) {
          rows.add(row(line, SourceRow.Kind.TITLE));
          title = line.cell(cells.text()).strip();
          titleLine = line.number();
          continue;
        }
        // One line of text above the table is its title; a second one (a row that lost its date
        // and fiscal year, a row moved above the header) would otherwise vanish without a word.
        rows.add(row(line, SourceRow.Kind.CONTENT));
        report(
            line,
            cells.text(),
            ("a second line of text above the table (the title is line %d); expected the header"
                    + " %s, or a row with its fiscal year or date")
                .formatted(titleLine, phrasing.header()),
            null);
        continue;
      }
      region = Region.TABLE;
      rows.add(row(line, SourceRow.Kind.CONTENT));
      if (cells.fiscalYear() > 0) {
        try {
          fiscalYear = JapaneseEras.fiscalYear(line.cell(cells.fiscalYear()));
          brokenFiscalYearLine = 0;
          fiscalYearLines
              .computeIfAbsent(fiscalYear.startYear(), k -> new ArrayList<>())
              .add(line.number());
        } catch (JapaneseEras.EraException e) {
          report(line, cells.fiscalYear(), e.getMessage(), null);
          fiscalYear = null;
          brokenFiscalYearLine = line.number();
          daysAbove = List.of();
          continue;
        }
      }
      try {
        daysAbove = readRow(line, cells, fiscalYear, brokenFiscalYearLine, daysAbove);
      } catch (RowProblem p) {
        report(line, p.cell(), p.getMessage(), fiscalYear);
        daysAbove = List.of();
      }
    }
    if (entries.isEmpty() && problems.isEmpty()) {
      problems.add(
          SourceProblem.ofFile(
              file.name(),
              "holds no timeline rows; expected rows of 年度, 月日 and 実施内容 separated by tabs"));
    }
    return assemble();
  }

  /** Reads one content row and returns its days, for a row below that refers back (同…). */
  private List<LocalDate> readRow(
      SourceLine line,
      Cells cells,
      FiscalYear fiscalYear,
      int brokenFiscalYearLine,
      List<LocalDate> daysAbove)
      throws RowProblem {
    if (fiscalYear == null) {
      int cell = cells.date() > 0 ? cells.date() : Math.max(cells.text(), 1);
      throw new RowProblem(
          brokenFiscalYearLine > 0
              ? "its fiscal year, given on line %d, could not be read"
                  .formatted(brokenFiscalYearLine)
              : "this row comes before any fiscal year; expected a cell such as 平成22年度 on it or on"
                  + " a row above",
          cell);
    }
    if (cells.text() == 0) {
      throw new RowProblem(
          "the row has no text; expected what happened (実施内容) in a cell after the date",
          cells.date() > 0 ? cells.date() : cells.fiscalYear());
    }
    String text = line.cell(cells.text());
    List<LocalDate> days = List.of();
    LocalDate end = null;
    boolean open = false;
    DateBasis basis = DateBasis.UNKNOWN;
    if (cells.date() > 0) {
      try {
        DateCell cell = DateCell.parse(line.cell(cells.date()));
        days = cell.days(fiscalYear);
        end = cell.endDay(fiscalYear);
        open = cell.openEnded();
        basis = DateBasis.AS_WRITTEN;
      } catch (DateCell.DateCellException e) {
        throw new RowProblem(e.getMessage(), cells.date());
      }
      if (end != null && end.isBefore(days.get(0))) {
        throw new RowProblem(
            "the range ends on %s, before it begins on %s".formatted(end, days.get(0)),
            cells.date());
      }
    } else if (phrasing.refersBack(text) && !daysAbove.isEmpty()) {
      // 同協議会 (the same council): the row continues the row above and shares its day.
      if (!fiscalYear.contains(daysAbove.get(0))) {
        throw new RowProblem(
            "the row refers to the row above (同…) and has no date of its own, but the day above,"
                + " %s, is not in this row's fiscal year %s; expected a date cell or no new fiscal year"
                    .formatted(daysAbove.get(0), fiscalYear.labelJa()),
            cells.fiscalYear() > 0 ? cells.fiscalYear() : cells.text());
      }
      days = List.of(daysAbove.get(0));
      basis = DateBasis.FROM_ROW_ABOVE;
    }
    RowFacts facts =
        new RowFacts(
            line.number(), fiscalYear, days, end, open, basis, text, cells.text(), cells.date());
    entries.addAll(classifier.classify(facts));
    return days;
  }

  /** Where the fiscal year, date and text of a row are: 0 when absent. */
  private record Cells(int fiscalYear, int date, int text) {}

  /** Finds the cells of a row by their shape, wherever the columns have shifted them. */
  private Cells cells(SourceLine line) throws RowProblem {
    int fiscalYear = 0;
    int date = 0;
    int text = 0;
    for (int i = 1; i <= line.cells().size(); i++) {
      String cell = line.cell(i);
      if (cell.isBlank()) {
        continue;
      }
      // The cheap tests first: a long text cell is never normalized to be tested as a year.
      if (isFiscalYearCell(cell)) {
        fiscalYear = only(fiscalYear, i, "fiscal year");
      } else if (text == 0 && cell.strip().length() <= 24 && DateCell.looksLikeDate(cell)) {
        date = only(date, i, "date");
      } else {
        text = only(text, i, "text");
      }
    }
    return new Cells(fiscalYear, date, text);
  }

  /** True when a cell has the shape of a fiscal year, valid or not. */
  private static boolean isFiscalYearCell(String cell) {
    return cell.strip().length() <= 12 && JapaneseEras.looksLikeFiscalYear(cell);
  }

  private static int only(int seen, int cell, String what) throws RowProblem {
    if (seen > 0) {
      throw new RowProblem(
          "a second %s cell (the first is cell %d); expected one %s per row"
              .formatted(what, seen, what),
          cell);
    }
    return cell;
  }

  private boolean isHeader(SourceLine line) {
    return phrasing.isHeader(HEADER_SPACE.matcher(String.join("", line.cells())).replaceAll(""));
  }

  private static String firstCell(SourceLine line) {
    for (String cell : line.cells()) {
      if (!cell.isBlank()) {
        return cell.strip();
      }
    }
    return "";
  }

  private static int firstCellNumber(SourceLine line) {
    for (int i = 1; i <= line.cells().size(); i++) {
      if (!line.cell(i).isBlank()) {
        return i;
      }
    }
    return 1;
  }

  private static SourceRow row(SourceLine line, SourceRow.Kind kind) {
    return new SourceRow(line.number(), line.text(), kind);
  }

  /** Records a problem; in lenient mode the row is kept as unread text. */
  private void report(SourceLine line, int cell, String message, FiscalYear fiscalYear) {
    problems.add(new SourceProblem(file.name(), line.number(), cell, message, line.text()));
    // A line with several problems (two unknown names on one count line) is kept once: two
    // entries for one line would mint one IRI twice.
    if (mode == Mode.LENIENT && unreadLines.add(line.number())) {
      String text = line.text().replace('\t', ' ').strip();
      entries.add(
          new Entry.Unclassified(
              new Entry.Base(
                  text,
                  "Row that could not be read (line %d)".formatted(line.number()),
                  fiscalYear == null
                      ? When.between(null, null)
                      : When.between(fiscalYear.begins(), fiscalYear.ends()),
                  fiscalYear,
                  List.of(line.number()),
                  List.of(),
                  List.of()),
              "unread-line-" + line.number(),
              message));
    }
  }

  // ---- the closing summary ---------------------------------------------------------------

  private LocalDate asOf(SourceLine line, String written) {
    try {
      return JapaneseEras.date(written);
    } catch (JapaneseEras.EraException e) {
      report(line, firstCellNumber(line), "the summary's date: " + e.getMessage(), null);
      return null;
    }
  }

  /** Reads 「・ 協議会(通常総会・臨時総会) 41回」 or 「医師会等説明(46回)、救急担当課長等会議(10回)」. */
  private void readCounts(SourceLine line, LocalDate asOf, int headingLine) {
    int cell = firstCellNumber(line);
    if (asOf == null) {
      // Said once, here, rather than as a misleading "has no count" for a count that was written.
      report(
          line,
          cell,
          "this count cannot be dated: the summary's date, given on line %d, could not be read"
              .formatted(headingLine),
          null);
      return;
    }
    Matcher countLine = COUNT_LINE.matcher(firstCell(line));
    String body = countLine.matches() ? countLine.group(1) : firstCell(line);
    String expected =
        "expected counts such as 「・ 総会 %s」 or 「説明会(%s)」"
            .formatted(phrasing.countText("12"), phrasing.countText("3"));
    List<Brackets.Piece> pieces;
    try {
      pieces = Brackets.pieces(body);
    } catch (Brackets.UnbalancedException e) {
      report(line, cell, e.getMessage() + "; " + expected, null);
      return;
    }
    String name = "";
    String gloss = null;
    int found = 0;
    for (Brackets.Piece piece : pieces) {
      if (piece.group()) {
        Matcher n = phrasing.countGroup().matcher(piece.text().strip());
        if (n.matches() && gloss == null) {
          count(line, cell, asOf, headingLine, name, "", n.group("n"), true);
          found++;
          name = "";
        } else if (gloss == null && !name.isEmpty()) {
          gloss = piece.text();
        } else {
          report(line, cell, "unexpected \"(%s)\"; %s".formatted(piece.text(), expected), null);
          return;
        }
        continue;
      }
      String text = piece.text();
      if (gloss != null) {
        Matcher n = phrasing.count().matcher(text);
        if (!n.matches()) {
          report(line, cell, "no count after \"%s\"; %s".formatted(name, expected), null);
          return;
        }
        count(line, cell, asOf, headingLine, name, gloss, n.group("n"), false);
        found++;
        gloss = null;
        name = n.group("rest");
      } else {
        name = name + text;
      }
      name = name.replaceFirst("^[\\s、,]+", "").strip();
      Matcher plain = phrasing.plainCount().matcher(name);
      if (gloss == null && plain.matches()) {
        count(line, cell, asOf, headingLine, plain.group("name"), "", plain.group("n"), false);
        found++;
        name = "";
      }
    }
    if (!name.isEmpty() || gloss != null || found == 0) {
      report(line, cell, "\"%s\" has no count; %s".formatted(body, expected), null);
    }
  }

  /**
   * Records one count that was written; a series missing from the names table is reported here, so
   * the caller still counts it as found (it has a number: "has no count" would be wrong).
   */
  private void count(
      SourceLine line,
      int cell,
      LocalDate asOf,
      int headingLine,
      String name,
      String gloss,
      String number,
      boolean inBrackets) {
    Optional<Name> series = lexicon.name(Name.Kind.SERIES, name);
    if (series.isEmpty() && drafting != null) {
      series = Optional.of(drafting.provide(Name.Kind.SERIES, name, line.number()));
    }
    if (series.isEmpty()) {
      report(
          line,
          cell,
          "\"%s\" is not in names.tsv (kind series): add a row with its slug and English name"
              .formatted(name),
          null);
      return;
    }
    int meetings;
    try {
      meetings = RowClassifier.number(number);
    } catch (NumberFormatException e) {
      // 99999999999回 does not fit an int: reported like a row's count, not thrown out of parse().
      report(
          line,
          cell,
          "\"%s\" is too large to be a count of meetings".formatted(phrasing.countText(number)),
          null);
      return;
    }
    counts.add(
        new ReportedMeetingCount(
            meetings,
            asOf,
            name,
            gloss,
            written(line, name, gloss, phrasing.countText(number), inBrackets),
            name
                + (gloss.isEmpty() ? "" : "(" + gloss + ")")
                + " "
                + phrasing.countText(Integer.toString(meetings)),
            series.get().slug(),
            List.of(headingLine, line.number())));
  }

  /**
   * A count as the line writes it: 協議会(通常総会・臨時総会) 41回, 医師会等説明(46回) or name 9回, with the brackets
   * and the space the line uses (the first form found in the line; the plainest when none is).
   *
   * @param counted the number with its counter, as the folder's count word writes it (41回)
   */
  private static String written(
      SourceLine line, String name, String gloss, String counted, boolean inBrackets) {
    List<String> forms = new ArrayList<>();
    for (String[] brackets : new String[][] {{"(", ")"}, {"（", "）"}}) {
      String open = brackets[0];
      String close = brackets[1];
      if (inBrackets) {
        forms.add(name + open + counted + close);
      } else if (!gloss.isEmpty()) {
        forms.add(name + open + gloss + close + " " + counted);
        forms.add(name + open + gloss + close + counted);
      } else {
        forms.add(name + " " + counted);
      }
    }
    return forms.stream().filter(line.text()::contains).findFirst().orElse(forms.get(0));
  }

  // ---- pass 2: links and bounds ----------------------------------------------------------

  private Timeline assemble() {
    addSummarySeries();
    linkSeries();
    boundUndatedAssemblies();
    dateSeriesFromMembers();
    resolveSymposiumRefs();
    List<FiscalYear> years = fiscalYears();
    List<Name> names = usedNames();
    return new Timeline(
        new Timeline.SourceInfo(file.fileName(), file.sha256(), title, file.lines().size()),
        rows,
        years,
        entries,
        counts,
        names,
        fiscalYearLines);
  }

  /** Each count is of a series: the one a row already made, or one known only from the count. */
  private void addSummarySeries() {
    for (ReportedMeetingCount count : counts) {
      int index = seriesIndex(count.seriesSlug());
      int countLine = count.lines().get(count.lines().size() - 1);
      if (index >= 0) {
        Entry.MeetingSeries series = (Entry.MeetingSeries) entries.get(index);
        entries.set(
            index,
            new Entry.MeetingSeries(
                series.base().withLine(countLine),
                series.name(),
                series.glossJa(),
                series.frequencyJa()));
        continue;
      }
      Name name =
          lexicon
              .name(Name.Kind.SERIES, count.labelJa())
              .orElseGet(() -> drafting.provide(Name.Kind.SERIES, count.labelJa(), countLine));
      // Named as the summary writes it, gloss included: 協議会(通常総会・臨時総会), not 協議会,
      // which would read as the council itself. Dated later, from its members, or not at all.
      String asWritten =
          count.glossJa().isEmpty()
              ? name.labelJa()
              : phrasing.countAtEnd().matcher(count.writtenJa()).replaceFirst("");
      entries.add(
          new Entry.MeetingSeries(
              new Entry.Base(
                  asWritten,
                  name.labelEn(),
                  When.between(null, null),
                  null,
                  List.of(countLine),
                  List.of(),
                  List.of()),
              name,
              count.glossJa(),
              ""));
    }
  }

  /** Series inside wider series, assemblies and section meetings inside the summary's series. */
  private void linkSeries() {
    // Linking replaces entries but adds or removes no series: look them up once, not per entry.
    Set<String> series = new HashSet<>();
    for (Entry entry : entries) {
      if (entry instanceof Entry.MeetingSeries s) {
        series.add(s.name().slug());
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      Entry.Base base = entry.base();
      if (entry instanceof Entry.MeetingSeries s) {
        for (String parent : s.name().parents()) {
          if (series.contains(parent)) {
            base = base.withPartOf(parent);
          }
        }
        entries.set(i, new Entry.MeetingSeries(base, s.name(), s.glossJa(), s.frequencyJa()));
      } else if (entry instanceof Entry.Assembly a && series.contains(phrasing.assemblySeries())) {
        entries.set(
            i,
            new Entry.Assembly(
                base.withPartOf(phrasing.assemblySeries()),
                a.kind(),
                a.ordinal(),
                a.heldInWriting(),
                a.agenda(),
                a.jointWith()));
      } else if (entry instanceof Entry.Meeting m
          && phrasing.jointMeetingSlugs().contains(m.slug())
          && series.contains(phrasing.jointMeetingSeries())) {
        entries.set(
            i,
            new Entry.Meeting(
                base.withPartOf(phrasing.jointMeetingSeries()),
                m.slug(),
                m.organizers(),
                m.agenda(),
                m.lecturers()));
      }
    }
  }

  private int seriesIndex(String slug) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i) instanceof Entry.MeetingSeries s && s.name().slug().equals(slug)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * An undated numbered assembly lies between the dated assemblies numbered before and after it
   * (第1回 ≤ 第2回 ≤ 第3回), within its fiscal year. Neighbouring rows are not used: the table is not
   * strictly in date order.
   */
  private void boundUndatedAssemblies() {
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.get(i) instanceof Entry.Assembly a) || a.base().when().isDated()) {
        continue;
      }
      LocalDate notBefore = a.base().when().notBefore();
      LocalDate notAfter = a.base().when().notAfter();
      for (Entry other : entries) {
        if (other instanceof Entry.Assembly b
            && b.kind() == a.kind()
            && b.base().when().isDated()) {
          LocalDate day = b.base().when().start();
          if (b.ordinal() < a.ordinal() && (notBefore == null || day.isAfter(notBefore))) {
            notBefore = day;
          }
          if (b.ordinal() > a.ordinal() && (notAfter == null || day.isBefore(notAfter))) {
            notAfter = day;
          }
        }
      }
      if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
        if (drafting != null) {
          // While drafting, titles of different numberings may share a provisional kind.
          continue;
        }
        int line = a.base().lines().get(0);
        problems.add(
            new SourceProblem(
                file.name(),
                line,
                0,
                "%s has no date, and its number puts it on or after %s and on or before %s,"
                        .formatted(a.base().labelJa(), notBefore, notAfter)
                    + " which cannot both hold: check the numbering and the fiscal year",
                file.line(line).text()));
        continue;
      }
      entries.set(
          i,
          new Entry.Assembly(
              a.base().withWhen(When.between(notBefore, notAfter)),
              a.kind(),
              a.ordinal(),
              a.heldInWriting(),
              a.agenda(),
              a.jointWith()));
    }
  }

  /**
   * A series known only from the summary is dated by its members or not at all: it began no later
   * than its earliest known meeting (tonet:notAfter), and nothing else is certain. The summary's
   * own day says nothing of when a series began.
   */
  private void dateSeriesFromMembers() {
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.get(i) instanceof Entry.MeetingSeries s)) {
        continue;
      }
      When when = s.base().when();
      if (when.isDated() || when.notAfter() != null) {
        continue;
      }
      LocalDate earliest = null;
      Entry first = null;
      for (Entry member : entries) {
        if (!member.base().partOf().contains(s.name().slug())) {
          continue;
        }
        When w = member.base().when();
        LocalDate latestStart = w.isDated() ? w.start() : w.notAfter();
        if (latestStart != null && (earliest == null || latestStart.isBefore(earliest))) {
          earliest = latestStart;
          first = member;
        }
      }
      if (earliest != null) {
        // The bound is drawn from the earliest member's row, which is a source of the series too.
        Entry.Base base = s.base().withWhen(When.between(when.notBefore(), earliest));
        for (int line : first.base().lines()) {
          base = base.withLine(line);
        }
        entries.set(i, new Entry.MeetingSeries(base, s.name(), s.glossJa(), s.frequencyJa()));
      }
    }
  }

  /** 平成26年度地域医療ネットワークシンポジウム is the one symposium held in FY2014, if there is one. */
  private void resolveSymposiumRefs() {
    Map<Integer, List<LocalDate>> byYear = new LinkedHashMap<>();
    for (Entry entry : entries) {
      if (entry instanceof Entry.Symposium s && s.base().fiscalYear() != null) {
        byYear
            .computeIfAbsent(s.base().fiscalYear().startYear(), k -> new ArrayList<>())
            .add(s.base().when().start());
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      if (entry instanceof Entry.Assembly a) {
        entries.set(
            i,
            new Entry.Assembly(
                a.base(),
                a.kind(),
                a.ordinal(),
                a.heldInWriting(),
                resolve(a.agenda(), byYear),
                a.jointWith()));
      } else if (entry instanceof Entry.WrittenResolution w) {
        entries.set(i, new Entry.WrittenResolution(w.base(), resolve(w.agenda(), byYear)));
      } else if (entry instanceof Entry.Meeting m) {
        entries.set(
            i,
            new Entry.Meeting(
                m.base(), m.slug(), m.organizers(), resolve(m.agenda(), byYear), m.lecturers()));
      }
    }
  }

  private static List<AgendaItem> resolve(
      List<AgendaItem> agenda, Map<Integer, List<LocalDate>> symposiaByYear) {
    List<AgendaItem> resolved = new ArrayList<>();
    for (AgendaItem item : agenda) {
      List<Ref> refs = new ArrayList<>();
      for (Ref ref : item.concerns()) {
        if (ref.kind() == Ref.Kind.SYMPOSIUM && ref.key().startsWith("FY")) {
          List<LocalDate> days =
              symposiaByYear.getOrDefault(Integer.parseInt(ref.key().substring(2)), List.of());
          if (days.size() == 1) {
            refs.add(Ref.symposium(days.get(0)));
          }
        } else {
          refs.add(ref);
        }
      }
      resolved.add(
          new AgendaItem(
              item.position(),
              item.labelJa(),
              item.labelEn(),
              item.draft(),
              item.fiscalYears(),
              refs));
    }
    return resolved;
  }

  private List<FiscalYear> fiscalYears() {
    Set<FiscalYear> years = new TreeSet<>();
    for (Entry entry : entries) {
      if (entry.base().fiscalYear() != null) {
        years.add(entry.base().fiscalYear());
      }
      for (AgendaItem item : entry.agenda()) {
        years.addAll(item.fiscalYears());
      }
    }
    return List.copyOf(years);
  }

  /** The names the entries use, with the organizations their units belong to, in table order. */
  private List<Name> usedNames() {
    Set<String> slugs = new LinkedHashSet<>();
    for (Entry entry : entries) {
      if (entry instanceof Entry.Assembly a) {
        slugs.add(phrasing.council());
        slugs.addAll(a.jointWith());
      } else if (entry instanceof Entry.Symposium s) {
        slugs.add(s.venue().slug());
      } else if (entry instanceof Entry.Meeting m) {
        slugs.addAll(m.organizers());
        for (Person p : m.lecturers()) {
          slugs.add(p.affiliationSlug());
        }
      } else if (entry instanceof Entry.MeetingSeries s) {
        slugs.add(s.name().slug());
      } else if (entry instanceof Entry.Establishment e) {
        slugs.add(e.organizationSlug());
      } else if (entry instanceof Entry.LegalFormChange c) {
        slugs.add(c.organizationSlug());
      } else if (entry instanceof Entry.Milestone m) {
        addIfPresent(slugs, m.agent());
        addIfPresent(slugs, m.recipient());
        addIfPresent(slugs, m.object());
      } else if (entry instanceof Entry.InstitutionCountMilestone c) {
        slugs.add(c.joinedSlug());
      } else if (entry instanceof Entry.Process p) {
        addIfPresent(slugs, p.object());
      }
      for (AgendaItem item : entry.agenda()) {
        for (Ref ref : item.concerns()) {
          if (ref.kind() != Ref.Kind.SYMPOSIUM) {
            slugs.add(ref.key());
          }
        }
      }
    }
    Set<String> withParents = new LinkedHashSet<>(slugs);
    for (String slug : slugs) {
      lexicon
          .bySlug(slug)
          .filter(n -> n.kind() == Name.Kind.UNIT)
          .ifPresent(n -> withParents.addAll(n.parents()));
    }
    List<Name> names = new ArrayList<>();
    for (String slug : withParents) {
      lexicon
          .bySlug(slug)
          .filter(n -> n.kind() != Name.Kind.SERIES && n.kind() != Name.Kind.PERSON)
          .ifPresent(names::add);
    }
    return names;
  }

  private static void addIfPresent(Set<String> slugs, String slug) {
    if (slug != null) {
      slugs.add(slug);
    }
  }
}
