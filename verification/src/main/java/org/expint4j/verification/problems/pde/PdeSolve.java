package org.expint4j.verification.problems.pde;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.expint4j.integrate.FixedStepIntegrator;
import org.expint4j.integrate.IntegrationStatistics;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.verification.io.AtomicFiles;

/**
 * Solve a PDE problem with fixed steps, record {@value #SNAPSHOTS} snapshots (every step if
 * there are fewer, always the last) besides the initial state, and write the space-time picture
 * and the final state: the entry point behind the Kuramoto–Sivashinsky figure.
 *
 * <pre>{@code
 * PdeSolve.Result r = PdeSolve.run("ks", MethodRegistry.byName("hochost4"), 0.25, 150.0,
 *         Path.of("ks.png"), Path.of("ks-final.csv"));
 * }</pre>
 */
public final class PdeSolve {

    /** Target number of recorded steps (plus the initial state). */
    public static final int SNAPSHOTS = 150;

    private PdeSolve() {
    }

    /**
     * What a run produced.
     *
     * @param problem the problem solved
     * @param method the method used
     * @param h the step size
     * @param snapshots the recorded solution, including \(t_0\) and the final time
     * @param finalState the final state in the problem's own variables
     * @param statistics the integrator's counts
     */
    public record Result(PdeProblem problem, ExponentialMethod method, double h, Snapshots snapshots,
                         double[] finalState, IntegrationStatistics statistics) {
    }

    /**
     * Solves a registered problem in its default setting (see {@link PdeProblems}).
     *
     * @param problem the registry name
     * @param method the method
     * @param h the step size; \(t_{\mathrm{end}} - t_0\) must be a whole number of steps (to
     *     \(10^{-9}\) relative)
     * @param tEnd the final time, after the problem's \(t_0\); may differ from its default
     *     {@code t1()}
     * @param plotPng where to write the picture, or {@code null} for none
     * @param finalCsv where to write the final physical values, or {@code null} for none
     * @return the result
     * @throws IOException if a file cannot be written
     * @throws IllegalArgumentException for an unknown problem or a step that does not divide the span
     */
    public static Result run(String problem, ExponentialMethod method, double h, double tEnd, Path plotPng,
                             Path finalCsv) throws IOException {
        return run(PdeProblems.byName(problem), method, h, tEnd, plotPng, finalCsv);
    }

    /**
     * Solves a given problem instance; see {@link #run(String, ExponentialMethod, double, double,
     * Path, Path)}.
     *
     * @param problem the problem
     * @param method the method
     * @param h the step size
     * @param tEnd the final time
     * @param plotPng where to write the picture, or {@code null}
     * @param finalCsv where to write the final values, or {@code null}
     * @return the result
     * @throws IOException if a file cannot be written
     */
    public static Result run(PdeProblem problem, ExponentialMethod method, double h, double tEnd, Path plotPng,
                             Path finalCsv) throws IOException {
        double t0 = problem.t0();
        int steps = steps(t0, tEnd, h);
        double[] u0 = problem.initialState();
        List<Double> times = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        times.add(t0);
        rows.add(problem.toPhysical(u0));
        double[] out = new double[u0.length];
        IntegrationStatistics statistics = new FixedStepIntegrator<>(method, DoubleVectorOps.serial())
                .addObserver((step, t, state, hStep, nfe) -> {
                    // Record the step that enters each of SNAPSHOTS equal parts of the run.
                    if ((long) step * SNAPSHOTS / steps != (long) (step - 1) * SNAPSHOTS / steps) {
                        times.add(t);
                        rows.add(problem.toPhysical(state));
                    }
                })
                .integrate(problem.problem().linearPart(), problem.problem().nonlinearity(), u0, t0, tEnd, steps, out);
        Snapshots snapshots = new Snapshots(problem.gridPoints(), problem.xMin(), problem.xMax(), problem.periodic(),
                times.stream().mapToDouble(Double::doubleValue).toArray(), rows.toArray(new double[0][]));
        Result result = new Result(problem, method, h, snapshots, out, statistics);
        if (plotPng != null) {
            writePlot(result, plotPng);
        }
        if (finalCsv != null) {
            writeCsv(result, finalCsv);
        }
        return result;
    }

    /**
     * Writes the space-time picture of a run.
     *
     * @param result the run
     * @param png the picture (PNG)
     * @throws IOException if it cannot be written
     */
    public static void writePlot(Result result, Path png) throws IOException {
        String title = String.format(Locale.ROOT, "%s, %s, h = %s", result.problem().name(), result.method().name(),
                shortNumber(result.h()));
        SpaceTimePlot.write(result.snapshots(), title, 800, 600, png);
    }

    /**
     * Writes the final state of a run as {@code x,u} CSV.
     *
     * @param result the run
     * @param csv the file
     * @throws IOException if it cannot be written
     */
    public static void writeCsv(Result result, Path csv) throws IOException {
        writeCsv(result.snapshots().x(), result.snapshots().last(), csv);
    }

    static int steps(double t0, double tEnd, double h) {
        if (!(h > 0) || !Double.isFinite(h) || !(tEnd > t0) || !Double.isFinite(tEnd)) {
            throw new IllegalArgumentException("need h > 0 and tEnd > t0 = " + t0 + ", got h = " + h + ", tEnd = " + tEnd);
        }
        double ratio = (tEnd - t0) / h;
        long steps = Math.round(ratio);
        if (steps < 1 || steps > Integer.MAX_VALUE || Math.abs(ratio - steps) > 1e-9 * ratio) {
            throw new IllegalArgumentException("h = " + h + " does not divide [" + t0 + ", " + tEnd + "] into whole steps");
        }
        return (int) steps;
    }

    /**
     * Writes {@code x,u} rows with 17 significant digits (enough to read every double back
     * exactly), atomically.
     */
    static void writeCsv(double[] x, double[] u, Path csv) throws IOException {
        AtomicFiles.write(csv, stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            w.write("x,u\n");
            for (int j = 0; j < x.length; j++) {
                w.write(String.format(Locale.ROOT, "%.16e,%.16e%n", x[j], u[j]));
            }
            w.flush();
        });
    }

    /** @return {@code v} with six significant digits and no trailing zeros: 0.25, 5e-06 */
    static String shortNumber(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }
}
