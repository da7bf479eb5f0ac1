package org.expint4j.verification.problems.pde;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.expint4j.verification.io.AtomicFiles;

/**
 * The space-time picture of a 1-D evolution (Kassam–Trefethen's KS "waterfall" seen from above):
 * a colour map of \(u(t, x)\) with \(x\) to the right, \(t\) upwards, labelled axes and a colour
 * bar, written as PNG.
 *
 * <p>Rendered directly into a {@link BufferedImage}: every pixel is the bilinear interpolant of
 * the snapshots (linear in \(x\) between grid points, periodic wrap-around where the problem is
 * periodic, linear in \(t\) between snapshots), so the picture is smooth at any size. XChart's
 * {@code HeatMapChart} was tried first: it draws one bordered cell per value on categorical axes
 * with a tick label for each of the 128 columns and 150 rows, which is unreadable.
 *
 * <p>Data of both signs use a diverging blue–grey–red map centred on zero (KS, Allen–Cahn: the
 * sign is the information); data of one sign (Burgers, KdV; values of the other sign below 5% of
 * the largest magnitude count as noise) a sequential dark-to-yellow map over their range.
 */
public final class SpaceTimePlot {

    private static final int LEFT = 95;
    private static final int RIGHT = 130;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    private SpaceTimePlot() {
    }

