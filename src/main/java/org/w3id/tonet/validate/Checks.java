package org.w3id.tonet.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;

/**
 * The consistency checks of queries/checks/: SPARQL queries that return one row per fault, each
 * with {@code ?focus} (the resource at fault) and {@code ?message}.
 *
 * <pre>
 * Checks.run(model).forEach(System.err::println); // empty when consistent
 * </pre>
 *
 * <p>They run over the data and the ontology together, as the SPARQL endpoint's default graph holds
 * both.
 */
public final class Checks {

  /** Where the checks live, in the repository and on the class path. */
  public static final String FOLDER = "/queries/checks";

  private Checks() {}

  /**
   * A named check.
   *
   * @param name the file name without .rq
   * @param query the SPARQL text
   */
  public record Check(String name, String query) {}

  /** Every check, in file-name order. */
  public static List<Check> all() {
    List<Check> checks = new ArrayList<>();
    for (String file : list()) {
      checks.add(new Check(file.replaceFirst("\\.rq$", ""), read(FOLDER + "/" + file)));
    }
    return checks;
  }

  /** Runs every check on a data graph. */
  public static List<Violation> run(Model data) {
    Model union = Validator.withOntology(data);
    List<Violation> found = new ArrayList<>();
    for (Check check : all()) {
      found.addAll(run(check, union));
    }
    return found;
  }

  /** Runs one check on a graph that holds the data and the ontology. */
  public static List<Violation> run(Check check, Model union) {
    Query query = QueryFactory.create(check.query());
    List<Violation> found = new ArrayList<>();
    try (QueryExecution exec = QueryExecution.model(union).query(query).build()) {
      ResultSet results = exec.execSelect();
      while (results.hasNext()) {
        QuerySolution row = results.next();
        RDFNode focus = row.get("focus");
        RDFNode message = row.get("message");
        Resource r = focus != null && focus.isResource() ? focus.asResource() : null;
        found.add(
            new Violation(
                r == null ? "" : r.isURIResource() ? r.getURI() : r.toString(),
                r == null ? "" : Validator.labelJa(r),
                "",
                message == null ? "check failed" : message.toString(),
                r == null ? List.of() : Validator.lines(r),
                check.name()));
      }
    }
    return found;
  }

  private static List<String> list() {
    URL url = Checks.class.getResource(FOLDER);
    if (url == null) {
      throw new IllegalStateException(FOLDER + " is missing from the class path");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return names(fs.getPath(FOLDER));
      }
      return names(Path.of(uri));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot list " + FOLDER + ": " + e.getMessage(), e);
    }
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".rq"))
          .sorted()
          .toList();
    }
  }

  private static String read(String path) {
    try (InputStream in = Checks.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
