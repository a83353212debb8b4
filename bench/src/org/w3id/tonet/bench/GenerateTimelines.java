package org.w3id.tonet.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.w3id.tonet.model.FiscalYear;
import org.w3id.tonet.parse.JapaneseEras;

/**
 * Writes synthetic council timelines for the scale benchmark: many councils, each one valid table
 * of the seed's shape with its own eras, fiscal years, ordinals and (in the converter) base path.
 *
 * <pre>
 * java -cp target/tonet-lod.jar:bench/target/classes org.w3id.tonet.bench.GenerateTimelines \
 *     --rows 100000 --out bench/target/scale/100k [--seed 20261126]
 * </pre>
 *
 * <p>Council k is drawn from {@code new Random(seed * 1_000_003 + k)}, so the councils of a smaller
 * size are the first councils of a larger one: every size has the same mix. Councils are added
 * until the total number of non-blank lines (every one a tonet:SourceRow) reaches {@code --rows}.
 *
 * <p>Only names of {@code lexicon/names.tsv} and clauses of {@code lexicon/phrases.tsv} are used;
 * the real data and the lexicon are untouched. The seed's quirks are all reproduced: the fiscal
 * year only on a year's first row, shifted columns, repeated headers and blank lines, 元年度 and
 * two-era fiscal years (平成31年度 / 令和元年度, 昭和63年度 running into 平成), full-width digits and
 * wave-dash variants, several days in one cell, open starts, an end date in the text, a row dated by
 * the row above (同…), undated assemblies bounded by their numbers, bracketed agenda items, venues,
 * glosses, joint meetings and draft marks, HTML fragments, 約 counts with separators, notes after ※,
 * written votes, unclassified rows, and the closing summary with counts that agree with the rows.
 */
public final class GenerateTimelines {

  private static final String[] VENUES = {
    "パストラルかぞ",
    "久喜総合文化会館",
    "幸手市北公民館",
    "羽生市産業文化会館",
    "行田市文化センターみらい",
    "蓮田市総合文化会館「ハストピア」",
    "杉戸町生涯学習センター",
    "宮代町 日本工業大学「学友会館」"
  };

  private static final String[] PLAIN_AGENDA = {
    "普及・啓発、第2期募集、シンポジウム、個人情報保護方針",
    "普及・啓発、契約、第2期募集、シンポジウム",
    "システムの運用・費用負担・愛称等・県立病院の参加",
    "追加契約、費用負担、事務局運営、システム運用、参加募集",
    "参加医療機関の状況、契約、事業計画及び予算、規程",
    "[新]埼玉県救急医療情報システムと「とねっと」の接続等",
    "普及・啓発、シンポジウムなど",
    "歯科医療機関、調剤薬局の協議会等への協議会委員としての参画等について",
    "監事の選任について"
  };

  private static final String[] UNCLASSIFIED = {
    "事務局会議を開催",
    "参加医療機関向け操作説明会を開催",
    "広報紙に「とねっと」の記事を掲載",
    "システム障害訓練を実施"
  };

  private static final String SECTIONS = "ヒューマンネットワーク担当部会とITネットワーク担当部会の合同部会を開催";

  private final Random random;
  private final List<String> lines = new ArrayList<>();
  private final Set<String> usedDays = new HashSet<>();
  private int councilAssemblies;
  private int ordinary;
  private int extraordinary;
  private int sectionMeetings;
  private int registrants;
  private int institutions = 100;
  private int rowsSinceHeader;

  private GenerateTimelines(Random random) {
    this.random = random;
  }

