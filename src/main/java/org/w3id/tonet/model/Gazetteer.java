package org.w3id.tonet.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A council folder's hand-kept gazetteer (gazetteer.tsv): the prefecture, the healthcare area the
 * council serves and its municipalities with their history, the municipality of each symposium
 * venue, and the sources of all of it.
 *
 * <pre>
 * Gazetteer g = Council.bundled().gazetteer();
 * g.place("kazo").get().labelJa();           // 加須市
 * g.statusesOf("shiraoka").get(0).labelJa(); // 白岡町
 * </pre>
 *
 * @param fileName the table's file name
 * @param sha256 hex SHA-256 of the table's bytes
 * @param lineCount the number of lines in the table, comments included
 * @param sources every cited source, in table order
 * @param places every place, in table order
 * @param statuses every municipal status, in table order
 * @param venues where each venue lies
 * @param served which organization serves which area
 * @param rows the place, status, venue and serves rows with their keys, lines and text
 */
public record Gazetteer(
    String fileName,
    String sha256,
    int lineCount,
    List<Source> sources,
    List<Place> places,
    List<Status> statuses,
    List<VenuePlacement> venues,
    List<AreaServed> served,
    List<Row> rows) {

  public Gazetteer {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sha256, "sha256");
    sources = List.copyOf(sources);
    places = List.copyOf(places);
    statuses = List.copyOf(statuses);
    venues = List.copyOf(venues);
    served = List.copyOf(served);
    rows = List.copyOf(rows);
  }

  /**
   * A row of the table that something is made from, with an identifier of its own: its key, made
   * from the row's kind and slugs (place/kazo, status/kazo/city-2010, venue/pastoral-kazo,
   * serves/council/tone-healthcare-area), so it stays the same when lines are added above it.
   *
   * @param key the row's key
   * @param line its 1-based line number in the table
   * @param text the line as written
   */
  public record Row(String key, int line, String text) {}

  /** The key of a place's row. */
  public static String placeKey(String slug) {
    return "place/" + slug;
  }

  /** The key of a municipal status's row. */
  public static String statusKey(Status status) {
    return "status/" + status.place() + "/" + status.slug();
  }

  /** The key of a venue's row. */
  public static String venueKey(String venueSlug) {
    return "venue/" + venueSlug;
  }

  /** The key of an area-served row. */
  public static String servesKey(AreaServed served) {
    return "serves/" + served.organization() + "/" + served.place();
  }

  /** The row with a key, if the table has one. */
  public Optional<Row> row(String key) {
    return rows.stream().filter(r -> r.key().equals(key)).findFirst();
  }

  /** What kind of place a row names. */
  public enum PlaceType {
    PREFECTURE,
    HEALTHCARE_AREA,
    MUNICIPALITY
  }

  /** Whether a municipality was a city or a town in a period. */
  public enum MunicipalityKind {
    CITY,
    TOWN
  }

  /** How a period began. */
  public enum Change {
    MERGER,
    CITY_STATUS
  }

  /**
   * A cited source.
   *
   * @param id its short name in the table (S1, S2, …)
   * @param iri where it can be read
   * @param supports what it is cited for
   */
  public record Source(String id, String iri, String supports) {}

  /**
   * A place.
   *
   * @param slug the readable part of its IRI, from the table
   * @param type prefecture, healthcare area or municipality
   * @param labelJa its name today
   * @param labelEn its English name
   * @param labelLatn its romanized name (ja-Latn)
   * @param within slugs of the places it lies in
   * @param codes standard area codes (prefecture only; a municipality's are on its statuses)
   * @param datedCodes dated standard area codes valid in the council's years (prefecture only)
   * @param wikidata a Wikidata item (Q…), or "" when none is sourced
   * @param sources ids of the sources of the row
   */
  public record Place(
      String slug,
      PlaceType type,
      String labelJa,
      String labelEn,
      String labelLatn,
      List<String> within,
      List<String> codes,
      List<String> datedCodes,
      String wikidata,
      List<String> sources) {

    public Place {
      within = List.copyOf(within);
      codes = List.copyOf(codes);
      datedCodes = List.copyOf(datedCodes);
      sources = List.copyOf(sources);
    }
  }

  /**
   * A period in which a municipality had one name and one kind.
   *
   * @param place the municipality's slug
   * @param slug the period's slug, unique within the municipality
   * @param labelJa the name in the period
   * @param labelEn the English name in the period
   * @param labelLatn the romanized name in the period
   * @param kind city or town
   * @param from its first day, or null when not known
   * @param until its last day, or null while it is in force
   * @param formedBy how it began, or null when not stated
   * @param code the 5-digit standard area code of the period
   * @param datedCodes its dated codes valid in the council's years
   * @param noteJa what happened, in Japanese, or ""
   * @param noteEn what happened, in English, or ""
   * @param sources ids of the sources of the row
   */
  public record Status(
      String place,
      String slug,
      String labelJa,
      String labelEn,
      String labelLatn,
      MunicipalityKind kind,
      LocalDate from,
      LocalDate until,
      Change formedBy,
      String code,
      List<String> datedCodes,
      String noteJa,
      String noteEn,
      List<String> sources) {

    public Status {
      datedCodes = List.copyOf(datedCodes);
      sources = List.copyOf(sources);
    }

    /** True while the period lasts (no last day). */
    public boolean current() {
      return until == null;
    }
  }

  /**
   * Where a symposium venue lies.
   *
   * @param venue the venue's slug in names.tsv
   * @param place the municipality's slug
   * @param why how the table knows
   */
  public record VenuePlacement(String venue, String place, String why) {}

  /**
   * An area an organization serves (schema:areaServed).
   *
   * @param organization the organization's slug in names.tsv
   * @param place the area's slug
   * @param sources ids of the sources of the row
   */
  public record AreaServed(String organization, String place, List<String> sources) {

    public AreaServed {
      sources = List.copyOf(sources);
    }
  }

  /** The place with a slug, if any. */
  public Optional<Place> place(String slug) {
    return places.stream().filter(p -> p.slug().equals(slug)).findFirst();
  }

  /** A municipality's statuses, in table order (oldest first). */
  public List<Status> statusesOf(String placeSlug) {
    return statuses.stream().filter(s -> s.place().equals(placeSlug)).toList();
  }
}
