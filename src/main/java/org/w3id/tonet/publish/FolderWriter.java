package org.w3id.tonet.publish;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a set of files into a folder all or nothing: every file is written into a staging folder
 * first, then moved into place in the given order; if a move fails, the files already replaced are
 * put back. Files of the folder that are not in the set are left alone.
 *
 * <pre>
 * FolderWriter.write(Path.of("dist"), Map.of("tonet.ttl", bytes, "SHA256SUMS", sums));
 * </pre>
 */
public final class FolderWriter {

  private FolderWriter() {}

  /**
   * Writes the files (names are relative paths with '/', in the order to move them: put the file
   * that vouches for the others, such as SHA256SUMS, last).
   *
   * @return the paths written, in order
   * @throws IOException when a name leaves the folder, a folder stands where a file should go, or
   *     writing fails; the folder is then as it was
   */
  public static List<Path> write(Path folder, Map<String, byte[]> files) throws IOException {
    Path root = folder.toAbsolutePath().normalize();
    for (String name : files.keySet()) {
      Path target = root.resolve(name).normalize();
      if (name.startsWith("/") || !target.startsWith(root) || target.equals(root)) {
        throw new IOException("\"" + name + "\" would be written outside " + folder);
      }
      if (Files.isDirectory(target)) {
        throw new IOException(target + " is a folder; it is in the way of a file to write");
      }
    }
    Files.createDirectories(root);
    Path staging = Files.createTempDirectory(root, ".tonet-export-");
    Path previous = Files.createTempDirectory(root, ".tonet-export-old-");
    List<String> replaced = new ArrayList<>();
    try {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path staged = staging.resolve(file.getKey());
        Files.createDirectories(staged.getParent());
        Files.write(staged, file.getValue());
      }
      List<Path> written = new ArrayList<>();
      try {
        for (String name : files.keySet()) {
          Path target = root.resolve(name);
          Files.createDirectories(target.getParent());
          if (Files.exists(target)) {
            Path saved = previous.resolve(name);
            Files.createDirectories(saved.getParent());
            move(target, saved);
          }
          replaced.add(name);
          move(staging.resolve(name), target);
          written.add(folder.resolve(name));
        }
      } catch (IOException e) {
        restore(root, previous, replaced);
        throw e;
      }
      return written;
    } finally {
      deleteTree(staging);
      deleteTree(previous);
    }
  }

  /** Puts the earlier files back after a failed move, so a failed write changes nothing. */
  private static void restore(Path folder, Path previous, List<String> replaced)
      throws IOException {
    for (String name : replaced) {
      Files.deleteIfExists(folder.resolve(name));
      if (Files.exists(previous.resolve(name))) {
        move(previous.resolve(name), folder.resolve(name));
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
