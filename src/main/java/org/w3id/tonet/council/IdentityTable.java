package org.w3id.tonet.council;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3id.tonet.model.Identity;
import org.w3id.tonet.model.Name;
import org.w3id.tonet.parse.Lexicon;
import org.w3id.tonet.source.FolderTable;
import org.w3id.tonet.source.SourceProblem;
import org.w3id.tonet.source.Spelling;

/**
 * Reads a council folder's {@code identity.tsv}: one row per value, {@code field lang value}.
 *
 * <pre>
 * Identity id = IdentityTable.read(table, lexicon, problems);
 * </pre>
 *
 * <p>The fields are a closed set ({@link #FIELDS}); each says whether it is text in Japanese and
 * English, and whether a folder must give it.
 */
final class IdentityTable {

  /**
   * A field of the identity.
   *
   * @param name its name in the table
   * @param text true for text in ja and en, false for a file name, slug or address
   * @param required which languages a folder must give ("ja en", "ja", "" for a plain value that is
   *     required, or null when the field is optional)
   * @param repeated whether it may have several rows per language
   * @param what what it is, for messages
   */
  record Field(String name, boolean text, String required, boolean repeated, String what) {}

  static final List<Field> FIELDS =
      List.of(
          new Field("table", false, "", false, "the table's file name in the folder"),
          new Field(
              "council", false, "", false, "the slug (names.tsv) of the council the table is of"),
          new Field("system", false, null, false, "the slug (names.tsv) of its information system"),
          new Field("title", true, "ja en", false, "the dataset's title"),
          new Field("site-name", true, "ja en", false, "the short name heading every page"),
          new Field("description", true, "ja en", false, "what the dataset holds"),
          new Field("keyword", true, null, true, "a keyword of the dataset"),
          new Field("attribution", true, "ja", false, "the credit the council asks for"),
          new Field("gazetteer", true, null, false, "what the gazetteer holds"),
          new Field("publisher", true, null, false, "who publishes the dataset"),
          new Field("publisher-page", false, null, false, "the publisher's web page (https:)"),
          new Field("contact", false, null, false, "where to write about it (mailto: or https:)"));

  /** The columns of identity.tsv. */
  static final FolderTable.Schema SCHEMA =
      FolderTable.Schema.of(
          FolderTable.Column.required("field", "one of " + String.join(", ", fieldNames())),
          FolderTable.Column.optional("lang", "ja or en for a text; '-' for a name or address"),
          FolderTable.Column.required("value", "the value"));

  private IdentityTable() {}

  private static List<String> fieldNames() {
    return FIELDS.stream().map(Field::name).toList();
  }

  /**
   * The identity a table gives; every problem is added to {@code problems}, among them a council or
   * system that names.tsv does not list.
   */
  static Identity read(FolderTable table, Lexicon lexicon, List<SourceProblem> problems) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    // Fields with a row, even a row refused: a refused value is said once, not also as missing.
    java.util.Set<String> written = new java.util.HashSet<>();
    for (FolderTable.Row row : table.pending()) {
      written.add(row.get("field") + (row.has("lang") ? "@" + row.get("lang") : ""));
    }
    for (FolderTable.Row row : table.rows()) {
      String name = row.get("field");
      Field field = FIELDS.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
      if (field == null) {
        problems.add(row.expected("field", Spelling.suggestion(name, fieldNames())));
        continue;
      }
      String lang = row.get("lang");
      written.add(field.name() + (field.text() ? "@" + lang : ""));
      if (field.text() && !(lang.equals("ja") || lang.equals("en"))) {
        problems.add(
            row.problem(
                "lang",
                field.name() + " is text; expected ja or en",
                "write ja or en, and one row for each language"));
        continue;
      }
      if (!field.text() && !lang.isEmpty()) {
        problems.add(
            row.problem(
                "lang",
                field.name() + " is not text in a language; expected '-'",
                "write '-' in the lang column"));
        continue;
      }
      String value = row.get("value");
      if (field.name().equals("contact")
          && !(value.startsWith("mailto:") || value.startsWith("https://"))) {
        problems.add(
            row.problem(
                "value",
                "a contact is an address; expected mailto:… or https://…",
                "write mailto:office@example.jp or the address of a contact page"));
        continue;
      }
      if (field.name().equals("publisher-page") && !value.startsWith("https://")) {
        problems.add(
            row.problem(
                "value",
                "expected the address of a web page, https://…",
                "write the page's address"));
        continue;
      }
      if (field.name().equals("council") || field.name().equals("system")) {
        Name.Kind kind = field.name().equals("council") ? Name.Kind.ORGANIZATION : Name.Kind.SYSTEM;
        if (lexicon.bySlug(value).filter(n -> n.kind() == kind).isEmpty()) {
          problems.add(
              row.problem(
                  "value",
                  "names.tsv has no "
                      + (field.name().equals("council") ? "org" : "system")
                      + " row with the slug "
                      + value,
                  "write the slug of its row in names.tsv, or add the row there"));
          continue;
        }
      }
      String key = field.name() + (field.text() ? "@" + lang : "");
      Integer first = lines.putIfAbsent(key, row.line());
      if (first != null && !field.repeated()) {
        problems.add(
            row.problem(
                "field",
                field.name()
                    + (field.text() ? " in " + lang : "")
                    + " is given twice (first on line "
                    + first
                    + ")",
                "keep one row"));
        continue;
      }
      values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    for (Field field : FIELDS) {
      if (field.required() == null) {
        continue;
      }
      List<String> keys =
          field.text()
              ? List.of(field.required().split(" ")).stream()
                  .map(l -> field.name() + "@" + l)
                  .toList()
              : List.of(field.name());
      for (String key : keys) {
        if (!values.containsKey(key) && !written.contains(key)) {
          String lang = key.contains("@") ? key.substring(key.indexOf('@') + 1) : "-";
          problems.add(
              SourceProblem.ofFile(
                  table.file(),
                  "has no "
                      + field.name()
                      + (field.text() ? " in " + lang : "")
                      + " ("
                      + field.what()
                      + "); fix: add a row: "
                      + field.name()
                      + "\t"
                      + lang
                      + "\t…"));
        }
      }
    }
    return new Identity(
        one(values, "table"),
        one(values, "council"),
        one(values, "system"),
        text(values, "title"),
        text(values, "site-name"),
        text(values, "description"),
        values.getOrDefault("keyword@ja", List.of()),
        values.getOrDefault("keyword@en", List.of()),
        one(values, "attribution@ja"),
        text(values, "gazetteer"),
        text(values, "publisher"),
        one(values, "publisher-page"),
        one(values, "contact"));
  }

  private static String one(Map<String, List<String>> values, String key) {
    List<String> v = values.get(key);
    return v == null ? "" : v.get(0);
  }

  private static Identity.Text text(Map<String, List<String>> values, String field) {
    return new Identity.Text(one(values, field + "@ja"), one(values, field + "@en"));
  }
}
