package org.w3id.tonet.server.site;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The site's icon as a Windows icon file for {@code /favicon.ico}, which browsers, feed readers and
 * link checkers ask for whatever a page's {@code <link rel="icon">} says. Drawn here from the same
 * shapes as {@code static/favicon.svg} (a teal disc with a white cross), so that no binary file is
 * kept beside the SVG; each size is a PNG inside the ICO container.
 *
 * <pre>
 * byte[] ico = Favicon.ico(); // 16, 32 and 48 pixels
 * </pre>
 */
public final class Favicon {

  /** The sizes drawn, in pixels. */
  static final int[] SIZES = {16, 32, 48};

  /** The disc's colour in favicon.svg. */
  static final Color TEAL = new Color(0x0b, 0x6e, 0x69);

  private Favicon() {}

  /** The ICO file. */
  public static byte[] ico() {
    List<byte[]> pngs = new ArrayList<>();
    for (int size : SIZES) {
      pngs.add(png(draw(size)));
    }
    int offset = 6 + 16 * pngs.size();
    int length = offset + pngs.stream().mapToInt(p -> p.length).sum();
    ByteBuffer ico = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    ico.putShort((short) 0).putShort((short) 1).putShort((short) pngs.size());
    for (int i = 0; i < pngs.size(); i++) {
      int size = SIZES[i];
      ico.put((byte) size).put((byte) size).put((byte) 0).put((byte) 0);
      ico.putShort((short) 1).putShort((short) 32);
      ico.putInt(pngs.get(i).length).putInt(offset);
      offset += pngs.get(i).length;
    }
    pngs.forEach(ico::put);
    return ico.array();
  }

  /** favicon.svg at a size: viewBox 0 0 32 32, disc r=14, cross strokes 4 wide, round caps. */
  static BufferedImage draw(int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.scale(size / 32.0, size / 32.0);
      g.setColor(TEAL);
      g.fill(new Ellipse2D.Double(2, 2, 28, 28));
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(4, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(new Line2D.Double(9, 17, 23, 17));
      g.draw(new Line2D.Double(16, 9, 16, 23));
    } finally {
      g.dispose();
    }
    return image;
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
