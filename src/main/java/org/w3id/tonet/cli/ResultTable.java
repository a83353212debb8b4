package org.w3id.tonet.cli;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shared.PrefixMapping;

/**
 * SELECT results as a plain-text table for a terminal: IRIs under the base are shown relative to
 * it, other IRIs with the pinned prefixes, literals as written; columns line up for Japanese text
 * too, since wide characters take two columns.
 *
 * <pre>
 * new ResultTable(prefixes, "http://localhost:3030/").print(results, out);
 * // | date       | venue          | attendance |
 * // |------------|----------------|------------|
 * // | 2012-03-17 | パストラルかぞ | 230        |
 * </pre>
 */
final class ResultTable {

  private final PrefixMapping prefixes;
  private final String base;

  ResultTable(PrefixMapping prefixes, String base) {
    this.prefixes = prefixes;
    this.base = base;
  }

  /** Prints every row of the results, then how many there were. */
  void print(ResultSet results, PrintWriter out) {
    List<String> columns = results.getResultVars();
    List<List<String>> rows = new ArrayList<>();
    while (results.hasNext()) {
      QuerySolution solution = results.next();
      List<String> row = new ArrayList<>();
      for (String column : columns) {
        row.add(cell(solution.get(column)));
      }
      rows.add(row);
    }
    int[] widths = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      widths[c] = width(columns.get(c));
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], width(row.get(c)));
      }
    }
    line(out, columns, widths);
    StringBuilder rule = new StringBuilder("|");
    for (int w : widths) {
      rule.append("-".repeat(w + 2)).append('|');
    }
    out.println(rule);
    for (List<String> row : rows) {
      line(out, row, widths);
    }
    out.println(rows.size() + (rows.size() == 1 ? " row" : " rows"));
  }

  private static void line(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder("|");
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      line.append(' ').append(cell).append(" ".repeat(widths[c] - width(cell))).append(" |");
    }
    out.println(line);
  }

  /** What a value looks like in the table. */
  String cell(RDFNode node) {
    if (node == null) {
      return "";
    }
    if (node.isURIResource()) {
      String iri = node.asResource().getURI();
      if (iri.startsWith(base) && iri.length() > base.length()) {
        return iri.substring(base.length());
      }
      String shortForm = prefixes.shortForm(iri);
      return shortForm.equals(iri) ? "<" + iri + ">" : shortForm;
    }
    if (node.isLiteral()) {
      return node.asLiteral().getLexicalForm().replaceAll("\\s+", " ").strip();
    }
    return node.toString();
  }

  /**
   * Columns a text takes in a terminal: two for wide and full-width characters (kanji, kana,
   * full-width digits), one for the rest.
   */
  static int width(String text) {
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int eastAsian = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
      width +=
          eastAsian == UCharacter.EastAsianWidth.WIDE
                  || eastAsian == UCharacter.EastAsianWidth.FULLWIDTH
              ? 2
              : 1;
      i += Character.charCount(cp);
    }
    return width;
  }
}
