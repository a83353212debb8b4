package org.w3id.tonet.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.model.Entry;
import org.w3id.tonet.parse.TimelineParser.Mode;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceFile;
import org.w3id.tonet.source.SourceProblem;

/**
 * Random edits of the seed's lines, each mutant read, parsed strictly and leniently and built to
 * RDF: nothing but a {@link SourceException} may come out of reading or strict parsing, lenient
 * parsing always returns, both modes report the same problems, every content row ends in an entry
 * or a problem naming its line, and every problem names a line and cell that exist.
 *
 * <pre>
 * mvn test -Dtest=MutationFuzzTest -Dtonet.fuzz.seed=42 -Dtonet.fuzz.mutants=5000 -Dtonet.fuzz.seconds=300
 * mvn test -Dtest=MutationFuzzTest -Dtonet.fuzz.mutant=-3196416512364214784   # replay one mutant
 * </pre>
 *
 * <p>Bounded in count and in time; the seed is fixed, so a run is repeatable, and a failure prints
 * the mutant's own seed and text (and writes its bytes under target/fuzz-failures/).
 */
class MutationFuzzTest {

  private static final long SEED = Long.getLong("tonet.fuzz.seed", 20240331L);
  private static final int MAX_MUTANTS = Integer.getInteger("tonet.fuzz.mutants", 2000);
  private static final Duration MAX_TIME =
      Duration.ofSeconds(Long.getLong("tonet.fuzz.seconds", 40));

  /** One mutant taking longer than this has hung the parser. */
  private static final Duration MAX_PER_MUTANT = Duration.ofSeconds(10);

  private static final Iris IRIS = new Iris(TestSeeds.BASE);

