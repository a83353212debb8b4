package org.w3id.tonet.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Files only this user can have written: what the server serves from a folder of its own (the build
 * cache) must not be a symbolic link (a dump replaced by one served the host's /etc/hostname), nor
 * owned by another user, nor writable by its group or by others — anyone who could write it could
 * change what is published. Files are read without following links, and written readable and
 * writable by their owner only. Where the file system has no owners and permissions (not POSIX),
 * only links are refused.
 *
 * <pre>
 * OwnFiles own = OwnFiles.ofThisUser();
 * own.problem(folder, true);   // Optional.of("… is writable by its group"), or empty
 * byte[] bytes = own.read(file);
 * </pre>
 */
final class OwnFiles {

  /** Folders made here: rwx for the owner only. */
  static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

  /** Files made here: rw for the owner only. */
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Integer uid;

  /** Trusting files of the user {@code uid} (null: any owner, where owners cannot be read). */
  OwnFiles(Integer uid) {
    this.uid = uid;
  }

  /** Trusting files of the user this program runs as. */
  static OwnFiles ofThisUser() {
    return new OwnFiles(ThisUser.UID);
  }

  /** The uid of this process, read from a file it makes (null where there are no uids). */
  private static final class ThisUser {
    static final Integer UID = read();

    private static Integer read() {
      try {
        Path probe = Files.createTempFile("tonet-lod-owner", "");
        try {
          return (Integer) Files.getAttribute(probe, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } finally {
          Files.deleteIfExists(probe);
        }
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
        return null;
      }
    }
  }

  /**
   * Why {@code path} cannot be trusted — a link, not a {@code folder} (or not a regular file), not
   * this user's, writable by its group or by others — or empty when it can.
   */
  Optional<String> problem(Path path, boolean folder) throws IOException {
    if (Files.isSymbolicLink(path)) {
      return Optional.of(path + " is a symbolic link");
    }
    if (folder
        ? !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
        : !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(path + " is not a " + (folder ? "folder" : "regular file"));
    }
    if (!POSIX) {
      return Optional.empty();
    }
    PosixFileAttributes attributes =
        Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (uid != null) {
      Object owner = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      if (!uid.equals(owner)) {
        return Optional.of(
            path + " belongs to another user (" + attributes.owner().getName() + ")");
      }
    }
    Set<PosixFilePermission> permissions = attributes.permissions();
    if (permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
      return Optional.of(path + " is writable by others (chmod o-w)");
    }
    if (permissions.contains(PosixFilePermission.GROUP_WRITE)) {
      return Optional.of(path + " is writable by its group (chmod g-w)");
    }
    return Optional.empty();
  }

  /** Reads a file whose last name is not followed if it is a link (a link is an error). */
  byte[] read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return in.readAllBytes();
    }
  }

  /** Makes a folder (and its parents) with the folder's permissions on the last one it makes. */
  static void makeFolder(Path folder) throws IOException {
    if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.createDirectories(folder.toAbsolutePath().getParent());
    if (POSIX) {
      Files.createDirectory(folder, attribute(FOLDER));
      // The umask may have taken permissions away, never added any: set them as meant.
      Files.setPosixFilePermissions(folder, FOLDER);
    } else {
      Files.createDirectory(folder);
    }
  }

  /** Writes a file readable and writable by its owner only. */
  static void write(Path file, byte[] bytes) throws IOException {
    try (OutputStream out = create(file)) {
      out.write(bytes);
    }
  }

  /** A new file, readable and writable by its owner only, to write (what is there is replaced). */
  static OutputStream create(Path file) throws IOException {
    if (POSIX) {
      Files.deleteIfExists(file);
      Files.createFile(file, attribute(FILE));
    }
    return Files.newOutputStream(
        file,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(
      Set<PosixFilePermission> permissions) {
    return PosixFilePermissions.asFileAttribute(permissions);
  }
}