    /**
     * Writes the picture as PNG, atomically (temporary file, then rename).
     *
     * @param snapshots the solution
     * @param title the caption above the picture
     * @param width image width in pixels, at least 320
     * @param height image height in pixels, at least 240
     * @param png the file to write
     * @throws IOException if writing fails
     */
    public static void write(Snapshots snapshots, String title, int width, int height, Path png) throws IOException {
        BufferedImage image = render(snapshots, title, width, height);
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /**
     * @param snapshots the solution
     * @param title the caption above the picture
     * @param width image width in pixels, at least 320
     * @param height image height in pixels, at least 240
     * @return the picture
     */
    public static BufferedImage render(Snapshots snapshots, String title, int width, int height) {
        if (width < 320 || height < 240) {
            throw new IllegalArgumentException("picture too small: " + width + "x" + height);
        }
        int w = width - LEFT - RIGHT;
        int h = height - TOP - BOTTOM;
        double[] range = range(snapshots.values());
        // Diverging only where both signs matter: KdV's -1e-3 ripples next to 1875 do not.
        boolean diverging = range[0] < 0 && range[1] > 0
                && Math.min(-range[0], range[1]) >= 0.05 * Math.max(-range[0], range[1]);
        double lo = range[0];
        double hi = range[1];
        if (diverging) {
            hi = Math.max(-lo, hi);
            lo = -hi;
        } else if (!(hi > lo)) {
            hi = lo + 1;
        }
        ColorMap map = diverging ? ColorMap.DIVERGING : ColorMap.SEQUENTIAL;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            paintField(image, snapshots, map, lo, hi, w, h);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(LEFT - 1, TOP - 1, w + 1, h + 1);
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
            g.setFont(font);
            double[] times = snapshots.times();
            xTicks(g, snapshots.xMin(), snapshots.xMax(), w, h);
            yTicks(g, times[0], times[times.length - 1], LEFT, h, true);
            FontMetrics fm = g.getFontMetrics();
            g.setFont(font.deriveFont(Font.ITALIC, 16f));
            g.drawString("x", LEFT + w / 2 - 4, height - 20);
            g.drawString("t", 14, TOP + h / 2 + 5);
            g.setFont(font.deriveFont(Font.BOLD, 16f));
            fm = g.getFontMetrics();
            g.drawString(title, LEFT + (w - fm.stringWidth(title)) / 2, TOP - 18);
            g.setFont(font);
            colourBar(g, map, lo, hi, LEFT + w + 30, h);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void paintField(BufferedImage image, Snapshots s, ColorMap map, double lo, double hi, int w,
                                   int h) {
        double[] x = s.x();
        int n = x.length;
        // Per column: the left grid index and the weight of its right neighbour.
        int[] column = new int[w];
        double[] weight = new double[w];
        for (int px = 0; px < w; px++) {
            double xv = s.xMin() + (px + 0.5) / w * (s.xMax() - s.xMin());
            int i = upperIndex(x, xv) - 1;
            double left;
            double right;
            if (i < 0) {
                i = s.periodic() ? n - 1 : 0;
                left = s.periodic() ? x[n - 1] - (s.xMax() - s.xMin()) : x[0];
                right = x[0];
            } else if (i == n - 1) {
                left = x[n - 1];
                right = s.periodic() ? s.xMax() + (x[0] - s.xMin()) : x[n - 1];
            } else {
                left = x[i];
                right = x[i + 1];
            }
            column[px] = i;
            weight[px] = right > left ? Math.max(0, Math.min(1, (xv - left) / (right - left))) : 0;
        }
        double[] times = s.times();
        double t0 = times[0];
        double t1 = times[times.length - 1];
        for (int py = 0; py < h; py++) {
            double tv = t1 - (py + 0.5) / h * (t1 - t0);
            int j = Math.min(Math.max(upperIndex(times, tv) - 1, 0), times.length - 2);
            double f = Math.max(0, Math.min(1, (tv - times[j]) / (times[j + 1] - times[j])));
            double[] below = s.values()[j];
            double[] above = s.values()[j + 1];
            for (int px = 0; px < w; px++) {
                int i = column[px];
                int k = i + 1 == n ? (s.periodic() ? 0 : i) : i + 1;
                double a = weight[px];
                double v0 = (1 - a) * below[i] + a * below[k];
                double v1 = (1 - a) * above[i] + a * above[k];
                double v = (1 - f) * v0 + f * v1;
                image.setRGB(LEFT + px, TOP + py, map.rgb((v - lo) / (hi - lo)));
            }
        }
    }

    /** @return the first index with {@code a[index] > v}, or {@code a.length} */
    private static int upperIndex(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] > v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static double[] range(double[][] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
    }

    private static void xTicks(Graphics2D g, double min, double max, int w, int h) {
        FontMetrics fm = g.getFontMetrics();
        double step = niceStep((max - min) / 8);
        for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + 1e-9 * step; v += step) {
            int px = LEFT + (int) Math.round((v - min) / (max - min) * w);
            g.drawLine(px, TOP + h, px, TOP + h + 6);
            String label = label(v, step);
            g.drawString(label, px - fm.stringWidth(label) / 2, TOP + h + 8 + fm.getAscent());
        }
    }

    /** Ticks on a vertical axis at {@code x0}, labels to its left (axis) or right (colour bar). */
    private static void yTicks(Graphics2D g, double min, double max, int x0, int h, boolean labelsLeft) {
        FontMetrics fm = g.getFontMetrics();
        double step = niceStep((max - min) / 8);
        for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + 1e-9 * step; v += step) {
            int py = TOP + h - (int) Math.round((v - min) / (max - min) * h);
            String label = label(v, step);
            int baseline = py + fm.getAscent() / 2 - 1;
            if (labelsLeft) {
                g.drawLine(x0 - 7, py, x0 - 1, py);
                g.drawString(label, x0 - 10 - fm.stringWidth(label), baseline);
            } else {
                g.drawLine(x0, py, x0 + 5, py);
                g.drawString(label, x0 + 8, baseline);
            }
        }
    }

    private static void colourBar(Graphics2D g, ColorMap map, double lo, double hi, int x0, int h) {
        int barWidth = 18;
        for (int py = 0; py < h; py++) {
            g.setColor(new Color(map.rgb(1 - (py + 0.5) / h)));
            g.drawLine(x0, TOP + py, x0 + barWidth - 1, TOP + py);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x0 - 1, TOP - 1, barWidth + 1, h + 1);
        g.drawString("u", x0 + 4, TOP - 8);
        yTicks(g, lo, hi, x0 + barWidth, h, false);
    }

    /** @return 1, 2 or 5 times a power of ten, at least {@code raw} */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double mantissa = raw / power;
        double nice = mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10;
        return nice * power;
    }

    /** @return the tick value with as many decimals as the step needs, and no "-0" */
    static String label(double value, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        double v = Math.abs(value) < 1e-9 * step ? 0.0 : value;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