  @Test
  void mutantsOfTheSeedNeverCrashAndLoseNoRow() throws Exception {
    List<String> seed = Files.readAllLines(TestSeeds.SEED, StandardCharsets.UTF_8);
    String only = System.getProperty("tonet.fuzz.mutant");
    Map<String, Integer> outcomes = new TreeMap<>();
    ExecutorService worker =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "mutation-fuzz");
              thread.setDaemon(true); // a hung parse must not keep the test JVM alive
              return thread;
            });
    long start = System.nanoTime();
    long deadline = start + MAX_TIME.toNanos();
    int run = 0;
    try {
      Random master = new Random(SEED);
      while (run < MAX_MUTANTS && System.nanoTime() < deadline) {
        long mutantSeed = only != null ? Long.parseLong(only) : master.nextLong();
        Mutant mutant = Mutant.of(seed, mutantSeed);
        Future<String> outcome = worker.submit(() -> check(mutant));
        try {
          outcomes.merge(
              outcome.get(MAX_PER_MUTANT.toSeconds(), TimeUnit.SECONDS), 1, Integer::sum);
        } catch (TimeoutException e) {
          outcome.cancel(true);
          fail(report(run, mutant, "took more than " + MAX_PER_MUTANT.toSeconds() + " s: a hang"));
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          String why =
              cause instanceof AssertionError
                  ? cause.getMessage()
                  : "unhandled " + cause + "\n" + stackTop(cause);
          fail(report(run, mutant, why), cause);
        }
        run++;
        if (only != null) {
          break;
        }
      }
    } finally {
      worker.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "mutation fuzz: seed %d, %d mutants in %.1f s (limits %d mutants, %d s): %s%n",
        SEED, run, seconds, MAX_MUTANTS, MAX_TIME.toSeconds(), outcomes);
    assertTrue(run >= Math.min(MAX_MUTANTS, only != null ? 1 : 100), "too few mutants ran: " + run);
  }

  /** Reads, parses and builds one mutant; returns what happened, or throws what went wrong. */
  private static String check(Mutant mutant) throws Exception {
    SourceFile file;
    try {
      file = SourceFile.fromBytes("mutant.txt", "mutant.txt", mutant.bytes());
    } catch (SourceException e) {
      for (SourceProblem p : e.problems()) {
        if (!p.file().equals("mutant.txt") || p.line() < 0 || p.cell() < 0) {
          throw new AssertionError("refused with a mislocated problem: " + p);
        }
      }
      return "refused when read";
    }
    TimelineParser.Result strict = null;
    SourceException strictError = null;
    try {
      strict = TestSeeds.parse(file, Mode.STRICT);
    } catch (SourceException e) {
      strictError = e;
    }
    TimelineParser.Result lenient;
    try {
      lenient = TestSeeds.parse(file, Mode.LENIENT);
    } catch (SourceException e) {
      throw new AssertionError("lenient parsing threw instead of returning:\n" + e.getMessage(), e);
    }
    List<String> faults = new ArrayList<>(UnaccountedRows.in(file, lenient));
    if (strictError != null) {
      faults.addAll(UnaccountedRows.problemsMislocated(file, strictError.problems()));
      if (!strictError.problems().equals(lenient.problems())) {
        faults.add(
            "strict mode reports\n  %s\nbut lenient mode\n  %s"
                .formatted(strictError.problems(), lenient.problems()));
      }
    } else {
      faults.addAll(UnaccountedRows.in(file, strict));
      if (!lenient.problems().isEmpty()) {
        faults.add("lenient mode reports problems strict mode did not: " + lenient.problems());
      }
      if (!strict.timeline().equals(lenient.timeline())) {
        faults.add("strict and lenient mode read the same file differently");
      }
    }
    if (!faults.isEmpty()) {
      throw new AssertionError(String.join("\n", faults));
    }
    // A file strict mode reads is read the same leniently (checked above): build it once.
    TimelineParser.Result read = strictError == null ? strict : lenient;
    String outcome =
        strictError == null
            ? "accepted"
            : unread(lenient) == 0 ? "strict error, lenient kept every row" : "strict error";
    try {
      TestSeeds.build(read, IRIS);
    } catch (SourceException e) {
      List<String> mislocated = UnaccountedRows.problemsMislocated(file, e.problems());
      if (!mislocated.isEmpty()) {
        throw new AssertionError(String.join("\n", mislocated));
      }
      return outcome + ", IRIs collide";
    }
    return outcome;
  }

  private static long unread(TimelineParser.Result result) {
    return result.timeline().entries().stream()
        .filter(e -> e instanceof Entry.Unclassified u && !u.problem().isEmpty())
        .count();
  }

  private static String report(int index, Mutant mutant, String why) {
    Path saved = Path.of("target", "fuzz-failures", "mutant-" + mutant.seed() + ".txt");
    String where;
    try {
      Files.createDirectories(saved.getParent());
      Files.write(saved, mutant.bytes());
      where = "its bytes are in " + saved;
    } catch (IOException e) {
      where = "its bytes could not be saved: " + e;
    }
    return """
        mutant #%d failed: %s
        replay it with -Dtonet.fuzz.seed=%d (the run) or -Dtonet.fuzz.mutant=%d (this mutant alone); %s
        edits: %s
        text (\\t tab, \\r CR, \\n LF, \\uXXXX other invisibles):
        %s"""
        .formatted(
            index,
            why,
            SEED,
            mutant.seed(),
            where,
            visible(mutant.edits().toString(), false),
            visible(new String(mutant.bytes(), StandardCharsets.UTF_8), true));
  }

  private static String stackTop(Throwable t) {
    StringBuilder out = new StringBuilder();
    StackTraceElement[] trace = t.getStackTrace();
    for (int i = 0; i < Math.min(12, trace.length); i++) {
      out.append("    at ").append(trace[i]).append('\n');
    }
    return out.toString();
  }

  /** Text with every invisible character spelled out (undecodable bytes show as U+FFFD). */
  static String visible(String text, boolean breakAtLineFeeds) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append(breakAtLineFeeds ? "\\n\n" : "\\n");
                case '\\' -> out.append("\\\\");
                default -> {
                  if (Character.isISOControl(c)
                      || Character.getType(c) == Character.FORMAT
                      || Character.isSpaceChar(c) && c != ' ') {
                    out.append("\\u%04X".formatted(c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }

  /**
   * One mutant: the seed's lines (all of them, or a slice) after a few random edits, joined with
   * some line end, as bytes.
   *
   * @param seed the mutant's own random seed: the same seed makes the same mutant
   * @param edits what was done, in order
   * @param bytes the file
   */
  record Mutant(long seed, List<String> edits, byte[] bytes) {

    private static final String[] ERAS = {
      "平成", "令和", "昭和", "大正", "明治", "慶応", "平静", "光文", "西暦", "元号", ""
    };
    private static final String[] NUMBERS = {
      "0",
      "00",
      "1",
      "2",
      "9",
      "12",
      "13",
      "28",
      "29",
      "30",
      "31",
      "32",
      "60",
      "64",
      "99",
      "100",
      "999",
      "1000",
      "2147483647",
      "元",
      "１３",
      "３１",
      "０",
      "1,0,0"
    };

    /** Numbers no int holds: drawn for one number edit in three. */
    private static final String[] TOO_LARGE = {
      "2147483648", "99999999999", "999,999,999,999", "４２９４９６７２９６"
    };

    private static final String[] POOLS = {
      "年度月日回第期協議会総通常臨時開催設置同元平成令和参加登録者人超約※・、。をにの部作業書面表決案",
      " !\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~",
      "０１２３４５６７８９（）［］｛｝！？＜＞＃－ー　",
      "（）()「」『』[]",
      "～〜~‐－ー",
      "0123456789",
      "\t\t\t\r\n\u3000\u00A0\u200B\uFEFF\u2028\u0085",
      "𠮷𩸽"
    };
    private static final String[] TOKENS = {
      "同",
      "※",
      "※書面表決",
      "（案）",
      "(案)",
      "～",
      "～3月15日",
      "第2回",
      "第1期",
      "協議会総会",
      "協議会臨時総会",
      "の開催",
      "約",
      "230人参加",
      "年度",
      "元年度",
      "平成23年度",
      "令和元年度",
      "8月",
      "20日",
      "、",
      "・",
      "（作業部会との合同会議）",
      "（パストラルかぞ）",
      "<ul style=\"x\">",
      "<li>",
      "</li>",
      "<script>alert(1)</script>",
      "<",
      ">",
      "&amp;",
      "（以後、月1～2回開催）",
      "を設置",
      "「",
      "」",
      "参加登録者",
      "人を超える",
      "現在)",
      "(令和6年3月31日現在)",
      "41回",
      "(46回)",
      "\u0000"
    };
    private static final String[] LINES = {
      "年度\t月 日\t実 施 内 容",
      "平成22年度",
      "\t\t同協議会に「ITネットワーク担当部会」を設置",
      "※ 会議等の開催状況(令和6年3月31日現在)",
      "- ・ 協議会(通常総会・臨時総会) 41回",
      "\t3月1日～\t\t住民・患者の募集受付開始",
      "令和元年度\t\t\t",
      "\t\t\t",
      "※",
      "協議会の経過"
    };
    private static final Pattern NUMBER = Pattern.compile("[0-9０-９]+|元");
    private static final Pattern ERA = Pattern.compile("平成|令和");

    /** The mutant a seed makes. */
    static Mutant of(List<String> seedLines, long seed) {
      Random r = new Random(seed);
      List<String> edits = new ArrayList<>();
      List<String> lines = new ArrayList<>(seedLines);
      if (r.nextInt(3) == 0) {
        // A slice keeps mutants small (and fast) and starts them anywhere: mid-table, in the
        // summary, without a header.
        int from = r.nextInt(lines.size());
        int to = from + 1 + r.nextInt(lines.size() - from);
        lines = new ArrayList<>(lines.subList(from, to));
        edits.add("slice of lines %d-%d".formatted(from + 1, to));
      }
      int count = 1 + r.nextInt(2) + (r.nextInt(3) == 0 ? r.nextInt(6) : 0);
      for (int i = 0; i < count && !lines.isEmpty(); i++) {
        edits.add(edit(lines, r));
      }
      String[] ends = {"\n", "\n", "\n", "\n", "\n", "\n", "\r\n", "\r", "mixed"};
      String end = ends[r.nextInt(ends.length)];
      StringBuilder text = new StringBuilder();
      for (String line : lines) {
        String e = end.equals("mixed") ? new String[] {"\n", "\r\n", "\r"}[r.nextInt(3)] : end;
        text.append(line).append(e);
      }
      if (!end.equals("\n")) {
        edits.add("line ends " + end.replace("\r", "CR").replace("\n", "LF"));
      }
      if (text.length() > 0 && r.nextInt(8) == 0) {
        text.setLength(text.length() - 1);
        edits.add("no final line end");
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      int b = r.nextInt(40);
      if (b == 0) {
        bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
        edits.add("UTF-8 byte order mark");
      } else if (b == 1 && bytes.length > 0) {
        int cut = r.nextInt(bytes.length);
        bytes = Arrays.copyOf(bytes, cut);
        edits.add("bytes cut at " + cut);
      } else if (b == 2 && bytes.length > 0) {
        int at = r.nextInt(bytes.length);
        bytes[at] = (byte) (0x80 + r.nextInt(0x80));
        edits.add("byte %d set to 0x%02X".formatted(at, bytes[at] & 0xFF));
      }
      return new Mutant(seed, edits, bytes);
    }

    /**
     * Kinds of edit, each listed as often as it should be drawn: numbers, eras and inserted
     * characters find the most, so they come up more often.
     */
    private static final int[] KINDS = {
      0, 1, 2, 3, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10, 11, 12, 13, 14, 14, 15, 15, 15, 15, 16, 17, 18
    };

    private static String edit(List<String> lines, Random r) {
      int i = r.nextInt(lines.size());
      for (int tries = 0; tries < 3 && lines.get(i).isBlank(); tries++) {
        i = r.nextInt(lines.size()); // mostly edit lines that say something
      }
      String line = lines.get(i);
      List<String> cells = new ArrayList<>(Arrays.asList(line.split("\t", -1)));
      int c = r.nextInt(cells.size());
      int n = i + 1;
      switch (KINDS[r.nextInt(KINDS.length)]) {
        case 0 -> {
          if (cells.size() < 2) {
            return edit(lines, r);
          }
          cells.remove(c);
          lines.set(i, String.join("\t", cells));
          return "line %d: cell %d deleted".formatted(n, c + 1);
        }
        case 1 -> {
          cells.add(c, cells.get(c));
          lines.set(i, String.join("\t", cells));
          return "line %d: cell %d doubled".formatted(n, c + 1);
        }
        case 2 -> {
          int d = r.nextInt(cells.size());
          String swap = cells.get(c);
          cells.set(c, cells.get(d));
          cells.set(d, swap);
          lines.set(i, String.join("\t", cells));
          return "line %d: cells %d and %d swapped".formatted(n, c + 1, d + 1);
        }
        case 3 -> {
          cells.set(c, new String[] {"", " ", "\u3000"}[r.nextInt(3)]);
          lines.set(i, String.join("\t", cells));
          return "line %d: cell %d blanked".formatted(n, c + 1);
        }
        case 4, 5, 6 -> {
          String inserted = r.nextBoolean() ? randomChars(r) : TOKENS[r.nextInt(TOKENS.length)];
          int at = offset(line, r);
          lines.set(i, line.substring(0, at) + inserted + line.substring(at));
          return "line %d: \"%s\" inserted at %d".formatted(n, inserted, at);
        }
        case 7 -> {
          int at = offset(line, r);
          int to = Math.min(line.length(), at + 1 + r.nextInt(5));
          lines.set(i, line.substring(0, at) + line.substring(to));
          return "line %d: characters %d-%d deleted".formatted(n, at, to);
        }
        case 8 -> {
          int at = offset(line, r);
          lines.set(i, line.substring(0, at));
          return "line %d: cut at %d".formatted(n, at);
        }
        case 9 -> {
          int at = offset(line, r);
          lines.set(i, line.substring(0, at));
          lines.subList(i + 1, lines.size()).clear();
          return "file cut on line %d at %d".formatted(n, at);
        }
        case 10 -> {
          int j = r.nextBoolean() ? Math.min(lines.size() - 1, i + 1) : r.nextInt(lines.size());
          lines.set(i, lines.get(j));
          lines.set(j, line);
          return "lines %d and %d swapped".formatted(n, j + 1);
        }
        case 11 -> {
          lines.add(i, line);
          return "line %d doubled".formatted(n);
        }
        case 12 -> {
          lines.remove(i);
          return "line %d deleted".formatted(n);
        }
        case 13 -> {
          lines.remove(i);
          int to = r.nextInt(lines.size() + 1);
          lines.add(to, line);
          return "line %d moved to %d".formatted(n, to + 1);
        }
        case 14 -> {
          String era = ERAS[r.nextInt(ERAS.length)];
          Matcher m = ERA.matcher(line);
          if (!m.find()) {
            return edit(lines, r);
          }
          lines.set(i, line.substring(0, m.start()) + era + line.substring(m.end()));
          return "line %d: era %s became \"%s\"".formatted(n, m.group(), era);
        }
        case 15 -> {
          List<int[]> numbers = new ArrayList<>();
          Matcher m = NUMBER.matcher(line);
          while (m.find()) {
            numbers.add(new int[] {m.start(), m.end()});
          }
          if (numbers.isEmpty()) {
            return edit(lines, r);
          }
          int[] at = numbers.get(r.nextInt(numbers.size()));
          String number =
              r.nextInt(3) == 0
                  ? TOO_LARGE[r.nextInt(TOO_LARGE.length)]
                  : NUMBERS[r.nextInt(NUMBERS.length)];
          lines.set(i, line.substring(0, at[0]) + number + line.substring(at[1]));
          return "line %d: number \"%s\" became \"%s\""
              .formatted(n, line.substring(at[0], at[1]), number);
        }
        case 16 -> {
          String brackets = POOLS[3];
          List<Integer> found = new ArrayList<>();
          for (int k = 0; k < line.length(); k++) {
            if (brackets.indexOf(line.charAt(k)) >= 0) {
              found.add(k);
            }
          }
          if (found.isEmpty()) {
            return edit(lines, r);
          }
          int at = found.get(r.nextInt(found.size()));
          char other = brackets.charAt(r.nextInt(brackets.length()));
          lines.set(i, line.substring(0, at) + other + line.substring(at + 1));
          return "line %d: bracket %c at %d became %c".formatted(n, line.charAt(at), at, other);
        }
        case 17 -> {
          if (i + 1 >= lines.size()) {
            return edit(lines, r);
          }
          String joiner = r.nextBoolean() ? "" : "\t";
          lines.set(i, line + joiner + lines.remove(i + 1));
          return "lines %d and %d joined%s"
              .formatted(n, n + 1, joiner.isEmpty() ? "" : " by a tab");
        }
        default -> {
          String added = LINES[r.nextInt(LINES.length)];
          lines.add(i, added);
          return "line \"%s\" inserted before line %d".formatted(added, n);
        }
      }
    }

    /** A place between two characters, never inside a surrogate pair. */
    private static int offset(String line, Random r) {
      int at = r.nextInt(line.length() + 1);
      if (at > 0 && at < line.length() && Character.isLowSurrogate(line.charAt(at))) {
        at--;
      }
      return at;
    }

    private static String randomChars(Random r) {
      String pool = POOLS[r.nextInt(POOLS.length)];
      int[] points = pool.codePoints().toArray();
      StringBuilder out = new StringBuilder();
      for (int k = 1 + r.nextInt(3); k > 0; k--) {
        out.appendCodePoint(points[r.nextInt(points.length)]);
      }
      return out.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(a);
      out.writeBytes(b);
      return out.toByteArray();
    }
  }
}
