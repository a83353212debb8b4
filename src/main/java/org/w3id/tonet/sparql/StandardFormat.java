package org.w3id.tonet.sparql;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * The machine-readable answers of the endpoint: SPARQL results for SELECT and ASK, RDF syntaxes for
 * CONSTRUCT and DESCRIBE, each with its media type and the short names clients put in {@code
 * output=}, {@code format=} or {@code results=} (Fuseki's, and those SPARQLWrapper sends).
 *
 * <pre>
 * StandardFormat.byName("rdf+xml", false); // RDFXML, for a CONSTRUCT
 * StandardFormat.byName("json", true);     // JSON results, for a SELECT
 * </pre>
 */
public enum StandardFormat implements AnswerFormat {
  JSON("application/sparql-results+json", true, ResultSetLang.RS_JSON, null, "json", "srj"),
  XML("application/sparql-results+xml", true, ResultSetLang.RS_XML, null, "xml", "sparql", "srx"),
  CSV("text/csv", true, ResultSetLang.RS_CSV, null, "csv"),
  /**
   * CSV results that open in Excel on a Japanese Windows: UTF-8 after a byte order mark, without
   * which Excel reads the file as CP932 (format=csv-excel; never chosen by Accept).
   */
  CSV_EXCEL("text/csv", true, ResultSetLang.RS_CSV, null, "csv-excel"),
  TSV("text/tab-separated-values", true, ResultSetLang.RS_TSV, null, "tsv"),
  TEXT("text/plain", true, ResultSetLang.RS_Text, null, "text", "txt"),
  THRIFT("application/sparql-results+thrift", true, ResultSetLang.RS_Thrift, null, "thrift"),
  TURTLE("text/turtle", false, null, RDFFormat.TURTLE, "ttl", "turtle", "n3", "text", "txt"),
  NTRIPLES("application/n-triples", false, null, RDFFormat.NTRIPLES, "nt", "ntriples", "n-triples"),
  JSONLD("application/ld+json", false, null, RDFFormat.JSONLD, "json-ld", "jsonld", "json"),
  RDFXML("application/rdf+xml", false, null, RDFFormat.RDFXML_PLAIN, "rdf+xml", "rdf", "xml"),
  TRIG("application/trig", false, null, RDFFormat.TRIG_BLOCKS, "trig"),
  NQUADS("application/n-quads", false, null, RDFFormat.NQUADS, "nquads", "n-quads", "nq"),
  RDF_THRIFT("application/rdf+thrift", false, null, RDFFormat.RDF_THRIFT, "rdf-thrift");

  /** What JSON-LD's writer needs besides the graph, counted per triple. */
  private static final int JSONLD_BYTES_PER_TRIPLE = 1024;

  private final String mediaType;
  private final boolean table;
  private final Lang results;
  private final RDFFormat rdf;
  private final List<String> names;

  StandardFormat(String mediaType, boolean table, Lang results, RDFFormat rdf, String... names) {
    this.mediaType = mediaType;
    this.table = table;
    this.results = results;
    this.rdf = rdf;
    this.names = List.of(names);
  }

  /** Its media type, without parameters. */
  public String mediaType() {
    return mediaType;
  }

  /** The Content-Type: text with its charset; Thrift is binary and has none. */
  @Override
  public String contentType() {
    return isBinary() ? mediaType : mediaType + "; charset=utf-8";
  }

  /** True for the binary formats (RDF Thrift), which Jena's own clients ask for first. */
  public boolean isBinary() {
    return this == THRIFT || this == RDF_THRIFT;
  }

  /** True for SELECT/ASK formats, false for RDF syntaxes. */
  public boolean isTable() {
    return table;
  }

  /** The formats for SELECT and ASK, the default first. */
  public static List<StandardFormat> tableFormats() {
    return List.of(JSON, XML, CSV, TSV, TEXT, THRIFT);
  }

  /** The formats for CONSTRUCT and DESCRIBE, the default first. */
  public static List<StandardFormat> graphFormats() {
    return List.of(TURTLE, NTRIPLES, JSONLD, RDFXML, TRIG, NQUADS, RDF_THRIFT);
  }

  /**
   * The format a short name or a media type given in {@code output=} selects for this kind of
   * query, if any.
   */
  public static Optional<StandardFormat> byName(String name, boolean forTable) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    // Asked for by name only: content negotiation offers plain CSV for text/csv.
    if (forTable && CSV_EXCEL.names.contains(key)) {
      return Optional.of(CSV_EXCEL);
    }
    for (StandardFormat f : forTable ? tableFormats() : graphFormats()) {
      if (f.names.contains(key) || f.mediaType.equals(key)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  @Override
  public void write(Result result, OutputStream out, QueryBudget budget) throws IOException {
    if (this == CSV_EXCEL) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    if (result instanceof Table t) {
      ResultSetMgr.write(out, ResultSet.adapt(RowSetStream.create(t.vars(), t.rows())), results);
    } else if (result instanceof Ask a) {
      if (this == THRIFT) {
        // Jena's Thrift results have no boolean; its clients ask for JSON for ASK.
        throw new QueryRefusedException(
            406, "the answer of an ASK query is not available in Thrift; ask for JSON or XML");
      }
      ResultSetMgr.write(out, a.yes(), results);
    } else if (result instanceof Triples g) {
      if (this == JSONLD) {
        // JSON-LD is written through a document model several times the graph's size.
        budget.charge((long) JSONLD_BYTES_PER_TRIPLE * g.graph().size(), "JSON-LD");
      }
      RDFDataMgr.write(out, g.graph(), rdf);
    }
  }
}