  public static void main(String[] args) throws IOException {
    long rows = 0;
    Path out = null;
    long seed = 20261126L;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rows" -> rows = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (rows <= 0 || out == null) {
      System.err.println("usage: GenerateTimelines --rows N --out DIR [--seed S]");
      System.exit(2);
    }
    Files.createDirectories(out);
    long total = 0;
    long bytes = 0;
    int councils = 0;
    int largest = 0;
    while (total < rows) {
      List<String> table = council(new Random(seed * 1_000_003L + councils));
      int nonBlank = (int) table.stream().filter(l -> !l.isBlank()).count();
      Path file = out.resolve("council-%05d.txt".formatted(councils + 1));
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (String line : table) {
          w.write(line);
          w.write('\n');
        }
      }
      bytes += Files.size(file);
      total += nonBlank;
      largest = Math.max(largest, nonBlank);
      councils++;
    }
    System.out.printf(
        "wrote %d councils, %d rows (non-blank lines), %d bytes, largest council %d rows, to %s%n",
        councils, total, bytes, largest, out);
  }

  /** One council's table. */
  static List<String> council(Random random) {
    return new GenerateTimelines(random).table();
  }

  // ---- the table -------------------------------------------------------------------------

  private List<String> table() {
    // Founded between FY1975 (昭和50年度) and FY2015 (平成27年度); 5 to 45 fiscal years, ending by
    // FY2025. The era of each fiscal year follows from its dates: 昭和, 平成 and 令和 all occur.
    int founded = 1975 + random.nextInt(41);
    int years = Math.min(5 + random.nextInt(41), 2025 - founded + 1);
    years = Math.max(years, 3);
    int perYear = 4 + random.nextInt(21);
    lines.add("");
    lines.add("協議会の経過");
    lines.add("");
    header();
    planYear(founded - 1);
    foundingYear(founded);
    secondYear(founded + 1);
    for (int y = founded + 2; y < founded + years; y++) {
      ordinaryYear(y, perYear, y == founded + years - 1);
      if (rowsSinceHeader > 30 + random.nextInt(30)) {
        lines.add("");
        header();
      }
    }
    summary(LocalDate.of(founded + years, 3, 31));
    return lines;
  }

  private void header() {
    // The seed writes the header with and without a trailing tab.
    lines.add(random.nextBoolean() ? "年度\t月 日\t実 施 内 容\t" : "年度\t月 日\t実 施 内 容");
    rowsSinceHeader = 0;
  }

  /** The plan that led to the council: submitted, then adopted (seed lines 6–7). */
  private void planYear(int fy) {
    LocalDate submitted = day(fy, 7 + random.nextInt(3));
    LocalDate adopted = day(fy, 10 + random.nextInt(2));
    row(fy, submitted, "埼玉県が「埼玉県利根保健医療圏における地域医療再生計画」を国に提出");
    row(0, adopted, "国が「埼玉県利根保健医療圏における地域医療再生計画」を採用");
  }

  /** The council set up, its sections, first meetings and the liaison council (lines 8–16). */
  private void foundingYear(int fy) {
    LocalDate established = day(fy, 4 + random.nextInt(2));
    row(fy, established, "埼玉利根保健医療圏医療連携推進協議会を設置、協議会（第1回）の開催");
    councilAssemblies = 1;
    // No date, refers to the row above: takes its day (DateFromRowAbove).
    lines.add("\t\t同協議会に「ヒューマンネットワーク担当部会」と「ITネットワーク担当部会」を設置\t");
    LocalDate first = day(fy, 6);
    LocalDate second = first.plusDays(1 + random.nextInt(20));
    if (second.getMonthValue() != first.getMonthValue()) {
      second = first.withDayOfMonth(first.lengthOfMonth());
    }
    if (!second.equals(first)) {
      // Two meetings in one cell: 8月5日、20日.
      lines.add(
          "\t%d月%d日、%d日\t%s\t"
              .formatted(
                  first.getMonthValue(), first.getDayOfMonth(), second.getDayOfMonth(), SECTIONS));
      use("section", first);
      use("section", second);
      sectionMeetings += 2;
    } else {
      row(0, first, SECTIONS);
      use("section", first);
      sectionMeetings++;
    }
    rowsSinceHeader++;
    LocalDate views = day(fy, 7);
    row(
        0,
        views,
        "外部講師を招いての意見交換（今後の議論の方向性等） <ul style=\"list-style-type: none\"> ・国のIT医療政策の第一人者"
            + " 東京医科歯科大学大学院 田中教授 ・国の地域医療再生計画に係る有識者会議委員長 自治医科大学 梶井教授 ");
    // Listed after a later row: the table is mostly, not strictly, in date order.
    lines.add(
        "\t%s～\t利根地域医療連携連絡協議会（圏域の行政担当課長会議）を月1～2回程度必要に応じて開催\t".formatted(md(first)));
    rowsSinceHeader++;
    row(0, day(fy, 8), "システムワーキンググループ設置（以後、月1～2回開催）");
    row(0, day(fy, 9), "第2回協議会総会の開催（システムの方向性の確認・決定）");
    row(0, day(fy, 11), "第3回協議会総会の開催（ユースケースの確認・決定）");
    councilAssemblies = 3;
  }

  /** Shifted columns, an undated assembly, the legal-form change, recruitment (lines 17–27). */
  private void secondYear(int fy) {
    FiscalYear year = JapaneseEras.fiscalYearOf(fy);
    LocalDate a4 = day(fy, 4 + random.nextInt(2));
    lines.add("\t%s\t%s\t第4回協議会総会の開催（ネットワークシステムの概要）".formatted(fyLabel(year), md(a4)));
    lines.add("\t\t%s～\t公募によるプロポーザル方式で開発業者を選定".formatted(md(day(fy, 6))));
    LocalDate a5 = day(fy, 7);
    lines.add("%s\t\t第5回協議会総会の開催（契約の承認、協議会の権利能力なき社団への移行等）\t".formatted(md(a5)));
    councilAssemblies = 5;
    LocalDate e1 = day(fy, 9);
    extraordinary = 1;
    lines.add(
        "%s\t\t第1回協議会臨時総会の開催（システムの運用・費用負担・愛称等・県立病院の参加） ※%sから協議会を権利能力なき社団として運営\t"
            .formatted(md(e1), md(a5)));
    // Undated: bounded by 第1回 and 第3回 within the fiscal year.
    lines.add("\t\t第2回協議会臨時総会の開催（追加契約、費用負担、事務局運営、システム運用、参加募集）\t");
    extraordinary = 2;
    LocalDate recruit = day(fy, 10);
    lines.add(
        "%s～\t\t参加医療機関の募集受付開始（～%d月%d日）、住民・患者の参加周知\t"
            .formatted(md(recruit), 3, 10 + random.nextInt(10)));
    lines.add("%s～\t\t住民・患者の募集受付開始\t".formatted(md(day(fy, 11))));
    LocalDate symposium = day(fy, 11);
    lines.add(
        "%s\t\t地域医療ネットワークシンポジウムの開催（%s） 約%d人参加\t"
            .formatted(md(symposium), venue(), 100 + random.nextInt(300)));
    use("symposium", symposium);
    LocalDate e3 = LocalDate.of(fy + 1, 3, 25 + random.nextInt(6));
    lines.add("%s\t\t第3回協議会臨時総会の開催（参加医療機関の状況、契約、事業計画及び予算、規程）\t".formatted(md(e3)));
    extraordinary = 3;
    rowsSinceHeader += 10;
  }

  /** A year of the running council: assemblies, symposium, milestones, section meetings. */
  private void ordinaryYear(int fy, int perYear, boolean last) {
    FiscalYear year = JapaneseEras.fiscalYearOf(fy);
    String prev = fyLabel(JapaneseEras.fiscalYearOf(fy - 1));
    String next = fyLabel(JapaneseEras.fiscalYearOf(fy + 1));
    List<Event> events = new ArrayList<>();
    if (random.nextInt(8) == 0) {
      events.add(new Event(day(fy, 0).withDayOfMonth(1), "新システムの運用開始", false));
    }
    ordinary++;
    String joint = random.nextInt(6) == 0 ? "（作業部会との合同会議）" : "";
    String settlement =
        random.nextBoolean() ? prev + "決算等" : prev + "事業報告及び収支決算等について";
    events.add(
        new Event(
            day(fy, 2 + random.nextInt(5)),
            "第%d期協議会通常総会の開催%s（%s）".formatted(ordinary, joint, settlement),
            false));
    // Extraordinary assemblies: numbered in date order; one in ~6 years has no date cell and
    // one in ~5 is held in writing at the year's end.
    int extra = 1 + random.nextInt(3);
    List<LocalDate> extraDays = new ArrayList<>();
    for (int i = 0; i < extra; i++) {
      extraDays.add(day(fy, 3 + random.nextInt(8)));
    }
    extraDays.sort(Comparator.naturalOrder());
    int undated = extra >= 3 && random.nextInt(2) == 0 ? 1 : -1;
    for (int i = 0; i < extra; i++) {
      extraordinary++;
      String agenda = PLAIN_AGENDA[random.nextInt(PLAIN_AGENDA.length)];
      events.add(
          new Event(
              extraDays.get(i),
              "第%d回協議会臨時総会の開催（%s）".formatted(extraordinary, agenda),
              i == undated));
    }
    extraordinary++;
    if (random.nextInt(5) == 0) {
      events.add(
          new Event(
              LocalDate.of(fy + 1, 3, 31),
              "第%d回協議会臨時総会 ※書面表決（%s事業計画及び収支予算等について）".formatted(extraordinary, next),
              false));
    } else if (last && random.nextBoolean()) {
      events.add(
          new Event(
              LocalDate.of(fy + 1, 3, 26),
              ("第%d回協議会臨時総会の開催（作業部会との合同会議） （埼玉利根保健医療圏医療連携推進協議会の解散（案）について）"
                      + " （「とねっと」事業の終了に伴う財産処分及び残余財産の帰属（案）について）")
                  .formatted(extraordinary),
              false));
    } else {
      events.add(
          new Event(
              LocalDate.of(fy + 1, 3, 15 + random.nextInt(14)),
              "第%d回協議会臨時総会の開催（%s事業計画及び収支予算について等） （%s以降の「とねっと」システムのあり方（案）について）"
                  .formatted(extraordinary, next, next),
              false));
    }
    LocalDate symposium = unused("symposium", day(fy, 10 + random.nextInt(2)));
    String attendance = attendance(50 + random.nextInt(400));
    events.add(
        new Event(
            symposium,
            "地域医療ネットワークシンポジウムの開催（%s） %s人参加".formatted(venue(), attendance),
            false));
    if (random.nextInt(4) == 0) {
      events.add(
          new Event(
              day(fy, 4 + random.nextInt(3)),
              "協議会総会の書面表決（監事の選任について、%s地域医療ネットワークシンポジウムについて）"
                  .formatted(fyLabel(year)),
              false));
    }
    if (random.nextInt(3) != 0) {
      registrants += 5000;
      events.add(new Event(day(fy, random.nextInt(12)), "参加登録者%s人を超える".formatted(count(registrants)), false));
    }
    if (random.nextInt(5) == 0) {
      institutions += 1 + random.nextInt(20);
      events.add(
          new Event(
              day(fy, random.nextInt(12)),
              "県立がんセンターの参加により、参加医療機関等 %dとなる。".formatted(institutions),
              false));
    }
    LocalDate viewsDay = day(fy, 1 + random.nextInt(8));
    if (random.nextInt(7) == 0 && usedDays.add("views " + viewsDay)) {
      events.add(
          new Event(
              viewsDay,
              "外部講師を招いての意見交換（%s地域医療ネットワークについて） <ul style=\"list-style-type: none\"> <li>国のIT医療政策の第一人者 東京医科歯科大学大学院 田中教授</li> </ul>"
                  .formatted(fyLabel(year)),
              false));
    }
    if (random.nextInt(6) == 0) {
      events.add(new Event(day(fy, 5 + random.nextInt(5)), "公募によるプロポーザル方式で開発業者を選定", false, "～"));
    }
    if (random.nextInt(10) == 0) {
      events.add(new Event(day(fy, 9 + random.nextInt(2)), "住民・患者の募集受付開始", false, "〜"));
    }
    if (random.nextInt(10) == 0) {
      events.add(
          new Event(day(fy, 1 + random.nextInt(3)), UNCLASSIFIED[random.nextInt(UNCLASSIFIED.length)], false));
    }
    // The rest of the year, up to its size: mostly section meetings (each on its own day, some two
    // to a cell), and rows the rules do not classify, recruitment with an end date in the text,
    // and exchanges of views.
    for (int guard = 0; events.size() < perYear && guard < 1000; guard++) {
      LocalDate d = day(fy, random.nextInt(12));
      int pick = random.nextInt(20);
      if (pick < 3) {
        String note = random.nextInt(3) == 0 ? " ※オンライン併用" : "";
        events.add(new Event(d, UNCLASSIFIED[random.nextInt(UNCLASSIFIED.length)] + note, false));
        continue;
      }
      if (pick == 3) {
        LocalDate end = d.plusDays(1 + random.nextInt(30));
        if (end.isBefore(LocalDate.of(fy + 1, 3, 31)) && usedDays.add("recruitment " + d)) {
          events.add(
              new Event(
                  d,
                  "参加医療機関の募集受付開始（～%d月%d日）".formatted(end.getMonthValue(), end.getDayOfMonth()),
                  false,
                  "～"));
        }
        continue;
      }
      if (pick == 4) {
        if (usedDays.add("views " + d)) {
          events.add(
              new Event(
                  d,
                  "外部講師を招いての意見交換（%s以降の運用について） <ul> <li>国の地域医療再生計画に係る有識者会議委員長 自治医科大学 梶井教授</li> </ul>"
                      .formatted(next),
                  false));
        }
        continue;
      }
      if (!usedDays.add("section " + d)) {
        continue;
      }
      sectionMeetings++;
      LocalDate second = d.plusDays(1 + random.nextInt(14));
      if (random.nextInt(6) == 0
          && second.getMonthValue() == d.getMonthValue()
          && usedDays.add("section " + second)) {
        sectionMeetings++;
        events.add(new Event(d, SECTIONS, false, "、" + second.getDayOfMonth() + "日"));
      } else {
        events.add(new Event(d, SECTIONS, false));
      }
    }
    events.sort(Comparator.comparing(Event::day));
    boolean first = true;
    for (Event e : events) {
      String fyCell = first ? fyLabel(year) : "";
      String date = e.undated() ? "" : md(e.day()) + e.suffix();
      if (first && random.nextInt(10) == 0) {
        // The fiscal year alone in the first cell, the date shifted to the third.
        lines.add("%s\t\t%s\t%s".formatted(fyCell, date, e.text()));
      } else if (!first && random.nextInt(25) == 0 && !date.isEmpty()) {
        // The date in the first cell, the text in the third.
        lines.add("%s\t\t%s\t".formatted(date, e.text()));
      } else {
        lines.add("%s\t%s\t%s\t".formatted(fyCell, date, e.text()));
      }
      first = false;
      rowsSinceHeader++;
    }
  }

  /** The closing summary: counts as of the last day, agreeing with the rows. */
  private void summary(LocalDate asOf) {
    lines.add("");
    lines.add("※ 会議等の開催状況(%s現在)".formatted(JapaneseEras.format(asOf)));
    lines.add("");
    lines.add("- ・ 協議会(通常総会・臨時総会) %d回".formatted(councilAssemblies + ordinary + extraordinary));
    lines.add(
        "- ・ 作業部会(ヒューマン、ITネットワーク担当部会) %d回".formatted(sectionMeetings + random.nextInt(20)));
    lines.add("- ・ システムワーキンググループ %d回".formatted(50 + random.nextInt(200)));
    lines.add(
        "- ・ 行政連絡会議(7市2町の担当者課長、部長、副市(町)長、市(町)長等) %d回".formatted(50 + random.nextInt(200)));
    lines.add(
        "- ・ 医師会等説明(%d回)、救急担当課長等会議(%d回)、臨床検査施設会議(%d回)、歯科医師会説明会(%d回)、薬剤師会説明会(%d回)"
            .formatted(
                10 + random.nextInt(50),
                random.nextInt(20) + 1,
                random.nextInt(10) + 1,
                random.nextInt(5) + 1,
                random.nextInt(5) + 1));
  }

  // ---- small pieces ----------------------------------------------------------------------

  /** A row; fy is the fiscal year's start year, 0 to inherit it. */
  private void row(int fy, LocalDate day, String text) {
    String fyCell = fy == 0 ? "" : fyLabel(JapaneseEras.fiscalYearOf(fy));
    lines.add("%s\t%s\t%s\t".formatted(fyCell, md(day), text));
    rowsSinceHeader++;
  }

  private record Event(LocalDate day, String text, boolean undated, String suffix) {
    Event(LocalDate day, String text, boolean undated) {
      this(day, text, undated, "");
    }
  }

  /** A day in the given month of the fiscal year: 0 is April, 11 is March. */
  private LocalDate day(int fy, int monthIndex) {
    int month = (monthIndex % 12) + 4;
    int year = fy;
    if (month > 12) {
      month -= 12;
      year++;
    }
    LocalDate first = LocalDate.of(year, month, 1);
    return first.withDayOfMonth(1 + random.nextInt(first.lengthOfMonth()));
  }

  private LocalDate unused(String kind, LocalDate d) {
    while (!usedDays.add(kind + " " + d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  private void use(String kind, LocalDate d) {
    usedDays.add(kind + " " + d);
  }

  /** 7月20日, one in eight with full-width digits (７月２０日). */
  private String md(LocalDate d) {
    String s = d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    return random.nextInt(8) == 0 ? fullWidth(s) : s;
  }

  /** The fiscal year as written: its preferred name, or another era's name for the same year. */
  private String fyLabel(FiscalYear year) {
    List<String> labels = year.labelsJa();
    return labels.get(random.nextInt(labels.size()));
  }

  private String venue() {
    return VENUES[random.nextInt(VENUES.length)];
  }

  /** 約230, 225, or with full-width digits. */
  private String attendance(int n) {
    String s = Integer.toString(n);
    int shape = random.nextInt(4);
    return shape == 0 ? "約" + s : shape == 1 ? fullWidth(s) : s;
  }

  /** 5,000 or, one in six, ５，０００. */
  private String count(int n) {
    String s = "%,d".formatted(n);
    return random.nextInt(6) == 0 ? fullWidth(s).replace(',', '，') : s;
  }

  private static String fullWidth(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c);
    }
    return b.toString();
  }
}
