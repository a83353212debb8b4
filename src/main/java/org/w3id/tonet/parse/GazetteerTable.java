package org.w3id.tonet.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3id.tonet.model.Gazetteer;
import org.w3id.tonet.model.Name;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceFile;
import org.w3id.tonet.source.SourceLine;
import org.w3id.tonet.source.SourceProblem;
import org.w3id.tonet.source.Spelling;

/**
 * Reads a council folder's hand-kept gazetteer ({@code gazetteer.tsv}) and checks it hangs
 * together: every slug it refers to exists, every venue and organization is one of names.tsv, every
 * fact cites a listed source, and each municipality's periods follow one another with exactly one
 * still in force.
 *
 * <pre>
 * Gazetteer g = GazetteerTable.read("seeds/gazetteer.tsv", "gazetteer.tsv", bytes, lexicon, problems);
 * </pre>
 *
 * <p>The first cell of a row says what it is, and each kind has its own columns ({@link #KINDS}).
 * Every fault is a problem naming the table's line, the cell, the value and the fix; one reading
 * finds them all. The table is data we keep, so it must be right before anything is published from
 * it.
 */
public final class GazetteerTable {

  /** The table's name in a council folder. */
  public static final String FILE_NAME = "gazetteer.tsv";

  /** The columns of each kind of row, the kind first. */
  public static final Map<String, List<String>> KINDS =
      Map.of(
          "source",
          List.of("kind", "id", "iri", "supports"),
          "place",
          List.of(
              "kind",
              "slug",
              "type",
              "japanese",
              "english",
              "romanized",
              "within",
              "codes",
              "dated-codes",
              "wikidata",
              "sources"),
          "status",
          List.of(
              "kind",
              "place",
              "slug",
              "japanese",
              "english",
              "romanized",
              "city-or-town",
              "from",
              "until",
              "formed-by",
              "code",
              "dated-codes",
              "note-ja",
              "note-en",
              "sources"),
          "venue",
          List.of("kind", "venue", "place", "why"),
          "serves",
          List.of("kind", "organization", "place", "sources"));

  private static final List<String> KIND_NAMES =
      List.of("source", "place", "status", "venue", "serves");

  private final String shown;
  private final Lexicon lexicon;
  private final List<SourceProblem> problems;
  private final List<Gazetteer.Source> sources = new ArrayList<>();
  private final List<Gazetteer.Place> places = new ArrayList<>();
  private final List<Gazetteer.Status> statuses = new ArrayList<>();
  private final List<Gazetteer.VenuePlacement> venues = new ArrayList<>();
  private final List<Gazetteer.AreaServed> served = new ArrayList<>();
  private final List<Gazetteer.Row> rows = new ArrayList<>();

  /** The lines of rows, for messages about references made before they are checked. */
  private final List<SourceLine> sourceLines = new ArrayList<>();

  private final List<SourceLine> placeLines = new ArrayList<>();
  private final List<SourceLine> statusLines = new ArrayList<>();
  private final List<SourceLine> venueLines = new ArrayList<>();
  private final List<SourceLine> servedLines = new ArrayList<>();

  /** A fault of one row or one reference: reported, and that row or reference is skipped. */
  private static final class Fault extends RuntimeException {
    private final transient SourceProblem problem;

    Fault(SourceProblem problem) {
      super(problem.toString(), null, false, false);
      this.problem = problem;
    }
  }

  private GazetteerTable(String shown, Lexicon lexicon, List<SourceProblem> problems) {
    this.shown = shown;
    this.lexicon = lexicon;
    this.problems = problems;
  }

