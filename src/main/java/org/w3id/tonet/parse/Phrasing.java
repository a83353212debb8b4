package org.w3id.tonet.parse;

import java.util.Objects;

/**
 * How one council's table words what the rules look for, from its folder: which organization is the
 * council itself.
 *
 * <pre>
 * Phrasing phrasing = Council.bundled().phrasing();
 * phrasing.council(); // "council"
 * </pre>
 *
 * @param council the slug of the council whose timeline the table is (it holds the assemblies)
 */
public record Phrasing(String council) {

  public Phrasing {
    Objects.requireNonNull(council, "council");
  }
}
