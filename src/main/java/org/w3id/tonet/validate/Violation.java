package org.w3id.tonet.validate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One fault found by the SHACL shapes or a consistency check, located to the source lines of the
 * resource at fault.
 *
 * <pre>
 * violation.toString();
 * // line 20: http://…/id/assembly/extraordinary/2 (第2回協議会臨時総会): tonet:notBefore: …
 * </pre>
 *
 * @param focus the IRI of the resource at fault
 * @param label its Japanese label, or ""
 * @param path the property at fault, as a prefixed name, or ""
 * @param message what is wrong
 * @param lines the source lines the resource was made from (empty when none is known)
 * @param check the shape or check that found it
 */
public record Violation(
    String focus, String label, String path, String message, List<Integer> lines, String check) {

  public Violation {
    lines = List.copyOf(lines);
  }

  @Override
  public String toString() {
    String where =
        lines.isEmpty()
            ? "no source line"
            : (lines.size() == 1 ? "line " : "lines ")
                + lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return where
        + ": "
        + focus
        + (label.isEmpty() ? "" : " (" + label + ")")
        + (path.isEmpty() ? "" : ": " + path)
        + ": "
        + message
        + " ["
        + check
        + "]";
  }
}
