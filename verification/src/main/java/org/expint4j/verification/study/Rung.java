package org.expint4j.verification.study;

/**
 * One rung of a convergence ladder for one method: a run with \(n\) equal steps
 * \(h = (t_1 - t_0)/n\), or an adaptive run at tolerance \(\mathrm{tol}\) with mean step
 * \(\bar h = (t_1 - t_0)/n_{\mathrm{accepted}}\), and what it measured.
 *
 * @param steps the number of steps \(n\) (fixed ladders) or of accepted steps (adaptive)
 * @param h the step size \(h\), or the mean accepted step \(\bar h\) (adaptive)
 * @param tolerance the tolerance of an adaptive run, {@code NaN} for fixed steps
 * @param maxError \(\max_i |u_i - u_{\mathrm{ref},i}|\) at \(t_1\) in physical coordinates
 *     (for a problem family, the largest over its members); {@code NaN} if the run failed
 * @param rmsError \(\bigl(\frac1m\sum_i (u_i - u_{\mathrm{ref},i})^2\bigr)^{1/2}\), likewise
 * @param evaluations the number of evaluations of \(N\) (NFE)
 * @param acceptedSteps accepted steps
 * @param rejectedSteps rejected steps (adaptive only)
 * @param wallSeconds the median wall-clock time of the repeats, in seconds (summed over the
 *     members of a family)
 * @param localOrder \( \log(e_{k-1}/e_k)/\log(h_{k-1}/h_k) \) against the previous rung in the
 *     max norm, {@code NaN} for the first rung or where undefined
 * @param status whether the rung entered the order fit, and if not, why
 * @param failure the message of the integration failure, or {@code null}
 */
public record Rung(int steps, double h, double tolerance, double maxError, double rmsError, long evaluations,
                   long acceptedSteps, long rejectedSteps, double wallSeconds, double localOrder, Status status,
                   String failure) {

    /** Why a rung is, or is not, part of the fitted (asymptotic) range. */
    public enum Status {
        /** Used in the least-squares fit. */
        USED,
        /** Excluded by the caller's fit window. */
        OUTSIDE_FIT_WINDOW,
        /**
         * Leading rung with error at least the size of the solution: no correct digit, so no
         * asymptotic expansion in \(h\) can describe it.
         */
        NO_CORRECT_DIGIT,
        /** At or below the rounding floor, or finer than a rung that was. */
        ROUNDING_FLOOR,
        /** Near the rounding floor and no longer decreasing (first such rung). */
        STAGNATION,
        /** The integration failed (non-finite state, step-size underflow, too many steps). */
        FAILED;

        /** @return whether the rung was used in the fit */
        public boolean used() {
            return this == USED;
        }
    }

    /** @return whether this rung is from an adaptive run */
    public boolean adaptive() {
        return !Double.isNaN(tolerance);
    }
}
