package org.w3id.tonet.parse;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.tonet.model.AgendaItem;
import org.w3id.tonet.model.DateBasis;
import org.w3id.tonet.model.Entry;
import org.w3id.tonet.model.FiscalYear;
import org.w3id.tonet.model.Name;
import org.w3id.tonet.model.Person;
import org.w3id.tonet.model.Ref;
import org.w3id.tonet.model.When;

/**
 * Reads the text of one table row into entries: which meeting, milestone or activity it records,
 * with its agenda, venue, attendance, notes and the people it names.
 *
 * <pre>
 * List&lt;Entry&gt; entries = new RowClassifier(lexicon, phrasing, null).classify(facts);
 * </pre>
 *
 * <p>A kind of row is recognised by its shape and the council folder's words ({@link Phrasing}):
 * the rules are tried in order; a row no rule reads becomes an {@link Entry.Unclassified} with its
 * text, so nothing is lost. A rule whose shape matches but whose names are not in the names table
 * is a problem to report, not a reason to guess.
 */
final class RowClassifier {

  private static final Pattern QUOTED = Pattern.compile("「([^」]+)」");
  private static final Pattern END_DATE = Pattern.compile("^[～〜~](.+)$");
  // A tag holds no '<': each '<' is then scanned only to the next '<' or '>', not to the row's end.
  private static final Pattern MARKUP = Pattern.compile("<[^<>]*>");
  private static final Pattern SPACES = Pattern.compile("[\\s\u3000]+");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final Pattern LIST_ITEM =
      Pattern.compile("<li(?:\\s[^<>]*)?>", Pattern.CASE_INSENSITIVE);
  private static final char UNIT_JOINER = '\uE000';
  private static final java.time.format.DateTimeFormatter ENGLISH_DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

  private final Lexicon lexicon;
  private final Phrasing phrasing;

  /** While drafting a folder: where names the folder lacks are noted; null otherwise. */
  private final Drafting drafting;

  /**
   * The texts whose 、 joins parts of one agenda item, found as the folder's words are (ＡＢＣ for ABC,
   * either bracket form: {@link Template#literal}).
   */
  private final List<Pattern> agendaUnits;

  RowClassifier(Lexicon lexicon, Phrasing phrasing, Drafting drafting) {
    this.lexicon = lexicon;
    this.phrasing = phrasing;
    this.drafting = drafting;
    this.agendaUnits =
        lexicon.agendaUnits().stream().map(u -> Pattern.compile(Template.literal(u))).toList();
  }

  /** The text of a row with its markup stripped and its notes (after ※) split off. */
  private record Text(String main, List<String> notes, boolean heldInWriting) {}

  /** Reads one row. */
  List<Entry> classify(RowFacts row) throws RowProblem {
    Text text = split(row);
    try {
      List<Entry> entries = new ArrayList<>(classifyMain(row, text));
      Entry.LegalFormChange change = legalFormChange(row, text);
      if (change != null) {
        entries.add(change);
      }
      return entries;
    } catch (NumberFormatException e) {
      throw new RowProblem("a number in the text is too large to be a count", row.textCell());
    }
  }

