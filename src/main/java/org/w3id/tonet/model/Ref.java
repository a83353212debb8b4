package org.w3id.tonet.model;

/**
 * A link from an agenda item to what it is about.
 *
 * <pre>
 * Ref.name("tonet");                 // a system, by its slug in names.tsv
 * Ref.symposium(LocalDate.of(2015, 3, 7));
 * Ref.dissolutionOf("council");    // 協議会の解散（案）: a proposal, not a dissolution
 * </pre>
 *
 * @param kind what kind of thing the key names
 * @param key a slug from the names table, or the ISO date of a symposium
 */
public record Ref(Kind kind, String key) {

  /** What the key names. */
  public enum Kind {
    /** A thing from the names table the item is about. */
    NAME,
    /** The symposium held on the day the key gives. */
    SYMPOSIUM,
    /** The organization whose dissolution the item proposes. */
    DISSOLUTION
  }

  /** A named thing from the names table. */
  public static Ref name(String slug) {
    return new Ref(Kind.NAME, slug);
  }

  /** The organization an item proposes to dissolve. */
  public static Ref dissolutionOf(String slug) {
    return new Ref(Kind.DISSOLUTION, slug);
  }

  /** The symposium held on a day. */
  public static Ref symposium(java.time.LocalDate day) {
    return new Ref(Kind.SYMPOSIUM, day.toString());
  }
}
