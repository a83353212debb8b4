package org.w3id.tonet.opendata;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.council.EventListTable;
import org.w3id.tonet.model.Gazetteer;
import org.w3id.tonet.model.LocalGovernmentCode;

/**
 * The meetings as the standard event list of the recommended municipal data sets
 * (自治体標準オープンデータセット「イベント一覧」): its 32 columns in their order, one row per meeting, dates as
 * YYYY-MM-DD. The list is filed under the local government the folder's event-list.tsv names (its
 * 6-digit code and names fill the first columns) and each title's reading (イベント名_カナ, required)
 * comes from the same file. What the table does not record stays empty (times, fees, contacts,
 * coordinates) and 開始日時特記事項 says so; the address is the venue's municipality, the finest the data
 * knows.
 *
 * <pre>
 * Download list = EventList.download(build.data(), build.council());
 * </pre>
 */
public final class EventList {

  /** The file's name. */
  public static final String FILE = "event-list.csv";

  /**
   * The columns of the standard, in its order (the NGSI-LD attribute {@code location} of the FIWARE
   * model, a GeoJSON geometry, is not a CSV column).
   */
  public static final List<String> COLUMNS =
      List.of(
          "都道府県コード又は市区町村コード",
          "NO",
          "都道府県名",
          "市区町村名",
          "イベント名",
          "イベント名_カナ",
          "イベント名_英語",
          "開始日",
          "終了日",
          "開始時間",
          "終了時間",
          "開始日時特記事項",
          "説明",
          "料金(基本)",
          "料金(詳細)",
          "連絡先名称",
          "連絡先電話番号",
          "連絡先内線番号",
          "主催者",
          "場所名称",
          "住所",
          "方書",
          "緯度",
          "経度",
          "アクセス方法",
          "駐車場情報",
          "定員",
          "参加申込終了日",
          "参加申込終了時間",
          "参加申込方法",
          "URL",
          "備考");

  private static final String QUERY =
      """
      PREFIX tonet:   <https://w3id.org/tonet/ontology#>
      PREFIX schema:  <http://schema.org/>
      PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
      PREFIX prov:    <http://www.w3.org/ns/prov#>
      PREFIX dcterms: <http://purl.org/dc/terms/>
      SELECT ?e (MIN(?ja0) AS ?ja) (MIN(?en0) AS ?en) (MIN(?start0) AS ?start) (MIN(?end0) AS ?end)
             (MIN(?nb0) AS ?notBefore) (MIN(?na0) AS ?notAfter) (MIN(?org0) AS ?organizer)
             (MIN(?venue0) AS ?venue) (MIN(?city0) AS ?city) (MIN(?pref0) AS ?prefecture)
             (GROUP_CONCAT(DISTINCT ?item; separator="、") AS ?agenda)
             (GROUP_CONCAT(DISTINCT ?src; separator=" ") AS ?sources)
      WHERE {
        ?e a tonet:Meeting ; rdfs:label ?ja0 FILTER (lang(?ja0) = "ja")
        OPTIONAL { ?e rdfs:label ?en0 FILTER (lang(?en0) = "en") }
        OPTIONAL { ?e schema:startDate ?start0 }
        OPTIONAL { ?e schema:endDate ?end0 }
        OPTIONAL { ?e tonet:notBefore ?nb0 }
        OPTIONAL { ?e tonet:notAfter ?na0 }
        OPTIONAL { ?e schema:organizer/rdfs:label ?org0 FILTER (lang(?org0) = "ja") }
        OPTIONAL { ?e schema:location ?v .
          ?v rdfs:label ?venue0 FILTER (lang(?venue0) = "ja")
          OPTIONAL { ?v schema:containedInPlace ?c . ?c a tonet:Municipality ;
            rdfs:label ?city0 FILTER (lang(?city0) = "ja")
            OPTIONAL { ?c schema:containedInPlace ?p . ?p a tonet:Prefecture ;
              rdfs:label ?pref0 FILTER (lang(?pref0) = "ja") } } }
        OPTIONAL { ?e tonet:agendaItem ?a . ?a rdfs:label ?item FILTER (lang(?item) = "ja") }
        OPTIONAL { ?e prov:wasInfluencedBy ?row . ?row tonet:lineNumber ?line ;
            dcterms:isPartOf/tonet:fileName ?file . BIND (CONCAT(?file, ":", STR(?line)) AS ?src) }
      }
      GROUP BY ?e
      ORDER BY (!BOUND(?start)) ?start ?e
      """;

  private EventList() {}

