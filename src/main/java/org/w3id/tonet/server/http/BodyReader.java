package org.w3id.tonet.server.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.w3id.tonet.sparql.Sizes;

/**
 * Reads a request body without holding a thread: chunks are taken as they arrive (chunked transfer
 * counted byte by byte), refused past {@code max} bytes, and the whole body must arrive before the
 * deadline, or the request gets 408 (a client sending a byte now and then would otherwise keep its
 * connection for ever).
 *
 * <pre>
 * new BodyReader(request, 64 * 1024, "a query", body -&gt; …, (status, message) -&gt; …)
 *     .start(Duration.ofSeconds(10));
 * </pre>
 */
public final class BodyReader implements Runnable {

  /** A reply to a body that cannot be read: status and message. */
  public interface Failure {
    void fail(int status, String message);
  }

  private final Request request;
  private final int max;
  private final String what;
  private final java.util.function.Consumer<byte[]> done;
  private final Failure failure;
  private final AtomicBoolean finished = new AtomicBoolean();
  private byte[] bytes = new byte[1024];
  private int size;

  /**
   * A reader of {@code request}'s body, at most {@code max} bytes of {@code what} (a 413 says "what
   * may be at most …"), that hands the whole body to {@code done}, or a status and message to
   * {@code failure}; {@link #start} starts it.
   */
  public BodyReader(
      Request request,
      int max,
      String what,
      java.util.function.Consumer<byte[]> done,
      Failure failure) {
    this.request = request;
    this.max = max;
    this.what = what;
    this.done = done;
    this.failure = failure;
  }

  /** Reads the body, which must arrive within {@code timeout}. */
  public void start(Duration timeout) {
    request
        .getComponents()
        .getScheduler()
        .schedule(
            () -> {
              if (finished.compareAndSet(false, true)) {
                failure.fail(
                    408,
                    "the request body did not arrive within " + Sizes.seconds(timeout.toMillis()));
              }
            },
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    run();
  }

  @Override
  public void run() {
    while (!finished.get()) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        if (finished.compareAndSet(false, true)) {
          failure.fail(400, "the request body could not be read");
        }
        return;
      }
      ByteBuffer buffer = chunk.getByteBuffer();
      int n = buffer.remaining();
      if (size + n > max) {
        chunk.release();
        if (finished.compareAndSet(false, true)) {
          failure.fail(413, what + " may be at most " + Sizes.bytes(max));
        }
        return;
      }
      if (size + n > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(size + n, 2 * bytes.length));
      }
      buffer.get(bytes, size, n);
      size += n;
      boolean last = chunk.isLast();
      chunk.release();
      if (last) {
        if (finished.compareAndSet(false, true)) {
          done.accept(java.util.Arrays.copyOf(bytes, size));
        }
        return;
      }
    }
  }
}
