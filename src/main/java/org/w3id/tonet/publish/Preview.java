package org.w3id.tonet.publish;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFWriter;
import org.w3id.tonet.model.SourceRow;
import org.w3id.tonet.rdf.PROV;
import org.w3id.tonet.rdf.Prefixes;

/**
 * A dry run's view of a build: the triples made from the first rows of the table, as Turtle with
 * IRIs relative to the base, ready to be read, or pasted into a council folder's expected.ttl as a
 * regression test.
 *
 * <pre>
 * String turtle = Preview.firstRows(build, 3);
 * </pre>
 */
public final class Preview {

  private Preview() {}

  /**
   * The resources made from the first {@code rows} content rows of the table (every resource that
   * names one of them with prov:wasInfluencedBy), with all their triples; the rows themselves are
   * quoted in a comment above.
   */
  public static String firstRows(Build build, int rows) {
    List<SourceRow> shown = new ArrayList<>();
    for (SourceRow row : build.timeline().rows()) {
      if (row.kind() == SourceRow.Kind.CONTENT && shown.size() < rows) {
        shown.add(row);
      }
    }
    Model data = build.data();
    Model preview = ModelFactory.createDefaultModel();
    Prefixes.apply(preview);
    String hash = build.timeline().source().shortHash();
    StringBuilder out = new StringBuilder();
    for (SourceRow row : shown) {
      out.append("# line ")
          .append(row.line())
          .append(": ")
          .append(row.text().replace('\t', ' ').strip())
          .append('\n');
      Resource line = data.getResource(build.iris().sourceRow(hash, row.line()));
      for (Resource made :
          data.listSubjectsWithProperty(PROV.wasInfluencedBy, (RDFNode) line).toList()) {
        preview.add(data.listStatements(made, null, (RDFNode) null));
      }
    }
    java.io.ByteArrayOutputStream turtle = new java.io.ByteArrayOutputStream();
    RDFWriter.source(preview).lang(Lang.TURTLE).base(build.iris().base()).output(turtle);
    // IRIs are written relative to the base, and the base itself is left out: expected.ttl is read
    // under the base of the run that checks it.
    String written =
        turtle
            .toString(java.nio.charset.StandardCharsets.UTF_8)
            .lines()
            .filter(l -> !l.startsWith("BASE "))
            .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    return out + "\n" + written;
  }
}