  /** The event list as CSV (UTF-8 with a byte order mark, as municipal portals publish it). */
  public static Download download(Model data, Council council) {
    return new Download(
        FILE,
        Csv.excel(rows(data, council)),
        "text/csv",
        "the meetings as the standard event list (イベント一覧) of the recommended municipal data"
            + " sets (自治体標準オープンデータセット): its 32 columns in their order, UTF-8 with a byte"
            + " order mark",
        null);
  }

  /** The rows, the header first. */
  static List<List<String>> rows(Model data, Council council) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(COLUMNS);
    String[] filedUnder = filedUnder(council);
    int number = 0;
    try (QueryExecution exec = QueryExecution.model(data).query(QUERY).build()) {
      ResultSet results = exec.execSelect();
      while (results.hasNext()) {
        QuerySolution s = results.next();
        String ja = text(s, "ja");
        String start = text(s, "start");
        String end = text(s, "end").isEmpty() ? start : text(s, "end");
        String note =
            start.isEmpty()
                ? "日付不明（" + text(s, "notBefore") + "から" + text(s, "notAfter") + "までの間）。時間の記録なし"
                : "時間の記録なし";
        String agenda = text(s, "agenda");
        String address = text(s, "prefecture") + text(s, "city");
        List<String> row = new ArrayList<>();
        row.add(filedUnder[0]);
        row.add(Integer.toString(++number));
        row.add(filedUnder[1]);
        row.add(filedUnder[2]);
        row.add(ja);
        row.add(kana(ja, council.eventList().readings()));
        row.add(text(s, "en"));
        row.add(start);
        row.add(end);
        row.add("");
        row.add("");
        row.add(note);
        row.add(agenda.isEmpty() ? ja : ja + "。議題：" + agenda);
        for (int i = 0; i < 5; i++) {
          row.add(""); // fees and contact: not recorded
        }
        row.add(text(s, "organizer"));
        row.add(text(s, "venue"));
        row.add(address);
        for (int i = 0; i < 9; i++) {
          row.add(""); // 方書 to 参加申込方法: not recorded
        }
        row.add(s.getResource("e").getURI());
        row.add("出典：" + CsvTables.sortedSources(text(s, "sources")));
        rows.add(row);
      }
    }
    return rows;
  }

  /** The code, prefecture name and municipality name of the place the list is filed under. */
  private static String[] filedUnder(Council council) {
    String slug = council.eventList().place();
    Gazetteer g = council.gazetteer();
    if (slug.isEmpty() || g == null) {
      return new String[] {"", "", ""};
    }
    Gazetteer.Place place = g.place(slug).orElseThrow();
    List<Gazetteer.Status> statuses = g.statusesOf(slug);
    String five =
        statuses.isEmpty()
            ? place.codes().stream().findFirst().orElse("")
            : statuses.get(statuses.size() - 1).code();
    String code = five.isEmpty() ? "" : LocalGovernmentCode.of(five).value();
    if (place.type() == Gazetteer.PlaceType.PREFECTURE) {
      return new String[] {code, place.labelJa(), ""};
    }
    String prefecture =
        place.within().stream()
            .map(g::place)
            .flatMap(java.util.Optional::stream)
            .filter(p -> p.type() == Gazetteer.PlaceType.PREFECTURE)
            .map(Gazetteer.Place::labelJa)
            .findFirst()
            .orElse("");
    return new String[] {code, prefecture, place.labelJa()};
  }

  /**
   * The reading of a title: the first reading of event-list.tsv whose title begins the label (in
   * NFKC, as the folder's words are compared), its {n} the label's number; "" when none does.
   */
  static String kana(String label, List<EventListTable.Reading> readings) {
    String text = Normalizer.normalize(label, Normalizer.Form.NFKC);
    for (EventListTable.Reading r : readings) {
      String japanese = Normalizer.normalize(r.japanese(), Normalizer.Form.NFKC);
      StringBuilder regex = new StringBuilder();
      for (String part : japanese.split("\\{n\\}", -1)) {
        if (!regex.isEmpty()) {
          regex.append("([0-9]+)");
        }
        regex.append(Pattern.quote(part));
      }
      Matcher m = Pattern.compile(regex.toString()).matcher(text);
      if (m.lookingAt()) {
        return m.groupCount() > 0 ? r.kana().replace("{n}", m.group(1)) : r.kana();
      }
    }
    return "";
  }

  private static String text(QuerySolution s, String var) {
    return s.contains(var) ? s.get(var).asLiteral().getLexicalForm() : "";
  }
}
