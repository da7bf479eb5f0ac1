package org.expint4j.verification.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.expint4j.verification.io.AtomicFiles;

/**
 * The outcome of an {@link OrderStudy}: per method, the rungs and the fitted observed order; and
 * three renderings — a Markdown report for the documentation, a CSV with every number at full
 * precision (shortest round-trip decimal), and a log-log plot of error against step size with
 * reference slopes (PNG and SVG). Files are written atomically ({@link AtomicFiles}).
 */
public final class OrderStudyResult {

    private final String problemName;
    private final String problemDescription;
    private final String referenceDescription;
    private final double t1;
    private final double solutionScale;
    private final boolean adaptive;
    private final List<MethodConvergence> methods;

    OrderStudyResult(String problemName, String problemDescription, String referenceDescription, double t1,
                     double solutionScale, boolean adaptive, List<MethodConvergence> methods) {
        this.problemName = problemName;
        this.problemDescription = problemDescription;
        this.referenceDescription = referenceDescription;
        this.t1 = t1;
        this.solutionScale = solutionScale;
        this.adaptive = adaptive;
        this.methods = List.copyOf(methods);
    }

    /** @return the problem (or family) name */
    public String problemName() {
        return problemName;
    }

    /** @return the problem (or family) description */
    public String problemDescription() {
        return problemDescription;
    }

    /** @return how the reference solution was obtained */
    public String referenceDescription() {
        return referenceDescription;
    }

    /** @return \(\|u_{\mathrm{ref}}\|_\infty\) (largest over a family), which sets the rounding floor */
    public double solutionScale() {
        return solutionScale;
    }

    /** @return whether the ladder was one of tolerances (adaptive runs) */
    public boolean adaptive() {
        return adaptive;
    }

    /** @return the per-method results, in the order the methods were given */
    public List<MethodConvergence> methods() {
        return methods;
    }

