package org.w3id.tonet.server;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.out.NodeFmtLib;
import org.w3id.tonet.parse.JapaneseEras;
import org.w3id.tonet.rdf.TONET;

/**
 * An RDF term as a person reads it on a page: numbers with separators, a date as 2012年3月17日 (平成24年)
 * and 17 March 2012, a boolean as はい or いいえ, a resource of this dataset by its label; with the
 * exact term in Turtle's form kept beside it (shown on hover, and by the page's switch "RDF の表記").
 *
 * <pre>
 * TermView view = new TermView(site.union(), links, true);
 * TermView.Shown date = view.of(node);   // text 2012年3月17日 (平成24年), en 17 March 2012,
 *                                        // rdf "2012-03-17"^^xsd:date
 * List&lt;TermView.Shown&gt; marked = TermView.marked(values); // ja/en markers where both stand
 * </pre>
 */
final class TermView {

  /**
   * A term as shown: its text (and an English reading where it differs), the page it links to (only
   * http and https addresses), its language, a quiet language marker (set by {@link #marked} only
   * where two languages stand side by side), and the exact term.
   */
  record Shown(
      String text, String en, String href, String lang, String marker, String rdf, String kind) {

    Shown(String text, String en, String href, String lang, String marker, String rdf) {
      this(text, en, href, lang, marker, rdf, null);
    }

    Shown withMarker(String marker) {
      return new Shown(text, en, href, lang, marker, rdf, kind);
    }
  }

