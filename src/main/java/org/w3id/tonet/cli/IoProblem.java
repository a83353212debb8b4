package org.w3id.tonet.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be read or written, in words: Java's file exceptions carry only the path as
 * their message ({@code cannot write /tmp/x: /tmp/x}), and the reason is in their type.
 *
 * <pre>
 * IoProblem.reason(new AccessDeniedException("/srv/out")); // "permission denied (/srv/out)"
 * </pre>
 */
final class IoProblem {

  private IoProblem() {}

  /** What went wrong, naming the file it happened to when that is known. */
  static String reason(IOException e) {
    String what;
    if (e instanceof AccessDeniedException) {
      what = "permission denied";
    } else if (e instanceof NoSuchFileException) {
      what = "no such file or folder";
    } else if (e instanceof NotDirectoryException) {
      what = "not a folder";
    } else if (e instanceof FileAlreadyExistsException) {
      what = "a file is in the way (a folder was needed there)";
    } else if (e instanceof DirectoryNotEmptyException) {
      what = "a folder that is not empty is in the way";
    } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
      what = lowerFirst(fs.getReason());
    } else {
      return e.getMessage() == null ? "input/output error" : e.getMessage();
    }
    String file = e instanceof FileSystemException fs ? fs.getFile() : null;
    return file == null ? what : what + " (" + file + ")";
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
