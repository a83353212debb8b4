package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /robots.txt and /favicon.ico, which crawlers and browsers ask every site for. */
class RootFilesTest {

  @RegisterExtension static final ServerOnTestSeed SERVER = new ServerOnTestSeed();

  @Test
  void robotsTxtLetsCrawlersReadThePagesAndTheExampleResultsButNotMachineFormats()
      throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + "robots.txt");
    assertEquals(200, r.statusCode());
    assertTrue(Http.header(r, "Content-Type").startsWith("text/plain"));
    String robots = Http.text(r);
    assertTrue(
        robots.contains("User-agent: *\nDisallow: /sparql?*format=\nDisallow: /sparql?*output=\n"),
        robots);
    assertFalse(robots.contains("Disallow: /sparql\n"), "the SPARQL page and its results are read");
    assertTrue(
        RootFilesServlet.robots("https://lod.example.jp/tonet/")
            .contains("Disallow: /tonet/sparql?*format=\n"),
        "under the base IRI's path");
  }

  @Test
  void aPageMayReadTheRobotsTxtOfItsOwnSiteAndNothingElsewhere() throws Exception {
    // Lighthouse reads robots.txt from inside the page: with default-src 'none' alone it could
    // not, and marked every page down for it.
    String csp =
        Http.header(Http.get(SERVER.url(), "Accept", "text/html"), "Content-Security-Policy");
    assertTrue(csp.contains("connect-src 'self';"), csp);
    assertTrue(csp.startsWith("default-src 'none';"), csp);
  }

  @Test
  void faviconIcoIsAnIconOfTheSiteIcon() throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + "favicon.ico");
    assertEquals(200, r.statusCode());
    assertEquals("image/x-icon", Http.header(r, "Content-Type"));
    ByteBuffer ico = ByteBuffer.wrap(r.body()).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(0, ico.getShort(0), "reserved");
    assertEquals(1, ico.getShort(2), "type 1: icon");
    int count = ico.getShort(4);
    assertEquals(Favicon.SIZES.length, count);
    for (int i = 0; i < count; i++) {
      int entry = 6 + 16 * i;
      int size = Byte.toUnsignedInt(ico.get(entry));
      int length = ico.getInt(entry + 8);
      int offset = ico.getInt(entry + 12);
      byte[] png = Arrays.copyOfRange(r.body(), offset, offset + length);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertEquals(size, image.getWidth());
      assertEquals(size, image.getHeight());
      // The cross is white at the centre, the disc teal between the cross's arms, the corners
      // transparent: favicon.svg's shapes.
      assertEquals(Color.WHITE.getRGB(), image.getRGB(size / 2, size * 17 / 32), "centre");
      assertEquals(Favicon.TEAL.getRGB(), image.getRGB(size / 4 + 1, size / 4 + 1), "disc");
      assertEquals(0, image.getRGB(0, 0) >>> 24, "transparent corner");
    }
  }
}
