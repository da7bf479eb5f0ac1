package org.expint4j.diffusion.schedule;

/**
 * Numerics shared by the noise schedules: a stable \( \log(e^a + e^b) \), the map from the half
 * log-SNR to \( \log\alpha \) of a variance-preserving schedule, and the reference's piecewise-linear
 * interpolation with linear extrapolation.
 */
final class ScheduleMath {

    private ScheduleMath() {
    }

    /**
     * \( \log(e^a + e^b) = \max(a, b) + \log(1 + e^{-|a - b|}) \), without overflow or loss of the
     * small term.
     *
     * @param a first exponent
     * @param b second exponent
     * @return \( \log(e^a + e^b) \); NaN if either is NaN
     */
    static double logAddExp(double a, double b) {
        final double max = Math.max(a, b);
        if (Double.isInfinite(max)) {
            // Both -inf gives -inf, any +inf gives +inf; the general formula would give inf - inf.
            return max;
        }
        return max + Math.log1p(Math.exp(-Math.abs(a - b)));
    }

    /**
     * The \( \log\alpha \) of a variance-preserving schedule at half log-SNR \(\lambda\): from
     * \( \alpha^2 = 1/(1 + e^{-2\lambda}) \), \( \log\alpha = -\tfrac12 \log(1 + e^{-2\lambda}) \).
     *
     * @param lambda the half log-SNR
     * @return \( \log\alpha \le 0 \)
     */
    static double logAlphaOfLambda(double lambda) {
        return -0.5 * logAddExp(0, -2 * lambda);
    }

    /**
     * Piecewise-linear interpolation through the keypoints \( (x_j, y_j) \), extended beyond the
     * first and last keypoint by the line through the two outermost keypoints on that side (the
     * reference's {@code interpolate_fn}). Inside, the segment \( [x_j, x_{j+1}) \) with
     * \( x_j \le x \) is used, so every keypoint maps exactly to its \( y_j \) (the reference
     * sorts with ties in unspecified order, which can differ there by rounding).
     *
     * @param x where to evaluate
     * @param xp strictly increasing abscissae, at least 2
     * @param yp ordinates, same length
     * @return \( y_j + (x - x_j)(y_{j+1} - y_j)/(x_{j+1} - x_j) \) on the selected segment
     */
    static double interpolate(double x, double[] xp, double[] yp) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        final int last = xp.length - 1;
        // Largest j with xp[j] <= x, clamped to [0, last - 1].
        int lo = 0;
        int hi = last;
        if (x == xp[last]) {
            return yp[last];
        }
        if (x > xp[last]) {
            lo = last - 1;
        } else if (x > xp[0]) {
            // Invariant: xp[lo] <= x < xp[hi].
            while (hi - lo > 1) {
                final int mid = (lo + hi) >>> 1;
                if (xp[mid] <= x) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
        }
        final double x0 = xp[lo];
        final double y0 = yp[lo];
        // Same operation order as the reference: y0 + ((x - x0) * (y1 - y0)) / (x1 - x0).
        return y0 + (x - x0) * (yp[lo + 1] - y0) / (xp[lo + 1] - x0);
    }

    /**
     * @param value a number
     * @param name its name in the message
     * @throws IllegalArgumentException if it is NaN or infinite
     */
    static void requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }
}
