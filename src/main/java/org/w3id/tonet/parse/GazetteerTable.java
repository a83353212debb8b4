package org.w3id.tonet.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.Set;
import org.w3id.tonet.model.Gazetteer;
import org.w3id.tonet.model.Name;

/**
 * Reads the hand-kept gazetteer (lexicon/gazetteer.tsv) and checks it hangs together: every slug it
 * refers to exists, every venue is one of lexicon/names.tsv, every fact cites a listed source, and
 * each municipality's periods follow one another with exactly one still in force.
 *
 * <pre>
 * Gazetteer gazetteer = GazetteerTable.bundled();
 * Gazetteer other = GazetteerTable.read("my.tsv", bytes, Lexicon.load());
 * </pre>
 *
 * <p>A fault is a build error naming the table's line: the table is data we keep, so it must be
 * right before anything is published from it.
 */
public final class GazetteerTable {

  /** The table's name in the jar and in the repository (src/main/resources/lexicon/). */
  public static final String FILE_NAME = "gazetteer.tsv";

  private static final Gazetteer BUNDLED = readBundled();

  private final String fileName;
  private final Lexicon lexicon;
  private final List<Gazetteer.Source> sources = new ArrayList<>();
  private final List<Gazetteer.Place> places = new ArrayList<>();
  private final List<Gazetteer.Status> statuses = new ArrayList<>();
  private final List<Gazetteer.VenuePlacement> venues = new ArrayList<>();
  private final List<Gazetteer.AreaServed> served = new ArrayList<>();
  private final List<Gazetteer.Row> rows = new ArrayList<>();

  /** Line numbers of rows, for messages about references made before they are checked. */
  private final List<Integer> placeLines = new ArrayList<>();

  private final List<Integer> statusLines = new ArrayList<>();
  private final List<Integer> venueLines = new ArrayList<>();
  private final List<Integer> servedLines = new ArrayList<>();

  private GazetteerTable(String fileName, Lexicon lexicon) {
    this.fileName = fileName;
    this.lexicon = lexicon;
  }

  /** The gazetteer bundled with tonet-lod. */
  public static Gazetteer bundled() {
    return BUNDLED;
  }

