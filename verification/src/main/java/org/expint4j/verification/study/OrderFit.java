package org.expint4j.verification.study;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The observed order of convergence: the least-squares slope \(\hat p\) of \(\log e\) on
 * \(\log h\) over the asymptotic range of a ladder, with its 95% confidence interval
 * \( \hat p \pm t_{0.975,\,k-2}\,\mathrm{se}(\hat p) \) from Commons Math's
 * {@link SimpleRegression} (\(k\) rungs used; no interval for \(k \lt 3\)).
 *
 * <p><b>Which rungs are fitted.</b> Rungs are ordered from coarse to fine. With
 * \( s = \max(\|u_{\mathrm{ref}}\|_\infty, \text{tiny}) \) and the rounding floor
 * \( \varepsilon_r = \) {@value #FLOOR_ULPS}\(\,\mathrm{ulp}(s) \approx 2\cdot 10^{-13} s\):
 * <ol>
 * <li>{@link Rung.Status#FAILED}: the run failed or its error is not finite.</li>
 * <li>{@link Rung.Status#OUTSIDE_FIT_WINDOW}: excluded by the caller.</li>
 * <li>{@link Rung.Status#NO_CORRECT_DIGIT}: the leading rungs (coarse end only) with
 *     \( e \ge s \): not one correct digit, so no expansion \( e \approx C h^p \) applies. This
 *     is the only pre-asymptotic rule: milder pre-asymptotic behaviour is left in the fit and
 *     shows up in the local orders and the confidence interval, where a reader can judge it; a
 *     caller who knows better sets a fit window.</li>
 * <li>{@link Rung.Status#ROUNDING_FLOOR} / {@link Rung.Status#STAGNATION}: from the first rung
 *     with \( e \le \varepsilon_r \), or with \( e \le \) {@value #STAGNATION_WINDOW}
 *     \(\varepsilon_r\) and a local order below {@value #STAGNATION_ORDER}, to the finest rung.
 *     A global error accumulates about \(n\) roundings of the state, so \( \varepsilon_r \)
 *     corresponds to some hundreds to thousands of steps at a few ulps each; below it the
 *     error measures rounding, not truncation. Close above it, the truncation error is
 *     contaminated by rounding that grows with \(n\); a local order below
 *     {@value #STAGNATION_ORDER} there (no catalogue method converges that slowly) shows the
 *     error has stopped decreasing. Far above the floor the rule never applies, so a method
 *     that genuinely fails to converge is not hidden.</li>
 * </ol>
 * The rungs left are {@link Rung.Status#USED}; they need not be contiguous only if a run failed
 * in the middle of the ladder.
 */
public final class OrderFit {

    /** Confidence level of the slope interval. */
    public static final double CONFIDENCE = 0.95;

    /** The rounding floor in ulps of the solution's max norm. */
    public static final double FLOOR_ULPS = 1000;

    /** Multiple of the rounding floor within which a stagnating error counts as floored. */
    public static final double STAGNATION_WINDOW = 100;

    /** Local order below which an error near the floor counts as no longer decreasing. */
    public static final double STAGNATION_ORDER = 0.5;

    private final Rung.Status[] status;
    private final double[] localOrders;
    private final int points;
    private final double slope;
    private final double intercept;
    private final double standardError;
    private final double halfWidth;
    private final double rSquare;
    private final double floor;

    private OrderFit(Rung.Status[] status, double[] localOrders, SimpleRegression regression, double floor) {
        this.status = status;
        this.localOrders = localOrders;
        this.floor = floor;
        this.points = (int) regression.getN();
        if (points >= 2) {
            slope = regression.getSlope();
            intercept = regression.getIntercept();
            rSquare = regression.getRSquare();
        } else {
            slope = Double.NaN;
            intercept = Double.NaN;
            rSquare = Double.NaN;
        }
        if (points >= 3) {
            standardError = regression.getSlopeStdErr();
            halfWidth = regression.getSlopeConfidenceInterval(1 - CONFIDENCE);
        } else {
            standardError = Double.NaN;
            halfWidth = Double.NaN;
        }
    }

    /**
     * Classifies the rungs (see the class documentation) and fits the slope.
     *
     * @param h step sizes, coarse to fine, positive
     * @param error max-norm errors, same length ({@code NaN} or \(\infty\) for a failed run)
     * @param solutionScale \(\|u_{\mathrm{ref}}\|_\infty\), which sets the rounding floor and
     *     the no-correct-digit threshold
     * @param inWindow which rungs the caller allows, or {@code null} for all
     * @return the fit
     * @throws IllegalArgumentException for mismatched lengths
     */
    public static OrderFit fit(double[] h, double[] error, double solutionScale, boolean[] inWindow) {
        int k = h.length;
        if (error.length != k || (inWindow != null && inWindow.length != k)) {
            throw new IllegalArgumentException("h, error and window lengths differ: " + k + ", " + error.length
                    + (inWindow == null ? "" : ", " + inWindow.length));
        }
        double scale = Math.max(Math.abs(solutionScale), Double.MIN_NORMAL);
        double floor = FLOOR_ULPS * Math.ulp(scale);
        double[] local = localOrders(h, error);
        Rung.Status[] status = new Rung.Status[k];
        Arrays.fill(status, Rung.Status.USED);
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(error[i]) || !(h[i] > 0)) {
                status[i] = Rung.Status.FAILED;
            }
        }
        // Coarse end: no correct digit.
        for (int i = 0; i < k && (status[i] == Rung.Status.FAILED || error[i] >= scale); i++) {
            if (status[i] != Rung.Status.FAILED) {
                status[i] = Rung.Status.NO_CORRECT_DIGIT;
            }
        }
        // Fine end: from the first floored or stagnating rung on.
        for (int i = 0; i < k; i++) {
            if (status[i] != Rung.Status.USED) {
                continue;
            }
            boolean floored = error[i] <= floor;
            boolean stagnating = error[i] <= STAGNATION_WINDOW * floor && local[i] < STAGNATION_ORDER;
            if (floored || stagnating) {
                status[i] = floored ? Rung.Status.ROUNDING_FLOOR : Rung.Status.STAGNATION;
                for (int j = i + 1; j < k; j++) {
                    if (status[j] != Rung.Status.FAILED) {
                        status[j] = Rung.Status.ROUNDING_FLOOR;
                    }
                }
                break;
            }
        }
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < k; i++) {
            if (status[i] == Rung.Status.USED && inWindow != null && !inWindow[i]) {
                status[i] = Rung.Status.OUTSIDE_FIT_WINDOW;
            }
            if (status[i] == Rung.Status.USED) {
                regression.addData(Math.log(h[i]), Math.log(error[i]));
            }
        }
        return new OrderFit(status, local, regression, floor);
    }

    /**
     * Successive local orders \( \log(e_{k-1}/e_k)/\log(h_{k-1}/h_k) \) (for halving,
     * \( \log_2(e_{k-1}/e_k) \)).
     *
     * @param h step sizes
     * @param error errors
     * @return the local orders; entry 0 and entries next to a non-positive or non-finite error,
     *     or equal step sizes, are {@code NaN}
     */
    public static double[] localOrders(double[] h, double[] error) {
        double[] p = new double[h.length];
        Arrays.fill(p, Double.NaN);
        for (int i = 1; i < h.length; i++) {
            boolean ok = error[i] > 0 && error[i - 1] > 0 && Double.isFinite(error[i]) && Double.isFinite(error[i - 1])
                    && h[i] > 0 && h[i - 1] > 0 && h[i] != h[i - 1];
            if (ok) {
                p[i] = orderBetween(h[i - 1], error[i - 1], h[i], error[i]);
            }
        }
        return p;
    }

    /**
     * The order between two points of a convergence curve, the slope of \(\log e\) on \(\log h\):
     * \( \log(e_1/e_2)/\log(h_1/h_2) \). The one two-point formula of the project.
     *
     * @param h1 first step size
     * @param e1 its error
     * @param h2 second step size
     * @param e2 its error
     * @return the order; not finite if {@code h1 == h2} or an error is not positive
     */
    public static double orderBetween(double h1, double e1, double h2, double e2) {
        return Math.log(e1 / e2) / Math.log(h1 / h2);
    }

    /**
     * {@link #orderBetween} in a cost \(N\) (NFE, steps) with \(h \propto 1/N\):
     * \( \log(e_1/e_2)/\log(N_2/N_1) \), positive when the error falls as the cost grows.
     *
     * @param n1 first cost
     * @param e1 its error
     * @param n2 second cost
     * @param e2 its error
     * @return the order; not finite if {@code n1 == n2} or an error is not positive
     */
    public static double orderBetweenNfe(double n1, double e1, double n2, double e2) {
        return orderBetween(n2, e1, n1, e2);
    }

    /**
     * @param i rung index
     * @return its classification
     */
    public Rung.Status status(int i) {
        return status[i];
    }

    /**
     * @param i rung index
     * @return its local order (see {@link #localOrders})
     */
    public double localOrder(int i) {
        return localOrders[i];
    }

    /** @return the number of rungs used */
    public int points() {
        return points;
    }

    /** @return whether at least two rungs were used, so that a slope exists */
    public boolean hasSlope() {
        return points >= 2;
    }

    /** @return the observed order \(\hat p\), {@code NaN} with fewer than two rungs */
    public double slope() {
        return slope;
    }

    /** @return the intercept \(\log C\) of \( \log e = \log C + \hat p \log h \) */
    public double intercept() {
        return intercept;
    }

    /** @return the standard error of the slope, {@code NaN} with fewer than three rungs */
    public double slopeStandardError() {
        return standardError;
    }

    /** @return the lower end of the 95% confidence interval, {@code NaN} with fewer than three rungs */
    public double confidenceLow() {
        return slope - halfWidth;
    }

    /** @return the upper end of the 95% confidence interval, {@code NaN} with fewer than three rungs */
    public double confidenceHigh() {
        return slope + halfWidth;
    }

    /** @return the coefficient of determination \(R^2\) of the fit */
    public double rSquare() {
        return rSquare;
    }

    /** @return the rounding floor \(\varepsilon_r\) used */
    public double roundingFloor() {
        return floor;
    }

    /** @return e.g. {@code "4.03 [3.98, 4.08] (5 rungs)"} */
    @Override
    public String toString() {
        if (!hasSlope()) {
            return "no slope (" + points + " rung" + (points == 1 ? "" : "s") + " used)";
        }
        String ci = Double.isNaN(halfWidth) ? "no CI" : String.format(Locale.ROOT, "[%.2f, %.2f]", confidenceLow(), confidenceHigh());
        return String.format(Locale.ROOT, "%.2f %s (%d rungs)", slope, ci, points);
    }
}
