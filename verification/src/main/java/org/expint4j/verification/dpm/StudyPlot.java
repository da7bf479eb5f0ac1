package org.expint4j.verification.dpm;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.expint4j.verification.dpm.DpmStudyResult.Measurement;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.expint4j.verification.io.AtomicFiles;

/**
 * Median error vs NFE on log-log axes, one panel per schedule side by side, one line per solver
 * (colour and marker per solver; dashed for the baselines DDIM and RK45, dotted grey lines at the
 * headline targets). The same drawing goes to PNG and SVG.
 */
final class StudyPlot {

    private static final int PANEL_WIDTH = 720;
    private static final int LEGEND_WIDTH = 260;
    private static final int HEIGHT = 620;

    /** Tableau-like palette, distinguishable in colour and in grey. */
    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22), new Color(0x000000),
    };

    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS, SeriesMarkers.OVAL, SeriesMarkers.RECTANGLE,
        SeriesMarkers.CIRCLE,
    };

    private static final Pattern DECIMALS = Pattern.compile("(\\d\\.\\d{2})\\d+");

    private StudyPlot() {
    }

    static void write(DpmStudyResult r, java.nio.file.Path png, java.nio.file.Path svg) throws IOException {
        List<XYChart> charts = new ArrayList<>();
        List<StudySchedule> schedules = new ArrayList<>(r.config().schedules());
        for (int i = 0; i < schedules.size(); i++) {
            charts.add(chart(r, schedules.get(i), i == schedules.size() - 1));
        }
        int width = PANEL_WIDTH * charts.size() + LEGEND_WIDTH;
        if (png != null) {
            BufferedImage image = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            paint(g, charts);
            g.dispose();
            AtomicFiles.write(png, out -> {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer");
                }
            });
        }
        if (svg != null) {
            VectorGraphics2D g = new VectorGraphics2D();
            paint(g, charts);
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, HEIGHT)).writeTo(buffer);
            // Text comes out as glyph outlines with up to 9 decimals; 2 are plenty at this size
            // and halve the file.
            String text = DECIMALS.matcher(buffer.toString(StandardCharsets.UTF_8)).replaceAll("$1");
            AtomicFiles.writeString(svg, text);
        }
    }

    private static void paint(Graphics2D g, List<XYChart> charts) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, PANEL_WIDTH * charts.size() + LEGEND_WIDTH, HEIGHT);
        int x = 0;
        for (int i = 0; i < charts.size(); i++) {
            // The last panel carries the legend outside its plot, so it is wider.
            int w = i == charts.size() - 1 ? PANEL_WIDTH + LEGEND_WIDTH : PANEL_WIDTH;
            Graphics2D panel = (Graphics2D) g.create(x, 0, w, HEIGHT);
            charts.get(i).paint(panel, w, HEIGHT);
            panel.dispose();
            x += w;
        }
    }

    private static XYChart chart(DpmStudyResult r, StudySchedule schedule, boolean legend) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(HEIGHT)
                .title("Median error vs NFE — " + schedule.label())
                .xAxisTitle("NFE (model evaluations)").yAxisTitle("median per-sample error ‖x − x_ref‖₂").build();
        XYStyler st = chart.getStyler();
        st.setXAxisLogarithmic(true);
        st.setYAxisLogarithmic(true);
        st.setLegendVisible(legend);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesVisible(true);
        st.setPlotGridLinesColor(new Color(0xe4e4e4));
        st.setPlotGridLinesStroke(new BasicStroke(0.6f));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setMarkerSize(7);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (StudySolver solver : r.config().solvers()) {
            List<Measurement> curve = r.curve(schedule, solver).stream()
                    .filter(m -> m.medianError() > 0 && Double.isFinite(m.medianError())).toList();
            if (curve.isEmpty()) {
                continue;
            }
            double[] nfe = curve.stream().mapToDouble(Measurement::nfe).toArray();
            double[] err = curve.stream().mapToDouble(Measurement::medianError).toArray();
            for (double v : nfe) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            XYSeries s = chart.addSeries(solver.label(), nfe, err);
            int k = solver.ordinal() % COLORS.length;
            s.setLineColor(COLORS[k]);
            s.setMarkerColor(COLORS[k]);
            // More solvers than colours: a colour's later rows take other markers.
            s.setMarker(MARKERS[(solver.ordinal() + 3 * (solver.ordinal() / COLORS.length)) % MARKERS.length]);
            boolean baseline = !solver.dpmSolver();
            s.setLineStyle(baseline ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {8f, 5f}, 0f) : new BasicStroke(2f));
        }
        if (hi > 0) {
            for (double target : r.config().targets()) {
                XYSeries t = chart.addSeries("target " + StudyReport.sci(target), new double[] {lo, hi},
                        new double[] {target, target});
                t.setMarker(SeriesMarkers.NONE);
                t.setLineColor(Color.GRAY);
                t.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {2f, 3f}, 0f));
                t.setShowInLegend(legend);
            }
        }
        return chart;
    }
}
