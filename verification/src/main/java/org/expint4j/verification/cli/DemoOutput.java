package org.expint4j.verification.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.expint4j.diffusion.model.GaussianMixtureModel;
import org.expint4j.verification.dpm.MixtureSpec;
import org.expint4j.verification.io.AtomicFiles;
import org.expint4j.verification.study.OrderFit;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The files of {@code expint demo}: the 2-D scatter plots over the exact density (drawn directly
 * with Java 2D: a density image needs per-pixel control that a chart library does not give), the
 * error-vs-NFE plot (XChart, log-log), the CSVs and the mixtures as JSON. Every file is written
 * atomically.
 */
final class DemoOutput {

    private static final Color[] SERIES_COLORS = {
        new Color(0x7f7f7f), new Color(0x2ca02c), new Color(0x1f77b4), new Color(0xff7f0e), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22)};
    private static final Color DOT = new Color(150, 25, 20, 130);
    private static final int PANEL = 300;
    private static final int GAP = 16;
    private static final int LEFT = 48;
    private static final int TOP = 92;
    private static final int TITLE = 44;
    private static final int BOTTOM = 44;

    private DemoOutput() {
    }

    /** Writes the pictures (and the mixtures as JSON) and adds their paths to {@code written}. */
    static void writeAll(Path folder, DemoCommand.Dataset data2d, GaussianMixtureModel model2d, double tEnd,
            double[] exact2d, DemoCommand.Run reference2d, List<DemoCommand.Run> runs, List<String> solvers,
            List<Path> written) throws IOException {
        Path scatter = folder.resolve("samples-2d.png");
        BufferedImage image = scatter(model2d, tEnd, exact2d, reference2d, runs, solvers);
        SamplePlot.writePng(scatter, image);
        written.add(scatter);

        Path errors = folder.resolve("error-vs-nfe.png");
        SamplePlot.writePng(errors, errorPlot(runs, solvers));
        written.add(errors);
    }

    /** Writes the study's numbers, the 2-D samples and the mixtures. */
    static void writeCsv(Path folder, List<DemoCommand.Run> runs, List<DemoCommand.Run> references,
            List<Path> written) throws IOException {
        Path table = folder.resolve("error-vs-nfe.csv");
        AtomicFiles.writeText(table, w -> {
            w.write("data,solver,nfe,median_error,rms_error,sw2,time_ms\n");
            for (DemoCommand.Run r : references) {
                w.write(String.format(Locale.ROOT, "%s,%s,%d,0,0,%s,%.3f%n", r.dataset().name(), "reference",
                        r.nfe(), r.sw2(), r.millis()));
            }
            for (DemoCommand.Run r : runs) {
                w.write(String.format(Locale.ROOT, "%s,%s,%d,%s,%s,%s,%.3f%n", r.dataset().name(), r.solver(), r.nfe(),
                        r.median(), r.rms(), r.sw2(), r.millis()));
            }
        });
        written.add(table);

        Path samples = folder.resolve("samples-2d.csv");
        AtomicFiles.writeText(samples, w -> {
            w.write("solver,nfe,x1,x2\n");
            for (DemoCommand.Run r : references) {
                if (r.dataset().dimension() == 2) {
                    writeSamples(w, "reference", r.nfe(), r.samples());
                }
            }
            for (DemoCommand.Run r : runs) {
                if (r.samples() != null) {
                    writeSamples(w, r.solver(), r.nfe(), r.samples());
                }
            }
        });
        written.add(samples);

        for (DemoCommand.Run r : references) {
            Path json = folder.resolve(mixtureFile(r.dataset()));
            AtomicFiles.writeString(json, toJson(r.dataset().spec()));
            written.add(json);
        }
    }

    /** @return the name of the mixture's JSON file: mixture-2d.json, mixture-16d.json */
    static String mixtureFile(DemoCommand.Dataset d) {
        return "mixture-" + d.dimension() + "d.json";
    }

    private static void writeSamples(java.io.Writer w, String solver, int nfe, double[] x) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < x.length; i += 2) {
            sb.setLength(0);
            sb.append(solver).append(',').append(nfe).append(',').append(x[i]).append(',').append(x[i + 1]).append('\n');
            w.write(sb.toString());
        }
    }

    /** The mixture as the JSON that {@code expint sample --gmm} reads. */
    static String toJson(MixtureSpec spec) {
        StringBuilder sb = new StringBuilder("{\n  \"weights\": ");
        appendArray(sb, spec.weights());
        sb.append(",\n  \"means\": [");
        appendRows(sb, spec.means());
        sb.append("],\n  \"stds\": [");
        appendRows(sb, spec.stds());
        sb.append("]\n}\n");
        return sb.toString();
    }

    private static void appendRows(StringBuilder sb, double[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            sb.append(i == 0 ? "\n    " : ",\n    ");
            appendArray(sb, rows[i]);
        }
        sb.append("\n  ");
    }

    private static void appendArray(StringBuilder sb, double[] values) {
        sb.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            // Double.toString is valid JSON for finite values and round-trips exactly.
            sb.append(values[i]);
        }
        sb.append(']');
    }

    // ---------------------------------------------------------------- scatter plots

    /**
     * A grid of panels: rows NFE 10 and 20; the first column the exact samples and the 1000-step
     * reference, then one column per solver; every panel over the exact density.
     */
    static BufferedImage scatter(GaussianMixtureModel model, double tEnd, double[] exact, DemoCommand.Run reference,
            List<DemoCommand.Run> runs, List<String> solvers) {
        int columns = 1 + solvers.size();
        int rows = DemoCommand.TABLE_NFE.length;
        int width = LEFT + columns * PANEL + (columns - 1) * GAP + 20;
        int height = TOP + rows * (PANEL + TITLE) + (rows - 1) * GAP + BOTTOM;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);

        double[] bounds = bounds(exact);
        BufferedImage density = density(model, tEnd, bounds, PANEL);

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString("2-D Gaussian mixture (6 modes): samples from the same noise, exact noise predictor", LEFT, 32);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString("blue: exact density at t = " + String.format(Locale.ROOT, "%.0e", tEnd)
                + " (cube-root scale); red dots: " + exact.length / 2 + " samples; "
                + "err = median distance to the 1000-step reference, SW2 = sliced Wasserstein-2 to exact samples",
                LEFT, 56);

        for (int row = 0; row < rows; row++) {
            int nfe = DemoCommand.TABLE_NFE[row];
            int y = TOP + row * (PANEL + TITLE + GAP) + TITLE;
            for (int col = 0; col < columns; col++) {
                int x = LEFT + col * (PANEL + GAP);
                double[] points;
                String title;
                String subtitle;
                if (col == 0) {
                    if (row == 0) {
                        points = exact;
                        title = "exact samples";
                        subtitle = "of the mixture";
                    } else {
                        points = reference.samples();
                        title = "reference, " + reference.nfe() + " steps";
                        subtitle = String.format(Locale.ROOT, "DPM-Solver++(3M), SW2 %.3f", reference.sw2());
                    }
                } else {
                    DemoCommand.Run run = find(runs, solvers.get(col - 1), nfe);
                    points = run.samples();
                    title = run.solver() + ", NFE " + nfe;
                    subtitle = Double.isNaN(run.median()) ? String.format(Locale.ROOT, "SDE, SW2 %.3f", run.sw2())
                            : String.format(Locale.ROOT, "err %.2e, SW2 %.3f", run.median(), run.sw2());
                }
                panel(g, x, y, density, bounds, points, title, subtitle, col == 0, row == rows - 1);
            }
        }
        g.dispose();
        return image;
    }

    private static DemoCommand.Run find(List<DemoCommand.Run> runs, String solver, int nfe) {
        for (DemoCommand.Run r : runs) {
            if (r.solver().equals(solver) && r.nfe() == nfe && r.samples() != null) {
                return r;
            }
        }
        throw new IllegalStateException("no 2-D run of " + solver + " at NFE " + nfe);
    }

    /** A square window around the bulk of the exact samples, on whole numbers. */
    private static double[] bounds(double[] exact) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : exact) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] {Math.floor(lo - 0.5), Math.ceil(hi + 0.5)};
    }

    /**
     * The density rendered on the panel's pixels: white to blue with a cube-root scale, so that
     * the wide, flat modes stay visible next to the sharp ones.
     */
    private static BufferedImage density(GaussianMixtureModel model, double t, double[] bounds, int size) {
        double[] logp = new double[size * size];
        double[] point = new double[2];
        double max = Double.NEGATIVE_INFINITY;
        double span = bounds[1] - bounds[0];
        for (int py = 0; py < size; py++) {
            for (int px = 0; px < size; px++) {
                point[0] = bounds[0] + (px + 0.5) / size * span;
                point[1] = bounds[1] - (py + 0.5) / size * span;
                double l = model.logDensity(point, t);
                logp[py * size + px] = l;
                max = Math.max(max, l);
            }
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < logp.length; i++) {
            double v = Math.exp((logp[i] - max) / 3);
            int r = (int) Math.round(255 - v * (255 - 40));
            int gr = (int) Math.round(255 - v * (255 - 90));
            int b = (int) Math.round(255 - v * (255 - 190));
            image.setRGB(i % size, i / size, (r << 16) | (gr << 8) | b);
        }
        return image;
    }

    private static void panel(Graphics2D g, int x, int y, BufferedImage density, double[] bounds, double[] points,
            String title, String subtitle, boolean yLabels, boolean xLabels) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, x, y - 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(subtitle, x, y - 7);
        g.drawImage(density, x, y, null);
        double span = bounds[1] - bounds[0];
        java.awt.Shape clip = g.getClip();
        g.clipRect(x, y, PANEL, PANEL);
        g.setColor(DOT);
        Ellipse2D.Double dot = new Ellipse2D.Double();
        for (int i = 0; i < points.length; i += 2) {
            double px = x + (points[i] - bounds[0]) / span * PANEL;
            double py = y + (bounds[1] - points[i + 1]) / span * PANEL;
            dot.setFrame(px - 1.3, py - 1.3, 2.6, 2.6);
            g.fill(dot);
        }
        g.setClip(clip);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, PANEL, PANEL);
        // Integer ticks on both axes; labels on the outer panels only.
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int step = span > 12 ? 4 : span > 6 ? 2 : 1;
        for (double v = Math.ceil(bounds[0] / step) * step; v <= bounds[1]; v += step) {
            int px = (int) Math.round(x + (v - bounds[0]) / span * PANEL);
            int py = (int) Math.round(y + (bounds[1] - v) / span * PANEL);
            g.drawLine(px, y + PANEL, px, y + PANEL + 4);
            g.drawLine(x - 4, py, x, py);
            String label = String.valueOf((int) v);
            if (xLabels) {
                g.drawString(label, px - fm.stringWidth(label) / 2, y + PANEL + 18);
            }
            if (yLabels) {
                g.drawString(label, x - 7 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
            }
        }
        if (xLabels) {
            g.drawString("x1", x + PANEL / 2 - fm.stringWidth("x1") / 2, y + PANEL + 36);
        }
        if (yLabels) {
            Graphics2D r = (Graphics2D) g.create();
            r.rotate(-Math.PI / 2);
            r.drawString("x2", -(y + PANEL / 2 + fm.stringWidth("x2") / 2), x - 30);
            r.dispose();
        }
    }

    // ---------------------------------------------------------------- error plot

    /** The observed order between the last two points, for the legend. */
    private static String slopeLabel(List<Double> nfe, List<Double> error) {
        int n = nfe.size();
        if (n < 2) {
            return "";
        }
        double slope = OrderFit.orderBetweenNfe(nfe.get(n - 2), error.get(n - 2), nfe.get(n - 1), error.get(n - 1));
        return String.format(Locale.ROOT, " (order %.1f)", slope);
    }

    /** Median per-sample error against NFE, log-log, one chart per mixture side by side. */
    static BufferedImage errorPlot(List<DemoCommand.Run> runs, List<String> solvers) {
        List<String> datasets = new ArrayList<>();
        for (DemoCommand.Run r : runs) {
            if (!datasets.contains(r.dataset().label())) {
                datasets.add(r.dataset().label());
            }
        }
        int w = 640;
        int h = 500;
        BufferedImage image = new BufferedImage(w * datasets.size(), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < datasets.size(); i++) {
            String data = datasets.get(i);
            XYChart chart = new XYChartBuilder().width(w).height(h)
                    .title("Gaussian mixture " + data + " (legend: order observed at NFE 50-100)")
                    .xAxisTitle("NFE (model evaluations)")
                    .yAxisTitle("median error vs 1000-step reference").build();
            XYStyler styler = chart.getStyler();
            styler.setXAxisLogarithmic(true);
            styler.setYAxisLogarithmic(true);
            styler.setXAxisDecimalPattern("0");
            styler.setYAxisDecimalPattern("0E0");
            styler.setPlotGridLinesColor(new Color(0xdddddd));
            styler.setLegendPosition(Styler.LegendPosition.InsideSW);
            styler.setChartBackgroundColor(Color.WHITE);
            styler.setPlotBackgroundColor(Color.WHITE);
            styler.setLegendBorderColor(new Color(0xbbbbbb));
            styler.setChartTitleBoxVisible(false);
            styler.setMarkerSize(7);
            for (int s = 0; s < solvers.size(); s++) {
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (DemoCommand.Run r : runs) {
                    if (r.dataset().label().equals(data) && r.solver().equals(solvers.get(s)) && r.median() > 0) {
                        xs.add((double) r.nfe());
                        ys.add(r.median());
                    }
                }
                if (xs.isEmpty()) {
                    // An SDE sampler has no per-sample error to plot.
                    continue;
                }
                XYSeries series = chart.addSeries(solvers.get(s) + slopeLabel(xs, ys), xs, ys);
                series.setMarker(SeriesMarkers.CIRCLE);
                series.setMarkerColor(SERIES_COLORS[s % SERIES_COLORS.length]);
                series.setLineColor(SERIES_COLORS[s % SERIES_COLORS.length]);
                series.setLineStyle(new BasicStroke(2f));
            }
            g.drawImage(BitmapEncoder.getBufferedImage(chart), i * w, 0, null);
        }
        g.dispose();
        return image;
    }
}
