package org.w3id.tonet.opendata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.tonet.rdf.PROV;
import org.w3id.tonet.rdf.SCHEMA;
import org.w3id.tonet.rdf.TONET;

/**
 * One CSV per kind of thing (assemblies, symposia, milestones, organizations, places, agenda
 * items), one row per resource with its IRI and the source lines it comes from, headed in Japanese
 * and English, and the W3C CSV on the Web metadata ({@code csv-metadata.json}) by which a CSVW
 * processor turns each table back into the triples of the data it was made from.
 *
 * <pre>
 * Map&lt;String, byte[]&gt; files = CsvTables.files(build.data());
 * // tonet-assemblies.csv, tonet-assemblies.excel.csv, …, csv-metadata.json
 * </pre>
 *
 * <p>Every table is a SELECT generated from its columns, so a column states exactly one property of
 * the row's resource (or of a resource a column links to): the CSVW metadata says the same, and
 * {@code CsvTablesTest} reads the tables back with it and finds every triple in the data. The
 * source lines are for people ({@code 出典の行 (source lines)}: file:line); CSVW cannot make one link
 * per item of a list cell, so they are not turned into triples (the links are the data's
 * prov:wasInfluencedBy).
 */
public final class CsvTables {

  /** The metadata file's name, where CSVW processors look for it beside the tables. */
  public static final String METADATA = "csv-metadata.json";

  /** What a column holds. */
  enum Role {
    /** The resource's IRI: the row is about it (aboutUrl). */
    ID,
    /** A literal of the resource. */
    VALUE,
    /** An IRI the resource links to. */
    LINK,
    /** The resource's most specific class of the ontology, by its local name. */
    TYPE,
    /** The label of the resource another column links to. */
    LABEL_OF,
    /** The source lines, for people. */
    SOURCES
  }

  /**
   * A column.
   *
   * @param name its CSVW name (also the SELECT's variable)
   * @param ja its Japanese title
   * @param en its English title
   * @param role what it holds
   * @param property the property it states (IRI), or null
   * @param lang the language of its literals, or null
   * @param datatype its CSVW datatype (string, integer, date, boolean), or null for IRIs
   * @param about for LABEL_OF, the column whose resource it labels
   */
  record Column(
      String name,
      String ja,
      String en,
      Role role,
      String property,
      String lang,
      String datatype,
      String about) {

    /** The header cell: the Japanese title, then the English one in brackets. */
    String title() {
      return ja + " (" + en + ")";
    }
  }

  /**
   * A table.
   *
   * @param name the stem of its file names
   * @param ja its Japanese title
   * @param en its English title
   * @param classes the classes whose instances are its rows (their local names are its types)
   * @param columns its columns, the IRI first
   */
  record Table(String name, String ja, String en, List<String> classes, List<Column> columns) {

    String fileName() {
      return "tonet-" + name + ".csv";
    }

    String excelFileName() {
      return "tonet-" + name + ".excel.csv";
    }
  }

