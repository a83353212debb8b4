package org.w3id.tonet.cli;

/** The exit codes of every command. */
public final class ExitCodes {

  /** Done, nothing wrong. */
  public static final int OK = 0;

  /** The input is bad or the data does not validate: the report says where. */
  public static final int INVALID = 1;

  /** The command line itself is wrong (picocli's usage error). */
  public static final int USAGE = 2;

  /** A file could not be written, or the server could not start. */
  public static final int IO_ERROR = 3;

  /** A remote store could not be reached, or it refused the data (push). */
  public static final int STORE_ERROR = 4;

  private ExitCodes() {}
}