  private List<Entry> classifyMain(RowFacts row, Text text) throws RowProblem {
    String main = text.main();
    Matcher m;
    Phrasing.AssemblyTitle title = null;
    Matcher assembly = null;
    for (Phrasing.AssemblyTitle t : phrasing.assemblies()) {
      Matcher candidate = t.pattern().matcher(main);
      // Titles that begin alike (協議会, 協議会総会): the longest one the row has is its title.
      if (candidate.matches()
          && (assembly == null || candidate.end("title") > assembly.end("title"))) {
        title = t;
        assembly = candidate;
      }
    }
    if (assembly != null) {
      return List.of(
          assembly(
              row,
              text,
              title,
              number(assembly.group("n")),
              assembly.group("title"),
              assembly.group("rest")));
    }
    if ((m = phrasing.written().matcher(main)).matches()) {
      Groups groups = groups(row, m.group("rest"));
      if (groups.rest().isBlank()) {
        return List.of(
            new Entry.WrittenResolution(
                base(
                    row,
                    text,
                    m.group("title"),
                    phrasing.writtenTitle(m.group("title")).english(),
                    single(row)),
                agenda(row, groups.groups())));
      }
    }
    if ((m = phrasing.symposium().matcher(main)).matches()) {
      return List.of(symposium(row, text, m));
    }
    for (Phrasing.MilestoneForm form : phrasing.milestones()) {
      if ((m = form.pattern().matcher(main)).matches()) {
        return List.of(milestone(row, text, form, m));
      }
    }
    if ((m = phrasing.plan().matcher(main)).matches()) {
      return List.of(plan(row, text, m));
    }
    if ((m = phrasing.sameEstablish().matcher(main)).matches()) {
      name(row, Name.Kind.ORGANIZATION, m.group("org"));
      List<Entry> made = new ArrayList<>();
      Matcher quoted = QUOTED.matcher(m.group("units"));
      while (quoted.find()) {
        made.add(
            establishment(
                row, text, name(row, Name.Kind.UNIT, quoted.group(1)), main, single(row)));
      }
      return made;
    }
    for (Map.Entry<Phrasing.Title, Pattern> joint : phrasing.jointMeetings().entrySet()) {
      if ((m = joint.getValue().matcher(main)).matches()) {
        return jointMeeting(row, text, joint.getKey(), m);
      }
    }
    for (Map.Entry<Phrasing.Title, Pattern> expert : phrasing.expertMeetings().entrySet()) {
      if ((m = expert.getValue().matcher(main)).matches()) {
        return expertMeeting(row, text, expert.getKey(), m);
      }
    }
    if ((m = phrasing.establishRepeat().matcher(main)).matches()) {
      String written = m.group("unit");
      Name unit = name(row, Name.Kind.UNIT, written);
      Name series = name(row, Name.Kind.SERIES, written);
      LocalDate day = single(row).start();
      // 以後 (from then on): the series began on or after the day the unit was set up.
      When after = When.between(day == null ? row.fiscalYear().begins() : day, null);
      // The series is the unit's meetings: named so, not by the unit's own name (which would read
      // as the unit); the name as the summary writes it is kept as skos:altLabel.
      return List.of(
          establishment(row, text, unit, m.group("established").strip(), single(row)),
          new Entry.MeetingSeries(
              base(row, text, phrasing.meetingsOf(series.labelJa()), series.labelEn(), after)
                  .withAltLabel(series.labelJa()),
              series,
              "",
              m.group("frequency")));
    }
    if ((m = phrasing.series().matcher(main)).matches()) {
      List<Entry> series = series(row, text, m);
      if (!series.isEmpty()) {
        return series;
      }
    }
    List<Entry> clauses = clauses(row, text);
    if (!clauses.isEmpty()) {
      return clauses;
    }
    return List.of(unclassified(row, text));
  }

  /**
   * Meetings held as a series: the name must be a series of names.tsv. A row with both a gloss and
   * a frequency has a series' whole shape, so an unknown name there is a problem to report; in a
   * plainer row (名前を開催) it is only not a series.
   */
  private List<Entry> series(RowFacts row, Text text, Matcher m) throws RowProblem {
    String written = m.group("name");
    String gloss = m.group("gloss") == null ? "" : m.group("gloss");
    String frequency =
        !m.group("frequency").isBlank()
            ? m.group("frequency")
            : m.group("after") == null ? "" : m.group("after");
    if (lexicon.name(Name.Kind.SERIES, written).isEmpty()
        && (gloss.isEmpty() || frequency.isEmpty())) {
      if (drafting != null && row.openEnded()) {
        // Meetings held from a day on (4月20日～ …を月1回開催) are likely a series the folder lacks.
        drafting.note("names.tsv", "series", written, row.line());
      }
      return List.of();
    }
    Name series = name(row, Name.Kind.SERIES, written);
    return List.of(
        new Entry.MeetingSeries(
            base(row, text, series.labelJa(), series.labelEn(), lasting(row, null)),
            series,
            gloss,
            frequency));
  }

