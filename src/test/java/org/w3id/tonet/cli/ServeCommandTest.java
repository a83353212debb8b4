package org.w3id.tonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** What serve says before it serves: a port in use, a bad limit. */
class ServeCommandTest {

  @Test
  void aPortInUseIsSaidAtOnceWithWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();
      CliTest.Run run = CliTest.run("serve", "--port", Integer.toString(port), "--no-build-cache");
      assertEquals(ExitCodes.IO_ERROR, run.exit());
      assertTrue(run.err().contains("port " + port + " is in use"), run.err());
      assertTrue(run.err().contains("--port"), "it says how to choose another: " + run.err());
      assertFalse(run.err().contains("Exception"), run.err());
      assertFalse(run.out().contains("mapped to RDF"), "nothing was built first: " + run.out());
    }
  }

  @Test
  void aBadLimitIsAUsageError() {
    CliTest.Run run =
        CliTest.run("serve", "--port", "0", "--query-timeout", "0", "--no-build-cache");
    assertEquals(ExitCodes.USAGE, run.exit());
    assertTrue(run.err().contains("--query-timeout"), run.err());
    CliTest.Run proxy =
        CliTest.run("serve", "--port", "0", "--trusted-proxy", "proxy.example", "--no-build-cache");
    assertEquals(ExitCodes.USAGE, proxy.exit());
    assertTrue(proxy.err().contains("--trusted-proxy takes"), proxy.err());
  }
}
