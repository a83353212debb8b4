package org.w3id.tonet.rdf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.w3id.tonet.source.FolderTable;
import org.w3id.tonet.source.SourceProblem;

/**
 * The statements the mapping makes that the source does not make itself, from a council folder's
 * hand-kept table {@code readings.tsv}: each resource they are about says so with
 * tonet:readingNote.
 *
 * <pre>
 * List&lt;Readings.Reading&gt; readings = Readings.of(table, problems);
 * Readings.addTo(data, iris, readings);
 * // &lt;id/org/system-working-group&gt; tonet:readingNote "協議会の部会等とするのは当方の読み取りで…"@ja .
 * </pre>
 */
public final class Readings {

  /** The columns of readings.tsv. */
  public static final FolderTable.Schema SCHEMA =
      FolderTable.Schema.of(
          FolderTable.Column.required(
              "subject", "the IRI path of the resource, below the base (id/...)"),
          FolderTable.Column.required(
              "property", "the statement's property, as a prefixed name (schema:superEvent)"),
          FolderTable.Column.required(
              "object", "the IRI path of the value, below the base, or a day (yyyy-mm-dd)"),
          FolderTable.Column.required("ja", "the note in Japanese"),
          FolderTable.Column.required("en", "the note in English"));

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

  private Readings() {}

  /** The readings of a table; a property without a pinned prefix is added to {@code problems}. */
  public static List<Reading> of(FolderTable table, List<SourceProblem> problems) {
    List<Reading> readings = new ArrayList<>();
    for (FolderTable.Row row : table.rows()) {
      String written = row.get("property");
      String property = Prefixes.asMapping().expandPrefix(written);
      if (property.equals(written)) {
        problems.add(
            row.problem(
                "property",
                "not a prefixed name with one of the prefixes the dumps use ("
                    + String.join(", ", Prefixes.all().keySet())
                    + ")",
                "write it as prefix:name, such as schema:superEvent"));
        continue;
      }
      readings.add(
          new Reading(
              row.get("subject"), property, row.get("object"), row.get("ja"), row.get("en")));
    }
    return List.copyOf(readings);
  }

  /** Adds the note of every reading whose statement the data makes. */
  public static void addTo(Model data, Iris iris, List<Reading> readings) {
    for (Reading reading : readings) {
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
}