  /** One meeting per day written (8月5日、20日) of two units, held jointly. */
  private List<Entry> jointMeeting(RowFacts row, Text text, Phrasing.Title title, Matcher m)
      throws RowProblem {
    Name a = name(row, Name.Kind.UNIT, m.group("a"));
    Name b = name(row, Name.Kind.UNIT, m.group("b"));
    String ja = m.group("label").strip();
    String en = title.english() + " of the " + a.labelEn() + " and the " + b.labelEn();
    List<Entry> meetings = new ArrayList<>();
    List<When> days = eachDay(row);
    for (When when : days) {
      // One row, several meetings (8月5日、20日): each label names its day, so no two meetings
      // share one; the name as written is kept as skos:altLabel.
      Entry.Base base =
          days.size() > 1 && when.isDated()
              ? base(
                      row,
                      text,
                      ja + "（" + JapaneseEras.format(when.start()) + "）",
                      en + ", " + ENGLISH_DAY.format(when.start()),
                      when)
                  .withAltLabel(ja)
              : base(row, text, ja, en, when);
      meetings.add(
          new Entry.Meeting(base, title.slug(), List.of(a.slug(), b.slug()), List.of(), List.of()));
    }
    return meetings;
  }

  /** A count reached: registrants, or participating institutions as someone joined. */
  private Entry milestone(RowFacts row, Text text, Phrasing.MilestoneForm form, Matcher m)
      throws RowProblem {
    int n = number(m.group("n"));
    String count = "%,d".formatted(n);
    if (form.kind().equals("registrants")) {
      return new Entry.RegistrantMilestone(
          base(
              row,
              text,
              text.main(),
              Template.fill(form.english(), Map.of("n", count)),
              single(row)),
          n);
    }
    Name joined = name(row, Name.Kind.ORGANIZATION, m.group("org"));
    return new Entry.InstitutionCountMilestone(
        base(
            row,
            text,
            text.main(),
            Template.fill(form.english(), Map.of("n", count, "org", joined.labelEn())),
            single(row)),
        n,
        joined.slug());
  }

  /** A row of several clauses joined by 、, each of which must be known. */
  private List<Entry> clauses(RowFacts row, Text text) throws RowProblem {
    List<String> parts = splitTopLevel(row, text.main(), '、');
    List<Entry> entries = new ArrayList<>();
    for (String raw : parts) {
      String clause = raw.strip();
      Matcher m = assemblyClause(clause);
      if (m != null) {
        entries.add(
            assembly(row, text, assemblyTitle(m), number(m.group("n")), m.group("title"), ""));
        continue;
      }
      if ((m = phrasing.establish().matcher(clause)).matches()) {
        String established = m.group("what");
        var org =
            lexicon
                .name(Name.Kind.ORGANIZATION, established)
                .or(() -> lexicon.name(Name.Kind.UNIT, established))
                .or(
                    () ->
                        drafting == null
                            ? java.util.Optional.empty()
                            : java.util.Optional.of(
                                drafting.provide(Name.Kind.ORGANIZATION, established, row.line())));
        if (org.isPresent()) {
          entries.add(establishment(row, text, org.get(), clause, single(row)));
          continue;
        }
        return List.of();
      }
      Groups groups = groups(row, clause);
      var phrase = lexicon.phrase(groups.head());
      if (phrase.isEmpty() || !groups.rest().isBlank()) {
        return List.of();
      }
      LocalDate end = null;
      for (String group : groups.groups()) {
        Matcher endDate = END_DATE.matcher(group);
        if (!endDate.matches()) {
          return List.of();
        }
        end = endDay(row, endDate.group(1));
      }
      entries.add(phraseEntry(row, text, phrase.get(), end));
    }
    return entries;
  }

