package org.w3id.tonet.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This build of the program: its version and when it was built (from build.properties, written by
 * Maven). What the program makes from the same input can change from one build to the next, so
 * whatever is kept across requests or starts (ETags, the build cache) names it.
 *
 * <pre>
 * ProgramBuild.id(); // "0.1.0-SNAPSHOT+20261128T111500Z"
 * </pre>
 */
public final class ProgramBuild {

  private static final String ID = load();

  private ProgramBuild() {}

  /** The version and build time, as one string. */
  public static String id() {
    return ID;
  }

  private static String load() {
    Properties p = new Properties();
    try (InputStream in =
        ProgramBuild.class.getResourceAsStream("/org/w3id/tonet/build.properties")) {
      if (in == null) {
        throw new IllegalStateException("build.properties is missing from the class path");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version", "?") + "+" + p.getProperty("built", "?");
  }
}