  static final List<Table> TABLES =
      List.of(
          new Table(
              "assemblies",
              "総会",
              "General assemblies",
              List.of("CouncilAssembly", "OrdinaryGeneralAssembly", "ExtraordinaryGeneralAssembly"),
              List.of(
                  id(),
                  type(),
                  integer("ordinal", "回・期", "ordinal", TONET.ordinal.getURI()),
                  labelJa(),
                  labelEn(),
                  date(),
                  fiscalYear(),
                  bool("held_in_writing", "書面表決", "held in writing", TONET.heldInWriting.getURI()),
                  sources())),
          new Table(
              "symposia",
              "シンポジウム",
              "Symposia",
              List.of("Symposium"),
              List.of(
                  id(),
                  labelJa(),
                  labelEn(),
                  date(),
                  link("venue", "会場", "venue", SCHEMA.location.getURI()),
                  new Column(
                      "venue_name",
                      "会場名",
                      "venue name",
                      Role.LABEL_OF,
                      RDFS.label.getURI(),
                      "ja",
                      "string",
                      "venue"),
                  integer("attendance", "参加者数", "attendance", TONET.attendance.getURI()),
                  bool(
                      "attendance_approximate",
                      "参加者数は概数",
                      "attendance approximate",
                      TONET.attendanceApproximate.getURI()),
                  fiscalYear(),
                  sources())),
          new Table(
              "milestones",
              "節目",
              "Milestones",
              List.of("RegistrantMilestone", "InstitutionCountMilestone", "Milestone"),
              List.of(
                  id(),
                  type(),
                  labelJa(),
                  labelEn(),
                  date(),
                  integer(
                      "registrant_threshold",
                      "参加登録者数",
                      "registrants",
                      TONET.registrantThreshold.getURI()),
                  fiscalYear(),
                  sources())),
          new Table(
              "organizations",
              "組織",
              "Organizations",
              List.of("OrganizationalUnit", "Organization"),
              List.of(
                  id(),
                  type(),
                  labelJa(),
                  labelEn(),
                  value(
                      "label_latn", "ローマ字", "romanized", RDFS.label.getURI(), "ja-Latn", "string"),
                  sources())),
          new Table(
              "places",
              "地域",
              "Places",
              List.of("Prefecture", "HealthcareArea", "Municipality"),
              List.of(
                  id(),
                  type(),
                  labelJa(),
                  labelEn(),
                  text(
                      "local_government_code",
                      "全国地方公共団体コード",
                      "local government code",
                      TONET.localGovernmentCode.getURI()),
                  text("code", "標準地域コード", "standard area code", DCTerms.identifier.getURI()),
                  link("area_code", "統計LODのコード", "statistical LOD code", TONET.areaCode.getURI()),
                  sources())),
          new Table(
              "agenda-items",
              "議題",
              "Agenda items",
              List.of("AgendaItem"),
              List.of(
                  id(),
                  link("meeting", "会議", "meeting", TONET.agendaOf.getURI()),
                  integer("position", "番号", "position", TONET.position.getURI()),
                  labelJa(),
                  labelEn(),
                  bool("is_draft", "案", "draft", TONET.isDraft.getURI()),
                  sources())));

  private CsvTables() {}

  private static Column id() {
    return new Column("iri", "IRI", "IRI", Role.ID, null, null, null, null);
  }

  private static Column type() {
    return new Column("type", "種類", "type", Role.TYPE, RDF.type.getURI(), null, null, null);
  }

  private static Column labelJa() {
    return value("label_ja", "名称", "name", RDFS.label.getURI(), "ja", "string");
  }

  private static Column labelEn() {
    return value("label_en", "英語名", "English name", RDFS.label.getURI(), "en", "string");
  }

  private static Column date() {
    return value("date", "日付", "date", SCHEMA.startDate.getURI(), null, "date");
  }

  private static Column sources() {
    return new Column(
        "source_lines", "出典の行", "source lines", Role.SOURCES, null, null, "string", null);
  }

  private static Column value(
      String name, String ja, String en, String property, String lang, String datatype) {
    return new Column(name, ja, en, Role.VALUE, property, lang, datatype, null);
  }

  private static Column integer(String name, String ja, String en, String property) {
    return value(name, ja, en, property, null, "integer");
  }

  private static Column bool(String name, String ja, String en, String property) {
    return value(name, ja, en, property, null, "boolean");
  }

  private static Column text(String name, String ja, String en, String property) {
    return value(name, ja, en, property, null, "string");
  }

  private static Column fiscalYear() {
    return link("fiscal_year", "年度", "fiscal year", TONET.fiscalYear.getURI());
  }

  private static Column link(String name, String ja, String en, String property) {
    return new Column(name, ja, en, Role.LINK, property, null, null, null);
  }

  /** The W3C Recommendation the metadata follows. */
  public static final String CSVW = "https://www.w3.org/TR/tabular-metadata/";