  /** An assembly named alone in a clause (協議会（第1回）の開催), or null. */
  private Matcher assemblyClause(String clause) {
    for (Phrasing.AssemblyTitle t : phrasing.assemblies()) {
      Matcher m = t.pattern().matcher(clause);
      if (m.matches() && m.group("rest").isBlank()) {
        return m;
      }
    }
    return null;
  }

  private Phrasing.AssemblyTitle assemblyTitle(Matcher m) {
    return phrasing.assemblies().stream()
        .filter(t -> t.pattern().pattern().equals(m.pattern().pattern()))
        .findFirst()
        .orElseThrow();
  }

  /** The slug of what a phrase concerns: its own object, or the council's system for a launch. */
  private String object(Lexicon.Phrase phrase) {
    if (!phrase.object().isEmpty()) {
      return phrase.object();
    }
    return phrase.kind().equals("system-launch") ? blankToNull(phrasing.system()) : null;
  }

  private Entry phraseEntry(RowFacts row, Text text, Lexicon.Phrase phrase, LocalDate end)
      throws RowProblem {
    return switch (phrase.kind()) {
      case "process" ->
          new Entry.Process(
              base(row, text, phrase.japanese(), phrase.english(), lasting(row, end)),
              phrase.slug(),
              object(phrase));
      case "system-launch" ->
          new Entry.Milestone(
              base(row, text, phrase.japanese(), phrase.english(), begun(row)),
              phrase.slug(),
              Entry.MilestoneKind.SYSTEM_LAUNCH,
              null,
              null,
              object(phrase));
      default ->
          new Entry.Meeting(
              base(row, text, phrase.japanese(), phrase.english(), single(row)),
              phrase.slug(),
              List.of(),
              List.of(),
              List.of());
    };
  }

  private Entry assembly(
      RowFacts row, Text text, Phrasing.AssemblyTitle title, int ordinal, String label, String rest)
      throws RowProblem {
    Groups groups = groups(row, rest);
    if (!groups.head().isBlank() || !groups.rest().isBlank()) {
      return unclassified(row, text);
    }
    List<String> jointWith = new ArrayList<>();
    List<String> agendaGroups = new ArrayList<>();
    for (String group : groups.groups()) {
      Matcher joint = phrasing.jointWith().matcher(group);
      if (joint.matches()) {
        String with = joint.group("with");
        if (drafting != null
            && lexicon.alias(with).isEmpty()
            && lexicon.name(Name.Kind.UNIT, with).isEmpty()) {
          drafting.note("names.tsv", "alias", with, row.line());
          continue;
        }
        jointWith.addAll(
            lexicon
                .alias(with)
                .or(() -> lexicon.name(Name.Kind.UNIT, with).map(n -> List.of(n.slug())))
                .orElseThrow(
                    () ->
                        new RowProblem(
                            "\"%s\" is not in names.tsv (kind alias or unit): add a row"
                                .formatted(with),
                            row.textCell())));
      } else {
        agendaGroups.add(group);
      }
    }
    // The folder's English names what the number counts (a term, 期, or a meeting, 回).
    String english = Template.fill(title.english(), Map.of("nth", ordinalEn(ordinal)));
    return new Entry.Assembly(
        base(row, text, label, english, single(row)),
        Entry.AssemblyKind.valueOf(title.kind().toUpperCase(java.util.Locale.ROOT)),
        ordinal,
        text.heldInWriting(),
        agenda(row, agendaGroups),
        jointWith);
  }

  private Entry symposium(RowFacts row, Text text, Matcher m) throws RowProblem {
    When when = single(row);
    if (!when.isDated()) {
      throw new RowProblem(
          "a symposium needs its day (its IRI is id/symposium/{yyyy-mm-dd}); the date cell is empty",
          row.textCell());
    }
    Name venue = name(row, Name.Kind.VENUE, m.group("venue"));
    // Symposia share a name: the venue, written in brackets after it, tells them apart.
    String title = m.group("title");
    return new Entry.Symposium(
        base(
            row,
            text,
            title + m.group("open") + m.group("venue") + m.group("close"),
            "%s at %s, %s"
                .formatted(
                    phrasing.symposiumTitle(title).english(),
                    venue.labelEn(),
                    ENGLISH_DAY.format(when.start())),
            when),
        venue,
        number(m.group("n")),
        !m.group("approx").isBlank());
  }

