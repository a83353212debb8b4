package org.w3id.tonet.council;

import java.util.Objects;
import java.util.Optional;
import org.w3id.tonet.source.SourceException;

/**
 * A council folder to publish, read only when it must be: a start that finds its kept build by the
 * folder's digest never reads the folder (issue 22: reading it was a fifth of a warm start).
 *
 * <pre>
 * CouncilSource source = CouncilSource.of(Council.bundled());
 * source.digest(); // the digest that finds a kept build
 * source.read();   // the folder, read
 * </pre>
 */
public interface CouncilSource {

  /**
   * The {@link Council#digest()} of the council {@link #read()} gives, from the files' bytes alone;
   * empty when they cannot tell (then read the folder).
   *
   * @throws SourceException when a file cannot be read
   */
  Optional<String> digest() throws SourceException;

  /**
   * The folder, read.
   *
   * @throws SourceException with every problem of every file of the folder
   */
  Council read() throws SourceException;

  /** A council already read. */
  static CouncilSource of(Council council) {
    Objects.requireNonNull(council, "council");
    return new CouncilSource() {
      @Override
      public Optional<String> digest() {
        return Optional.of(council.digest());
      }

      @Override
      public Council read() {
        return council;
      }
    };
  }
}