  private static Gazetteer readBundled() {
    String path = "/lexicon/" + FILE_NAME;
    try (InputStream in = GazetteerTable.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the class path");
      }
      return read(FILE_NAME, in.readAllBytes(), Lexicon.load());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a gazetteer table.
   *
   * @throws IllegalStateException naming the line of the first fault
   */
  public static Gazetteer read(String fileName, byte[] bytes, Lexicon lexicon) {
    GazetteerTable table = new GazetteerTable(fileName, lexicon);
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      table.row(i + 1, line, line.split("\t", -1));
    }
    table.check();
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

  private void row(int line, String text, String[] cells) {
    switch (cells[0]) {
      case "source" -> {
        expect(line, cells, 4);
        sources.add(new Gazetteer.Source(cells[1], cells[2], cells[3]));
      }
      case "place" -> {
        expect(line, cells, 11);
        places.add(
            new Gazetteer.Place(
                slug(line, cells[1]),
                placeType(line, cells[2]),
                cells[3],
                cells[4],
                cells[5],
                list(cells[6]),
                list(cells[7]),
                list(cells[8]),
                dash(cells[9]),
                list(cells[10])));
        placeLines.add(line);
        rows.add(new Gazetteer.Row(Gazetteer.placeKey(cells[1]), line, text));
      }
      case "status" -> {
        expect(line, cells, 15);
        statuses.add(
            new Gazetteer.Status(
                cells[1],
                slug(line, cells[2]),
                cells[3],
                cells[4],
                cells[5],
                kind(line, cells[6]),
                day(line, cells[7]),
                day(line, cells[8]),
                change(line, cells[9]),
                cells[10],
                list(cells[11]),
                dash(cells[12]),
                dash(cells[13]),
                list(cells[14])));
        statusLines.add(line);
        rows.add(
            new Gazetteer.Row(Gazetteer.statusKey(statuses.get(statuses.size() - 1)), line, text));
      }
      case "venue" -> {
        expect(line, cells, 4);
        venues.add(new Gazetteer.VenuePlacement(cells[1], cells[2], cells[3]));
        venueLines.add(line);
        rows.add(new Gazetteer.Row(Gazetteer.venueKey(cells[1]), line, text));
      }
      case "serves" -> {
        expect(line, cells, 4);
        served.add(new Gazetteer.AreaServed(cells[1], cells[2], list(cells[3])));
        servedLines.add(line);
        rows.add(new Gazetteer.Row(Gazetteer.servesKey(served.get(served.size() - 1)), line, text));
      }
      default ->
          throw fault(
              line,
              "unknown row kind \""
                  + cells[0]
                  + "\"; expected source, place, status, venue or serves");
    }
  }

  // ---- consistency -------------------------------------------------------------------------

  private void check() {
    Set<String> sourceIds = new HashSet<>();
    for (Gazetteer.Source s : sources) {
      if (!sourceIds.add(s.id())) {
        throw fault(0, "source " + s.id() + " is listed twice");
      }
    }
    Set<String> slugs = new HashSet<>();
    for (int i = 0; i < places.size(); i++) {
      Gazetteer.Place p = places.get(i);
      int line = placeLines.get(i);
      if (!slugs.add(p.slug())) {
        throw fault(line, "place " + p.slug() + " is listed twice; one IRI must name one place");
      }
      cited(line, p.sources(), sourceIds);
      for (String code : p.codes()) {
        code(line, code);
      }
      for (String dated : p.datedCodes()) {
        datedCode(line, dated, p.codes());
      }
      if (!p.wikidata().isEmpty() && !p.wikidata().matches("Q[1-9][0-9]*")) {
        throw fault(line, "a Wikidata item is Q followed by digits, found " + p.wikidata());
      }
      if (p.type() == Gazetteer.PlaceType.MUNICIPALITY && !p.codes().isEmpty()) {
        throw fault(line, "a municipality's codes belong on its status rows, by period");
      }
    }
    for (int i = 0; i < places.size(); i++) {
      for (String w : places.get(i).within()) {
        if (!slugs.contains(w)) {
          throw fault(placeLines.get(i), "within: no place " + w);
        }
      }
    }
    for (int i = 0; i < statuses.size(); i++) {
      Gazetteer.Status s = statuses.get(i);
      int line = statusLines.get(i);
      Gazetteer.Place place =
          places.stream()
              .filter(p -> p.slug().equals(s.place()))
              .findFirst()
              .orElseThrow(() -> fault(line, "no place " + s.place()));
      if (place.type() != Gazetteer.PlaceType.MUNICIPALITY) {
        throw fault(line, s.place() + " is not a municipality; only municipalities have statuses");
      }
      cited(line, s.sources(), sourceIds);
      code(line, s.code());
      for (String dated : s.datedCodes()) {
        datedCode(line, dated, List.of(s.code()));
      }
      if (s.from() != null && s.until() != null && s.until().isBefore(s.from())) {
        throw fault(line, "the period ends before it begins");
      }
    }
    for (int i = 0; i < places.size(); i++) {
      Gazetteer.Place p = places.get(i);
      if (p.type() == Gazetteer.PlaceType.MUNICIPALITY) {
        periods(placeLines.get(i), p);
      }
    }
    for (int i = 0; i < venues.size(); i++) {
      Gazetteer.VenuePlacement v = venues.get(i);
      int line = venueLines.get(i);
      boolean known =
          lexicon.bySlug(v.venue()).filter(n -> n.kind() == Name.Kind.VENUE).isPresent();
      if (!known) {
        throw fault(line, "no venue " + v.venue() + " in lexicon/names.tsv");
      }
      municipality(line, v.place());
    }
    for (int i = 0; i < served.size(); i++) {
      Gazetteer.AreaServed a = served.get(i);
      int line = servedLines.get(i);
      if (lexicon.bySlug(a.organization()).isEmpty()) {
        throw fault(line, "no organization " + a.organization() + " in lexicon/names.tsv");
      }
      if (!slugs.contains(a.place())) {
        throw fault(line, "no place " + a.place());
      }
      cited(line, a.sources(), sourceIds);
    }
  }

  /** A municipality's periods: at least one, in order, not overlapping, the last still in force. */
  private void periods(int line, Gazetteer.Place place) {
    List<Gazetteer.Status> own =
        statuses.stream().filter(s -> s.place().equals(place.slug())).toList();
    if (own.isEmpty()) {
      throw fault(line, place.slug() + " needs a status row: its name and kind (city or town)");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < own.size(); i++) {
      Gazetteer.Status s = own.get(i);
      if (!seen.add(s.slug())) {
        throw fault(line, place.slug() + " has two statuses named " + s.slug());
      }
      boolean last = i == own.size() - 1;
      if (last != s.current()) {
        throw fault(
            line,
            place.slug()
                + ": only the last status row may be still in force (no last day), and it must be");
      }
      if (!last) {
        Gazetteer.Status next = own.get(i + 1);
        if (next.from() == null || !next.from().equals(s.until().plusDays(1))) {
          throw fault(
              line,
              place.slug()
                  + ": status "
                  + next.slug()
                  + " must begin the day after "
                  + s.slug()
                  + " ends ("
                  + s.until().plusDays(1)
                  + ")");
        }
      }
    }
    if (!own.get(own.size() - 1).labelJa().equals(place.labelJa())) {
      throw fault(line, place.slug() + ": the place's name must be that of its current status");
    }
  }

  private void municipality(int line, String slug) {
    boolean ok =
        places.stream()
            .anyMatch(p -> p.slug().equals(slug) && p.type() == Gazetteer.PlaceType.MUNICIPALITY);
    if (!ok) {
      throw fault(line, "no municipality " + slug);
    }
  }

  private void cited(int line, List<String> ids, Set<String> known) {
    if (ids.isEmpty()) {
      throw fault(line, "every row cites its sources (S1 …)");
    }
    for (String id : ids) {
      if (!known.contains(id)) {
        throw fault(line, "source " + id + " is not listed in a source row");
      }
    }
  }

  private void code(int line, String code) {
    if (!code.matches("[0-9]{5}")) {
      throw fault(line, "a standard area code has 5 digits, found \"" + code + "\"");
    }
  }

  private void datedCode(int line, String dated, List<String> codes) {
    if (!dated.matches("C[0-9]{5}-[0-9]{8}") || !codes.contains(dated.substring(1, 6))) {
      throw fault(
          line,
          "a dated code is C{code}-{yyyymmdd} for one of the row's codes "
              + codes
              + ", found \""
              + dated
              + "\"");
    }
  }

  // ---- cells -------------------------------------------------------------------------------

  private void expect(int line, String[] cells, int count) {
    if (cells.length != count) {
      throw fault(
          line,
          "a " + cells[0] + " row has " + count + " tab-separated cells, found " + cells.length);
    }
  }

  private String slug(int line, String slug) {
    if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw fault(line, "a slug is lower-case ASCII words joined by '-', found \"" + slug + "\"");
    }
    return slug;
  }

