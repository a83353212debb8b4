package org.w3id.tonet.cli;

import java.nio.file.Path;
import org.w3id.tonet.server.BuildCache;
import picocli.CommandLine.Option;

/**
 * Where the commands that serve or query the data keep their builds: {@code serve} and {@code
 * query} start from the same kept build, so a query after a start (or after another query) reads
 * the graphs instead of converting the council's table again.
 *
 * <pre>
 * &#64;Mixin BuildCacheOptions cache;
 * Path folder = cache.folder(); // null with --no-build-cache
 * </pre>
 */
public final class BuildCacheOptions {

  @Option(
      names = "--build-cache",
      paramLabel = "DIR",
      description =
          "Keep each build here, and start from a kept one with the same council folder, program"
              + " build and options instead of parsing, validating and writing the dumps again."
              + " Default: $XDG_CACHE_HOME/tonet-lod or ~/.cache/tonet-lod.")
  Path buildCache;

  @Option(
      names = "--no-build-cache",
      description = "Build from the council folder every time, and keep nothing.")
  boolean noBuildCache;

  /** The folder of kept builds, or null when none is to be used. */
  public Path folder() {
    return noBuildCache ? null : buildCache != null ? buildCache : BuildCache.defaultFolder();
  }
}
