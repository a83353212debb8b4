package org.w3id.tonet.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP over a plain socket, for what a well-behaved client library will not send: headers or bodies
 * a byte at a time, TRACE, malformed request lines, a response never read. Every read has a
 * timeout; sockets are always closed.
 *
 * <pre>
 * RawHttp.Reply r = RawHttp.exchange(port, "TRACE / HTTP/1.1\r\nHost: x\r\n\r\n", 5_000);
 * r.status(); // 405
 * </pre>
 */
final class RawHttp {

  private RawHttp() {}

  /** A response as read from the wire (null status when the server closed without one). */
  record Reply(Integer status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return null;
    }
  }

  /** A connected socket to the server on loopback. */
  static Socket open(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    return socket;
  }

  /**
   * A connected socket to the server on 127.0.0.1 from the loopback address {@code from} (any of
   * 127.0.0.0/8 on Linux): a client of its own, for the server's fair use.
   */
  static Socket open(int port, String from) throws IOException {
    Socket socket = new Socket();
    try {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** As {@link #exchange(int, String, int)}, from the loopback address {@code from}. */
  static Reply exchange(int port, String from, String request, int timeoutMillis)
      throws IOException {
    try (Socket socket = open(port, from)) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return read(socket, timeoutMillis);
    }
  }

  /** A SPARQL query sent by POST, answered in JSON, on a connection that closes after it. */
  static String sparqlPost(String query) {
    byte[] body = query.getBytes(StandardCharsets.UTF_8);
    return "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        + "Accept: application/sparql-results+json\r\nConnection: close\r\nContent-Length: "
        + body.length
        + "\r\n\r\n"
        + query;
  }

  /**
   * Sends {@code request} as it is and reads the response until the server closes or stops. The
   * response is read while the request is still being written: a server may answer a long request
   * before it is all sent (413 for a body past the limit) and close, and a client that read only
   * after writing would meet a reset instead of the answer.
   */
  static Reply exchange(int port, String request, int timeoutMillis) throws IOException {
    try (Socket socket = open(port)) {
      byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
      Thread writer =
          new Thread(
              () -> {
                try {
                  socket.getOutputStream().write(bytes);
                  socket.getOutputStream().flush();
                } catch (IOException closedBeforeTheEnd) {
                  // the server answered (or gave up) before the request ended
                }
              },
              "raw-http-writer");
      writer.setDaemon(true);
      writer.start();
      return read(socket, timeoutMillis);
    }
  }

  /**
   * Reads one response from {@code socket}: the head, then the body as long as Content-Length says,
   * or until the server closes; a read that waits longer than {@code timeoutMillis} ends it.
   */
  static Reply read(Socket socket, int timeoutMillis) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int headEnd = -1;
    int length = -1;
    try {
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        bytes.write(buffer, 0, n);
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0) {
          headEnd = text.indexOf("\r\n\r\n");
          if (headEnd >= 0) {
            Reply partial = parse(text.substring(0, headEnd), "");
            String cl = partial.header("Content-Length");
            length = cl == null ? -1 : Integer.parseInt(cl);
          }
        }
        if (headEnd >= 0 && length >= 0 && bytes.size() >= headEnd + 4 + length) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      // what arrived so far is the answer
    } catch (IOException e) {
      // a reset: the server closed the connection
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return new Reply(null, text, "");
    }
    return parse(text.substring(0, end), text.substring(end + 4));
  }

  private static Reply parse(String head, String body) {
    Integer status = null;
    String[] first = head.split("\r\n", 2)[0].split(" ");
    if (first.length >= 2 && first[0].startsWith("HTTP/")) {
      try {
        status = Integer.parseInt(first[1]);
      } catch (NumberFormatException e) {
        status = null;
      }
    }
    return new Reply(status, head, body);
  }

  /** Whether the server has closed {@code socket} (a read returns end of stream or a reset). */
  static boolean closedByServer(Socket socket, int waitMillis) {
    try {
      socket.setSoTimeout(waitMillis);
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[65536];
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
