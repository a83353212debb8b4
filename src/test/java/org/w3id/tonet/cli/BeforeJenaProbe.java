package org.w3id.tonet.cli;

import java.lang.reflect.Method;
import picocli.CommandLine;

/**
 * Run in a JVM of its own by {@link BeforeJenaTest}: reads a {@code serve} command line as main
 * does and does what {@code serve} does before it waits for Jena's start, then says whether a kept
 * build was prefetched and whether Jena was started (its {@code JenaSystem} class loaded).
 */
public final class BeforeJenaProbe {

  private BeforeJenaProbe() {}

  public static void main(String[] args) throws Exception {
    CommandLine cmd = Main.commandLine(args);
    CommandLine.ParseResult parsed = cmd.parseArgs(args);
    ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
    ServeCommand.BeforeJena before = serve.beforeJena();
    Method loaded = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
    loaded.setAccessible(true);
    boolean jena =
        loaded.invoke(ClassLoader.getSystemClassLoader(), "org.apache.jena.sys.JenaSystem") != null;
    System.out.println("prefetched=" + before.prefetched() + " jena=" + jena);
  }
}
