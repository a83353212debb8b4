package org.w3id.tonet.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * The layout of every {@code --help}: 80 columns, wrapped only at spaces, so a URL or an IRI in a
 * description stays whole and can be copied (picocli's own wrapping breaks lines after '.', ':' and
 * '?', which cuts {@code https://lod.example.jp/tonet/} in two).
 *
 * <pre>
 * CommandLine cmd = new CommandLine(new Main());
 * HelpLayout.install(cmd); // on the command and all its subcommands
 * </pre>
 */
final class HelpLayout {

  /** The width help is wrapped to. */
  static final int WIDTH = 80;

  /** Wide enough that picocli wraps nothing; the lines are wrapped here instead. */
  private static final int UNWRAPPED = 2000;

  private static final List<String> LISTS =
      List.of(
          CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
          CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
          CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST);

  private HelpLayout() {}

  /** Lays out the help of a command and of all its subcommands. */
  static void install(CommandLine cmd) {
    cmd.setUsageHelpWidth(UNWRAPPED);
    rewrap(cmd);
  }

  private static void rewrap(CommandLine cmd) {
    Map<String, IHelpSectionRenderer> sections = cmd.getHelpSectionMap();
    for (String key : List.copyOf(sections.keySet())) {
      IHelpSectionRenderer original = sections.get(key);
      sections.put(
          key,
          help -> {
            String text = original.render(help);
            if (key.equals(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS)) {
              // The synopsis follows its heading "Usage: " on the same line, and picocli lines its
              // continuation up after the command's name.
              String heading = help.synopsisHeading();
              String name = help.commandSpec().qualifiedName();
              String line = wrap(heading + text, l -> (heading + name + " ").length());
              return line.substring(heading.length());
            }
            return wrap(text, LISTS.contains(key) ? HelpLayout::textColumn : HelpLayout::leading);
          });
    }
    cmd.setHelpSectionMap(sections);
    cmd.getSubcommands().values().forEach(HelpLayout::rewrap);
  }

  /**
   * Wraps every line longer than {@link #WIDTH} at spaces, never inside a word; {@code indent} says
   * where a line's continuation starts.
   */
  static String wrap(String text, ToIntFunction<String> indent) {
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      String line = lines[i];
      if (line.stripTrailing().length() <= WIDTH) {
        out.append(line);
        continue;
      }
      int at = Math.min(indent.applyAsInt(line), WIDTH / 2);
      out.append(line, 0, at);
      List<String> wrapped = words(line.substring(at), WIDTH - at);
      for (int w = 0; w < wrapped.size(); w++) {
        if (w > 0) {
          out.append('\n').append(" ".repeat(at));
        }
        out.append(wrapped.get(w));
      }
    }
    return out.toString();
  }

  /** Greedy lines of at most {@code width} characters; a longer word has a line of its own. */
  private static List<String> words(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split(" +")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static int leading(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /**
   * In an option, parameter or command list, where the description starts: after the first gap of
   * two or more spaces that follows the name (" -h, --help Show this …"); on a line that carries
   * only a description, its indentation.
   */
  private static int textColumn(String line) {
    int start = leading(line);
    int gap = line.indexOf("  ", start);
    if (gap < 0) {
      return start;
    }
    int text = gap;
    while (text < line.length() && line.charAt(text) == ' ') {
      text++;
    }
    return text;
  }
}