    /**
     * @param name a method's registry name
     * @return its results
     * @throws IllegalArgumentException if the study did not run that method
     */
    public MethodConvergence method(String name) {
        for (MethodConvergence m : methods) {
            if (m.name().equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("method '" + name + "' is not in this study; it has "
                + methods.stream().map(MethodConvergence::name).toList());
    }

    /**
     * A Markdown report: a heading with the problem, an error table (rows: rungs; columns:
     * methods, for fixed ladders; one table per method for tolerance ladders), and a table of
     * observed orders with confidence intervals, fitted rungs and local orders.
     *
     * @return the Markdown text
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(problemName).append("\n\n");
        sb.append(problemDescription).append(".\n\n");
        sb.append("Max-norm errors at t = ").append(num(t1)).append(" (reference: ").append(referenceDescription)
                .append("); ").append(adaptive ? "adaptive runs, h = mean accepted step" : "n equal steps, h = "
                        + "(t1 - t0)/n").append(". † marks rungs left out of the fit (see the status column of the CSV).\n\n");
        if (adaptive) {
            for (MethodConvergence m : methods) {
                sb.append("**").append(m.name()).append("**\n\n");
                sb.append("| tol | accepted | rejected | NFE | mean h | max error | RMS error | local order |\n");
                sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
                for (Rung r : m.rungs()) {
                    sb.append(String.format(Locale.ROOT, "| %.0e | %d | %d | %d | %.3e | %s | %s | %s |%n",
                            r.tolerance(), r.acceptedSteps(), r.rejectedSteps(), r.evaluations(), r.h(),
                            error(r), sci(r.rmsError()), fixed(r.localOrder())));
                }
                sb.append('\n');
            }
        } else {
            sb.append("| n | h |");
            for (MethodConvergence m : methods) {
                sb.append(' ').append(m.name()).append(" |");
            }
            sb.append("\n|---:|---:|");
            sb.append("---:|".repeat(methods.size()));
            sb.append('\n');
            int rows = methods.get(0).rungs().size();
            for (int i = 0; i < rows; i++) {
                Rung first = methods.get(0).rungs().get(i);
                sb.append(String.format(Locale.ROOT, "| %d | %.3e |", first.steps(), first.h()));
                for (MethodConvergence m : methods) {
                    sb.append(' ').append(error(m.rungs().get(i))).append(" |");
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        sb.append("| method | classical order | stiff order | observed order | 95% CI | fitted rungs | local orders |\n");
        sb.append("|---|---:|---:|---:|---|---|---|\n");
        for (MethodConvergence m : methods) {
            OrderFit f = m.fit();
            StringBuilder local = new StringBuilder();
            for (Rung r : m.rungs()) {
                if (!Double.isNaN(r.localOrder())) {
                    local.append(local.length() == 0 ? "" : " ").append(fixed(r.localOrder()));
                }
            }
            String ci = Double.isNaN(f.slopeStandardError()) ? "–"
                    : String.format(Locale.ROOT, "[%.2f, %.2f]", f.confidenceLow(), f.confidenceHigh());
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s |%n", m.name(),
                    m.method().classicalOrder(), m.method().stiffOrder(), fixed(f.slope()), ci, m.usedRange(), local));
        }
        return sb.toString();
    }

    /**
     * Writes {@link #toMarkdown()} atomically.
     *
     * @param path the target file
     * @throws IOException if writing fails
     */
    public void writeMarkdown(Path path) throws IOException {
        AtomicFiles.writeString(path, toMarkdown());
    }

    /**
     * Writes every number of the study as CSV, one row per method and rung, with the method's
     * fit repeated on each of its rows. Doubles are written as Java's shortest decimal that
     * reads back to the same value ({@link Double#toString}); missing values are empty.
     *
     * @param path the target file
     * @throws IOException if writing fails
     */
    public void writeCsv(Path path) throws IOException {
        AtomicFiles.writeString(path, toCsv());
    }

    /** @return the CSV text of {@link #writeCsv} */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        sb.append("problem,method,classical_order,stiff_order,mode,rung,steps,h,tolerance,max_error,rms_error,nfe,")
                .append("accepted_steps,rejected_steps,wall_seconds,local_order,status,observed_order,")
                .append("order_ci_low,order_ci_high,order_std_error,intercept,r_square,fitted_rungs,")
                .append("rounding_floor,solution_scale,failure\n");
        for (MethodConvergence m : methods) {
            OrderFit f = m.fit();
            for (int i = 0; i < m.rungs().size(); i++) {
                Rung r = m.rungs().get(i);
                List<String> cells = new ArrayList<>();
                cells.add(csv(problemName));
                cells.add(csv(m.name()));
                cells.add(Integer.toString(m.method().classicalOrder()));
                cells.add(Integer.toString(m.method().stiffOrder()));
                cells.add(adaptive ? "tolerance" : "steps");
                cells.add(Integer.toString(i));
                cells.add(Integer.toString(r.steps()));
                cells.add(d(r.h()));
                cells.add(d(r.tolerance()));
                cells.add(d(r.maxError()));
                cells.add(d(r.rmsError()));
                cells.add(Long.toString(r.evaluations()));
                cells.add(Long.toString(r.acceptedSteps()));
                cells.add(Long.toString(r.rejectedSteps()));
                cells.add(d(r.wallSeconds()));
                cells.add(d(r.localOrder()));
                cells.add(r.status().name());
                cells.add(d(f.slope()));
                cells.add(d(f.confidenceLow()));
                cells.add(d(f.confidenceHigh()));
                cells.add(d(f.slopeStandardError()));
                cells.add(d(f.intercept()));
                cells.add(d(f.rSquare()));
                cells.add(Integer.toString(f.points()));
                cells.add(d(f.roundingFloor()));
                cells.add(d(solutionScale));
                cells.add(r.failure() == null ? "" : csv(r.failure()));
                sb.append(String.join(",", cells)).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Writes the log-log plot of max-norm error against \(h\) (mean step for adaptive runs),
     * one series per method, with dashed reference lines \(C h^p\) for the observed orders
     * rounded to integers.
     *
     * @param png the PNG file, or {@code null} for none
     * @param svg the SVG file, or {@code null} for none
     * @throws IOException if writing fails
     */
    public void writePlot(Path png, Path svg) throws IOException {
        ConvergencePlot.write(this, png, svg);
    }

    /** @return the distinct rounded observed orders, at least 1, at most 8 */
    TreeSet<Integer> referenceOrders() {
        TreeSet<Integer> orders = new TreeSet<>();
        for (MethodConvergence m : methods) {
            if (m.fit().hasSlope()) {
                orders.add((int) Math.max(1, Math.min(8, Math.round(m.fit().slope()))));
            }
        }
        return orders;
    }

    private static String error(Rung r) {
        String e = r.status() == Rung.Status.FAILED && !Double.isFinite(r.maxError()) ? "failed" : sci(r.maxError());
        return r.status().used() ? e : e + "†";
    }

    private static String sci(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.2e", x);
    }

    private static String fixed(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.2f", x);
    }

    private static String num(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    private static String d(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** @return a short summary, one line per method */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(problemName).append('\n');
        for (MethodConvergence m : methods) {
            sb.append("  ").append(m).append('\n');
        }
        return sb.toString();
    }
}
