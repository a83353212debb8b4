package org.w3id.tonet.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * Stable labels for the blank nodes of a graph: a digest of what each one says (its triples, blank
 * objects by their own content) and of where it hangs (the triples that point to it, blank subjects
 * by their own label), so the same graph gets the same labels in every run and every dump.
 *
 * <pre>
 * Map&lt;Node, String&gt; labels = BlankNodeLabels.of(ontology.getGraph()); // b5d0c3e1a2f4…
 * </pre>
 *
 * <p>Two blank nodes get one label only when nothing tells them apart (same content, same place); a
 * counter then separates them, in an order that cannot show in the output since they print the
 * same.
 */
final class BlankNodeLabels {

  private final Graph graph;
  private final Map<Node, String> contents = new HashMap<>();
  private final Map<Node, String> labels = new HashMap<>();

  private BlankNodeLabels(Graph graph) {
    this.graph = graph;
  }

  /** A label for every blank node of the graph; empty when it has none. */
  static Map<Node, String> of(Graph graph) {
    BlankNodeLabels b = new BlankNodeLabels(graph);
    Set<Node> blanks = new HashSet<>();
    graph
        .find()
        .forEachRemaining(
            t -> {
              if (t.getSubject().isBlank()) {
                blanks.add(t.getSubject());
              }
              if (t.getObject().isBlank()) {
                blanks.add(t.getObject());
              }
            });
    Map<String, Integer> used = new HashMap<>();
    Map<Node, String> result = new HashMap<>();
    for (Node blank :
        blanks.stream()
            .sorted((x, y) -> b.label(x, new HashSet<>()).compareTo(b.label(y, new HashSet<>())))
            .toList()) {
      String label = b.label(blank, new HashSet<>());
      int n = used.merge(label, 1, Integer::sum);
      result.put(blank, n == 1 ? label : label + "x" + n);
    }
    return result;
  }

  /** What a blank node says: its triples, sorted, blank objects by their content. */
  private String content(Node blank, Set<Node> seen) {
    String known = contents.get(blank);
    if (known != null) {
      return known;
    }
    if (!seen.add(blank)) {
      return "(cycle)";
    }
    List<String> lines = new ArrayList<>();
    for (Triple t : graph.find(blank, Node.ANY, Node.ANY).toList()) {
      Node o = t.getObject();
      lines.add(
          NodeFmtLib.strNT(t.getPredicate())
              + " "
              + (o.isBlank() ? "[" + content(o, seen) + "]" : NodeFmtLib.strNT(o)));
    }
    lines.sort(null);
    String c = String.join(" ; ", lines);
    contents.put(blank, c);
    return c;
  }

  /** Its content and the triples that point to it, blank subjects by their own label. */
  private String label(Node blank, Set<Node> seen) {
    String known = labels.get(blank);
    if (known != null) {
      return known;
    }
    List<String> incoming = new ArrayList<>();
    if (seen.add(blank)) {
      for (Triple t : graph.find(Node.ANY, Node.ANY, blank).toList()) {
        Node s = t.getSubject();
        incoming.add(
            (s.isBlank() ? "_:" + label(s, seen) : NodeFmtLib.strNT(s))
                + " "
                + NodeFmtLib.strNT(t.getPredicate()));
      }
    }
    incoming.sort(null);
    String label =
        "b" + digest(String.join(" ; ", incoming) + " | " + content(blank, new HashSet<>()));
    labels.put(blank, label);
    return label;
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