  /**
   * Reads a gazetteer table; every fault is added to {@code problems} (and the row it is on left
   * out).
   *
   * @param shown the table's name in messages (the path as the user gave it)
   * @param fileName the table's own file name, which the data names
   */
  public static Gazetteer read(
      String shown, String fileName, byte[] bytes, Lexicon lexicon, List<SourceProblem> problems) {
    GazetteerTable table = new GazetteerTable(shown, lexicon, problems);
    SourceFile file;
    try {
      file = SourceFile.fromBytes(shown, fileName, bytes);
    } catch (SourceException e) {
      problems.addAll(e.problems());
      return new Gazetteer(
          fileName,
          sha256(bytes),
          0,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of());
    }
    for (SourceLine line : file.lines()) {
      if (line.isBlank() || line.text().startsWith("#")) {
        continue;
      }
      try {
        table.row(line);
      } catch (Fault f) {
        problems.add(f.problem);
      }
    }
    table.check();
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
    return new Gazetteer(
        fileName,
        sha256(bytes),
        lines.length - (lines[lines.length - 1].isEmpty() ? 1 : 0),
        table.sources,
        table.places,
        table.statuses,
        table.venues,
        table.served,
        table.rows);
  }

  // ---- rows ------------------------------------------------------------------------------

  private void row(SourceLine line) {
    String kind = line.cell(1).strip();
    List<String> columns = KINDS.get(kind);
    if (columns == null) {
      throw fault(
          line,
          1,
          "column kind, \""
              + kind
              + "\": not a kind of gazetteer row; expected "
              + String.join(", ", KIND_NAMES),
          Spelling.suggestion(kind, KIND_NAMES));
    }
    if (line.cells().size() != columns.size()) {
      throw fault(
          line,
          0,
          "a %s row has %d tab-separated cells (%s), found %d"
              .formatted(kind, columns.size(), String.join(", ", columns), line.cells().size()),
          "give every column a cell, '-' where there is nothing to say");
    }
    switch (kind) {
      case "source" -> {
        sources.add(new Gazetteer.Source(line.cell(2), line.cell(3), line.cell(4)));
        sourceLines.add(line);
      }
      case "place" -> {
        places.add(
            new Gazetteer.Place(
                slug(line, 2),
                placeType(line, 3),
                line.cell(4),
                line.cell(5),
                line.cell(6),
                list(line.cell(7)),
                list(line.cell(8)),
                list(line.cell(9)),
                dash(line.cell(10)),
                list(line.cell(11))));
        placeLines.add(line);
        rows.add(new Gazetteer.Row(Gazetteer.placeKey(line.cell(2)), line.number(), line.text()));
      }
      case "status" -> {
        statuses.add(
            new Gazetteer.Status(
                line.cell(2),
                slug(line, 3),
                line.cell(4),
                line.cell(5),
                line.cell(6),
                kind(line, 7),
                day(line, 8),
                day(line, 9),
                change(line, 10),
                line.cell(11),
                list(line.cell(12)),
                dash(line.cell(13)),
                dash(line.cell(14)),
                list(line.cell(15))));
        statusLines.add(line);
        rows.add(
            new Gazetteer.Row(
                Gazetteer.statusKey(statuses.get(statuses.size() - 1)),
                line.number(),
                line.text()));
      }
      case "venue" -> {
        venues.add(new Gazetteer.VenuePlacement(line.cell(2), line.cell(3), line.cell(4)));
        venueLines.add(line);
        rows.add(new Gazetteer.Row(Gazetteer.venueKey(line.cell(2)), line.number(), line.text()));
      }
      default -> {
        served.add(new Gazetteer.AreaServed(line.cell(2), line.cell(3), list(line.cell(4))));
        servedLines.add(line);
        rows.add(
            new Gazetteer.Row(
                Gazetteer.servesKey(served.get(served.size() - 1)), line.number(), line.text()));
      }
    }
  }

  // ---- consistency -------------------------------------------------------------------------

  /** Runs one check, reporting its fault rather than stopping at it. */
  private void checked(Runnable check) {
    try {
      check.run();
    } catch (Fault f) {
      problems.add(f.problem);
    }
  }