  private static final String XSD = XSDDatatype.XSD + "#";
  private static final Pattern DATE =
      Pattern.compile("(\\d{4})-(\\d\\d)-(\\d\\d)(Z|[+-]\\d\\d:\\d\\d)?");
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4})-(\\d\\d)-(\\d\\d)T(\\d\\d):(\\d\\d)(?::(\\d\\d)(\\.\\d+)?)?"
              + "(Z|[+-]\\d\\d:\\d\\d)?");
  private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d\\d)");
  private static final DateTimeFormatter ENGLISH_DAY =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter ENGLISH_MONTH =
      DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

  /**
   * A day as pages show it: its ISO form (for {@code <time>}), as written in Japanese (2012年3月17日),
   * its era year (平成24年, or null before the eras' calendar) and in English (17 March 2012).
   */
  record Day(String iso, String written, String era, String en) {

    /** The day of an ISO date, or null for null; a date that does not parse is shown as written. */
    static Day of(String iso) {
      if (iso == null) {
        return null;
      }
      try {
        LocalDate day = LocalDate.parse(iso);
        return new Day(iso, TermView.written(day), TermView.era(day), english(day));
      } catch (java.time.DateTimeException e) {
        return new Day(iso, iso, null, null);
      }
    }

    /** As written with its era year: 2012年3月17日 (平成24年). */
    public String ja() {
      return era == null ? written : written + " (" + era + ")";
    }
  }

  /** Japan's eras name days from the Meiji government's adoption of the Gregorian calendar. */
  private static final LocalDate ERAS_FROM = LocalDate.of(1873, 1, 1);

  private final Model model;
  private final Links links;
  private final boolean termsByLabel;

  /**
   * A view reading labels from {@code model}. Resources of this dataset are always shown by their
   * labels; terms of vocabularies by theirs when {@code termsByLabel} (a resource page), else by
   * their prefixed names (SPARQL results, where people write them so).
   */
  TermView(Model model, Links links, boolean termsByLabel) {
    this.model = model;
    this.links = links;
    this.termsByLabel = termsByLabel;
  }

  Shown of(RDFNode node) {
    return of(node == null ? null : node.asNode());
  }

  Shown of(Node node) {
    if (node == null) {
      return new Shown("", null, null, null, null, null);
    }
    if (node.isURI()) {
      return iri(node.getURI());
    }
    if (node.isLiteral()) {
      return literal(node);
    }
    String text = NodeFmtLib.strTTL(node);
    return new Shown(text, null, null, null, null, text);
  }

  private Shown iri(String iri) {
    String rdf = "<" + iri + ">";
    String href = links.href(iri);
    boolean local = iri.startsWith(links.base()) && iri.length() > links.base().length();
    if (model != null && (local || termsByLabel || iri.startsWith(TONET.NS))) {
      String ja = Labels.of(model, iri, "ja");
      String en = Labels.of(model, iri, "en");
      String latn = Labels.of(model, iri, "ja-latn");
      boolean labelled = ja != null || en != null || latn != null;
      if (labelled && (local || termsByLabel)) {
        String text = ja != null ? ja : en != null ? en : latn;
        String lang = ja != null ? "ja" : en != null ? "en" : "ja-Latn";
        return new Shown(text, en != null && !en.equals(text) ? en : null, href, lang, null, rdf);
      }
    }
    String text = local ? iri.substring(links.base().length()) : Labels.shortName(iri);
    return new Shown(readable(text), null, href, null, null, rdf);
  }

  /**
   * An address with its percent-encoded UTF-8 written as the characters it encodes (…/wiki/白岡市, not
   * …/wiki/%E7%99%BD…), as a browser's address bar shows it; encoded ASCII (%2F, %20) stays
   * encoded, since decoding it could change what the address says.
   */
  static String readable(String iri) {
    if (iri.indexOf('%') < 0) {
      return iri;
    }
    StringBuilder out = new StringBuilder();
    java.io.ByteArrayOutputStream run = new java.io.ByteArrayOutputStream();
    int i = 0;
    while (i < iri.length()) {
      int b = i + 2 < iri.length() && iri.charAt(i) == '%' ? hexByte(iri, i + 1) : -1;
      if (b >= 0x80) {
        run.write(b);
        i += 3;
        continue;
      }
      flush(run, out);
      out.append(iri.charAt(i));
      i++;
    }
    flush(run, out);
    return out.toString();
  }

  private static int hexByte(String s, int at) {
    int hi = Character.digit(s.charAt(at), 16);
    int lo = Character.digit(s.charAt(at + 1), 16);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
  }

  /** Appends the bytes as UTF-8 if they are valid UTF-8, else as the %XX they were written as. */
  private static void flush(java.io.ByteArrayOutputStream run, StringBuilder out) {
    if (run.size() == 0) {
      return;
    }
    byte[] bytes = run.toByteArray();
    run.reset();
    try {
      out.append(
          java.nio.charset.StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(bytes)));
    } catch (java.nio.charset.CharacterCodingException e) {
      for (byte b : bytes) {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
  }

  private static Shown literal(Node node) {
    String lexical = node.getLiteralLexicalForm();
    String lang = node.getLiteralLanguage();
    String datatype = node.getLiteralDatatypeURI();
    String rdf = turtle(node);
    if (!lang.isEmpty()) {
      return new Shown(lexical, null, null, lang, null, rdf);
    }
    if (datatype == null || datatype.equals(XSD + "string")) {
      return new Shown(lexical, null, null, null, null, rdf);
    }
    String[] read = read(datatype.substring(datatype.startsWith(XSD) ? XSD.length() : 0), lexical);
    if (!datatype.startsWith(XSD) || read == null) {
      return new Shown(lexical, null, null, null, null, rdf);
    }
    if (datatype.equals(XSD + "anyURI")) {
      return new Shown(lexical, null, Links.isWeb(lexical) ? lexical : null, null, null, rdf);
    }
    // The kind lets a page keep a date or a number on one line.
    String kind =
        read[1] == null ? "number" : datatype.equals(XSD + "boolean") ? "boolean" : "date";
    return new Shown(read[0], read[1], null, null, null, rdf, kind);
  }

  /** The exact term as Turtle writes it, datatypes by their prefixed names. */
  private static String turtle(Node node) {
    String lexical =
        NodeFmtLib.strTTL(
            org.apache.jena.graph.NodeFactory.createLiteralString(node.getLiteralLexicalForm()));
    if (!node.getLiteralLanguage().isEmpty()) {
      return lexical + "@" + node.getLiteralLanguage();
    }
    String datatype = node.getLiteralDatatypeURI();
    if (datatype == null || datatype.equals(XSD + "string")) {
      return lexical;
    }
    String prefixed = Labels.shortName(datatype);
    return lexical + "^^" + (prefixed.equals(datatype) ? "<" + datatype + ">" : prefixed);
  }

  /**
   * An XSD value read for people: {Japanese (or neutral), English or null}; null when the type is
   * not one read here or the lexical form is not valid for it (then it is shown as written).
   */
  static String[] read(String xsdType, String lexical) {
    String s = lexical.strip();
    try {
      switch (xsdType) {
        case "boolean":
          return switch (s) {
            case "true", "1" -> new String[] {"はい", "yes"};
            case "false", "0" -> new String[] {"いいえ", "no"};
            default -> null;
          };
        case "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte":
          return new String[] {grouped(new BigDecimal(new BigInteger(plus(s)))), null};
        case "decimal":
          return new String[] {grouped(new BigDecimal(plus(s))), null};
        case "double", "float":
          double d = Double.parseDouble(s);
          return Double.isFinite(d) && Math.abs(d) < 1e15
              ? new String[] {grouped(BigDecimal.valueOf(d).stripTrailingZeros()), null}
              : null;
        case "date":
          return date(s);
        case "dateTime", "dateTimeStamp":
          return dateTime(s);
        case "gYear":
          return s.matches("\\d{4}") ? new String[] {s + "年", s} : null;
        case "gYearMonth":
          Matcher ym = YEAR_MONTH.matcher(s);
          if (!ym.matches()) {
            return null;
          }
          LocalDate first =
              LocalDate.of(Integer.parseInt(ym.group(1)), Integer.parseInt(ym.group(2)), 1);
          return new String[] {
            first.getYear() + "年" + first.getMonthValue() + "月", ENGLISH_MONTH.format(first)
          };
        case "anyURI":
          return new String[] {s, null};
        default:
          return null;
      }
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return null;
    }
  }

  private static String plus(String s) {
    return s.startsWith("+") ? s.substring(1) : s;
  }

  /** The day of the first three groups of a date's or a date-time's pattern. */
  private static LocalDate day(Matcher m) {
    return LocalDate.of(
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  /** 2012年3月17日 (平成24年), 17 March 2012; with the time zone as written when there is one. */
  private static String[] date(String s) {
    Matcher m = DATE.matcher(s);
    if (!m.matches()) {
      return null;
    }
    LocalDate day = day(m);
    String zone = m.group(4) == null ? "" : " " + m.group(4);
    return new String[] {japanese(day) + zone, ENGLISH_DAY.format(day) + zone};
  }

  private static String[] dateTime(String s) {
    Matcher m = DATE_TIME.matcher(s);
    if (!m.matches()) {
      return null;
    }
    LocalDate day = day(m);
    String time =
        m.group(4)
            + ":"
            + m.group(5)
            + (m.group(6) == null || (m.group(6).equals("00") && m.group(7) == null)
                ? ""
                : ":" + m.group(6) + (m.group(7) == null ? "" : m.group(7)))
            + (m.group(8) == null ? "" : " " + m.group(8));
    return new String[] {japanese(day) + " " + time, ENGLISH_DAY.format(day) + ", " + time};
  }

  /** A day in Japanese with its era year: 2012年3月17日 (平成24年). */
  static String japanese(LocalDate day) {
    String era = era(day);
    return era == null ? written(day) : written(day) + " (" + era + ")";
  }

  /** A day as written in Japanese: 2012年3月17日. */
  static String written(LocalDate day) {
    return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
  }

  /** A day's era year (平成24年, 令和元年), from ICU4J; null before the eras' calendar. */
  static String era(LocalDate day) {
    return day.isBefore(ERAS_FROM) ? null : JapaneseEras.eraYear(day);
  }

  /** A day in English: 17 March 2012. */
  static String english(LocalDate day) {
    return ENGLISH_DAY.format(day);
  }

  /** A number with thousands separators, every digit written kept (1,234.50). */
  static String grouped(BigDecimal n) {
    DecimalFormat format =
        new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    int scale = Math.max(0, n.scale());
    format.setMinimumFractionDigits(scale);
    format.setMaximumFractionDigits(scale);
    format.setParseBigDecimal(true);
    return format.format(n);
  }

  /**
   * The values with a quiet language marker on each tagged literal, where values of two languages
   * stand side by side (a label in Japanese and in English); unmarked where there is one.
   */
  static List<Shown> marked(List<Shown> values) {
    Set<String> langs = new LinkedHashSet<>();
    for (Shown v : values) {
      if (v.lang() != null && v.href() == null) {
        langs.add(v.lang().toLowerCase(Locale.ROOT));
      }
    }
    if (langs.size() < 2) {
      return values;
    }
    List<Shown> marked = new ArrayList<>(values.size());
    for (Shown v : values) {
      marked.add(v.lang() != null && v.href() == null ? v.withMarker(v.lang()) : v);
    }
    return marked;
  }
}
