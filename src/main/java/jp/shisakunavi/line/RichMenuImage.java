package jp.shisakunavi.line;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

/**
 * Draws a rich menu's image (2500×843 PNG) from its labels, so that the menu and its picture never disagree.
 * Needs a font that has Japanese characters (e.g. Debian's fonts-noto-cjk or fonts-ipafont-gothic).
 */
final class RichMenuImage {

	private static final Color BACKGROUND = new Color(0x26, 0x32, 0x47);
	private static final Color TEXT = Color.WHITE;
	private static final Color LINE = new Color(0x4B, 0x5B, 0x75);

	private RichMenuImage() {
	}

	static byte[] png(RichMenu menu) {
		List<String> labels = menu.labels();
		String sample = String.join("", labels);
		Font font = japaneseFont(sample).orElseThrow(() -> new IllegalStateException(
				"No font with Japanese characters is installed: install fonts-noto-cjk (or fonts-ipafont-gothic), "
						+ "or deploy a designed image with --richmenu.image=FILE.png"))
			.deriveFont(Font.BOLD, 110f);
		BufferedImage image = new BufferedImage(RichMenu.WIDTH, RichMenu.HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(BACKGROUND);
		g.fillRect(0, 0, RichMenu.WIDTH, RichMenu.HEIGHT);
		int cell = RichMenu.WIDTH / labels.size();
		g.setFont(font);
		while (labels.stream().mapToInt(g.getFontMetrics()::stringWidth).max().orElse(0) > cell * 0.85) {
			g.setFont(g.getFont().deriveFont(g.getFont().getSize2D() - 4f));
		}
		FontMetrics metrics = g.getFontMetrics();
		for (int i = 0; i < labels.size(); i++) {
			String label = labels.get(i);
			if (i > 0) {
				g.setColor(LINE);
				g.setStroke(new BasicStroke(6));
				g.drawLine(i * cell, 80, i * cell, RichMenu.HEIGHT - 80);
			}
			g.setColor(TEXT);
			int x = i * cell + (cell - metrics.stringWidth(label)) / 2;
			int y = (RichMenu.HEIGHT - metrics.getHeight()) / 2 + metrics.getAscent();
			g.drawString(label, x, y);
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static Optional<Font> japaneseFont(String sample) {
		return Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts())
			.filter(f -> f.canDisplayUpTo(sample) == -1)
			.filter(f -> !f.getFontName().startsWith("Dialog"))
			.findFirst();
	}
}
