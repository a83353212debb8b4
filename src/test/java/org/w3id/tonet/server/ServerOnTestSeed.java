package org.w3id.tonet.server;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.w3id.tonet.TestSeeds;

/**
 * tonet-lod on the test seed, on a loopback port chosen by the system, started before a test
 * class's first test and stopped after its last:
 *
 * <pre>
 * &#64;RegisterExtension static final ServerOnTestSeed SERVER = new ServerOnTestSeed();
 * ... get(SERVER.url() + "sparql") ...
 * </pre>
 *
 * <p>Options other than the defaults: {@code new ServerOnTestSeed(b -> b.maxResults(20))}. Every
 * class gets a server of its own: kept answers and the fair-use budget of 127.0.0.1 do not carry
 * over from one class to the next.
 */
public final class ServerOnTestSeed implements BeforeAllCallback, AfterAllCallback {

  private final UnaryOperator<TonetServer.Builder> options;
  private TonetServer server;

  /** With every option at its default. */
  public ServerOnTestSeed() {
    this(UnaryOperator.identity());
  }

  /** With the options {@code options} sets on the builder (port and seed are set already). */
  public ServerOnTestSeed(UnaryOperator<TonetServer.Builder> options) {
    this.options = options;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = options.apply(TonetServer.create().port(0).council(TestSeeds.tone())).start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** The running server. */
  public TonetServer server() {
    if (server == null) {
      throw new IllegalStateException("the server runs only while the test class does");
    }
    return server;
  }

  /** Its address, ending in a slash: {@code http://127.0.0.1:PORT/}. */
  public String url() {
    return server().localUrl();
  }
}
