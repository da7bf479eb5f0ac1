package org.expint4j.verification.study;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.expint4j.verification.io.AtomicFiles;

/**
 * The log-log convergence plot of an {@link OrderStudyResult}, drawn with XChart (headless):
 * max-norm error against step size, one series per method (all rungs with a positive finite
 * error, including those left out of the fit), and for each distinct rounded observed order
 * \(p\) a dashed grey line \(C h^p\) over the fitted range of a method with that order, a
 * factor {@value #BELOW} below its data so that the slopes can be compared by eye.
 */
final class ConvergencePlot {

    /** How far below the anchoring data point a reference line runs. */
    static final double BELOW = 3;

    private static final Color REFERENCE = new Color(110, 110, 110);

    private static final Pattern LONG_DECIMAL = Pattern.compile("-?\\d+\\.\\d{3,}");

    private ConvergencePlot() {
    }

    static XYChart chart(OrderStudyResult result) {
        XYChart chart = new XYChartBuilder().width(900).height(620).title(result.problemName())
                .xAxisTitle(result.adaptive() ? "mean step size h" : "step size h")
                .yAxisTitle("max-norm error at t1").build();
        XYStyler styler = chart.getStyler();
        styler.setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        styler.setLegendPosition(Styler.LegendPosition.InsideSE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesVisible(true);
        styler.setMarkerSize(7);
        // Decades labelled as 1E-3 etc. (a custom formatting function would switch XChart to a
        // linear tick calculator, which does not terminate on log axes).
        styler.setXAxisDecimalPattern("0E0");
        styler.setYAxisDecimalPattern("0E0");
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAnnotationTextFontColor(REFERENCE);
        for (MethodConvergence m : result.methods()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (Rung r : m.rungs()) {
                if (r.maxError() > 0 && Double.isFinite(r.maxError()) && r.h() > 0) {
                    x.add(r.h());
                    y.add(r.maxError());
                }
            }
            if (x.isEmpty()) {
                continue;
            }
            String label = m.fit().hasSlope()
                    ? String.format(Locale.ROOT, "%s (order %.2f)", m.name(), m.fit().slope()) : m.name();
            XYSeries s = chart.addSeries(label, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        for (int p : result.referenceOrders()) {
            addReference(chart, result, p);
        }
        return chart;
    }

    private static void addReference(XYChart chart, OrderStudyResult result, int p) {
        MethodConvergence anchor = null;
        for (MethodConvergence m : result.methods()) {
            boolean matches = m.fit().hasSlope() && Math.max(1, Math.min(8, Math.round(m.fit().slope()))) == p;
            if (matches && (anchor == null || m.usedRungs().size() > anchor.usedRungs().size())) {
                anchor = m;
            }
        }
        if (anchor == null) {
            return;
        }
        List<Rung> used = anchor.usedRungs();
        Rung coarse = used.get(0);
        double hMax = coarse.h();
        double hMin = used.get(used.size() - 1).h();
        double c = coarse.maxError() / Math.pow(hMax, p) / BELOW;
        XYSeries s = chart.addSeries("slope " + p, new double[] {hMax, hMin},
                new double[] {c * Math.pow(hMax, p), c * Math.pow(hMin, p)});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(REFERENCE);
        s.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        s.setShowInLegend(false);
        // Label the line at its fine end, where the lines are furthest apart.
        AnnotationText label = new AnnotationText("p = " + p, hMin, c * Math.pow(hMin, p) / 1.8, false);
        chart.addAnnotation(label);
    }

    /**
     * XChart draws text as outlines with coordinates to eight decimals; a hundredth of a pixel
     * is invisible and makes the SVG a third smaller.
     */
    static String roundCoordinates(String svg) {
        Matcher m = LONG_DECIMAL.matcher(svg);
        StringBuilder sb = new StringBuilder(svg.length());
        while (m.find()) {
            String t = String.format(Locale.ROOT, "%.2f", Double.parseDouble(m.group()));
            t = t.replaceAll("0+$", "").replaceAll("\\.$", "");
            m.appendReplacement(sb, t.equals("-0") ? "0" : t);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static void write(OrderStudyResult result, Path png, Path svg) throws IOException {
        XYChart chart = chart(result);
        if (png != null) {
            AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        }
        if (svg != null) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, buffer, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            String text = roundCoordinates(buffer.toString(StandardCharsets.UTF_8));
            AtomicFiles.writeString(svg, text);
        }
    }
}
