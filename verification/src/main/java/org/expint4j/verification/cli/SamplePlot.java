package org.expint4j.verification.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.expint4j.verification.io.AtomicFiles;

/**
 * Scatter plots of 2-D samples, coloured by class label: {@code expint sample --plot} and the
 * demo's pictures of the shipped model. Panels share their bounds so that they compare.
 */
final class SamplePlot {

    /** Colours of classes 0, 1, ... (then repeated); unlabelled points take the first. */
    private static final Color[] CLASS_COLOURS = {new Color(31, 119, 180, 120), new Color(214, 39, 40, 120),
        new Color(44, 160, 44, 120), new Color(148, 103, 189, 120), new Color(255, 127, 14, 120),
        new Color(140, 86, 75, 120), new Color(23, 190, 207, 120), new Color(127, 127, 127, 120)};

    private static final int PANEL = 420;
    private static final int TITLE = 28;

    private SamplePlot() {
    }

    /**
     * @param points samples back to back (x, y)
     * @param labels their classes, or {@code null}
     * @param title the caption
     * @return one panel
     */
    static BufferedImage scatter(double[] points, int[] labels, String title) {
        return grid(new double[][] {points}, labels, new String[] {title}, 1, bounds(new double[][] {points}));
    }

    /**
     * @param panels the point sets, each back to back (x, y)
     * @param labels the class of each point (the same for every panel), or {@code null}
     * @param titles a caption per panel
     * @param columns panels per row
     * @param bounds {x0, x1, y0, y1}, from {@link #bounds}
     * @return the panels in rows
     */
    static BufferedImage grid(double[][] panels, int[] labels, String[] titles, int columns, double[] bounds) {
        int rows = (panels.length + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * PANEL, rows * (PANEL + TITLE), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int p = 0; p < panels.length; p++) {
            int left = (p % columns) * PANEL;
            int top = (p / columns) * (PANEL + TITLE);
            g.setColor(Color.DARK_GRAY);
            g.drawString(titles[p], left + 8, top + 19);
            g.setStroke(new BasicStroke(1f));
            g.setColor(new Color(200, 200, 200));
            g.drawRect(left + 4, top + TITLE, PANEL - 8, PANEL - 8);
            double[] xy = panels[p];
            for (int i = 0; i < xy.length / 2; i++) {
                g.setColor(CLASS_COLOURS[labels == null ? 0 : Math.floorMod(labels[i], CLASS_COLOURS.length)]);
                int px = left + 4 + (int) Math.round((xy[2 * i] - bounds[0]) / (bounds[1] - bounds[0]) * (PANEL - 8));
                int py = top + TITLE + (int) Math.round((bounds[3] - xy[2 * i + 1]) / (bounds[3] - bounds[2])
                        * (PANEL - 8));
                g.fillOval(px - 2, py - 2, 4, 4);
            }
        }
        g.dispose();
        return image;
    }

    /** @return {x0, x1, y0, y1} around every finite point of every set, square, with a margin */
    static double[] bounds(double[][] sets) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (double[] xy : sets) {
            for (int i = 0; i + 1 < xy.length; i += 2) {
                if (Double.isFinite(xy[i]) && Double.isFinite(xy[i + 1])) {
                    x0 = Math.min(x0, xy[i]);
                    x1 = Math.max(x1, xy[i]);
                    y0 = Math.min(y0, xy[i + 1]);
                    y1 = Math.max(y1, xy[i + 1]);
                }
            }
        }
        if (!(x1 >= x0)) {
            return new double[] {-1, 1, -1, 1};
        }
        double half = 0.55 * Math.max(Math.max(x1 - x0, y1 - y0), 1e-9);
        double cx = 0.5 * (x0 + x1);
        double cy = 0.5 * (y0 + y1);
        return new double[] {cx - half, cx + half, cy - half, cy + half};
    }

    /** Writes a PNG atomically. */
    static void writePng(Path file, BufferedImage image) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
