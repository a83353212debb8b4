package org.w3id.tonet.model;

import java.util.List;
import java.util.Objects;

/**
 * A proper name from the hand-kept names table: an organization, a unit of the council, a venue, a
 * system, a plan, a meeting series or a person, with its IRI slug and its English or romanized
 * name.
 *
 * <pre>
 * new Name(Name.Kind.VENUE, "pastoral-kazo", "パストラルかぞ", "Pastoral Kazo", "Pasutoraru Kazo", List.of());
 * </pre>
 *
 * @param kind what the name names
 * @param slug the readable ASCII part of its IRI, never computed
 * @param labelJa the name as written in the source
 * @param labelEn a published or obvious English name, or "" when there is none
 * @param labelLatn a romanization (ja-Latn), or ""
 * @param parents slugs this one belongs to: the council for its units, the wider series for a
 *     series
 */
public record Name(
    Kind kind,
    String slug,
    String labelJa,
    String labelEn,
    String labelLatn,
    List<String> parents) {

  /** What a name names. */
  public enum Kind {
    ORGANIZATION,
    UNIT,
    VENUE,
    SYSTEM,
    PLAN,
    SERIES,
    PERSON
  }

  public Name {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(labelJa, "labelJa");
    labelEn = labelEn == null ? "" : labelEn;
    labelLatn = labelLatn == null ? "" : labelLatn;
    parents = List.copyOf(parents);
    if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException(
          "slug must be lower-case ASCII words joined by '-': " + slug);
    }
  }
}