  private Gazetteer.PlaceType placeType(int line, String cell) {
    return switch (cell) {
      case "prefecture" -> Gazetteer.PlaceType.PREFECTURE;
      case "healthcare-area" -> Gazetteer.PlaceType.HEALTHCARE_AREA;
      case "municipality" -> Gazetteer.PlaceType.MUNICIPALITY;
      default ->
          throw fault(
              line, "place type is prefecture, healthcare-area or municipality, found " + cell);
    };
  }

  private Gazetteer.MunicipalityKind kind(int line, String cell) {
    try {
      return Gazetteer.MunicipalityKind.valueOf(cell.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw fault(line, "kind is city or town, found " + cell);
    }
  }

  private Gazetteer.Change change(int line, String cell) {
    return switch (cell) {
      case "-" -> null;
      case "merger" -> Gazetteer.Change.MERGER;
      case "city-status" -> Gazetteer.Change.CITY_STATUS;
      default -> throw fault(line, "formed-by is merger, city-status or -, found " + cell);
    };
  }

  private LocalDate day(int line, String cell) {
    if (cell.equals("-")) {
      return null;
    }
    try {
      return LocalDate.parse(cell);
    } catch (DateTimeParseException e) {
      throw fault(line, "a day is yyyy-mm-dd or -, found " + cell);
    }
  }

  private static List<String> list(String cell) {
    return cell.equals("-") || cell.isBlank() ? List.of() : List.of(cell.strip().split(" +"));
  }

  private static String dash(String cell) {
    return cell.equals("-") ? "" : cell;
  }

  private IllegalStateException fault(int line, String message) {
    return new IllegalStateException(
        fileName + ": " + message + (line > 0 ? " [line " + line + "]" : ""));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
