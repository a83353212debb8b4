package org.w3id.tonet.council;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shared.PrefixMapping;
import org.w3id.tonet.rdf.Prefixes;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceProblem;

/**
 * A council folder's example of its expected output, {@code expected.ttl}, checked as a regression
 * test: for every resource and property it lists, the data must have exactly the values listed.
 * IRIs are written relative to the base ({@code <id/assembly/ordinary/1>}), and the prefixes of the
 * dumps (tonet:, schema:, rdfs: …) are declared for it, so what {@code export --dry-run} prints can
 * be pasted in.
 *
 * <pre>
 * List&lt;SourceProblem&gt; differences = Expected.check(council, data, "http://localhost:3030/");
 * </pre>
 */
public final class Expected {

  private Expected() {}

  /**
   * Where the data differs from the folder's expected.ttl; empty when the folder has none, when
   * another table was read in place of its own, or when every listed value is there and no other.
   *
   * @throws SourceException when expected.ttl is not Turtle (the line and column are named)
   */
  public static List<SourceProblem> check(Council council, Model data, String base)
      throws SourceException {
    List<SourceProblem> differences = new ArrayList<>();
    if (!council.ownTable()) {
      return differences; // the example is of the folder's own table, not of one given instead
    }
    Optional<Model> expected = read(council.folder(), base);
    if (expected.isEmpty()) {
      return differences;
    }
    String file = council.folder().shown(CouncilFolder.EXPECTED);
    PrefixMapping prefixes = Prefixes.asMapping();
    Model want = expected.get();
    for (Resource subject : want.listSubjects().toList()) {
      Set<Property> properties = new java.util.LinkedHashSet<>();
      want.listStatements(subject, null, (RDFNode) null)
          .forEachRemaining(s -> properties.add(s.getPredicate()));
      for (Property p : properties) {
        Set<String> listed = values(want, subject, p);
        Set<String> made = values(data, subject, p);
        if (listed.equals(made)) {
          continue;
        }
        Set<String> missing = new TreeSet<>(listed);
        missing.removeAll(made);
        Set<String> extra = new TreeSet<>(made);
        extra.removeAll(listed);
        differences.add(
            SourceProblem.ofFile(
                file,
                "<%s> %s: %s%s; fix: if the data is right now, write what export --dry-run shows"
                        .formatted(
                            relative(subject.getURI(), base),
                            prefixes.shortForm(p.getURI()),
                            missing.isEmpty() ? "" : "expected " + String.join(", ", missing),
                            extra.isEmpty()
                                ? ", which the data does not have"
                                : (missing.isEmpty() ? "" : "; ")
                                    + "the data has "
                                    + String.join(", ", extra))
                    + " in expected.ttl, else correct the folder"));
      }
    }
    return differences;
  }

  /** The folder's expected.ttl under a base, if it has one. */
  static Optional<Model> read(CouncilFolder folder, String base) throws SourceException {
    Optional<byte[]> bytes = folder.bytes(CouncilFolder.EXPECTED);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder declared = new StringBuilder();
    for (Map.Entry<String, String> p : Prefixes.all().entrySet()) {
      declared
          .append("@prefix ")
          .append(p.getKey())
          .append(": <")
          .append(p.getValue())
          .append("> .");
    }
    // The declarations share the file's first line, so a parse error keeps its line number.
    String text = declared + new String(bytes.get(), StandardCharsets.UTF_8);
    Model model = ModelFactory.createDefaultModel();
    try {
      RDFParser.fromString(text, Lang.TURTLE).base(base).parse(model);
    } catch (RiotException e) {
      throw new SourceException(
          SourceProblem.ofFile(
              folder.shown(CouncilFolder.EXPECTED),
              "is not Turtle: "
                  + e.getMessage()
                  + "; fix: write resources as export --dry-run prints them"));
    }
    return Optional.of(model);
  }

  private static Set<String> values(Model model, Resource subject, Property p) {
    Set<String> values = new TreeSet<>();
    for (Statement s : model.listStatements(subject, p, (RDFNode) null).toList()) {
      values.add(NodeFmtLib.strNT(s.getObject().asNode()));
    }
    return values;
  }

  private static String relative(String iri, String base) {
    return iri.startsWith(base) ? iri.substring(base.length()) : iri;
  }
}