  private Entry plan(RowFacts row, Text text, Matcher m) throws RowProblem {
    Name agent = name(row, Name.Kind.ORGANIZATION, m.group("agent"));
    Name plan = name(row, Name.Kind.PLAN, m.group("plan"));
    Name recipient =
        m.group("recipient") == null
            ? null
            : name(row, Name.Kind.ORGANIZATION, m.group("recipient"));
    Phrasing.PlanVerb verb = phrasing.planVerb(m.group("verb"));
    boolean submitted = verb.kind().equals("submission");
    String english =
        "%s %s the %s%s"
            .formatted(
                agent.labelEn(),
                verb.english(),
                plan.labelEn(),
                recipient == null ? "" : " to the " + recipient.labelEn());
    return new Entry.Milestone(
        base(row, text, text.main(), english, single(row)),
        submitted ? "plan-submitted" : "plan-adopted",
        submitted ? Entry.MilestoneKind.PLAN_SUBMITTED : Entry.MilestoneKind.PLAN_ADOPTED,
        agent.slug(),
        recipient == null ? null : recipient.slug(),
        plan.slug());
  }

  private List<Entry> expertMeeting(RowFacts row, Text text, Phrasing.Title title, Matcher m)
      throws RowProblem {
    Groups groups = groups(row, m.group("rest"));
    if (!groups.head().isBlank()) {
      return List.of(unclassified(row, text));
    }
    List<Person> lecturers = new ArrayList<>();
    for (String item : groups.rest().split("・")) {
      if (item.isBlank()) {
        continue;
      }
      String[] words = WHITE_SPACE.split(item.strip());
      if (words.length < 3) {
        throw new RowProblem(
            "expected each lecturer as \"role affiliation name\", found \"%s\""
                .formatted(item.strip()),
            row.textCell());
      }
      String nameJa = words[words.length - 1];
      Name person = name(row, Name.Kind.PERSON, nameJa);
      Name affiliation = name(row, Name.Kind.ORGANIZATION, words[words.length - 2]);
      String role = String.join(" ", java.util.Arrays.copyOf(words, words.length - 2));
      lecturers.add(new Person(person.slug(), nameJa, person.labelEn(), role, affiliation.slug()));
    }
    List<Entry> meetings = new ArrayList<>();
    for (When when : eachDay(row)) {
      meetings.add(
          new Entry.Meeting(
              base(row, text, m.group("label"), title.english(), when),
              title.slug(),
              List.of(),
              agenda(row, groups.groups()),
              lecturers));
    }
    return meetings;
  }

  private Entry.LegalFormChange legalFormChange(RowFacts row, Text text) throws RowProblem {
    for (String note : text.notes()) {
      Matcher m = phrasing.operatingAs().matcher(note);
      if (!m.matches()) {
        continue;
      }
      Name org = name(row, Name.Kind.ORGANIZATION, m.group("org"));
      LocalDate day = endDay(row, m.group("day"));
      // Labelled from the body on: 協議会を権利能力なき社団として運営.
      String label = note.substring(m.start("org"));
      String written = m.group("form");
      if (drafting != null && lexicon.legalForm(written).isEmpty()) {
        drafting.note("phrases.tsv", "legal-form", written, row.line());
        return null;
      }
      Lexicon.Phrase form =
          lexicon
              .legalForm(written)
              .orElseThrow(
                  () ->
                      new RowProblem(
                          ("\"%s\" is not a legal form phrases.tsv knows (kind legal-form):"
                                  + " add a row with its concept and English")
                              .formatted(written),
                          row.textCell()));
      return new Entry.LegalFormChange(
          new Entry.Base(
              label,
              "%s began to operate as %s"
                  .formatted(
                      org.slug().equals(phrasing.council())
                          ? "The council"
                          : "The " + org.labelEn(),
                      form.english()),
              When.on(day, DateBasis.AS_WRITTEN),
              row.fiscalYear(),
              List.of(row.line()),
              List.of(),
              List.of()),
          org.slug(),
          written,
          form.slug());
    }
    return null;
  }

