package org.expint4j.diffusion.schedule;

import java.util.Objects;

/**
 * The noise schedule of a discrete-time diffusion model (DDPM and its descendants), as the
 * reference's {@code NoiseScheduleVP('discrete')} builds it: \(\log\alpha\) is known at \(N\)
 * steps and interpolated piecewise-linearly in between.
 *
 * <p><b>Keypoints.</b> From \(\beta_0, \dots, \beta_{N-1}\),
 * \( \log\alpha_n = \tfrac12 \sum_{k \le n} \log(1 - \beta_k) \) (summed with {@code log1p});
 * from \( \bar\alpha_n \) ("alphas_cumprod"), \( \log\alpha_n = \tfrac12 \log\bar\alpha_n \).
 *
 * <p><b>Clipping.</b> Trailing steps whose half log-SNR
 * \( \lambda_n = \log\alpha_n - \tfrac12\log(1 - \alpha_n^2) \) is below {@code clippedLambda}
 * (default \(-5.1\)) are dropped, as the reference's {@code numerical_clip_alpha} does: the number
 * dropped is the number of \(\lambda_n\) strictly below the threshold (the searchsorted position
 * of the threshold in the increasing, reversed \(\lambda\) array). What remains has length
 * \(N' \le N\), and everything below uses \(N'\): for the standard linear DDPM betas nothing is
 * dropped (\(\lambda_{N-1} \approx -5.06\)); for the 1000-step cosine betas the last 4 steps are
 * dropped and \(N' = 996\). {@code Double.NEGATIVE_INFINITY} turns clipping off.
 *
 * <p><b>Time.</b> Keypoint \(n\) sits at \( t_n = (n + 1)/N' \), so \( t_0 = 1/N' \) is the
 * default end of sampling and \( t_{N'-1} = T = 1 \). \( \log\alpha(t) \) is the piecewise-linear
 * interpolant of \( (t_n, \log\alpha_n) \), extended beyond \( [t_0, 1] \) by the line through
 * the two outermost keypoints on that side; sampling may end below \(1/N'\) (for example at
 * \(10^{-4}\)), where this extrapolation is what the reference computes. For increasing betas that
 * line reaches \( \log\alpha = 0 \) a little below \(1/N'\) (at \( t \approx 1.7\times10^{-4} \)
 * for the linear DDPM betas); below that point \( \log\alpha > 0 \) and \(\sigma\),
 * \(\lambda\) are NaN, in the reference as here. The inverse
 * \( t(\lambda) \) maps \(\lambda\) to \( \log\alpha = -\tfrac12\log(1 + e^{-2\lambda}) \) and
 * interpolates \( (\log\alpha_n, t_n) \) the same way, so it inverts the forward map exactly up to
 * rounding, extrapolation included.
 *
 * <p><b>Model time.</b> The reference feeds the model \( 1000\,(t - 1/N') \)
 * ({@link #modelTimeMap()}), with 1000 hard-coded and \(N'\) the clipped length: when steps were
 * clipped, keypoint \(n\) is labelled \( 1000\, n/N' \) instead of the \(n\) the model was trained
 * with, a shift that grows to about 4 at the end of the 1000-step cosine schedule
 * (LuChengTHU/dpm-solver#60). {@link #stepIndexTimeMap()} labels keypoint \(n\) with \(n\)
 * instead; the two agree when \(N' = 1000\).
 *
 * <p>The grid uses the correctly rounded \( (n+1)/N' \); the reference builds it with
 * {@code torch.linspace}, which may differ in the last bits (and is rounded to {@code float} if the
 * default dtype is {@code float32}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DiscreteSchedule implements NoiseSchedule {

    /**
     * The largest number of steps \(N\) accepted, \(10^7\): four orders of magnitude above the
     * 1000 of DDPM, and small enough that the schedule's five arrays of \(N\) doubles (400 MB)
     * can be allocated. Checked before anything is allocated.
     */
    public static final int MAX_STEPS = 10_000_000;

    /** The reference's clipping threshold on \(\lambda\), \(-5.1\). */
    public static final double DEFAULT_CLIPPED_LAMBDA = -5.1;

    /** Largest beta of the discrete cosine schedule (Nichol and Dhariwal clip at 0.999). */
    private static final double COSINE_MAX_BETA = 0.999;

    /** Offset \(s\) of the discrete cosine schedule. */
    private static final double COSINE_S = 0.008;

    /** Keypoint times \( t_n = (n+1)/N' \), increasing. */
    private final double[] times;

    /** \( \log\alpha_n \) at the keypoints, strictly decreasing. */
    private final double[] logAlphas;

    /** {@link #logAlphas} reversed (increasing): abscissae of the inverse map. */
    private final double[] logAlphasIncreasing;

    /** {@link #times} reversed: ordinates of the inverse map. */
    private final double[] timesDecreasing;

    /** \(N\), the length before clipping. */
    private final int originalLength;

    /** The clipping threshold used. */
    private final double clippedLambda;

    /**
     * @param allLogAlphas strictly decreasing \(\log\alpha_n\), all of them (not clipped)
     * @param clippedLambda the threshold
     */
    private DiscreteSchedule(double[] allLogAlphas, double clippedLambda) {
        if (Double.isNaN(clippedLambda)) {
            throw new IllegalArgumentException("clippedLambda must not be NaN");
        }
        final int n = allLogAlphas.length;
        // lambda decreases along the array, so the entries below the threshold are a suffix.
        int dropped = 0;
        while (dropped < n && lambdaOf(allLogAlphas[n - 1 - dropped]) < clippedLambda) {
            dropped++;
        }
        final int kept = n - dropped;
        if (kept < 2) {
            throw new IllegalArgumentException("clipping at lambda = " + clippedLambda + " leaves "
                    + kept + " of " + n + " steps; piecewise-linear interpolation needs at least 2");
        }
        this.originalLength = n;
        this.clippedLambda = clippedLambda;
        this.logAlphas = new double[kept];
        this.times = new double[kept];
        this.logAlphasIncreasing = new double[kept];
        this.timesDecreasing = new double[kept];
        for (int i = 0; i < kept; i++) {
            logAlphas[i] = allLogAlphas[i];
            times[i] = (double) (i + 1) / kept;
        }
        for (int i = 0; i < kept; i++) {
            logAlphasIncreasing[i] = logAlphas[kept - 1 - i];
            timesDecreasing[i] = times[kept - 1 - i];
        }
    }

    /**
     * From the betas of a discrete-time model, clipped at \(\lambda = -5.1\).
     *
     * @param betas \(\beta_0, \dots, \beta_{N-1}\), each in \((0, 1)\)
     * @return the schedule
     * @throws IllegalArgumentException if the array is empty or longer than {@link #MAX_STEPS},
     *     a beta is not a finite number in \((0, 1)\) (the message names its index and value), or
     *     fewer than 2 steps remain
     */
    public static DiscreteSchedule fromBetas(double[] betas) {
        return fromBetas(betas, DEFAULT_CLIPPED_LAMBDA);
    }

    /**
     * From the betas of a discrete-time model.
     *
     * @param betas \(\beta_0, \dots, \beta_{N-1}\), each in \((0, 1)\)
     * @param clippedLambda trailing steps with \(\lambda_n\) below it are dropped;
     *     {@code Double.NEGATIVE_INFINITY} keeps all
     * @return the schedule
     * @throws IllegalArgumentException if the array is empty or longer than {@link #MAX_STEPS},
     *     a beta is not a finite number in \((0, 1)\) or too small to change \(\log\alpha\) in
     *     double precision (the message names its index and value), {@code clippedLambda} is NaN, or
     *     fewer than 2 steps remain
     */
    public static DiscreteSchedule fromBetas(double[] betas, double clippedLambda) {
        Objects.requireNonNull(betas, "betas");
        if (betas.length == 0) {
            throw new IllegalArgumentException("betas is empty");
        }
        checkSteps("betas.length", betas.length);
        final double[] logAlphas = new double[betas.length];
        double sum = 0;
        for (int k = 0; k < betas.length; k++) {
            final double beta = betas[k];
            if (!(beta > 0 && beta < 1)) {
                throw new IllegalArgumentException(
                        "betas[" + k + "] = " + beta + ", must be in (0, 1)");
            }
            final double next = sum + Math.log1p(-beta);
            if (!(next < sum)) {
                // Equal keypoints would make the inverse map divide by zero.
                throw new IllegalArgumentException("betas[" + k + "] = " + beta
                        + " does not change the cumulative sum of log(1 - beta) = " + sum);
            }
            sum = next;
            logAlphas[k] = 0.5 * sum;
        }
        return new DiscreteSchedule(logAlphas, clippedLambda);
    }

    /**
     * From the cumulative products \( \bar\alpha_n = \prod_{k \le n}(1 - \beta_k) \), clipped at
     * \(\lambda = -5.1\). Note \( \alpha_{t_n} = \sqrt{\bar\alpha_n} \).
     *
     * @param alphasCumprod \( \bar\alpha_0 > \bar\alpha_1 > \dots \), each in \((0, 1]\)
     * @return the schedule
     * @throws IllegalArgumentException if the array is empty or longer than {@link #MAX_STEPS},
     *     an entry is not in \((0, 1]\) or
     *     not strictly below its predecessor (the message names its index and value), or fewer than
     *     2 steps remain
     */
    public static DiscreteSchedule fromAlphasCumprod(double[] alphasCumprod) {
        return fromAlphasCumprod(alphasCumprod, DEFAULT_CLIPPED_LAMBDA);
    }

    /**
     * From the cumulative products \( \bar\alpha_n \).
     *
     * @param alphasCumprod \( \bar\alpha_0 > \bar\alpha_1 > \dots \), each in \((0, 1]\)
     * @param clippedLambda trailing steps with \(\lambda_n\) below it are dropped;
     *     {@code Double.NEGATIVE_INFINITY} keeps all
     * @return the schedule
     * @throws IllegalArgumentException if the array is empty or longer than {@link #MAX_STEPS},
     *     an entry is not in \((0, 1]\) or
     *     not strictly below its predecessor (the message names its index and value),
     *     {@code clippedLambda} is NaN, or fewer than 2 steps remain
     */
    public static DiscreteSchedule fromAlphasCumprod(double[] alphasCumprod, double clippedLambda) {
        Objects.requireNonNull(alphasCumprod, "alphasCumprod");
        if (alphasCumprod.length == 0) {
            throw new IllegalArgumentException("alphasCumprod is empty");
        }
        checkSteps("alphasCumprod.length", alphasCumprod.length);
        final double[] logAlphas = new double[alphasCumprod.length];
        for (int k = 0; k < alphasCumprod.length; k++) {
            final double a = alphasCumprod[k];
            if (!(a > 0 && a <= 1)) {
                throw new IllegalArgumentException(
                        "alphasCumprod[" + k + "] = " + a + ", must be in (0, 1]");
            }
            logAlphas[k] = 0.5 * Math.log(a);
            if (k > 0 && !(logAlphas[k] < logAlphas[k - 1])) {
                throw new IllegalArgumentException("alphasCumprod[" + k + "] = " + a
                        + " must be strictly decreasing, previous entry " + alphasCumprod[k - 1]);
            }
        }
        return new DiscreteSchedule(logAlphas, clippedLambda);
    }

    /**
     * The linear DDPM schedule (Ho et al. 2020; {@code betaStart = 1e-4}, {@code betaEnd = 0.02},
     * {@code n = 1000}), clipped at \(\lambda = -5.1\) (nothing is dropped for those values).
     *
     * @param betaStart \(\beta_0\)
     * @param betaEnd \(\beta_{n-1}\)
     * @param n number of steps, {@code 2..}{@link #MAX_STEPS}
     * @return the schedule from {@link #linearBetas(double, double, int)}
     * @throws IllegalArgumentException as {@link #linearBetas} and {@link #fromBetas(double[])}
     */
    public static DiscreteSchedule linear(double betaStart, double betaEnd, int n) {
        return fromBetas(linearBetas(betaStart, betaEnd, n));
    }

    /**
     * The discrete cosine schedule of Nichol and Dhariwal (2021), clipped at \(\lambda = -5.1\)
     * (for {@code n = 1000} the last 4 steps are dropped).
     *
     * @param n number of steps, {@code 2..}{@link #MAX_STEPS}
     * @return the schedule from {@link #cosineBetas(int)}
     * @throws IllegalArgumentException if {@code n < 2} or {@code n > MAX_STEPS}
     */
    public static DiscreteSchedule cosine(int n) {
        return fromBetas(cosineBetas(n));
    }

    /**
     * Evenly spaced betas with NumPy's {@code linspace(betaStart, betaEnd, n)} semantics:
     * \( \beta_i = i\,\delta + \beta_{\mathrm{start}} \) with
     * \( \delta = (\beta_{\mathrm{end}} - \beta_{\mathrm{start}})/(n-1) \), and the last entry set
     * to \( \beta_{\mathrm{end}} \) exactly.
     *
     * @param betaStart first value
     * @param betaEnd last value
     * @param n number of values, {@code 1..}{@link #MAX_STEPS} (one value is {@code betaStart})
     * @return the betas
     * @throws IllegalArgumentException if {@code n < 1}, {@code n > MAX_STEPS} or an end point is
     *     not finite
     */
    public static double[] linearBetas(double betaStart, double betaEnd, int n) {
        ScheduleMath.requireFinite(betaStart, "betaStart");
        ScheduleMath.requireFinite(betaEnd, "betaEnd");
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + ", must be >= 1");
        }
        checkSteps("n", n);
        final double[] betas = new double[n];
        if (n == 1) {
            betas[0] = betaStart;
            return betas;
        }
        final double step = (betaEnd - betaStart) / (n - 1);
        for (int i = 0; i < n; i++) {
            betas[i] = i * step + betaStart;
        }
        betas[n - 1] = betaEnd;
        return betas;
    }

    /**
     * The discrete cosine betas of Nichol and Dhariwal (2021, eq. 17; their
     * {@code betas_for_alpha_bar}):
     * \[ \beta_i = \min\left(1 - \frac{\bar\alpha(\frac{i+1}{n})}{\bar\alpha(\frac{i}{n})},\
     * 0.999\right),\qquad \bar\alpha(t) = \cos^2\left(\frac{t + s}{1 + s}\cdot\frac\pi2\right),
     * \quad s = 0.008, \]
     * for \( i = 0, \dots, n-1 \). The cap at 0.999 binds at the last step, where
     * \( \bar\alpha(1) \approx 0 \).
     *
     * @param n number of steps, {@code 1..}{@link #MAX_STEPS}
     * @return the betas
     * @throws IllegalArgumentException if {@code n < 1} or {@code n > MAX_STEPS}
     */
    public static double[] cosineBetas(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + ", must be >= 1");
        }
        checkSteps("n", n);
        final double[] betas = new double[n];
        for (int i = 0; i < n; i++) {
            final double ratio = cosineAlphaBar((double) (i + 1) / n) / cosineAlphaBar((double) i / n);
            betas[i] = Math.min(1 - ratio, COSINE_MAX_BETA);
        }
        return betas;
    }

    /**
     * @param name how the message names the length
     * @param n a number of steps
     * @throws IllegalArgumentException if {@code n > MAX_STEPS}
     */
    private static void checkSteps(String name, int n) {
        if (n > MAX_STEPS) {
            throw new IllegalArgumentException(name + " = " + n + ", must be <= MAX_STEPS = " + MAX_STEPS);
        }
    }

    /**
     * @param t time in \([0, 1]\)
     * @return \( \cos^2(\frac{t + s}{1 + s}\cdot\frac\pi2) \), in the reference's operation order
     */
    private static double cosineAlphaBar(double t) {
        final double c = Math.cos((t + COSINE_S) / (1 + COSINE_S) * Math.PI / 2);
        return c * c;
    }

    /**
     * @param logAlpha \(\log\alpha\)
     * @return \( \lambda = \log\alpha - \tfrac12\log(1 - \alpha^2) \)
     */
    private static double lambdaOf(double logAlpha) {
        return logAlpha - 0.5 * Math.log(-Math.expm1(2 * logAlpha));
    }

    /** @return \(N'\), the number of keypoints after clipping */
    public int length() {
        return logAlphas.length;
    }

    /** @return \(N\), the number of steps given, before clipping */
    public int originalLength() {
        return originalLength;
    }

    /** @return \(N - N'\), the number of trailing steps dropped by clipping */
    public int clippedCount() {
        return originalLength - logAlphas.length;
    }

    /** @return the clipping threshold on \(\lambda\) this schedule was built with */
    public double clippedLambda() {
        return clippedLambda;
    }

    /** @return a copy of the keypoint values \( \log\alpha_n \), \( n &lt; N' \) */
    public double[] logAlphas() {
        return logAlphas.clone();
    }

    /** @return a copy of the keypoint times \( t_n = (n+1)/N' \) */
    public double[] times() {
        return times.clone();
    }

    /**
     * The reference's model-time map, \( t \mapsto 1000\,(t - 1/N') \) with this schedule's clipped
     * length \(N'\) (see the class documentation for the label shift when steps were clipped).
     *
     * @return {@link ModelTimeMap#discreteReference(int) discreteReference(length())}
     */
    public ModelTimeMap modelTimeMap() {
        return ModelTimeMap.discreteReference(length());
    }

    /**
     * The map \( t \mapsto N' t - 1 \), which labels keypoint \(n\) with its step index \(n\), the
     * label a model trained on steps \( 0, \dots, N-1 \) saw there, whether or not trailing steps
     * were clipped. It equals {@link #modelTimeMap()} up to rounding when \(N' = 1000\).
     *
     * @return the map
     */
    public ModelTimeMap stepIndexTimeMap() {
        final int n = length();
        return new ModelTimeMap() {
            @Override
            public double toModelTime(double t) {
                return n * t - 1;
            }

            @Override
            public double fromModelTime(double modelTime) {
                return (modelTime + 1) / n;
            }

            @Override
            public String toString() {
                return "step-index(N=" + n + ")";
            }
        };
    }

    /**
     * @param t the time; outside \( [1/N', 1] \) the outermost segment is extended
     * @return the piecewise-linear \( \log\alpha_t \)
     */
    @Override
    public double logAlpha(double t) {
        return ScheduleMath.interpolate(t, times, logAlphas);
    }

    /**
     * @param lambda the half log-SNR
     * @return the piecewise-linear inverse of \( \log\alpha \) at
     *     \( -\tfrac12\log(1 + e^{-2\lambda}) \), extrapolated beyond the keypoints
     */
    @Override
    public double inverseLambda(double lambda) {
        return ScheduleMath.interpolate(ScheduleMath.logAlphaOfLambda(lambda),
                logAlphasIncreasing, timesDecreasing);
    }

    /** @return 1 */
    @Override
    public double tMax() {
        return 1;
    }

    /** @return \( 1/N' \), the first keypoint */
    @Override
    public double tMin() {
        return times[0];
    }

    @Override
    public String toString() {
        return "DiscreteSchedule[N'=" + length() + " of " + originalLength + ", clippedLambda="
                + clippedLambda + "]";
    }
}