  /**
   * Every table as UTF-8 CSV and as its Excel copy (UTF-8 with a byte order mark), then the CSVW
   * metadata.
   */
  public static List<Download> downloads(Model data) {
    List<Download> files = new ArrayList<>();
    for (Table table : TABLES) {
      byte[] plain = Csv.utf8(rows(table, data));
      files.add(
          new Download(
              table.fileName(),
              plain,
              "text/csv",
              table.en() + " as CSV (UTF-8), one row per resource, described by " + METADATA,
              null));
      files.add(
          new Download(
              table.excelFileName(),
              Csv.withBom(plain),
              "text/csv",
              table.en()
                  + " as CSV for Excel (UTF-8 with a byte order mark, which Excel reads as UTF-8),"
                  + " the same rows as "
                  + table.fileName(),
              null));
    }
    files.add(
        new Download(
            METADATA,
            metadata().getBytes(StandardCharsets.UTF_8),
            "application/csvm+json",
            "the CSV on the Web metadata of the CSV tables: their columns and the triples each"
                + " states",
            CSVW));
    return files;
  }

  /** The rows of a table, its header first. */
  static List<List<String>> rows(Table table, Model data) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(table.columns().stream().map(Column::title).toList());
    Query query = QueryFactory.create(select(table));
    try (QueryExecution exec = QueryExecution.model(data).query(query).build()) {
      ResultSet results = exec.execSelect();
      while (results.hasNext()) {
        QuerySolution s = results.next();
        List<String> row = new ArrayList<>();
        for (Column c : table.columns()) {
          RDFNode node = s.get(c.name());
          String cell =
              node == null
                  ? ""
                  : node.isURIResource()
                      ? node.asResource().getURI()
                      : node.asLiteral().getLexicalForm();
          if (c.role() == Role.TYPE) {
            cell = cell.substring(TONET.NS.length());
          } else if (c.role() == Role.SOURCES) {
            cell = sortedSources(cell);
          }
          row.add(cell);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * file:line items, separated by spaces, in file and line order (GROUP_CONCAT has none of its
   * own), each once; the event list's source column too.
   */
  static String sortedSources(String cell) {
    return Arrays.stream(cell.split(" "))
        .filter(s -> !s.isEmpty())
        .distinct()
        .sorted(
            Comparator.comparing((String s) -> s.substring(0, s.lastIndexOf(':')))
                .thenComparingInt(s -> Integer.parseInt(s.substring(s.lastIndexOf(':') + 1))))
        .collect(Collectors.joining(" "));
  }

  /**
   * The SELECT of a table, made from its columns: one row per resource of its classes, each column
   * the least value of its property (a property has one value per resource where it is stated).
   */
  static String select(Table table) {
    StringBuilder where = new StringBuilder();
    StringBuilder projection = new StringBuilder("?iri");
    String classes =
        table.classes().stream()
            .map(c -> "<" + TONET.NS + c + ">")
            .collect(Collectors.joining(" "));
    where.append("  VALUES ?class { ").append(classes).append(" }\n");
    where.append("  ?iri a ?class .\n");
    for (Column c : table.columns()) {
      String v = "?" + c.name() + "_v";
      switch (c.role()) {
        case ID -> {}
        case TYPE -> {
          // The first class of the list the resource has: the lists go from specific to general.
          where.append("  BIND (?class AS ").append(v).append(")\n");
          projection.append(" (MIN(").append(v).append(") AS ?").append(c.name()).append(')');
        }
        case VALUE, LINK -> {
          where.append("  OPTIONAL { ?iri <").append(c.property()).append("> ").append(v);
          if (c.lang() != null) {
            where
                .append(" FILTER (lang(")
                .append(v)
                .append(") = \"")
                .append(c.lang())
                .append("\")");
          }
          where.append(" }\n");
          projection.append(" (MIN(").append(v).append(") AS ?").append(c.name()).append(')');
        }
        case LABEL_OF -> {
          where.append("  OPTIONAL { ?").append(c.about()).append("_v <").append(c.property());
          where.append("> ").append(v).append(" FILTER (lang(").append(v).append(") = \"");
          where.append(c.lang()).append("\") }\n");
          projection.append(" (MIN(").append(v).append(") AS ?").append(c.name()).append(')');
        }
        case SOURCES -> {
          where
              .append("  OPTIONAL { ?iri <")
              .append(PROV.wasInfluencedBy.getURI())
              .append("> ?row .\n");
          where.append("    ?row <").append(TONET.lineNumber.getURI()).append("> ?line ;\n");
          where.append("      <").append(DCTerms.isPartOf.getURI()).append(">/<");
          where.append(TONET.fileName.getURI()).append("> ?file .\n");
          where.append("    BIND (CONCAT(?file, \":\", STR(?line)) AS ").append(v).append(") }\n");
          projection.append(" (GROUP_CONCAT(DISTINCT ").append(v).append("; separator=\" \") AS ?");
          projection.append(c.name()).append(')');
        }
      }
    }
    // A resource of several listed classes (a registrant milestone is also a milestone) is one row,
    // typed with the first of them in the list.
    return "SELECT "
        + projection
        + " WHERE {\n"
        + where
        + earlierClassFilter(table)
        + "}\nGROUP BY ?iri\nORDER BY ?iri\n";
  }

  /** Keeps, for a resource of several listed classes, only the first of them in the list. */
  private static String earlierClassFilter(Table table) {
    StringBuilder f = new StringBuilder();
    List<String> classes = table.classes();
    for (int i = 1; i < classes.size(); i++) {
      String earlier =
          classes.subList(0, i).stream()
              .map(c -> "<" + TONET.NS + c + ">")
              .collect(Collectors.joining(" "));
      f.append("  FILTER (?class != <")
          .append(TONET.NS)
          .append(classes.get(i))
          .append("> || NOT EXISTS { VALUES ?e")
          .append(i)
          .append(" { ")
          .append(earlier)
          .append(" } ?iri a ?e")
          .append(i)
          .append(" })\n");
    }
    return f.toString();
  }

  /** The CSVW metadata of every table: a table group, with the base of no IRI (all absolute). */
  static String metadata() {
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("@context", List.of("http://www.w3.org/ns/csvw", ordered("@language", "ja")));
    group.put(
        "dc:title",
        List.of(
            ordered("@value", "協議会の経過の表（CSV）", "@language", "ja"),
            ordered("@value", "Tables of the council timeline (CSV)", "@language", "en")));
    List<Object> tables = new ArrayList<>();
    for (Table table : TABLES) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("url", table.fileName());
      t.put(
          "dc:title",
          List.of(
              ordered("@value", table.ja(), "@language", "ja"),
              ordered("@value", table.en(), "@language", "en")));
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("aboutUrl", "{+iri}");
      List<Object> columns = new ArrayList<>();
      for (Column c : table.columns()) {
        columns.add(column(c));
      }
      schema.put("columns", columns);
      t.put("tableSchema", schema);
      tables.add(t);
    }
    group.put("tables", tables);
    group.put(
        "dialect",
        ordered("header", true, "lineTerminators", List.of("\r\n"), "encoding", "utf-8"));
    return JsonOut.INDENTED.write(group) + "\n";
  }

  /** A map of keys and values in the order given (Map.of has no stable order). */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> column(Column c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("titles", c.title());
    switch (c.role()) {
      case ID -> {
        m.put("datatype", "anyURI");
        m.put("suppressOutput", true);
      }
      case TYPE -> {
        m.put("propertyUrl", c.property());
        m.put("valueUrl", TONET.NS + "{" + c.name() + "}");
      }
      case LINK -> {
        m.put("propertyUrl", c.property());
        m.put("valueUrl", "{+" + c.name() + "}");
      }
      case VALUE -> {
        m.put("propertyUrl", c.property());
        m.put("datatype", c.datatype());
        if (c.lang() != null) {
          m.put("lang", c.lang());
        }
      }
      case LABEL_OF -> {
        m.put("aboutUrl", "{+" + c.about() + "}");
        m.put("propertyUrl", c.property());
        m.put("datatype", c.datatype());
        m.put("lang", c.lang());
      }
      case SOURCES -> {
        m.put("datatype", "string");
        m.put("separator", " ");
        m.put("suppressOutput", true);
        m.put(
            "dc:description",
            "file:line of each line of the table or gazetteer the row comes from; the data links"
                + " the resource to each with prov:wasInfluencedBy");
      }
    }
    return m;
  }
}