  /**
   * The setting up of an organization, labelled as the row writes it ({@code written}); the usual
   * form 「…を設置」 becomes an alternative label where the row words it otherwise.
   */
  private Entry establishment(RowFacts row, Text text, Name org, String written, When when) {
    String english =
        org.slug().equals(phrasing.council())
            ? "The council was established"
            : "The %s was set up".formatted(org.labelEn());
    return new Entry.Establishment(
        base(row, text, written, english, when)
            .withAltLabel(org.labelJa() + "を" + phrasing.establishingWord()),
        org.slug());
  }

  private Entry unclassified(RowFacts row, Text text) {
    return new Entry.Unclassified(
        base(
            row, text, text.main(), "Timeline entry (not classified): " + text.main(), anyDay(row)),
        "entry",
        "");
  }

  // ---- agenda ----------------------------------------------------------------------------

  private List<AgendaItem> agenda(RowFacts row, List<String> groups) throws RowProblem {
    List<AgendaItem> items = new ArrayList<>();
    for (String group : groups) {
      for (String item : agendaItems(row, group)) {
        items.add(agendaItem(row, items.size() + 1, item));
      }
    }
    return items;
  }

  /**
   * Splits one bracket group into items: 、 separates items, except inside the texts the phrase
   * table lists as one unit; where there is no 、, ・ separates items only when it makes as many as
   * the folder's setting agenda-dot-items (3 by default: a single ・ joins a pair such as 確認・決定 or
   * 普及・啓発).
   */
  private List<String> agendaItems(RowFacts row, String group) throws RowProblem {
    String protectedText = group;
    for (Pattern unit : agendaUnits) {
      // Kept as written: only its 、 is hidden from the split.
      protectedText =
          unit.matcher(protectedText)
              .replaceAll(
                  m ->
                      java.util.regex.Matcher.quoteReplacement(
                          m.group().replace('、', UNIT_JOINER)));
    }
    List<String> parts = splitTopLevel(row, protectedText, '、');
    if (parts.size() == 1) {
      List<String> dotted = splitTopLevel(row, protectedText, '・');
      if (dotted.size() >= phrasing.agendaDotItems()) {
        parts = dotted;
      }
    }
    List<String> items = new ArrayList<>();
    for (String part : parts) {
      String item = part.replace(UNIT_JOINER, '、').strip();
      if (!item.isEmpty()) {
        items.add(item);
      }
    }
    return items;
  }

