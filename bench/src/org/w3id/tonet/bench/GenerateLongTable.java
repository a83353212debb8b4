package org.w3id.tonet.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.tonet.parse.JapaneseEras;

/**
 * Writes one long table N times the seed, for the stress test of each stage's growth (issue 22):
 * the seed's own rows, then more fiscal years of the same council in the seed's format, then its
 * closing summary with the counts and the date brought up to the last year. Not the scale
 * benchmark (many councils, {@link GenerateTimelines}): one absurdly long table, on purpose.
 *
 * <pre>
 * java -cp target/tonet-lod.jar:bench/target/bench-classes org.w3id.tonet.bench.GenerateLongTable \
 *     --times 100 --seed seeds/council-timeline.txt --out bench/target/long/100x.txt
 * </pre>
 *
 * <p>Each added fiscal year (令和6年度 on) has an ordinary general assembly, three extraordinary
 * ones, a symposium at one of the seed's venues, a registrant milestone (5,000 more each year) and
 * a joint section meeting every month: 18 rows, the seed's header repeated every 30 or so. Years
 * are added until the table has N times the seed's lines. Deterministic: the same N gives the same
 * bytes.
 */
public final class GenerateLongTable {

  private static final String[] VENUES = {
    "パストラルかぞ", "久喜総合文化会館", "幸手市北公民館", "羽生市産業文化会館", "行田市文化センターみらい", "杉戸町生涯学習センター"
  };

  private static final String SECTIONS = "ヒューマンネットワーク担当部会とITネットワーク担当部会の合同部会を開催";

  private static final Pattern ASSEMBLIES = Pattern.compile("^(- ・ 協議会\\(通常総会・臨時総会\\) )(\\d+)(回.*)$");
  private static final Pattern SECTION_COUNT = Pattern.compile("^(- ・ 作業部会\\(.*\\) )(\\d+)(回.*)$");
  private static final Pattern AS_OF = Pattern.compile("^(※ 会議等の開催状況\\()(.+)(現在\\).*)$");

  private final List<String> out = new ArrayList<>();
  private int ordinary = 12;
  private int extraordinary = 24;
  private int registrants = 35_000;
  private int assembliesAdded;
  private int sectionsAdded;
  private int sinceHeader;

  public static void main(String[] args) throws IOException {
    int times = 0;
    Path seed = Path.of("seeds", "council-timeline.txt");
    Path target = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--times" -> times = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Path.of(args[++i]);
        case "--out" -> target = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (times < 1 || target == null) {
      System.err.println("usage: GenerateLongTable --times N --out FILE [--seed FILE]");
      System.exit(2);
    }
    List<String> lines = Files.readAllLines(seed, StandardCharsets.UTF_8);
    GenerateLongTable g = new GenerateLongTable();
    int years = g.write(lines, times);
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      for (String line : g.out) {
        w.write(line);
        w.write('\n');
      }
    }
    Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    System.out.printf(
        "wrote %s: %dx the seed, %d lines, %d fiscal years added, %d assemblies and %d section"
            + " meetings added%n",
        target, times, g.out.size(), years, g.assembliesAdded, g.sectionsAdded);
  }

  /** The seed's rows, added years up to {@code times} its length, its summary brought up to date. */
  private int write(List<String> seed, int times) {
    int summaryAt = -1;
    for (int i = 0; i < seed.size(); i++) {
      if (AS_OF.matcher(seed.get(i)).matches()) {
        summaryAt = i;
      }
    }
    if (summaryAt < 0) {
      throw new IllegalArgumentException("the seed has no closing summary (※ 会議等の開催状況(…現在))");
    }
    // The blank line before the summary stays with it.
    List<String> rows = seed.subList(0, summaryAt - 1);
    List<String> summary = seed.subList(summaryAt - 1, seed.size());
    out.addAll(rows);
    int target = times * seed.size();
    int fy = 2024;
    int years = 0;
    while (out.size() + summary.size() < target) {
      year(fy++);
      years++;
    }
    LocalDate asOf = LocalDate.of(fy, 3, 31);
    for (String line : summary) {
      out.add(updated(line, asOf, years > 0));
    }
    return years;
  }

  private String updated(String line, LocalDate asOf, boolean changed) {
    if (!changed) {
      return line;
    }
    Matcher m = AS_OF.matcher(line);
    if (m.matches()) {
      return m.group(1) + JapaneseEras.format(asOf) + m.group(3);
    }
    m = ASSEMBLIES.matcher(line);
    if (m.matches()) {
      return m.group(1) + (Integer.parseInt(m.group(2)) + assembliesAdded) + m.group(3);
    }
    m = SECTION_COUNT.matcher(line);
    if (m.matches()) {
      return m.group(1) + (Integer.parseInt(m.group(2)) + sectionsAdded) + m.group(3);
    }
    return line;
  }

  /** One fiscal year of the running council, in date order, in the seed's format. */
  private void year(int fy) {
    String label = JapaneseEras.fiscalYearOf(fy).labelsJa().get(0);
    String prev = JapaneseEras.fiscalYearOf(fy - 1).labelsJa().get(0);
    String next = JapaneseEras.fiscalYearOf(fy + 1).labelsJa().get(0);
    int k = fy - 2024;
    // Month index 0 is April; each month has its section meeting on a day that varies by year.
    for (int month = 0; month < 12; month++) {
      int day = 5 + (k + month) % 9;
      String firstCell = month == 0 ? label : "";
      row(firstCell, month, day, SECTIONS);
      if (month == 2) {
        ordinary++;
        assembliesAdded++;
        row("", month, 20, "第%d期協議会通常総会の開催（%s決算等）".formatted(ordinary, prev));
      }
      if (month == 4) {
        registrants += 5_000;
        row("", month, 20, "参加登録者%,d人を超える".formatted(registrants));
      }
      if (month == 5 || month == 8) {
        extraordinary++;
        assembliesAdded++;
        row("", month, 25, "第%d回協議会臨時総会の開催（%s事業計画について）".formatted(extraordinary, label));
      }
      if (month == 10) {
        row(
            "",
            month,
            24,
            "地域医療ネットワークシンポジウムの開催（%s） %d人参加"
                .formatted(VENUES[k % VENUES.length], 120 + (k * 37) % 300));
      }
      if (month == 11) {
        extraordinary++;
        assembliesAdded++;
        row("", month, 26, "第%d回協議会臨時総会の開催（%s事業計画及び収支予算について等）".formatted(extraordinary, next));
      }
    }
    sectionsAdded += 12;
  }

  private void row(String fyCell, int monthIndex, int day, String text) {
    if (sinceHeader >= 30) {
      out.add("");
      out.add("年度\t月 日\t実 施 内 容\t");
      sinceHeader = 0;
    }
    int month = (monthIndex + 3) % 12 + 1;
    out.add("%s\t%d月%d日\t%s\t".formatted(fyCell, month, day, text));
    sinceHeader++;
  }
}
