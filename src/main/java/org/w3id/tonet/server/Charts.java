package org.w3id.tonet.server;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Small inline SVG charts made on the server, readable without JavaScript and by screen readers
 * (each has a title and a description).
 *
 * <pre>
 * Charts.line("参加登録者数", points, "人");
 * Charts.bars("シンポジウム参加者数", bars, "人");
 * </pre>
 */
final class Charts {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 260;
  private static final int LEFT = 64;
  private static final int RIGHT = 24;
  private static final int TOP = 20;
  private static final int BOTTOM = 48;

  private Charts() {}

  /** A point of a line chart: a day and a value, with the page it links to. */
  record Point(LocalDate day, int value, String href, String label) {}

  /** A bar: its caption, value, whether the value is approximate, and the page it links to. */
  record Bar(String caption, int value, boolean approximate, String href, String label) {}

  /** A step line over time, one marker per point, each marker a link. */
  static String line(String title, String description, List<Point> points, String unit) {
    if (points.isEmpty()) {
      return "";
    }
    LocalDate first = points.get(0).day().withDayOfYear(1);
    LocalDate last = points.get(points.size() - 1).day().plusYears(1).withDayOfYear(1);
    long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
    int max = niceMax(points.stream().mapToInt(Point::value).max().orElse(1));
    StringBuilder svg = open(title, description);
    axes(svg, max, unit);
    for (int year = first.getYear(); year <= last.getYear(); year++) {
      double x = x(ChronoUnit.DAYS.between(first, LocalDate.of(year, 1, 1)), span);
      if (year % 2 == 0 || last.getYear() - first.getYear() < 8) {
        svg.append(text(x, HEIGHT - BOTTOM + 18, "middle", "tick", Integer.toString(year)));
      }
      svg.append(
          "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
              .formatted(x, TOP, x, HEIGHT - BOTTOM));
    }
    StringBuilder path = new StringBuilder();
    double previousY = y(0, max);
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      double x = x(ChronoUnit.DAYS.between(first, p.day()), span);
      double y = y(p.value(), max);
      path.append(i == 0 ? "M%.1f %.1f".formatted(x, previousY) : "");
      path.append(" H%.1f V%.1f".formatted(x, y));
      previousY = y;
    }
    svg.append("<path class=\"series\" d=\"").append(path.toString().strip()).append("\"/>");
    for (Point p : points) {
      double x = x(ChronoUnit.DAYS.between(first, p.day()), span);
      double y = y(p.value(), max);
      svg.append(link(p.href(), p.label()));
      svg.append("<circle class=\"marker\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\">".formatted(x, y));
      svg.append("<title>").append(escape(p.label())).append("</title></circle></a>");
    }
    return svg.append("</svg>").toString();
  }

  /** Vertical bars, one per item; approximate values are drawn lighter and marked 約. */
  static String bars(String title, String description, List<Bar> bars, String unit) {
    if (bars.isEmpty()) {
      return "";
    }
    int max = niceMax(bars.stream().mapToInt(Bar::value).max().orElse(1));
    StringBuilder svg = open(title, description);
    axes(svg, max, unit);
    double slot = (WIDTH - LEFT - RIGHT) / (double) bars.size();
    double width = slot * 0.62;
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double x = LEFT + slot * i + (slot - width) / 2;
      double y = y(b.value(), max);
      svg.append(link(b.href(), b.label()));
      svg.append(
          "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
              .formatted(b.approximate() ? "bar approx" : "bar", x, y, width, HEIGHT - BOTTOM - y));
      svg.append("<title>").append(escape(b.label())).append("</title></rect></a>");
      svg.append(
          text(x + width / 2, y - 5, "middle", "value", (b.approximate() ? "約" : "") + b.value()));
      svg.append(text(x + width / 2, HEIGHT - BOTTOM + 18, "middle", "tick", b.caption()));
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String title, String description) {
    StringBuilder svg = new StringBuilder();
    svg.append(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" role=\"group\" aria-labelledby=\"%s-t %s-d\">"
            .formatted(WIDTH, HEIGHT, id(title), id(title)));
    svg.append("<title id=\"")
        .append(id(title))
        .append("-t\">")
        .append(escape(title))
        .append("</title>");
    svg.append("<desc id=\"")
        .append(id(title))
        .append("-d\">")
        .append(escape(description))
        .append("</desc>");
    return svg;
  }

  /**
   * A link around a marker or bar, named for screen readers (a chart with links is a group, not an
   * image: an image's contents are not read, and links inside one could not be reached).
   */
  private static String link(String href, String label) {
    return "<a href=\"" + escape(href) + "\" aria-label=\"" + escape(label) + "\">";
  }

  private static void axes(StringBuilder svg, int max, String unit) {
    for (int i = 0; i <= 4; i++) {
      int value = max * i / 4;
      double y = y(value, max);
      svg.append(
          "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
              .formatted(LEFT, y, WIDTH - RIGHT, y));
      svg.append(text(LEFT - 8, y + 4, "end", "tick", "%,d".formatted(value)));
    }
    svg.append(text(LEFT - 8, TOP - 6, "end", "tick", unit));
    svg.append(
        "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
            .formatted(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
  }

  private static String text(double x, double y, String anchor, String css, String content) {
    return "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>"
        .formatted(css, x, y, anchor, escape(content));
  }

  private static double x(long day, long span) {
    return LEFT + (WIDTH - LEFT - RIGHT) * (day / (double) span);
  }

  private static double y(int value, int max) {
    return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (value / (double) max);
  }

  /** A round upper bound for the axis: 1, 2 or 5 times a power of ten, at or above the maximum. */
  static int niceMax(int max) {
    int power = 1;
    while (power * 10 <= max) {
      power *= 10;
    }
    for (int step : new int[] {1, 2, 5, 10}) {
      if (step * power >= max) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String id(String title) {
    return "c" + Integer.toHexString(title.hashCode() & 0x7fffffff);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  static String format(Locale locale, int n) {
    return String.format(locale, "%,d", n);
  }
}