  private AgendaItem agendaItem(RowFacts row, int position, String item) throws RowProblem {
    boolean draft = phrasing.isDraft(item);
    List<FiscalYear> years = new ArrayList<>();
    List<String> mentions = JapaneseEras.fiscalYearMentions(item);
    List<Integer> startYears = new ArrayList<>();
    for (String mention : mentions) {
      try {
        FiscalYear fy = JapaneseEras.fiscalYear(mention);
        startYears.add(fy.startYear());
        if (!years.contains(fy)) {
          years.add(fy);
        }
      } catch (JapaneseEras.EraException e) {
        throw new RowProblem("agenda item \"" + item + "\": " + e.getMessage(), row.textCell());
      }
    }
    String english = lexicon.agendaEnglish(item, mentions, startYears).orElse("");
    List<Ref> concerns = new ArrayList<>();
    Matcher dissolution = phrasing.dissolution().matcher(item);
    if (dissolution.find()) {
      Name org = name(row, Name.Kind.ORGANIZATION, dissolution.group("org"));
      concerns.add(Ref.dissolutionOf(org.slug()));
    }
    for (Map.Entry<String, String> keyword : lexicon.concerns().entrySet()) {
      Ref ref = Ref.name(keyword.getValue());
      if (Lexicon.mentions(item, keyword.getKey()) && !concerns.contains(ref)) {
        concerns.add(ref);
      }
    }
    Matcher symposium = phrasing.symposiumOfYear().matcher(item);
    if (symposium.find()) {
      List<String> named = JapaneseEras.fiscalYearMentions(symposium.group("year"));
      if (!named.isEmpty()) {
        try {
          concerns.add(
              new Ref(
                  Ref.Kind.SYMPOSIUM, "FY" + JapaneseEras.fiscalYear(named.get(0)).startYear()));
        } catch (JapaneseEras.EraException e) {
          throw new RowProblem("agenda item \"" + item + "\": " + e.getMessage(), row.textCell());
        }
      }
    }
    return new AgendaItem(position, item, english, draft, years, concerns);
  }

  // ---- text ------------------------------------------------------------------------------

  private Text split(RowFacts row) throws RowProblem {
    // An HTML list item is a bullet like the source's own ・: strip it to one, or the items of the
    // list would run together into one.
    String bulleted = LIST_ITEM.matcher(row.text()).replaceAll(" ・");
    String clean = MARKUP.matcher(bulleted).replaceAll(" ");
    clean = SPACES.matcher(clean).replaceAll(" ").strip();
    List<String> parts = splitTopLevel(row, clean, '※');
    String main = parts.get(0).strip();
    List<String> notes = new ArrayList<>();
    boolean written = false;
    for (String note : parts.subList(1, parts.size())) {
      String n = note.strip();
      int mark = phrasing.inWriting(n);
      if (mark > 0) {
        written = true;
        main = (main + " " + n.substring(mark)).strip();
        notes.add(n.substring(0, mark));
      } else if (!n.isEmpty()) {
        notes.add(n);
      }
    }
    return new Text(main, notes, written);
  }

  /** A head of text, the bracket groups after it, and any text left after the groups. */
  private record Groups(String head, List<String> groups, String rest) {}

  private Groups groups(RowFacts row, String text) throws RowProblem {
    List<Brackets.Piece> pieces;
    try {
      pieces = Brackets.pieces(text);
    } catch (Brackets.UnbalancedException e) {
      throw new RowProblem(e.getMessage(), row.textCell());
    }
    String head = "";
    List<String> groups = new ArrayList<>();
    StringBuilder rest = new StringBuilder();
    // Kept as a flag, not asked of rest each time: a row of many groups would take quadratic time.
    boolean restBlank = true;
    for (Brackets.Piece piece : pieces) {
      if (piece.group() && restBlank) {
        groups.add(piece.text());
      } else if (!piece.group() && groups.isEmpty() && head.isEmpty()) {
        head = piece.text().strip();
      } else if (piece.group()) {
        rest.append('（').append(piece.text()).append('）');
        restBlank = false;
      } else {
        rest.append(piece.text());
        restBlank = restBlank && piece.text().isBlank();
      }
    }
    return new Groups(head, groups, rest.toString());
  }

  private static List<String> splitTopLevel(RowFacts row, String text, char separator)
      throws RowProblem {
    try {
      return Brackets.splitTopLevel(text, separator);
    } catch (Brackets.UnbalancedException e) {
      throw new RowProblem(e.getMessage(), row.textCell());
    }
  }

  // ---- names -----------------------------------------------------------------------------

  private Name name(RowFacts row, Name.Kind kind, String japanese) throws RowProblem {
    if (drafting != null && lexicon.name(kind, japanese).isEmpty()) {
      return drafting.provide(kind, japanese, row.line());
    }
    return lexicon
        .name(kind, japanese)
        .orElseThrow(
            () ->
                new RowProblem(
                    "\"%s\" is not in names.tsv (kind %s): add a row with its slug and English name"
                        .formatted(
                            japanese.strip(), kind.name().toLowerCase(java.util.Locale.ROOT)),
                    row.textCell()));
  }

