package org.w3id.tonet.publish;

import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.model.Timeline;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.rdf.Entailments;
import org.w3id.tonet.rdf.GazetteerRdf;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.rdf.Ontology;
import org.w3id.tonet.rdf.Readings;
import org.w3id.tonet.rdf.TimelineRdf;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceProblem;
import org.w3id.tonet.validate.Validator;
import org.w3id.tonet.validate.Violation;

/**
 * The whole pipeline for one council: parse its table by its folder's rules and words, map to RDF
 * with its gazetteer and readings, ready to validate and publish.
 *
 * <pre>
 * Build build = Build.of(Council.bundled(), TimelineParser.Mode.STRICT, new Iris(base));
 * List&lt;Violation&gt; faults = build.validate();
 * </pre>
 *
 * @param council the council folder it was made from
 * @param timeline what was read
 * @param data the data graph
 * @param ontology the ontology graph
 * @param iris the IRIs used
 * @param warnings rows kept as unread text (lenient mode only)
 * @param validation the build's validation, run once when first asked for
 */
public record Build(
    Council council,
    Timeline timeline,
    Model data,
    Model ontology,
    Iris iris,
    List<SourceProblem> warnings,
    Validation validation) {

  public Build {
    warnings = List.copyOf(warnings);
  }

  /**
   * The violations of a build, found once: the command that validates, the quality report of the
   * dataset description and the static site all ask, and validating is the costliest stage of a
   * build (issue 22: {@code export} validated twice, and {@code --site} a third time).
   */
  public static final class Validation {
    private List<Violation> found;

    /** The violations of {@code data}, validated on the first call only. */
    synchronized List<Violation> of(Model data) {
      if (found == null) {
        found = List.copyOf(Validator.validate(data));
      }
      return found;
    }
  }

  /**
   * Parses and maps a council's table.
   *
   * @throws SourceException with every problem found, in strict mode, or when IRIs collide
   */
  public static Build of(Council council, TimelineParser.Mode mode, Iris iris)
      throws SourceException {
    return of(council, council.parse(mode), iris);
  }

  /**
   * Maps an already parsed timeline under a base IRI (the server parses first, to fail before it
   * binds a port, and maps once it knows its address).
   *
   * @throws SourceException when two entries would share one IRI
   */
  public static Build of(Council council, TimelineParser.Result parsed, Iris iris)
      throws SourceException {
    Model data = TimelineRdf.map(parsed.timeline(), iris, council.identity().council());
    // The places come from the folder's hand-kept gazetteer, not from the table; they are added
    // here so every build (serve, export, validate) has them and places the venues.
    council.places().ifPresent(g -> GazetteerRdf.addTo(data, g, iris));
    Readings.addTo(data, iris, council.readings());
    // Last, once every statement is in: superproperties, inverses and derivations, stated because
    // the server does no inference.
    Entailments.state(data);
    return new Build(
        council,
        parsed.timeline(),
        data,
        Ontology.ontology(),
        iris,
        parsed.problems(),
        new Validation());
  }

  /**
   * SHACL violations and failed consistency checks; empty when the data is sound. Validated on the
   * first call; later calls give the same result, so the data graph must not change after it.
   */
  public List<Violation> validate() {
    return validation.of(data);
  }
}
