package org.w3id.tonet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code tonet-lod} command: convert the council timeline to Linked Open Data and publish it.
 *
 * <pre>
 * java -jar target/tonet-lod.jar serve
 * java -jar target/tonet-lod.jar export --out dist
 * java -jar target/tonet-lod.jar validate --seed other-timeline.txt
 * java -jar target/tonet-lod.jar query queries/symposia.rq
 * java -jar target/tonet-lod.jar push --to http://localhost:3030/ds
 * </pre>
 */
@Command(
    name = "tonet-lod",
    mixinStandardHelpOptions = true,
    version = "tonet-lod 0.1.0",
    header = "Linked Open Data publisher for the timeline of the Saitama Tone healthcare council.",
    subcommands = {
      ServeCommand.class,
      ExportCommand.class,
      ValidateCommand.class,
      QueryCommand.class,
      PushCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Prints the usage when no subcommand is given. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** The command line, ready to execute; tests call {@code commandLine().execute(args)}. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
