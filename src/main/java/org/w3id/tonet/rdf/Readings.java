package org.w3id.tonet.rdf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.w3id.tonet.parse.TabTable;

/**
 * The statements the mapping makes that the source does not make itself, from the hand-kept table
 * {@code lexicon/readings.tsv}: each resource they are about says so with tonet:readingNote.
 *
 * <pre>
 * Readings.addTo(data, iris);
 * // &lt;id/org/system-working-group&gt; tonet:readingNote "協議会の部会等とするのは当方の読み取りで…"@ja .
 * </pre>
 */
public final class Readings {

  static final String RESOURCE = "/lexicon/readings.tsv";

  /**
   * One reading.
   *
   * @param subject IRI path of the resource, below the base
   * @param property the statement's property IRI
   * @param object IRI path of the value, below the base, or a day (yyyy-mm-dd) for a date value
   * @param noteJa the note in Japanese
   * @param noteEn the note in English
   */
  public record Reading(
      String subject, String property, String object, String noteJa, String noteEn) {}

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private static final List<Reading> ALL = load();

  private Readings() {}

  /** Every reading of the table. */
  public static List<Reading> all() {
    return ALL;
  }

  /** Adds the note of every reading whose statement the data makes. */
  public static void addTo(Model data, Iris iris) {
    for (Reading reading : ALL) {
      Resource subject = data.getResource(iris.base() + reading.subject());
      // The value is a resource below the base, or a day (a bound drawn from a reading).
      RDFNode object =
          DAY.matcher(reading.object()).matches()
              ? data.createTypedLiteral(reading.object(), XSDDatatype.XSDdate)
              : data.getResource(iris.base() + reading.object());
      if (data.contains(subject, data.createProperty(reading.property()), object)) {
        subject.addProperty(TONET.readingNote, reading.noteJa(), "ja");
        subject.addProperty(TONET.readingNote, reading.noteEn(), "en");
      }
    }
  }

  private static List<Reading> load() {
    List<Reading> readings = new ArrayList<>();
    for (TabTable.Row row : TabTable.read(RESOURCE, 5)) {
      String[] cells = row.cells();
      String property = Prefixes.asMapping().expandPrefix(cells[1]);
      if (property.equals(cells[1])) {
        throw new IllegalStateException(
            RESOURCE
                + " line "
                + row.line()
                + ": the property "
                + cells[1]
                + " has no pinned prefix (expected subject, property, object, ja, en)");
      }
      readings.add(new Reading(cells[0], property, cells[2], cells[3], cells[4]));
    }
    return List.copyOf(readings);
  }
}
