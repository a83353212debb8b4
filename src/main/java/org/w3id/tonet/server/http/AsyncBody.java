package org.w3id.tonet.server.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sends what a page servlet writes without holding a web-server thread while the client reads it:
 * the servlet writes into memory (a page or a dump is in memory already; a large write keeps a
 * reference, not a copy), and once it returns the body goes out with the Servlet API's non-blocking
 * output, a slice whenever the connection can take one. A client that never reads its response then
 * holds a connection (closed by the idle timeout), never a thread; {@value #MAX_SECONDS} s is the
 * longest any response may take to send.
 *
 * <pre>
 * AsyncBody body = new AsyncBody(response);
 * servlet.service(request, body.response());
 * body.send(request);
 * </pre>
 */
public final class AsyncBody {

  /**
   * Bodies up to this size are written directly: they fit the server's output buffer, which sends
   * them once the servlet returns, without blocking (the rest of the buffer is for the headers).
   */
  static final int DIRECT = JettySetup.OUTPUT_BUFFER_BYTES - 4 * 1024;

  /** Writes up to this size are copied (the caller may reuse its array); larger ones are kept. */
  static final int COPY = 64 * 1024;

  /** The longest a response may take to reach its client. */
  static final int MAX_SECONDS = 300;

  private static final int SLICE = 64 * 1024;

  private final HttpServletResponse response;
  private final List<byte[]> parts = new ArrayList<>();
  private long size;
  private final Wrapped wrapped;

  public AsyncBody(HttpServletResponse response) {
    this.response = response;
    this.wrapped = new Wrapped(response);
  }

  /** The bytes written so far. */
  public long size() {
    if (wrapped.writer != null) {
      wrapped.writer.flush();
    }
    return size;
  }

  /** What was written, as one array. */
  public byte[] bytes() {
    size();
    if (parts.size() == 1) {
      return parts.get(0);
    }
    byte[] all = new byte[(int) size];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  /** Sends {@code bytes} instead of what was written (a compressed copy; nothing for a 304). */
  public void replace(byte[] bytes) {
    size();
    parts.clear();
    size = 0;
    if (bytes.length > 0) {
      parts.add(bytes);
      size = bytes.length;
    }
  }

  /** The response to give the servlet. */
  public HttpServletResponse response() {
    return wrapped;
  }

  /** Sends what was written: directly when small, without blocking when not. */
  public void send(HttpServletRequest request) throws IOException {
    if (wrapped.writer != null) {
      wrapped.writer.flush();
    }
    if (size == 0) {
      return;
    }
    if (size <= DIRECT || request.isAsyncStarted()) {
      ServletOutputStream out = response.getOutputStream();
      for (byte[] part : parts) {
        out.write(part);
      }
      return;
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(MAX_SECONDS * 1000L);
    ServletOutputStream out = response.getOutputStream();
    out.setWriteListener(
        new WriteListener() {
          private int part;
          private int offset;

          @Override
          public void onWritePossible() throws IOException {
            while (out.isReady()) {
              if (part == parts.size()) {
                async.complete();
                return;
              }
              byte[] bytes = parts.get(part);
              int n = Math.min(SLICE, bytes.length - offset);
              out.write(bytes, offset, n);
              offset += n;
              if (offset == bytes.length) {
                part++;
                offset = 0;
              }
            }
          }

          @Override
          public void onError(Throwable failure) {
            async.complete();
          }
        });
  }

  /** The servlet's view: status and headers go through, the body is kept. */
  private final class Wrapped extends HttpServletResponseWrapper {
    private final ServletOutputStream stream =
        new ServletOutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            if (len == 0) {
              return;
            }
            boolean whole = off == 0 && len == b.length && len > COPY;
            parts.add(whole ? b : Arrays.copyOfRange(b, off, off + len));
            size += len;
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("page servlets write synchronously");
          }
        };

    private PrintWriter writer;

    Wrapped(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        writer =
            new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), false);
      }
      return writer;
    }

    @Override
    public void resetBuffer() {
      parts.clear();
      size = 0;
      super.resetBuffer();
    }

    @Override
    public void reset() {
      parts.clear();
      size = 0;
      super.reset();
    }

    @Override
    public void flushBuffer() {
      // Nothing is sent before the servlet returns.
    }
  }
}