  // ---- dates -----------------------------------------------------------------------------

  /** The one day of a single-day entry; undated rows are bounded by their fiscal year. */
  private When single(RowFacts row) throws RowProblem {
    if (row.days().size() > 1) {
      throw new RowProblem(
          "several days are given, but this kind of entry happens on one day", row.dateCell());
    }
    if (row.end() != null) {
      throw new RowProblem(
          "a range of days is given, but this kind of entry happens on one day", row.dateCell());
    }
    return anyDay(row);
  }

  /** A stage begun on the row's day: open-ended when written with ～ (7月1日～ 本格稼働). */
  private When begun(RowFacts row) throws RowProblem {
    When when = single(row);
    return when.isDated() && row.openEnded()
        ? new When(when.start(), null, null, null, when.basis(), true)
        : when;
  }

  private When anyDay(RowFacts row) {
    if (row.days().isEmpty()) {
      return fiscalYearBounds(row);
    }
    return When.on(row.days().get(0), row.basis());
  }

  /** One day per day written (8月5日、20日 is two meetings). */
  private List<When> eachDay(RowFacts row) throws RowProblem {
    if (row.end() != null) {
      throw new RowProblem(
          "a range of days is given, but a meeting is held on given days", row.dateCell());
    }
    if (row.days().isEmpty()) {
      return List.of(fiscalYearBounds(row));
    }
    List<When> days = new ArrayList<>();
    for (LocalDate day : row.days()) {
      days.add(When.on(day, row.basis()));
    }
    return days;
  }

  /** An activity or series that began on the row's day: open when written with ～. */
  private When lasting(RowFacts row, LocalDate endInText) throws RowProblem {
    if (row.days().size() > 1) {
      throw new RowProblem(
          "several days are given, but an activity begins on one day", row.dateCell());
    }
    if (row.days().isEmpty()) {
      return fiscalYearBounds(row);
    }
    LocalDate start = row.days().get(0);
    LocalDate end = endInText != null ? endInText : row.end();
    if (end != null) {
      if (end.isBefore(start)) {
        throw new RowProblem(
            "the activity ends on %s, before it begins on %s".formatted(end, start),
            row.textCell());
      }
      return new When(start, end, null, null, row.basis(), false);
    }
    return new When(start, null, null, null, row.basis(), row.openEnded());
  }

  private static When fiscalYearBounds(RowFacts row) {
    return When.between(row.fiscalYear().begins(), row.fiscalYear().ends());
  }

  private LocalDate endDay(RowFacts row, String monthDay) throws RowProblem {
    try {
      DateCell.Md md = DateCell.single(monthDay, monthDay);
      if (md.month() == 0) {
        throw new RowProblem(
            "\"%s\" gives a day without a month; expected a day such as 3月15日".formatted(monthDay),
            row.textCell());
      }
      return DateCell.day(row.fiscalYear(), md);
    } catch (DateCell.DateCellException e) {
      throw new RowProblem(e.getMessage(), row.textCell());
    }
  }

  // ---- small pieces ----------------------------------------------------------------------

  private static Entry.Base base(
      RowFacts row, Text text, String labelJa, String labelEn, When when) {
    return new Entry.Base(
        labelJa.strip(),
        labelEn,
        when,
        row.fiscalYear(),
        List.of(row.line()),
        text.notes(),
        List.of());
  }

  /** A number as written: full-width digits and thousands separators allowed. */
  static int number(String written) {
    String digits = Normalizer.normalize(written, Normalizer.Form.NFKC).replace(",", "");
    return Integer.parseInt(digits);
  }

  /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st … */
  static String ordinalEn(int n) {
    int lastTwo = n % 100;
    String suffix =
        lastTwo >= 11 && lastTwo <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }

  private static String blankToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
