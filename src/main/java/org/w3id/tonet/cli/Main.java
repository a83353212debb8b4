package org.w3id.tonet.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code tonet-lod} command: convert the council timeline to Linked Open Data and publish it.
 *
 * <pre>
 * java -jar target/tonet-lod.jar serve
 * java -jar target/tonet-lod.jar export --out dist
 * java -jar target/tonet-lod.jar validate --seed other-timeline.txt
 * java -jar target/tonet-lod.jar query queries/symposia.rq
 * java -jar target/tonet-lod.jar push --to http://localhost:3030/ds
 * java -jar target/tonet-lod.jar draft other-timeline.txt --out councils/other
 * </pre>
 */
@Command(
    name = "tonet-lod",
    mixinStandardHelpOptions = true,
    version = "tonet-lod 0.1.0",
    header = "Linked Open Data publisher for a council's timeline table and its council folder.")
public final class Main implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Prints the usage when no subcommand is given. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** The subcommands by name, in the order the usage lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> all = new LinkedHashMap<>();
    all.put("serve", ServeCommand::new);
    all.put("export", ExportCommand::new);
    all.put("validate", ValidateCommand::new);
    all.put("query", QueryCommand::new);
    all.put("push", PushCommand::new);
    all.put("draft", DraftCommand::new);
    all.put("help", CommandLine.HelpCommand::new);
    return all;
  }

  /** The command line, ready to execute; tests call {@code commandLine().execute(args)}. */
  public static CommandLine commandLine() {
    return commandLine(SUBCOMMANDS.keySet());
  }

  /**
   * The command line for these arguments: when they start with a subcommand other than help, with
   * that one alone, as picocli reads every option of every subcommand it is given, which was a
   * sixth of a warm {@code serve}'s start (issue 22); otherwise with all, for the usage and its
   * suggestions.
   */
  static CommandLine commandLine(String[] args) {
    // help names the other subcommands: it gets them all.
    return args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help")
        ? commandLine(List.of(args[0]))
        : commandLine();
  }

  private static CommandLine commandLine(Collection<String> names) {
    CommandLine cmd = new CommandLine(new Main());
    for (String name : names) {
      cmd.addSubcommand(SUBCOMMANDS.get(name).get());
    }
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setParameterExceptionHandler(Main::usageError);
    HelpLayout.install(cmd);
    return cmd;
  }

  /**
   * A mistyped command line: the error, what was probably meant, and one line on where the options
   * are, instead of picocli's whole usage text, which scrolls the error out of sight.
   */
  static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String message = e.getMessage();
    if (e instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        message += " (did you mean " + String.join(" or ", suggestions) + "?)";
      }
    }
    err.println("error: " + message);
    err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return ExitCodes.USAGE;
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("serve")) {
      JenaStart.begin(); // while picocli reads the command line (issue 22)
    }
    System.exit(commandLine(args).execute(args));
  }
}