  private void check() {
    Set<String> sourceIds = new HashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      SourceLine line = sourceLines.get(i);
      if (!sourceIds.add(sources.get(i).id())) {
        problems.add(
            fault(line, 2, "source " + sources.get(i).id() + " is listed twice", "remove one")
                .problem);
      }
    }
    Set<String> slugs = new HashSet<>();
    for (int i = 0; i < places.size(); i++) {
      Gazetteer.Place p = places.get(i);
      SourceLine line = placeLines.get(i);
      checked(
          () -> {
            if (!slugs.add(p.slug())) {
              throw fault(
                  line,
                  2,
                  "place " + p.slug() + " is listed twice; one IRI must name one place",
                  "remove one of the rows, or give it another slug");
            }
          });
      checked(() -> cited(line, 11, p.sources(), sourceIds));
      checked(
          () -> {
            for (String code : p.codes()) {
              code(line, 8, code);
            }
            for (String dated : p.datedCodes()) {
              datedCode(line, 9, dated, p.codes());
            }
          });
      checked(
          () -> {
            if (!p.wikidata().isEmpty() && !p.wikidata().matches("Q[1-9][0-9]*")) {
              throw fault(
                  line,
                  10,
                  "column wikidata, \""
                      + p.wikidata()
                      + "\": a Wikidata item is Q followed by digits",
                  "write the item's Q-number, or '-' when none is sourced");
            }
            // An item is claimed only with a source for it: one the row cites must name it (in
            // its address or in what it supports), so no item is guessed from a name.
            if (!p.wikidata().isEmpty()
                && sources.stream()
                    .filter(s -> p.sources().contains(s.id()))
                    .noneMatch(s -> names(s, p.wikidata()))) {
              throw fault(
                  line,
                  10,
                  "column wikidata, \""
                      + p.wikidata()
                      + "\": no source the row cites names "
                      + p.wikidata(),
                  "cite the source row that gives the item (its address or its note naming "
                      + p.wikidata()
                      + "), or write '-'");
            }
          });
      checked(
          () -> {
            if (p.type() == Gazetteer.PlaceType.MUNICIPALITY && !p.codes().isEmpty()) {
              throw fault(
                  line,
                  8,
                  "a municipality's codes belong on its status rows, by period",
                  "move the code to the status row of the period it is valid in; write '-' here");
            }
          });
    }
    for (int i = 0; i < places.size(); i++) {
      SourceLine line = placeLines.get(i);
      for (String w : places.get(i).within()) {
        checked(
            () -> {
              if (!slugs.contains(w)) {
                throw fault(
                    line,
                    7,
                    "column within, \"" + w + "\": no place " + w,
                    "add a place row for " + w + ", or write the slug of a listed place");
              }
            });
      }
    }
    for (int i = 0; i < statuses.size(); i++) {
      Gazetteer.Status s = statuses.get(i);
      SourceLine line = statusLines.get(i);
      checked(() -> status(line, s, sourceIds));
    }
    for (int i = 0; i < places.size(); i++) {
      Gazetteer.Place p = places.get(i);
      if (p.type() == Gazetteer.PlaceType.MUNICIPALITY) {
        SourceLine line = placeLines.get(i);
        checked(() -> periods(line, p));
      }
    }
    for (int i = 0; i < venues.size(); i++) {
      Gazetteer.VenuePlacement v = venues.get(i);
      SourceLine line = venueLines.get(i);
      checked(
          () -> {
            boolean known =
                lexicon.bySlug(v.venue()).filter(n -> n.kind() == Name.Kind.VENUE).isPresent();
            if (!known) {
              throw fault(
                  line,
                  2,
                  "column venue, \"" + v.venue() + "\": no venue " + v.venue() + " in names.tsv",
                  "write the slug of a venue row of names.tsv, or add the venue there");
            }
          });
      checked(() -> municipality(line, 3, v.place()));
    }
    for (int i = 0; i < served.size(); i++) {
      Gazetteer.AreaServed a = served.get(i);
      SourceLine line = servedLines.get(i);
      checked(
          () -> {
            if (lexicon.bySlug(a.organization()).isEmpty()) {
              throw fault(
                  line,
                  2,
                  "column organization, \"%s\": no organization %s in names.tsv"
                      .formatted(a.organization(), a.organization()),
                  "write the slug of an org row of names.tsv");
            }
          });
      checked(
          () -> {
            if (!slugs.contains(a.place())) {
              throw fault(
                  line,
                  3,
                  "column place, \"" + a.place() + "\": no place " + a.place(),
                  "add a place row for it, or write the slug of a listed place");
            }
          });
      checked(() -> cited(line, 4, a.sources(), sourceIds));
    }
  }

  private void status(SourceLine line, Gazetteer.Status s, Set<String> sourceIds) {
    Gazetteer.Place place =
        places.stream()
            .filter(p -> p.slug().equals(s.place()))
            .findFirst()
            .orElseThrow(
                () ->
                    fault(
                        line,
                        2,
                        "column place, \"" + s.place() + "\": no place " + s.place(),
                        "add a place row for the municipality first"));
    if (place.type() != Gazetteer.PlaceType.MUNICIPALITY) {
      throw fault(
          line,
          2,
          s.place() + " is not a municipality; only municipalities have statuses",
          "remove the row, or make the place a municipality");
    }
    cited(line, 15, s.sources(), sourceIds);
    code(line, 11, s.code());
    for (String dated : s.datedCodes()) {
      datedCode(line, 12, dated, List.of(s.code()));
    }
    if (s.from() != null && s.until() != null && s.until().isBefore(s.from())) {
      throw fault(
          line,
          9,
          "the period ends (" + s.until() + ") before it begins (" + s.from() + ")",
          "check the days from and until");
    }
  }

  /** A municipality's periods: at least one, in order, not overlapping, the last still in force. */
  private void periods(SourceLine line, Gazetteer.Place place) {
    List<Gazetteer.Status> own =
        statuses.stream().filter(s -> s.place().equals(place.slug())).toList();
    if (own.isEmpty()) {
      throw fault(
          line,
          0,
          place.slug() + " needs a status row: its name and kind (city or town)",
          "add a status row for " + place.slug());
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < own.size(); i++) {
      Gazetteer.Status s = own.get(i);
      if (!seen.add(s.slug())) {
        throw fault(
            line, 0, place.slug() + " has two statuses named " + s.slug(), "rename one of them");
      }
      boolean last = i == own.size() - 1;
      if (last != s.current()) {
        throw fault(
            line,
            0,
            place.slug()
                + ": only the last status row may be still in force (no last day), and it must be",
            "give every earlier period its last day (until), and the last one '-'");
      }
      if (!last) {
        Gazetteer.Status next = own.get(i + 1);
        if (next.from() == null || !next.from().equals(s.until().plusDays(1))) {
          throw fault(
              line,
              0,
              place.slug()
                  + ": status "
                  + next.slug()
                  + " must begin the day after "
                  + s.slug()
                  + " ends ("
                  + s.until().plusDays(1)
                  + ")",
              "make the periods follow one another without a gap");
        }
      }
    }
    if (!own.get(own.size() - 1).labelJa().equals(place.labelJa())) {
      throw fault(
          line,
          4,
          place.slug() + ": the place's name must be that of its current status",
          "write the name of its last status row");
    }
  }

  private void municipality(SourceLine line, int cell, String slug) {
    boolean ok =
        places.stream()
            .anyMatch(p -> p.slug().equals(slug) && p.type() == Gazetteer.PlaceType.MUNICIPALITY);
    if (!ok) {
      throw fault(
          line,
          cell,
          "column place, \"" + slug + "\": no municipality " + slug,
          "write the slug of a municipality's place row");
    }
  }

  /** Whether a source names a Wikidata item as a whole word (Q128186, not Q1281860). */
  private static boolean names(Gazetteer.Source source, String item) {
    java.util.regex.Pattern word =
        java.util.regex.Pattern.compile("(?<![0-9A-Za-z])" + item + "(?![0-9])");
    return word.matcher(source.iri()).find() || word.matcher(source.supports()).find();
  }

  private void cited(SourceLine line, int cell, List<String> ids, Set<String> known) {
    if (ids.isEmpty()) {
      throw fault(
          line,
          cell,
          "every row cites its sources (S1 …)",
          "write the ids of its source rows, separated by spaces");
    }
    for (String id : ids) {
      if (!known.contains(id)) {
        throw fault(
            line,
            cell,
            "column sources, \"" + id + "\": source " + id + " is not listed in a source row",
            "add a source row for " + id + ", or cite a listed one");
      }
    }
  }

  private void code(SourceLine line, int cell, String code) {
    if (!code.matches("[0-9]{5}")) {
      throw fault(
          line,
          cell,
          "column code, \"" + code + "\": a standard area code has 5 digits",
          "write the 5-digit code (prefecture and municipality), without its check digit");
    }
  }

  private void datedCode(SourceLine line, int cell, String dated, List<String> codes) {
    if (!dated.matches("C[0-9]{5}-[0-9]{8}") || !codes.contains(dated.substring(1, 6))) {
      throw fault(
          line,
          cell,
          "column dated-codes, \"%s\": a dated code is C{code}-{yyyymmdd} for one of the row's codes %s"
              .formatted(dated, codes),
          "write it as statistical LOD does, such as C11210-20100323");
    }
  }

  // ---- cells -------------------------------------------------------------------------------

  private String slug(SourceLine line, int cell) {
    String slug = line.cell(cell);
    if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw fault(
          line,
          cell,
          "column slug, \"" + slug + "\": a slug is lower-case ASCII words joined by '-'",
          "write it in lower-case letters, digits and '-'");
    }
    return slug;
  }

  private Gazetteer.PlaceType placeType(SourceLine line, int cell) {
    String type = line.cell(cell);
    return switch (type) {
      case "prefecture" -> Gazetteer.PlaceType.PREFECTURE;
      case "healthcare-area" -> Gazetteer.PlaceType.HEALTHCARE_AREA;
      case "municipality" -> Gazetteer.PlaceType.MUNICIPALITY;
      default ->
          throw fault(
              line,
              cell,
              "column type, \"" + type + "\": expected prefecture, healthcare-area or municipality",
              Spelling.suggestion(type, List.of("prefecture", "healthcare-area", "municipality")));
    };
  }

  private Gazetteer.MunicipalityKind kind(SourceLine line, int cell) {
    String kind = line.cell(cell);
    try {
      return Gazetteer.MunicipalityKind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw fault(
          line,
          cell,
          "column city-or-town, \"" + kind + "\": expected city or town",
          Spelling.suggestion(kind, List.of("city", "town")));
    }
  }

  private Gazetteer.Change change(SourceLine line, int cell) {
    String change = line.cell(cell);
    return switch (change) {
      case "-" -> null;
      case "merger" -> Gazetteer.Change.MERGER;
      case "city-status" -> Gazetteer.Change.CITY_STATUS;
      default ->
          throw fault(
              line,
              cell,
              "column formed-by, \"" + change + "\": expected merger, city-status or -",
              Spelling.suggestion(change, List.of("merger", "city-status", "-")));
    };
  }

  private LocalDate day(SourceLine line, int cell) {
    String day = line.cell(cell);
    if (day.equals("-")) {
      return null;
    }
    try {
      return LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw fault(
          line,
          cell,
          "column "
              + (cell == 8 ? "from" : "until")
              + ", \""
              + day
              + "\": expected a day yyyy-mm-dd or -",
          "write the day as 2012-10-01, or '-' when it is not known");
    }
  }

  private static List<String> list(String cell) {
    return cell.equals("-") || cell.isBlank() ? List.of() : List.of(cell.strip().split(" +"));
  }

  private static String dash(String cell) {
    return cell.equals("-") ? "" : cell;
  }

  private Fault fault(SourceLine line, int cell, String what, String fix) {
    return new Fault(
        new SourceProblem(shown, line.number(), cell, what + "; fix: " + fix, line.text()));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
